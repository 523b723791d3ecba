"""At the huddle's Blockers stage the team hears management's answers ("You said, we did")
once, sees which answers are overdue, and at Wrap-up is offered the digest."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.digest import DigestScreen
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.widgets.you_said_we_did import YouSaidWeDid


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


@pytest.fixture
def sent_up(store: Store, clock: FixedClock) -> None:
    """Sent up last Tuesday: one answered on Friday afternoon, one still waiting (red)."""
    monday = clock.at
    clock.at = datetime.combine(monday.date() - timedelta(days=6), time(9, 10)).astimezone()
    bea = store.members.find("bea")
    forms = store.blockers.raise_blocker(bea, "The form asks twice [TODO]")
    forms = store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    laptops = store.blockers.raise_blocker(bea, "No laptop for visits")
    store.blockers.escalate(laptops, "Only IT orders laptops", who="Ann Smith")
    clock.at = datetime.combine(monday.date() - timedelta(days=3), time(15)).astimezone()
    store.blockers.answer(forms, "IT drop the field on the 3rd", who="Pat Reid")
    clock.at = monday


async def test_the_answers_are_read_out_at_the_blockers_stage_then_not_again(
    store: Store, clock: FixedClock, sent_up: None
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4")
        text = await shown(pilot)
        assert "You said, we did" in text
        assert "You said: The form asks twice [TODO]" in text
        assert "We did: IT drop the field on the 3rd  (Pat Reid, Fri 27 Nov)" in text
        # The one still waiting is flagged, with how long it has waited.
        assert "sent up   RED  No laptop for visits" in text
        assert "no answer yet: waiting 4 huddle days (limit 2)" in text
        assert "(1 overdue)" in text
        assert len(store.blockers.unseen_answers()) == 1
        await pilot.press("pagedown")  # on to Wrap-up: the answers have been heard
        assert store.blockers.unseen_answers() == []
        await pilot.press("pageup")
        text = await shown(pilot)
        assert "heard at this huddle" in text  # still there to glance back at
        await pilot.press("escape")

        # The next huddle day: nothing to read out.
        clock.advance(days=1)
        await pilot.press("h", "4")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        assert not screen.query_one(YouSaidWeDid).display
        assert "You said" not in await shown(pilot)


async def test_wrap_up_offers_the_digest(store: Store, clock: FixedClock, sent_up: None) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "5")
        text = await shown(pilot)
        assert "Digest for management       not written yet  d previews and writes it" in text
        await pilot.press("d")
        assert isinstance(app.screen, DigestScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HuddleScreen)

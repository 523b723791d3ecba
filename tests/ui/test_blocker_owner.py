"""A blocker's owner can change at the huddle: the picker starts on nobody, lists the people
here first, and Down on the last stays there. Monday 30 November 2026."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from huddle.core import flow
from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.ask import PickOne
from tests.ui.screen_helpers import screen_text

MONDAY = date(2026, 11, 30)


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return screen_text(pilot.app)


async def test_o_on_an_owned_blocker_changes_its_owner(store: Store, clock: FixedClock) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    blocker = store.blockers.raise_blocker(bea, "No interpreter on Fridays [urgent]")
    store.blockers.take_ownership(blocker, ann, who="Ann Smith")
    flow.start(store, MONDAY)
    store.huddles.mark_attendance(MONDAY, bea, False)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4", "o")
        assert isinstance(app.screen, PickOne)
        text = await shown(pilot)
        assert "Who owns it now? (owned by Ann Smith) No interpreter on" in text
        rows = [line.strip(" │▊▎") for line in text.splitlines()]
        people = [
            row
            for row in rows
            if row.split("  ")[0] in {"Ann Smith", "Pat Reid", "Sam Okafor", "Bea Jones"}
        ]
        assert people == ["Ann Smith", "Pat Reid", "Sam Okafor", "Bea Jones  (not here)"]
        assert "Bea Jones  (not here)" in text  # the people here first
        # Nobody is picked at the start: Enter alone gives it to nobody, and says so.
        await pilot.press("enter")
        assert "Nobody is picked yet" in await shown(pilot)
        assert isinstance(app.screen, PickOne)
        # Down past the end stays on the last: Bea, not back at the top on Ann.
        await pilot.press(*["down"] * 9)
        assert "Nobody is picked yet" not in await shown(pilot)
        await pilot.press("enter")
        text = await shown(pilot)
        assert "owned by Bea Jones" in text
    moved = store.blockers.get(blocker.id)
    assert (moved.status, moved.owner_name) == (BlockerStatus.OWNED, "Bea Jones")
    last = store.blockers.history(moved)[-1]
    assert (last.status_from, last.status_to) == (BlockerStatus.OWNED, BlockerStatus.OWNED)
    assert last.note == "owner changed from Ann Smith to Bea Jones"

"""Marks at Yesterday go where the cursor says, on the demo team: after the last step the
cursor moves on ("Still in place?"), and a key that would do nothing says so."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from tests.ui.screen_helpers import notices, screen_text

DEMO_MONDAY = date(2026, 11, 30)
"""The demo team's "today" (as in the screenshots): Monday, looking back on Friday."""


def fridays_steps(store: Store) -> dict[str, StepStatus]:
    return {s.member_name: s.status for s in store.steps.on_day(date(2026, 11, 27))}


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return screen_text(pilot.app)


async def test_after_the_last_step_the_cursor_moves_on_and_a_spare_key_says_so(
    demo: Store,
) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("h", "2")
        text = await shown(pilot)
        assert "0 of 8 marked" in text  # seven steps and one "still in place?"
        await pilot.press(*"dddddddd", "p")
        text = await shown(pilot)
        assert "8 of 8 marked" in text
        # Every step is done, the adopted change still in place; p changed nothing, and said so.
        marks = fridays_steps(demo)
        assert set(marks.values()) == {StepStatus.DONE}, marks
        assert demo.pdsa.checks_due(DEMO_MONDAY) == []
        assert any("every step is marked" in n.lower() for n in notices(app)), notices(app)
        assert "Tom Bradley" in text and "◐ partly" not in text
        # Up picks a row again: a mark made on purpose is taken.
        await pilot.press("up", "up", "p")
        assert "◐ partly" in await shown(pilot)
    assert fridays_steps(demo)["Tom Bradley"] is StepStatus.PARTLY


async def test_the_picked_blocker_stays_in_view_on_a_small_screen(demo: Store) -> None:
    from huddle.ui.screens.stages.blockers import BlockerList

    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4")
        listing = app.screen.query_one(BlockerList)
        count = len(demo.blockers.open())
        assert count > 8  # more than fit on the screen
        for down in range(count):
            text = await shown(pilot)
            picked = demo.blockers.get(listing.highlighted_id() or "")
            assert picked.text[:24] in text, f"after {down} Downs: {picked.text}"
            assert listing.region.bottom <= app.size.height - 1  # above the footer
            await pilot.press("down")

"""Small things a lead would notice on the shared screen at 80 columns: a step's goal is
never left dangling after a lone dot at the end of a line, and Wrap-up's time adds up."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

FRIDAY = date(2026, 11, 27)


async def lines_shown(pilot: Pilot[None]) -> list[str]:
    """The screen's lines, without the frames drawn around lists."""
    await pilot.pause()
    strips = pilot.app.screen._compositor.render_strips()
    return [s.text.strip(" ▊▎│▌▍▐▕").strip() for s in strips]


async def test_a_goal_stays_with_its_dot_when_a_long_step_wraps(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    cut = store.goals.find("cut")
    store.steps.add(ann, "Note one strength in every section of the assessment", FRIDAY, goal=cut)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        lines = await lines_shown(pilot)
        assert not [line for line in lines if line.endswith("·")], lines
        assert any(line.endswith("· #cut") for line in lines), lines


async def test_wrap_up_time_taken_and_time_to_spare_add_up(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        clock.advance(seconds=50.6)
        await pilot.press("5")
        assert "0:50 of 15:00  (14:10 to spare)" in "\n".join(await lines_shown(pilot))

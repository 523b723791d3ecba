"""The huddle on the shared screen while people add from their own terminals."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages.today import StepInput, TodayStage

MONDAY = date(2026, 11, 30)


async def test_a_step_added_from_a_shell_shows_under_today_and_the_typed_line_stays(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        entry = screen.query_one(StepInput)
        entry.insert_text_at_cursor("Half a line [kept]")
        await pilot.pause()

        other = Store.open(store.db.path, clock=clock)  # `huddle add` in another terminal
        other.steps.add(other.members.find("ann"), "Added from the shell", MONDAY)
        other.close()
        app.check_for_changes()
        await pilot.pause()

        today = screen.query_one(TodayStage)
        assert [s.text for s in today.steps[store.members.find("ann").id]] == [
            "Added from the shell"
        ]
        assert entry.value == "Half a line [kept]"
        assert app.focused is entry

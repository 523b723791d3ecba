"""Reading back past huddles on the shared screen, and finding what was written."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Input, Select

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.history import HistoryScreen

from .screen_helpers import FRIDAY, THURSDAY, add_history, notices, screen_text, wait_until


async def open_history(pilot: object) -> HistoryScreen:
    await pilot.press("p")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HistoryScreen)
    return screen


async def test_history_opens_on_the_last_huddle_with_its_full_record(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot)
        text = screen_text(app)
        assert "Friday 27 November 2026" in text
        assert "09:00 to 09:14 (14 min)" in text
        assert "run by Ann Smith" in text
        assert "Present (2): Ann Smith, Bea Jones" in text
        assert "Not here (1): Sam Okafor" in text
        assert "Looked back on: the steps for Thu 26 Nov (2)" in text
        assert "Learned from [Bea Jones]" in text  # brackets shown as typed
        assert "Ring the carer before the visit (Fri) [TODO]" in text
        assert "No interpreter on Fridays 🙁" in text
        assert "open → sent up" in text


async def test_moving_back_and_on_by_day_with_keys_and_buttons(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("left")
        assert screen.day is not None and screen.day.day == 26
        assert "Thursday 26 November 2026" in screen_text(app)
        await pilot.click("#day-on")
        assert screen.day == FRIDAY
        await pilot.press("right")  # Monday's huddle has not happened yet
        assert screen.day == FRIDAY
        await pilot.press("left_square_bracket")  # a month back: nothing before Thursday
        assert screen.day.day == 26


async def test_a_day_changed_elsewhere_is_read_again_when_moved_back_to(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot)
        assert "Learned from [Bea Jones]" in screen_text(app)
        await pilot.press("left")
        assert "Thursday 26 November 2026" in screen_text(app)
        assert store.db.path is not None
        other = Store.open(store.db.path, clock=clock)  # another terminal, on the same file
        try:
            thursdays = {s.member_name: s for s in other.steps.on_day(THURSDAY)}
            other.steps.review(thursdays["Bea Jones"], StepStatus.PARTLY, "Only the morning")
        finally:
            other.close()
        app.check_for_changes()
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "Only the morning" in screen_text(app))
        assert "Learned from [Bea Jones]" not in screen_text(app)


async def test_typing_a_date_as_people_say_it(store: Store, clock: FixedClock) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("g", *"last thu", "enter")
        assert screen.day is not None and screen.day.day == 26
        await pilot.press("g", *"sat", "enter")
        assert "Saturday 28 November 2026  ·  no huddle recorded" in screen_text(app)  # looks back
        await pilot.press("g", *"the 40th", "enter")
        assert "can't read 'the 40th' as a date" in notices(app)[-1]


async def test_search_finds_steps_learning_and_blockers_and_opens_the_day(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"interpreter", "enter")
        text = screen_text(app)
        assert "1 found" in text
        assert "Blocker: No interpreter on Fridays 🙁" in text
        assert "Needs a budget decision" in text
        await pilot.press("enter")
        assert screen.day == FRIDAY
        assert not screen.searching
        assert "Friday 27 November 2026" in screen_text(app)


async def test_search_narrows_down_by_person_goal_and_status(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert "5 found" in screen_text(app)  # everything, newest first
        screen.query_one("#search-person", Select).value = store.members.find("bea").id
        await pilot.pause()
        assert "2 found" in screen_text(app)
        screen.query_one("#search-status", Select).value = StepStatus.DONE
        await pilot.pause()
        assert "1 found" in screen_text(app)
        assert "Ring the carer before the visit (Thu) [TODO]" in screen_text(app)
        screen.query_one("#search-person", Select).clear()
        screen.query_one("#search-goal", Select).value = store.goals.find("wait").id
        await pilot.pause()
        assert "1 found" in screen_text(app)
        assert "Prepare the visit questions (Thu)" in screen_text(app)


async def test_search_results_come_a_page_at_a_time(store: Store, clock: FixedClock) -> None:
    ann = store.members.find("ann")
    for n in range(120):
        store.steps.add(ann, f"Audit case file {n}", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"audit", "enter")
        table = screen.query_one("#results", DataTable)
        assert table.row_count == 50
        assert "120 found, showing the newest 50" in screen_text(app)
        await pilot.click("#more")
        assert table.row_count == 100
        table.move_cursor(row=99)
        await pilot.pause()
        assert table.row_count == 120
        assert not screen.query_one("#more", Button).has_class("-more")


async def test_escape_leaves_the_search_then_the_screen(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert not screen.searching
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_a_team_with_no_huddles_yet_says_so(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert "Nothing was recorded on this day" in screen_text(app)


async def test_enter_steps_through_a_past_huddle_read_only(store: Store, clock: FixedClock) -> None:
    from huddle.ui.screens.huddle import HuddleScreen

    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HuddleScreen)
        assert app.screen.read_only and app.screen.day == FRIDAY
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_a_click_on_a_result_opens_its_day(store: Store, clock: FixedClock) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.click("#to-search")
        await pilot.press(*"interpreter", "enter")
        table = screen.query_one("#results", DataTable)
        assert await wait_until(pilot, lambda: table.row_count > 0)  # the search has answered
        await pilot.click(table, offset=(30, 1))  # chooses the row
        await pilot.click(table, offset=(30, 1))  # a click on the chosen row opens it
        assert await wait_until(pilot, lambda: not screen.searching)
        assert screen.day == FRIDAY

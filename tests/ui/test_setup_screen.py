"""Setting the team up from the shared screen: members, days, holidays, timebox, settings."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, DataTable, Input, TabbedContent

from huddle.core.calendar import FixedClock
from huddle.core.models import DateOrder, Role, Stage
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.setup import TeamSetupScreen

from .screen_helpers import notices, screen_text, wait_until


async def open_setup(pilot: object, tab: str = "members-tab") -> TeamSetupScreen:
    await pilot.press("f2")  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, TeamSetupScreen)
    screen.query_one(TabbedContent).active = tab
    await pilot.pause()  # type: ignore[attr-defined]
    return screen


def choose_row(screen: TeamSetupScreen, table_id: str, label: str) -> None:
    table = screen.query_one(table_id, DataTable)
    for index in range(table.row_count):
        if str(table.get_row_at(index)[0]) == label:
            table.move_cursor(row=index)
            table.focus()
            return
    raise AssertionError(f"no row {label!r}")


async def test_add_rename_and_retire_a_member(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot)
        screen.query_one("#new-member", Input).focus()
        await pilot.press(*"Kim [Lee]", "enter")
        assert "Kim [Lee]" in screen_text(app)
        choose_row(screen, "#members", "Bea Jones")
        await pilot.press("r")
        assert isinstance(app.screen, AskText)
        await pilot.press(
            *"Beatrice Jones", "enter"
        )  # the old name is selected: typing replaces it
        choose_row(screen, "#members", "Sam Okafor")
        await pilot.press("x")
        await pilot.press("o")
        text = screen_text(app)
        assert "Beatrice Jones" in text
        assert "retired" in text
    names = [(m.name, m.role, m.active) for m in store.members.all(active_only=False)]
    assert ("Kim [Lee]", Role.PRACTITIONER, True) in names
    assert ("Beatrice Jones", Role.PRACTITIONER, True) in names
    assert ("Sam Okafor", Role.MANAGER, False) in names


async def test_a_name_already_taken_is_refused_with_a_notice(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot)
        screen.query_one("#new-member", Input).focus()
        await pilot.press(*"ann smith", "enter")
        assert notices(app)[-1] == "there is already a member called ann smith"
    assert len(store.members.all()) == 4


async def test_a_rename_to_a_name_already_taken_keeps_the_dialog_and_what_was_typed(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot)
        choose_row(screen, "#members", "Bea Jones")
        await pilot.press("r")
        await pilot.press(*"Ann Smith", "enter")
        refused = "there is already a member called Ann Smith"
        assert await wait_until(pilot, lambda: refused in screen_text(app))
        assert isinstance(app.screen, AskText)  # still open, to be put right
        assert app.screen.query_one(Input).value == "Ann Smith"
        await pilot.press("escape")
    names = sorted(m.name for m in store.members.all())
    assert names.count("Ann Smith") == 1
    assert "Bea Jones" in names


async def test_huddle_days_and_holidays(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot, "days-tab")
        await pilot.click("#day-fri")
        assert not screen.query_one("#day-fri", Checkbox).value
        screen.query_one("#holiday-day", Input).focus()
        await pilot.press(*"24/12")
        screen.query_one("#holiday-name", Input).focus()
        await pilot.press(*"Christmas Eve", "enter")
        assert "Christmas Eve" in screen_text(app)
        screen.query_one("#holiday-day", Input).value = "31/12"
        await pilot.click("#add-holiday")
        choose_row(screen, "#holidays", "Thu 24 Dec 2026")
        await pilot.press("delete")
        await pilot.pause()
        assert "Christmas Eve" not in screen_text(app)
    assert store.team.get().huddle_days == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"
    assert [h.day for h in store.team.holidays()] == [date(2026, 12, 31)]


async def test_the_last_huddle_day_cannot_be_taken_away(store: Store, clock: FixedClock) -> None:
    store.team.update(huddle_days="FREQ=WEEKLY;BYDAY=MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot, "days-tab")
        await pilot.click("#day-mon")
        await pilot.pause()
        assert screen.query_one("#day-mon", Checkbox).value
        assert "name at least one huddle day" in notices(app)[-1]
    assert store.team.get().huddle_days == "FREQ=WEEKLY;BYDAY=MO"


async def test_the_timebox_split_across_the_stages(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot, "timebox-tab")
        assert "In all: 15 minutes" in screen_text(app)
        box = screen.query_one("#minutes-today", Input)
        box.focus()
        await pilot.press("end", "shift+home", "8")
        assert "In all: 18 minutes" in screen_text(app)
        await pilot.press("enter")
    assert store.team.get().timebox_minutes == 18
    assert store.timebox.split()[Stage.TODAY] == 8


async def test_team_name_date_order_answer_limit_and_backups_kept(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot, "team-tab")
        name = screen.query_one("#team-name", Input)
        name.focus()
        await pilot.press("end", *" (East)", "enter")
        await pilot.click("#month-first")
        limit = screen.query_one("#answer-limit", Input)
        limit.focus()
        await pilot.press("end", "shift+home", "5", "enter")
        kept = screen.query_one("#backups-kept", Input)
        assert kept.value == "14"
        kept.focus()
        await pilot.press("end", "shift+home", *"30", "enter")
        await pilot.pause()
    team = store.team.get()
    assert team.name == "Northside Assessment Team (East)"
    assert team.date_order is DateOrder.MONTH_FIRST
    assert team.answer_limit_days == 5
    assert team.backups_kept == 30


async def test_away_dates_typed_as_people_say_them(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_setup(pilot)
        choose_row(screen, "#members", "Bea Jones")
        await pilot.press("a")
        await pilot.press(*"wed", "enter", *"fri", "enter", *"Training [day 2]", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Wed 2 Dec" in text and "Fri 4 Dec" in text and "Training [day 2]" in text
        choose_row(screen, "#away", "Bea Jones")
        await pilot.press("delete")
        await pilot.pause()
        assert "Training [day 2]" not in screen_text(app)
    assert store.absences.upcoming(clock.at.date()) == []


async def test_away_dates_are_saved(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_setup(pilot)
        choose_row(screen, "#members", "Sam Okafor")
        await pilot.press("a", *"tomorrow", "enter", "enter", "enter")
        await pilot.pause()
    (away,) = store.absences.upcoming(clock.at.date())
    assert (away.member_name, away.first_day, away.last_day) == (
        "Sam Okafor",
        date(2026, 12, 1),
        date(2026, 12, 1),
    )


async def test_a_member_is_also_called_by_a_nickname(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(pilot)
        choose_row(screen, "#members", "Bea Jones")
        await pilot.press("c")
        assert isinstance(app.screen, AskText)
        await pilot.press(*"Bee, B [J]", "enter")
        await pilot.pause()
        assert "Bee, B [J]" in screen_text(app)
        choose_row(screen, "#members", "Sam Okafor")
        await pilot.press("c", *"Bee", "enter")  # Bea's already: refused, in one line
        await pilot.pause()
        # Said once, under the box (the dialog stays open with what was typed).
        assert isinstance(app.screen, AskText)
        assert "Bee is already a name of Bea Jones" in screen_text(app)
        assert not any("Bee is already" in n for n in notices(app))
    assert store.members.find("bee").name == "Bea Jones"
    assert store.members.find("sam").aliases == ()

"""Working the shared screen from across the room: help for every key, the curtain, the
palette, the two layouts, a high-contrast theme that is remembered, and the first run."""

from __future__ import annotations

import json
import os
from pathlib import Path

from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.commands import available_commands, register_command
from huddle.ui.screens.curtain import CurtainScreen
from huddle.ui.screens.first_run import FirstRunScreen
from huddle.ui.screens.help import HelpScreen
from huddle.ui.screens.history import HistoryScreen
from huddle.ui.screens.home import HomeScreen
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.shared_screen import WIDE_COLUMNS, is_wide
from huddle.ui.widgets.fitting_footer import FittingFooter

from .screen_helpers import add_history, notices, run_from_palette, screen_text, wait_until


async def test_question_mark_lists_every_key_of_the_screen_and_what_it_does(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for line in ("Help: History", "◂ Week", "Go to a date you type", "Curtain", "Quit", "esc"):
            assert line in text
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_help_reads_keys_from_the_bindings_so_a_new_key_shows_up(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen._bindings.bind("z", "app.bell", "Ring the bell for attention")
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Ring the bell for attention" in screen_text(app)


async def test_the_footer_always_shows_help_or_more_even_at_80_columns(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("", "p"):
            if key:
                await pilot.press(key)

            def shows_help() -> bool:
                footer = screen_text(app).splitlines()[-1]
                return "? Help" in footer or footer.rstrip().endswith("? more")

            assert await wait_until(pilot, shows_help), screen_text(app).splitlines()[-1]


async def test_clicking_a_footer_key_does_what_the_key_does(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "h Huddle" in screen_text(app))
        footer = screen_text(app).splitlines()[-1]
        await pilot.click(FittingFooter, offset=(footer.index("Huddle"), 0))
        assert await wait_until(pilot, lambda: isinstance(app.screen, HuddleScreen))


async def test_the_curtain_hides_every_name_and_text_but_keeps_time_and_counts(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")
        assert "Ann Smith" in screen_text(app)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, CurtainScreen)
        text = screen_text(app)
        for hidden in ("Ann", "Bea", "Sam", "interpreter", "Northside", "carer"):
            assert hidden not in text
        assert "5 people in the team" in text
        assert "1 open blocker" in text
        assert "Monday 30 November 2026" in text
        await pilot.press("q")  # does not quit, nor reach the screen below
        assert isinstance(app.screen, CurtainScreen)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, HistoryScreen)
        assert "Ann Smith" in screen_text(app)


async def test_the_curtain_drops_even_while_someone_is_typing(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "slash", *"visit")
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, CurtainScreen)
        await pilot.click(offset=(5, 5))
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#search-text", Input).value == "visit"


async def test_the_palette_lists_only_commands_that_can_run(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [c.title for c in available_commands(app.screen)]
        assert "Open past huddles" in titles
        assert "Open goals" in titles  # an action of the home screen
        assert "Close the curtain" in titles
        assert "Switch theme" in titles
        register_command("Ring the bell", "For attention", "app.no_such_thing")
        assert "Ring the bell" not in [c.title for c in available_commands(app.screen)]
        await run_from_palette(pilot, "past huddles", "Open past huddles")
        assert await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))


async def test_a_home_screen_command_runs_from_any_screen(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, HistoryScreen)
        await app.run_action("app.from_home('goals')")
        await pilot.pause()
        assert type(app.screen).__name__ == "GoalsScreen"


async def test_a_wide_terminal_gets_the_presentation_layout(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not is_wide(app.screen)
        assert app.screen.has_class("-compact")
        await pilot.resize_terminal(WIDE_COLUMNS, 40)
        await pilot.pause()
        assert is_wide(app.screen)
        await pilot.press("p")
        await pilot.pause()
        assert is_wide(app.screen)  # a screen opened later gets it too


async def test_the_chosen_theme_is_remembered_for_next_time(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    async with HuddleApp(store, clock=clock).run_test() as pilot:
        pilot.app.theme = "huddle-high-contrast"
        await pilot.pause()
    settings = json.loads(Path(os.environ["HUDDLE_CONFIG"]).read_text())
    assert settings["theme"] == "huddle-high-contrast"
    async with HuddleApp(store, clock=clock).run_test() as pilot:
        assert pilot.app.theme == "huddle-high-contrast"


async def test_opening_the_app_writes_no_settings(store: Store, clock: FixedClock) -> None:
    async with HuddleApp(store, clock=clock).run_test():
        pass
    assert not Path(os.environ["HUDDLE_CONFIG"]).exists()


async def test_a_new_file_starts_with_a_short_guided_set_up(
    tmp_path: Path, clock: FixedClock
) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        assert "What is your team called?" in screen_text(app)
        await pilot.press(*"Riverside [North] team", "enter")
        assert "Who is in the team?" in screen_text(app)
        await pilot.press(*"Jo Bloggs", "enter")
        app.screen.query_one("#member-name", Input).value = "Ali Khan 😀"
        await pilot.press("enter")
        assert "Jo Bloggs (leads the huddle)" in screen_text(app)
        await pilot.press("enter")  # nothing typed: on to the goal
        await pilot.press(*"Fewer repeat referrals", "enter", *"People ring back", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.team.get().name == "Riverside [North] team"
    assert [(m.name, m.role.value) for m in store.members.all()] == [
        ("Ali Khan 😀", "practitioner"),
        ("Jo Bloggs", "lead"),
    ]
    assert [(g.title, g.why) for g in store.goals.all()] == [
        ("Fewer repeat referrals", "People ring back")
    ]
    store.close()


async def test_skipping_the_set_up_keeps_what_was_typed(tmp_path: Path, clock: FixedClock) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Riverside team", "escape")  # Esc by habit, the name not yet saved
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.team.get().name == "Riverside team"
    store.close()


async def test_skipping_the_set_up_later_keeps_the_name_or_the_goal_typed(
    tmp_path: Path, clock: FixedClock
) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    async with HuddleApp(store, clock=clock).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Riverside team", "enter", *"Jo Bloggs", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    assert [m.name for m in store.members.all()] == ["Jo Bloggs"]
    store.close()
    store = Store.open(tmp_path / "other.db", clock=clock)
    async with HuddleApp(store, clock=clock).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Riverside team", "enter", *"Jo Bloggs", "enter", "enter")
        await pilot.press(*"Fewer repeat referrals", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    assert [g.title for g in store.goals.all()] == ["Fewer repeat referrals"]
    store.close()


async def test_enter_with_no_name_yet_says_what_to_type(tmp_path: Path, clock: FixedClock) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Riverside team", "enter", "enter")  # nobody in the team yet
        assert await wait_until(
            pilot, lambda: any("Type your name first" in n for n in notices(app))
        )
        assert "Who is in the team?" in screen_text(app)
    store.close()


async def test_a_file_with_a_team_opens_on_the_home_screen(store: Store, clock: FixedClock) -> None:
    async with HuddleApp(store, clock=clock).run_test() as pilot:
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_raise_a_blocker_from_the_palette_starts_the_add_line_with_a_bang(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        titles = [c.title for c in available_commands(app.screen)]
        assert {"Start or resume the huddle", "Raise a blocker", "Add a small step"} <= set(titles)
        await app.run_action("app.raise_blocker")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert isinstance(app.focused, Input)
        assert app.focused.value == "! "

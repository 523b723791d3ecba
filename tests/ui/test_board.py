"""The board between huddles, used as a person at the wall would: `b` on home, the arrows,
space, picking a day on the day-status strip, the curtain. Monday 30 November 2026, 09:00."""

from __future__ import annotations

from datetime import date

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import DayColor
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.board import BoardScreen
from huddle.ui.screens.curtain import CurtainScreen

from .screen_helpers import in_block_letters, run_from_palette, screen_text, wait_until

MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 11, 29)


def board_of(app: HuddleApp) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


async def test_b_on_home_opens_the_board_on_todays_steps(store: Store) -> None:
    store.steps.add(store.members.find("bea"), "Ring the carer [first] about the visit", MONDAY)
    async with HuddleApp(store).run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        assert await wait_until(pilot, lambda: "Ring the carer [first]" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "Small steps for today: 1 from 1 person" in text
        assert "Bea Jones" in text
        assert "The panels turn every 20 s" in text


async def test_the_arrows_move_between_panels_and_pause_the_turning(store: Store) -> None:
    store.blockers.raise_blocker(store.members.find("ann"), "The rota is not shared")
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(100, 30)) as pilot:
        board = board_of(pilot.app)
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "Open (1)" in screen_text(pilot.app))
        assert "The rota is not" in screen_text(pilot.app)  # (wrapped in its card)
        assert "Paused: this panel stays" in screen_text(pilot.app)
        for _ in range(40):
            board.tick()  # paused: a minute goes by and the panel stays
        assert "Open (1)" in screen_text(pilot.app)
        await pilot.press("space")
        assert await wait_until(pilot, lambda: "turn every 20 s" in screen_text(pilot.app))
        for _ in range(20):
            board.tick()
        assert await wait_until(pilot, lambda: "Small steps this week" in screen_text(pilot.app))
        await pilot.press("left", "left")
        assert await wait_until(pilot, lambda: "Small steps for today" in screen_text(pilot.app))


async def test_the_panels_turn_at_the_teams_pace(store: Store) -> None:
    store.team.update(board_seconds=5)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(100, 30)) as pilot:
        board = board_of(pilot.app)
        await pilot.pause()
        assert "turn every 5 s" in screen_text(pilot.app)
        for _ in range(4):
            board.tick()
        assert "Small steps for today" in screen_text(pilot.app)
        board.tick()
        assert await wait_until(pilot, lambda: "Open (0)" in screen_text(pilot.app))


async def test_a_day_is_picked_and_given_its_colour(store: Store) -> None:
    missed = store.day_status.track("Missed visits")
    urgent = store.day_status.track("Urgent referrals")
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        assert await wait_until(pilot, lambda: "Picking a day" in screen_text(pilot.app))
        await pilot.press("g")  # today, first measure
        await pilot.press("left", "down", "r")  # Sunday, the second measure
        await pilot.press("right", "right")  # no further than today
        await pilot.press("a")
        assert await wait_until(
            pilot, lambda: "November: 0 green, 1 amber, 1 red" in screen_text(pilot.app)
        )
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: "Picking a day" not in screen_text(pilot.app))
        assert isinstance(pilot.app.screen, BoardScreen)
    colors = store.day_status.between(SUNDAY, MONDAY)
    assert colors == {
        (missed.id, MONDAY): DayColor.GREEN,
        (urgent.id, SUNDAY): DayColor.RED,
        (urgent.id, MONDAY): DayColor.AMBER,
    }


async def test_g_does_nothing_until_a_day_is_picked(store: Store) -> None:
    store.day_status.track("Missed visits")
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "a", "r")
        await pilot.pause()
    assert store.day_status.between(SUNDAY, MONDAY) == {}


@pytest.mark.parametrize("size", [(100, 30), (200, 50)], ids=["laptop", "tv"])
async def test_the_board_shows_what_another_terminal_adds_without_a_key(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    assert store.db.path is not None
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=size) as pilot:
        await pilot.pause()
        other = Store.open(store.db.path, clock=clock)
        try:
            other.steps.add(other.members.find("sam"), "Write notes within the hour", MONDAY)
        finally:
            other.close()
        assert await wait_until(
            pilot, lambda: "Write notes within the hour" in screen_text(pilot.app)
        )


async def test_the_curtain_hides_the_board(store: Store) -> None:
    store.steps.add(store.members.find("bea"), "Ring the carer", MONDAY)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+k")
        assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, CurtainScreen))
        assert "Ring the carer" not in screen_text(pilot.app)
        await pilot.press("ctrl+k")
        assert await wait_until(pilot, lambda: "Ring the carer" in screen_text(pilot.app))


async def test_the_palette_opens_the_board(store: Store) -> None:
    async with HuddleApp(store).run_test(size=(100, 30)) as pilot:
        await run_from_palette(pilot, "safety cross", "The board")
        assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, BoardScreen))


NEW_PEOPLE = ("Cal Ward", "Dee Khan", "Eli Moss", "Fay Lund", "Gus Hart")


def team_of_nine_with_two_steps_each(store: Store) -> list[str]:
    for name in NEW_PEOPLE:
        store.members.add(name)
    wait, more = store.goals.all()
    names = []
    for member in store.members.all():
        store.steps.add(
            member, f"Ring {member.name}'s first visit the day before", MONDAY, goal=wait
        )
        store.steps.add(member, f"Write {member.name}'s notes within the hour", MONDAY, goal=more)
        names.append(member.name)
    return names


async def test_on_the_wall_a_team_of_nine_with_two_steps_each_fits_on_one_page(
    store: Store,
) -> None:
    names = team_of_nine_with_two_steps_each(store)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(200, 50)) as pilot:
        assert await wait_until(pilot, lambda: "from 9 people" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "small steps for today" in text
        for name in names:  # every card, every step on it, words whole
            assert name in text
            assert f"Ring {name}'s first visit the day before" in text
            assert f"Write {name}'s notes within the hour" in text
        assert "page 1 of" not in text


async def test_on_a_laptop_the_cards_turn_page_by_page_then_the_next_panel(
    store: Store,
) -> None:
    names = team_of_nine_with_two_steps_each(store)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(80, 24)) as pilot:
        board = board_of(pilot.app)
        assert await wait_until(pilot, lambda: "page 1 of" in screen_text(pilot.app))
        pages = board.pages()
        assert pages > 1
        seen = ""
        for page in range(1, pages + 1):
            assert await wait_until(
                pilot, lambda p=page: f"page {p} of {pages}" in screen_text(pilot.app)
            )
            seen += screen_text(pilot.app)
            for _ in range(20):
                board.tick()  # the panel's time is up: its next page
        assert all(f"Write {name}'s notes within the hour" in seen for name in names)
        assert await wait_until(pilot, lambda: "Open (0)" in screen_text(pilot.app))
        await pilot.press("left")  # back to the steps, from their first page
        assert await wait_until(pilot, lambda: f"page 1 of {pages}" in screen_text(pilot.app))
        await pilot.press("right")
        assert await wait_until(pilot, lambda: f"page 2 of {pages}" in screen_text(pilot.app))


async def test_on_the_wall_each_panel_shows_its_key_figure_in_block_letters(
    store: Store,
) -> None:
    team_of_nine_with_two_steps_each(store)
    store.blockers.raise_blocker(store.members.find("ann"), "The rota is not shared")
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(200, 50)) as pilot:
        assert await wait_until(pilot, lambda: "small steps for today" in screen_text(pilot.app))
        assert in_block_letters("18", screen_text(pilot.app))  # 9 people, 2 steps each
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "The rota is not shared" in screen_text(pilot.app))
        assert in_block_letters("1", screen_text(pilot.app))  # one open
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "small steps this week" in screen_text(pilot.app))
        assert in_block_letters("18", screen_text(pilot.app))  # towards the goals
        assert "Cut the wait for a care assessment" in screen_text(pilot.app)
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "Running total" in screen_text(pilot.app))
        assert "You said, we did" in screen_text(pilot.app)


async def test_the_figures_grow_when_the_window_grows_to_the_tv_and_shrink_back(
    store: Store,
) -> None:
    store.steps.add(store.members.find("bea"), "Ring the carer", MONDAY)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(80, 24)) as pilot:
        line = "Small steps for today: 1 from 1 person"
        assert await wait_until(pilot, lambda: line in screen_text(pilot.app))
        await pilot.resize_terminal(200, 50)
        assert await wait_until(pilot, lambda: in_block_letters("1", screen_text(pilot.app)))
        assert "small step for today" in screen_text(pilot.app)
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: line in screen_text(pilot.app))


async def test_on_the_wall_the_day_status_counts_the_green_days_in_block_figures(
    store: Store,
) -> None:
    missed = store.day_status.track("Missed visits")
    for day in (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)):
        store.day_status.set(missed, day, DayColor.GREEN)
    store.day_status.set(missed, date(2026, 11, 5), DayColor.RED)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=(200, 50)) as pilot:
        await pilot.press("left")
        assert await wait_until(pilot, lambda: "green days in November" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "Missed visits" in text and "0 amber, 1 red" in text
        assert in_block_letters("3", text)


def blank_lines_inside_cards(text: str) -> int:
    """Lines on which every card side by side is empty between its borders."""
    inside = [line for line in text.splitlines() if "│" in line]
    return sum(1 for line in inside if not line.replace("│", "").strip())


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["laptop", "tv"])
async def test_each_card_on_the_board_is_as_tall_as_its_words(
    store: Store, size: tuple[int, int]
) -> None:
    for name in ("ann", "bea", "sam"):
        store.steps.add(store.members.find(name), f"Ring {name}'s carer first", MONDAY)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=size) as pilot:
        assert await wait_until(pilot, lambda: "Ring sam's carer first" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert text.count("╭") == 3 and text.count("╰") == 3
        assert blank_lines_inside_cards(text) <= 1  # (a name in block letters may have one)

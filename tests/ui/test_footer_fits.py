"""The footer at 80x24: the keys that matter most are shown whole, and "? more" says when
some keys are left out (Help lists them all)."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.help import HelpScreen
from huddle.ui.widgets.fitting_footer import FittingFooter
from tests.ui.screen_helpers import FRIDAY, add_history, screen_text, wait_until

MOST_IMPORTANT = {
    1: ("space Here/not here", "PgDn Next"),
    2: ("d Done", "PgDn Next"),
    3: ("↑ Previous person", "↓ Next person"),
    4: ("b Raise", "e Send up", "PgDn Next"),
    5: ("⏎ End the huddle", "PgDn Next"),
}


def footer(app: HuddleApp) -> str:
    return screen_text(app).splitlines()[-1]


def fits(line: str, keys: tuple[str, ...]) -> bool:
    """Every key is shown whole, and "? more" (or Help) is there to list the rest."""
    return all(key in line for key in keys) and ("? more" in line or "? Help" in line)


async def test_home_at_80_columns_shows_huddle_first_and_more(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(pilot, lambda: "? more" in footer(app)), footer(app)
        line = footer(app)
        assert line.lstrip().startswith("h Huddle a Add a step"), line
        assert line.rstrip().endswith("? more"), line
        assert "▏" not in line  # no key cut in half
        await pilot.press("question_mark")  # "? more" lists the keys left out
        assert await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_every_huddle_stage_at_80_columns_shows_its_main_keys(
    store: Store, clock: FixedClock
) -> None:
    store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        for stage, keys in MOST_IMPORTANT.items():
            for _ in range(2):  # the second asks no more about what is left in this stage
                await app.screen.run_action(f"go({stage})")
            assert await wait_until(pilot, lambda keys=keys: fits(footer(app), keys)), (
                stage,
                footer(app),
            )
            assert "▏" not in footer(app)


async def test_all_keys_that_fit_show_help_first(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        assert await wait_until(pilot, lambda: "h Huddle" in footer(app))
        line = footer(app)
        assert line.lstrip().startswith("? Help"), line
        assert "more" not in line and "Refresh" in line


async def test_a_click_on_an_arrow_in_history_moves_a_day_and_on_more_opens_help(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert await wait_until(pilot, lambda: "←→ Day" in footer(app)), footer(app)
        assert "Friday 27 November 2026" in screen_text(app)
        line = footer(app)
        await pilot.click(FittingFooter, offset=(line.index("←"), 0))
        assert await wait_until(pilot, lambda: "Thursday 26 November 2026" in screen_text(app))
        await pilot.click(FittingFooter, offset=(line.index("Day"), 0))  # the group's name
        await pilot.click(FittingFooter, offset=(line.index("→"), 0))
        assert await wait_until(pilot, lambda: "Friday 27 November 2026" in screen_text(app))
    async with HuddleApp(store, clock=clock).run_test(size=(80, 24)) as pilot:
        assert await wait_until(pilot, lambda: "? more" in footer(pilot.app))
        await pilot.click(FittingFooter, offset=(footer(pilot.app).index("more"), 0))
        assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def test_a_group_of_keys_is_spaced_like_any_key_at_80_columns(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert await wait_until(pilot, lambda: "←→ Day ⏎ Open" in footer(app)), footer(app)

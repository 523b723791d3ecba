"""Tab completes a #goal or @name the same way in every box that takes the shorthand (Today's
line, home's add bar, a new idea, `huddle add`'s form): the letters typed go on to a word of
the goal's title or the person's name, as the grey hint shows, and Tab again gives the next."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.add_form import AddForm
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.stages.today_input import StepInput
from huddle.ui.widgets.entry_input import EntryInput
from tests.ui.screen_helpers import run_from_palette, screen_text, wait_until

TYPED = "Ring #wa"


async def tabs(pilot: Pilot[None], line: Input) -> list[str]:
    """What Tab makes of "Ring #wa", then of "@be" typed before it, then Tab again on "#as"."""
    seen = []
    line.focus()
    line.value = ""
    await pilot.press(*TYPED, "tab")
    seen.append(line.value)
    line.cursor_position = len("Ring ")
    await pilot.press(*"@be", "tab")
    seen.append(line.value)
    line.value = "x #as"
    line.cursor_position = len(line.value)
    await pilot.press("tab")
    seen.append(line.value)
    await pilot.press("tab")
    seen.append(line.value)
    return seen


EXPECTED = ["Ring #wait ", "Ring @bea #wait ", "x #assessment ", "x #assessments "]


async def test_tab_on_today(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: "your small step for today" in screen_text(app))
        assert await tabs(pilot, app.screen.query_one(StepInput)) == EXPECTED


async def test_tab_in_homes_add_bar_and_a_new_idea(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await tabs(pilot, app.screen.query_one("#entry", EntryInput)) == EXPECTED
        app.screen.query_one("#entry", EntryInput).value = ""
        await run_from_palette(pilot, "ideas", "Ideas")
        await pilot.press("n")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert await tabs(pilot, app.screen.query_one(EntryInput)) == EXPECTED


async def test_tab_in_huddle_adds_form(store: Store) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        assert await tabs(pilot, app.query_one("#step", EntryInput)) == EXPECTED

"""The palette and Help speak Huddle first: every action by its plain name, the words people
use for it find it ("pdsa", "away", "escalate"), and Textual's generic commands are gone."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.pdsa import PdsaScreen
from huddle.ui.screens.setup import TeamSetupScreen

from .screen_helpers import run_from_palette, screen_text, wait_until


async def test_pdsa_and_away_are_found_by_their_words(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_from_palette(pilot, "pdsa", "PDSA cycles")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PdsaScreen))
        await run_from_palette(pilot, "away", "Who is not here")
        assert await wait_until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))


async def test_escalate_and_send_up_find_sending_a_blocker_up(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        for typed in ("escalate", "send up"):
            await run_from_palette(pilot, typed, "Send a blocker up")
            assert await wait_until(pilot, lambda: "Who's here" in screen_text(app))
            await pilot.press("escape")


async def test_the_palette_lists_huddle_commands_and_no_generic_ones(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        found = palette.query_one(CommandList)
        assert await wait_until(pilot, lambda: found.option_count > 10)
        titles = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Start or resume the huddle" in title for title in titles[:4]), titles
        for generic in ("Maximize", "Screenshot", "Focus Next", "Keys"):
            assert not any(generic in title for title in titles), titles


async def test_help_starts_with_this_screens_keys(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert await wait_until(pilot, lambda: "Everywhere" in screen_text(app))
        text = screen_text(app)
        first = text.index("On this screen")
        assert first < text.index("Everywhere")
        assert "In the table" not in text[:first]
        assert "Huddle" in text[first : text.index("Everywhere")]

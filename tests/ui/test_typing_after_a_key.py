"""Keys that open a question, and the letters typed straight after them: none is lost. A
picker (who raises a blocker, who owns it, which goal) takes the letters as the start of a
name and shows only the choices that match; a box takes them as its first words."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.widgets.ask import PickOne
from tests.ui.screen_helpers import screen_text, wait_until


async def test_letters_typed_after_b_find_who_raises_the_blocker(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4")
        await pilot.press("b", *"sam")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        shown = screen_text(app)
        assert "sam" in shown  # what was typed, on screen
        assert "Sam Okafor" in shown
        assert "Bea Jones" not in shown and "Ann Smith" not in shown
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert "What is blocking Sam Okafor?" in screen_text(app)
        await pilot.press(*"No pool car", "enter")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, AskText))
    assert [(b.text, b.raised_by_name) for b in store.blockers.open()] == [
        ("No pool car", "Sam Okafor")
    ]


async def test_a_name_typed_wrong_stays_to_be_put_right(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "b", *"No pool car")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        shown = screen_text(app)
        assert "No pool car" in shown
        assert "Nothing here starts with \u201cNo pool car\u201d" in shown
        await pilot.press("enter")  # nothing to pick: it stays, with what was typed
        assert isinstance(app.screen, PickOne)
        for _ in "No pool car":
            await pilot.press("backspace")
        await pilot.press(*"oka", "enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert "What is blocking Sam Okafor?" in screen_text(app)


async def test_the_letters_typed_after_the_key_that_opens_a_box_are_its_first_words(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "b", "enter", *"No pool car")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert app.screen.query_one(Input).value == "No pool car"


async def test_a_name_pasted_into_the_picker_finds_them(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "b")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        app.screen.post_message(events.Paste("Bea\nJones" + "x" * 100_000))
        await pilot.pause()
        assert "Typed: Bea" in screen_text(app)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert "What is blocking Bea Jones?" in screen_text(app)


async def test_what_a_step_gave_typed_straight_after_d_is_its_answer(demo: Store) -> None:
    """Yesterday: d, and the hint asks "What did it give?". Typing "30 min a week" at once
    used to act on every letter ("3" to Today, "n" marked the next step not done...)."""
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "0 of 8 marked" in screen_text(app))
        await pilot.press("d", *"30 min a week")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert app.screen.query_one(Input).value == "30 min a week"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, AskText))
        assert "1 of 8 marked" in screen_text(app)
        # d again goes on marking, as ever: a key of the list is never the answer's start.
        await pilot.press("d", "d")
        assert await wait_until(pilot, lambda: "3 of 8 marked" in screen_text(app))
    friday = [s for s in demo.steps.on_day(date(2026, 11, 27)) if s.status.value != "planned"]
    assert len(friday) == 3

"""The board on a laptop (80x24, 100x30): the blockers panel in a shape that fits, every
word whole: a list with each column as its heading, a card as wide as the panel, a card
taller than the room saying how much more there is."""

from __future__ import annotations

import pytest
from textual.content import Content

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.board import BoardScreen
from huddle.ui.widgets.cards import Card, CardRow
from huddle.ui.widgets.wall_cards import draw_page, plan_wall

from .screen_helpers import screen_text, wait_until

LONG = " ".join(f"word{n}" for n in range(1, 260))
"""A blocker taller than the whole panel, even as wide as the screen."""


def board_of(app: HuddleApp) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen)
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_on_a_laptop_the_blockers_are_a_list_under_their_columns_words_whole(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    store.blockers.raise_blocker(ann, "The shared team calendar doesn't show who is on duty")
    clock.advance(days=90)
    owned = store.blockers.raise_blocker(bea, "No pool car on Tuesdays")
    store.blockers.take_ownership(owned, ann, who="Ann Smith")
    store.blockers.raise_blocker(bea, LONG)
    async with HuddleApp(store, first_screen=BoardScreen).run_test(size=size) as pilot:
        board = board_of(pilot.app)
        await pilot.press("right")
        assert await wait_until(pilot, lambda: "Open (2)" in screen_text(pilot.app))
        pages = board.pages()
        seen = ""
        for page in range(1, pages + 1):
            if pages > 1:
                line = f"page {page} of {pages}"
                assert await wait_until(pilot, lambda s=line: s in screen_text(pilot.app))
            seen += screen_text(pilot.app)
            await pilot.press("right")
        assert "huddle days old" in seen  # the card's age, whole
        assert "…" not in seen.replace("… and", "")  # no word cut short
        assert "The shared team calendar doesn't show who is on duty" in " ".join(seen.split())
        assert "Owned (1)" in seen and "Sent up (0)" in seen and "Answered (0)" in seen
        assert "word1 word2" in seen
        # all of it, or (where it is taller than the room) how many more lines there are
        assert "word259" in seen or "more lines" in seen


def test_a_heading_goes_over_with_its_cards_and_a_column_carried_on_says_so() -> None:
    def card(words: str) -> Card:
        return Card(Content("raised today"), [CardRow(Content(""), [Content(words)])])

    items = [Content("Open (1)"), card("The rota"), Content("Owned (2)"), card("A"), card("B")]
    plan = plan_wall(items, 40, 6, most_columns=1)
    pages = [draw_page(items, plan, page, 6).plain for page in range(len(plan.pages))]
    assert pages[0].splitlines()[0] == "Open (1)" and "Owned" not in pages[0]
    assert pages[1].splitlines()[0] == "Owned (2)" and "│ A" in pages[1]
    assert pages[2].splitlines()[0] == "Owned (2) continued" and "│ B" in pages[2]

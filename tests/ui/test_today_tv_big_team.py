"""Today on the TV with a big team (300 people): the board of everyone's steps shows the
cards that fit around the speaker and counts the rest; a Down draws only the cards it
changes, never the whole team."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui import widgets
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.cards import CardBoard

from .screen_helpers import screen_text, wait_until

PEOPLE = 300


@pytest.fixture
def big_team(tmp_path: Path, clock: FixedClock) -> Iterator[Store]:
    store = Store.open(tmp_path / "big.db", clock=clock)
    for n in range(PEOPLE):
        store.members.add(f"Person {n:03d}")
    yield store
    store.close()


async def test_the_board_shows_the_cards_around_the_speaker_and_counts_the_rest(
    big_team: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    card_lines = widgets.cards.card_lines

    def counted(card, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(str(card.title))
        return card_lines(card, *args, **kwargs)

    monkeypatch.setattr(widgets.cards, "card_lines", counted)
    app = HuddleApp(big_team, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")

        def board_text() -> str:
            boards = app.screen.query("#today-board-cards")
            return boards.first(CardBoard).text() if boards else ""

        assert await wait_until(pilot, lambda: "▶ Person 000" in board_text())
        shown = board_text().count("╭─")
        assert 4 <= shown < 60  # what fits on a 50-line screen, not 300 cards
        assert f"and {PEOPLE - shown} more people" in screen_text(app)
        assert len(set(drawn)) <= 2 * shown  # (some drawn at two widths to fit)
        drawn.clear()
        await pilot.press("down")
        assert await wait_until(pilot, lambda: "▶ Person 001" in board_text())
        assert len(drawn) <= 2  # the card the turn left and the one it came to
        for _ in range(shown + 2):
            await pilot.press("down")
        speaker = f"Person {shown + 3:03d}"
        assert await wait_until(pilot, lambda: f"▶ {speaker}" in board_text())
        text = screen_text(app)
        assert "Person 000" not in board_text() and "people before these" in text
        assert "more people" in text
        assert board_text().count("╭─") < 60

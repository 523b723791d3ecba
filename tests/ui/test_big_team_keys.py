"""A big team (here 120 people) at the huddle: a key changes what it changes, and the screen
shows what fits, saying how many more there are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import screen_text, wait_until

PEOPLE = 120


@pytest.fixture
def big_team(tmp_path: Path, clock: FixedClock) -> Iterator[Store]:
    store = Store.open(tmp_path / "big.db", clock=clock)
    for n in range(PEOPLE):
        store.members.add(f"Person {n:03d}")
    yield store
    store.close()


async def test_todays_names_line_shows_those_near_whose_turn_it_is_and_how_many_more(
    big_team: Store, clock: FixedClock
) -> None:
    store = big_team
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: "Person 000 - your small step" in screen_text(app))
        text = screen_text(app)
        assert "Person 040" in text and "Person 041" not in text
        assert "… 79 more" in text
        for _ in range(60):
            await pilot.press("down")
        assert await wait_until(pilot, lambda: "Person 060 - your small step" in screen_text(app))
        text = screen_text(app)
        assert "… 20 before" in text and "… 19 more" in text
        assert "Person 020" in text and "Person 100" in text and "Person 019 " not in text


async def test_marking_one_person_not_here_changes_their_row_and_the_count(
    big_team: Store, clock: FixedClock
) -> None:
    store = big_team
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h", "1")
        assert await wait_until(
            pilot, lambda: f"Who's here: {PEOPLE} of {PEOPLE}" in screen_text(app)
        )
        await pilot.press("down", "space")
        assert await wait_until(
            pilot, lambda: f"Who's here: {PEOPLE - 1} of {PEOPLE}" in screen_text(app)
        )
        lines = screen_text(app).splitlines()
        assert any("○ not here" in line and "Person 001" in line for line in lines)
        assert any("● here" in line and "Person 000" in line for line in lines)
        assert any("● here" in line and "Person 002" in line for line in lines)
        await pilot.press("space")
        assert await wait_until(
            pilot, lambda: f"Who's here: {PEOPLE} of {PEOPLE}" in screen_text(app)
        )
    marked = store.huddles.attendance(clock.now().date())
    assert len(marked) == PEOPLE and all(marked.values())  # the file says so too

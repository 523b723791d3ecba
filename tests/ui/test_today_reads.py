"""A Down on Today moves the turn and keeps what was typed; it reads nothing from the file
that the stage already has (the goals, the team, where a carried step came from), on a
laptop and on the TV alike (with 500 goals, the TV's read of them was most of a Down)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.core.store.goals import GoalStore
from huddle.core.store.members import MemberStore
from huddle.core.store.steps import StepStore
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.today import StepInput
from huddle.ui.widgets.cards import CardBoard

from .screen_helpers import screen_text, wait_until

MONDAY = date(2026, 11, 30)
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize("size", [(120, 36), (200, 50)], ids=["laptop", "tv"])
async def test_a_down_keeps_the_draft_and_reads_no_goals_or_members_again(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    bea = store.members.find("Bea")
    store.steps.carry(store.steps.add(bea, "Book the room", FRIDAY), MONDAY)  # 'from Friday'
    reads: Counter[str] = Counter()
    goals_all, members_all, step_get = GoalStore.all, MemberStore.all, StepStore.get

    def goals_read(self: GoalStore, **kwargs: bool) -> object:
        reads["goals"] += 1
        return goals_all(self, **kwargs)

    def members_read(self: MemberStore, **kwargs: bool) -> object:
        reads["members"] += 1
        return members_all(self, **kwargs)

    def step_read(self: StepStore, step_id: str) -> object:
        reads["a step"] += 1
        return step_get(self, step_id)

    monkeypatch.setattr(GoalStore, "all", goals_read)
    monkeypatch.setattr(StepStore, "get", step_read)
    monkeypatch.setattr(MemberStore, "all", members_read)
    app = HuddleApp(store, clock=clock)
    tv = size[0] >= 140

    def turn_of(name: str) -> bool:
        """Whose turn the screen shows: on the TV the board's marked card (the name itself
        is in a block font there)."""
        if not tv:
            return f"{name} - your small step" in screen_text(app)
        boards = app.screen.query("#today-board-cards")
        return bool(boards) and f"▶ {name}" in boards.first(CardBoard).text()

    async with app.run_test(size=size) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: turn_of("Ann Smith"))
        await pilot.press(*"ring the carer")
        assert await wait_until(pilot, lambda: "ring the carer" in screen_text(app))
        await pilot.press("down")
        assert await wait_until(pilot, lambda: turn_of("Bea Jones"))
        if not tv:
            assert "Book the room" in screen_text(app)  # (its first day read once, here)
        await pilot.pause()
        reads.clear()
        await pilot.press("down", "up", "up", "down", "up")
        assert await wait_until(pilot, lambda: turn_of("Ann Smith"))
        await pilot.pause()
        assert app.screen.query_one(StepInput).value == "ring the carer"
        assert reads == Counter()  # what the stage already had, not read again
    assert store.drafts.on(MONDAY) == {store.members.find("Ann").id: "ring the carer"}

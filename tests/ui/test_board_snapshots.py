"""What the board looks like on the wall (200x50) and on a laptop (80x24), on Monday 30
November 2026 at 09:00: each panel of it, with a small team's week.

Update after a deliberate change: pytest tests/ui/test_board_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import DayColor
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.board import BoardScreen

from .screen_helpers import add_history

SnapCompare = Callable[..., bool]
MONDAY = date(2026, 11, 30)
PATTERN = "GGAGGGGRGGGAGGGGGGGAGGGGGGGGG"
"""The colours of 1 to 29 November on the first measure (the second one is set on fewer days)."""


@pytest.fixture
def team(store: Store, clock: FixedClock) -> Store:
    add_history(store, clock)
    ann, bea, sam = (store.members.find(n) for n in ("ann", "bea", "sam"))
    wait, more = store.goals.all()
    store.steps.add(
        ann, "Prepare the questions for the two visits on the estate", MONDAY, goal=wait
    )
    store.steps.add(bea, "Ring the carer before the visit [TODO]", MONDAY, goal=more)
    clock.advance(minutes=1)  # Bea's steps in the order she added them
    store.steps.add(bea, "Ask the person what matters most to them today", MONDAY, goal=more)
    store.steps.add(sam, "Write visit notes within the hour", MONDAY)
    owned = store.blockers.raise_blocker(bea, "The referral form asks for the NHS number twice")
    store.blockers.take_ownership(owned, ann, who="Ann Smith")
    asked = store.blockers.raise_blocker(ann, "No pool car on Tuesdays")
    store.blockers.escalate(asked, "A budget decision", who="Ann Smith")
    store.blockers.answer(store.blockers.get(asked.id), "A second car from January", who="Pat")
    store.blockers.raise_blocker(sam, "The duty phone goes to voicemail")
    letters = {"G": DayColor.GREEN, "A": DayColor.AMBER, "R": DayColor.RED}
    missed = store.day_status.track("Missed visits")
    urgent = store.day_status.track("Urgent referrals seen in a day")
    for offset, letter in enumerate(PATTERN):
        day = date(2026, 11, 1) + timedelta(days=offset)
        store.day_status.set(missed, day, letters[letter])
        if offset % 3 == 0:
            store.day_status.set(urgent, day, letters[PATTERN[-offset - 1]])
    return store


def board_app(team: Store, clock: FixedClock) -> HuddleApp:
    return HuddleApp(team, clock=clock, first_screen=BoardScreen)


@pytest.mark.parametrize("size", [(200, 50), (80, 24)], ids=["tv", "laptop"])
@pytest.mark.parametrize(
    "press",
    [[], ["right"], ["left"] * 3, ["left", "left"], ["d", "left", "down"]],
    ids=["steps", "blockers", "goals", "wins", "day-status-picking"],
)
def test_the_board(
    snap_compare: SnapCompare,
    team: Store,
    clock: FixedClock,
    size: tuple[int, int],
    press: list[str],
) -> None:
    assert snap_compare(board_app(team, clock), terminal_size=size, press=press)

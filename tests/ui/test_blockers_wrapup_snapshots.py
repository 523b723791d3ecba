"""What Blockers and Wrap-up look like on the TV (200x50) and on a small terminal (80x24),
for the demo team on Monday 30 November 2026.

Update after a deliberate change:
pytest tests/ui/test_blockers_wrapup_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus, StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

DEMO_MONDAY = date(2026, 11, 30)
FRIDAY = date(2026, 11, 27)
SIZES = {"tv": (200, 50), "small": (80, 24)}


@pytest.mark.parametrize("size", SIZES)
def test_blockers(snap_compare, demo: Store, size: str) -> None:
    """On the TV a column for each place a blocker stands; the second card of the sent-up
    column is picked."""
    keys = ["h", "4"] + (["right", "right", "down"] if size == "tv" else ["down"])
    app = HuddleApp(demo, clock=demo.clock)
    assert snap_compare(app, terminal_size=SIZES[size], press=keys)


def celebrate(demo: Store) -> None:
    """Today's huddle under way: Friday's steps looked back on (two done, one with what was
    learned, one partly), a blocker resolved today, and the running total carried to 500."""
    friday = [s for s in demo.steps.on_day(FRIDAY) if s.status is StepStatus.PLANNED]
    short = 497 - demo.trends.total_taken()
    assert short >= 0, "the demo has passed 500 small steps: pick the next milestone"
    tom = demo.members.find("tom")
    clock = demo.clock
    assert isinstance(clock, FixedClock)
    morning, clock.at = clock.at, clock.at - timedelta(days=90)
    for n in range(short):  # looked back on long ago
        old = demo.steps.add(tom, f"An old step {n}", clock.at.date())
        demo.steps.review(old, StepStatus.DONE)
    clock.at = morning
    demo.huddles.start(DEMO_MONDAY)
    for step, learning in zip(
        friday[:2], ["Asking the day before saves a wasted visit [really]", None], strict=True
    ):
        demo.steps.review(step, StepStatus.DONE, learning, at_huddle=DEMO_MONDAY)
    demo.steps.review(friday[2], StepStatus.PARTLY, "Half the team uses it", at_huddle=DEMO_MONDAY)
    blocker = next(b for b in demo.blockers.open() if b.status is BlockerStatus.OPEN)
    demo.blockers.resolve(blocker, "IT added the duty rota to the calendar", who="Tom Bradley")


@pytest.mark.parametrize("size", SIZES)
def test_wrap_up(snap_compare, demo: Store, size: str) -> None:
    """The wins: 500 small steps reached today, the streak's next milestone, the steps done
    with what was learned, "you said, we did" this week, then the summary and the digest."""
    celebrate(demo)
    app = HuddleApp(demo, clock=demo.clock)
    assert snap_compare(app, terminal_size=SIZES[size], press=["h", "5"])

"""The demo team's goal measures, added last (after the PDSA cycles), so nothing else in
the demo moves: half a year of weekly values, one measure that stays as it was and one
that shifts after the change the team adopted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from huddle.core.calendar import FixedClock
from huddle.core.measures import Better
from huddle.core.models import Goal
from huddle.core.pdsa import Act
from huddle.core.store import Store

WAIT_WEEKS = (
    9.1, 8.6, 9.4, 9.8, 8.9, 9.3, 8.7, 9.6, 9.0, 9.2, 8.8, 9.5, 9.3,
    8.9, 9.1, 9.4, 8.8, 9.0, 9.6, 8.7, 9.2, 8.9, 9.3, 9.0, 8.8, 9.1,
)  # fmt: skip
"""Weeks from referral to first visit, week by week: no change yet (no signal)."""

BEFORE = (3, 2, 4, 3, 3, 2, 4, 3, 2, 3, 4, 3, 2, 4, 3, 2, 4, 3, 2)
AFTER = (5, 6, 5, 7, 6, 7, 7)
"""Of 10 assessments audited a week, how many say what matters in the person's own
words: about 3 until a week before the change was adopted, then 5 to 7 (a shift)."""

MEASURES = {
    "Cut the wait for a care assessment": (
        "Weeks from referral to first visit", "weeks", Better.LOWER, 4.0,
    ),
    "More strengths-based assessments": (
        "Assessments in the person's own words", "of 10", Better.HIGHER, 8.0,
    ),
    "Write visit notes within a day": ("Notes on the system by next day", "%", Better.HIGHER, 90.0),
    "Fewer forms, less duplication": ("Fields typed twice", "fields", Better.LOWER, 10.0),
}  # fmt: skip
"""Each demo goal's measure: name, unit, which way is better, target."""


def add_measures(store: Store, clock: FixedClock, today: date) -> None:
    """The wait, steady over 26 weeks; and the goal of the adopted change, shifting the
    better way from the week before it was adopted."""
    goals = {g.title: g for g in store.goals.all()}
    adopted = next(
        (c for c in store.pdsa.recent(limit=50) if c.act is Act.ADOPT and c.decided_on), None
    )
    weeks = [today - timedelta(weeks=n) for n in range(len(WAIT_WEEKS) - 1, -1, -1)]
    wait = goals["Cut the wait for a care assessment"]
    _add(store, clock, wait, list(zip(weeks, WAIT_WEEKS, strict=True)))
    changed = goals.get(adopted.goal_title or "") if adopted else None
    if adopted is None or changed is None or changed.id == wait.id:
        changed = goals["More strengths-based assessments"]
    decided = adopted.decided_on if adopted and adopted.decided_on else today
    shifted = [day for day in weeks if day >= decided - timedelta(weeks=1)][-len(AFTER) :]
    before = [day for day in weeks if day not in shifted][-len(BEFORE) :]
    values = [*zip(before, BEFORE[-len(before) :], strict=True)]
    values += zip(shifted, AFTER[: len(shifted)], strict=True)
    _add(store, clock, changed, values)


def _add(store: Store, clock: FixedClock, goal: Goal, values: Sequence[tuple[date, float]]) -> None:
    name, unit, better, target = MEASURES[goal.title]
    first = values[0][0]
    zone = clock.now().tzinfo
    clock.at = datetime.combine(first, time(9, 5), tzinfo=zone)
    measure = store.measures.add(goal, name, unit=unit, better=better, target=target)
    for day, value in values:
        clock.at = datetime.combine(day, time(9, 5), tzinfo=zone)
        store.measures.record(measure, day, float(value))

"""The demo team's Kaizen pulse and PDSA cycles, added once its history is written.

Kept apart from demo.py's history and drawing on its own seeded chance, so adding them
moves nothing else in the demo (ids are drawn after everything else)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.pdsa import Act
from huddle.core.pulse import QUESTIONS, pulse_is_asked, week_of
from huddle.core.store import Store

# Where each factor starts and ends over the history, on the 1-5 scale: goals get clearer,
# management support picks up as blockers get answered, commitment grows slowly.
_DRIFT = {
    "goal_clarity": (2.9, 4.1),
    "goal_difficulty": (3.4, 3.7),
    "team_autonomy": (3.6, 4.2),
    "management_support": (2.6, 3.6),
    "commitment": (3.1, 3.9),
}

_CYCLES = (
    # (days ago started, change, prediction, study, act, days ago decided)
    (
        70,
        "Ring people the day before a home visit",
        "Fewer visits where nobody is in: from about 3 a week to 1",
        "Wasted visits fell from 3 a week to 1; people said they liked knowing who was coming",
        Act.ADOPT,
        35,
    ),
    (
        40,
        "Drop the duplicate NHS number field on the referral form",
        "Referrals take a minute less to triage",
        "IT can only change the form in the spring release; the minute saved was real",
        Act.ADAPT,
        20,
    ),
    (
        12,
        "Write visit notes within an hour of the visit",
        "Notes are fuller and on time",
        "",
        None,
        0,
    ),
)


def add_pulse_and_cycles(
    store: Store, clock: FixedClock, today: date, days: Sequence[date]
) -> None:
    """Pulse answers for each past week and three PDSA cycles at different stages."""
    rng = random.Random(f"huddle-demo-kaizen-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
    zone = clock.now().tzinfo
    members = {m.id: m for m in store.members.all()}
    past = [d for d in days if d < today]
    for index, day in enumerate(past):
        if not pulse_is_asked(store, day) or week_of(day) in {week_of(today)}:
            continue
        share = index / max(1, len(past) - 1)
        clock.at = datetime.combine(day, time(9, 14), tzinfo=zone)
        asked = store.pulse.answered(week_of(day))
        for member_id, present in sorted(store.huddles.attendance(day).items()):
            if not present or member_id in asked or members[member_id].role.value == "manager":
                continue
            answers: dict[str, int | None] = {}
            for question in QUESTIONS:
                start, end = _DRIFT[question.factor]
                typical = start + (end - start) * share
                value = round(typical + rng.gauss(0, 0.7))
                answers[question.factor] = None if rng.random() < 0.08 else max(1, min(5, value))
            store.pulse.record(members[member_id], week_of(day), answers)
    for ago, change, prediction, study, act, decided_ago in _CYCLES:
        started = today - timedelta(days=ago)
        clock.at = datetime.combine(started, time(9, 20), tzinfo=zone)
        steps = [
            s
            for d in past
            if started <= d <= started + timedelta(days=10)
            for s in store.steps.on_day(d)
            if s.status in (StepStatus.DONE, StepStatus.PARTLY, StepStatus.NOT_DONE)
        ]
        chosen = rng.sample(steps, k=min(3, len(steps)))
        cycle = store.pdsa.start(change, prediction=prediction, steps=chosen)
        if study:
            cycle = store.pdsa.write_study(cycle, study)
        if act is not None:
            decided = today - timedelta(days=decided_ago)
            clock.at = datetime.combine(decided, time(9, 20), tzinfo=zone)
            store.pdsa.decide(cycle, act, store.calendar())

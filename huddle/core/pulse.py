"""The Kaizen pulse: once a week, at wrap-up, each person present may rate from 1 to 5
what makes Kaizen work (Farris et al. 2009). Only team averages are ever shown.

Managers are not asked: the pulse is the team's view of its own Kaizen, and a manager
would be rating "management support" of themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from huddle.core.calendar import Period, is_pulse_day, period_start
from huddle.core.models import Member, Role
from huddle.core.schema import PULSE_FACTORS

if TYPE_CHECKING:
    from huddle.core.store import Store


@dataclass(frozen=True)
class PulseQuestion:
    factor: str
    """The stored name, one of schema.PULSE_FACTORS."""
    name: str
    question: str
    low: str
    """What 1 means."""
    high: str
    """What 5 means."""


QUESTIONS: tuple[PulseQuestion, ...] = (
    PulseQuestion(
        "goal_clarity",
        "Goal clarity",
        "How clear are the team's goals, and how we will know we are getting there?",
        "not clear",
        "very clear",
    ),
    PulseQuestion(
        "goal_difficulty",
        "Goal difficulty",
        "Do our goals stretch us without frustrating us?",
        "too easy or out of reach",
        "a good stretch",
    ),
    PulseQuestion(
        "team_autonomy",
        "Team autonomy",
        "How free is the team to choose its own small steps?",
        "not free",
        "fully free",
    ),
    PulseQuestion(
        "management_support",
        "Management support",
        "How well does management support our small steps (time, answers, resources)?",
        "not at all",
        "very well",
    ),
    PulseQuestion(
        "commitment",
        "Commitment to change",
        "How much do you believe these small steps make things better for people?",
        "not at all",
        "very much",
    ),
)
assert tuple(q.factor for q in QUESTIONS) == PULSE_FACTORS  # noqa: S101 keeps QUESTIONS and PULSE_FACTORS in step, checked in tests

PulseAnswers = dict[str, int | None]
"""A person's answers by factor, 1 to 5, None for a question skipped."""


def week_of(day: date) -> date:
    """The Monday that names the week a pulse is answered in."""
    return period_start(day, Period.WEEK)


def pulse_is_asked(store: Store, day: date) -> bool:
    """Whether the team's pulse is asked at this day's wrap-up."""
    return is_pulse_day(day, store.calendar(), store.pulse.pulse_day())


def who_to_ask(store: Store, day: date, present: list[Member]) -> list[Member]:
    """The practitioners and the lead present who have not answered this week's pulse, when
    it is asked today. Managers present are not asked (see the module's docstring)."""
    if not pulse_is_asked(store, day):
        return []
    answered = store.pulse.answered(week_of(day))
    return [m for m in present if m.role is not Role.MANAGER and m.id not in answered]

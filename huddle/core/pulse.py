"""The Kaizen pulse: once a week, at wrap-up, each person present may rate from 1 to 5
what makes Kaizen work (Farris et al. 2009). Only team averages are ever shown.

Managers are not asked: the pulse is the team's view of its own Kaizen, and a manager
would be rating "management support" of themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core.calendar import Period, format_day, is_pulse_day, period_start
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


def has_ratings(answers: PulseAnswers) -> bool:
    """Whether a person rated anything: all skipped is not an answer, whatever is stored."""
    return any(value is not None for value in answers.values())


def first_pulse_day(store: Store, day: date) -> date | None:
    """The day the pulse of `day`'s week is first asked, or None if it is not this week."""
    start = week_of(day)
    days = (start + timedelta(days=n) for n in range(7))
    return next((d for d in days if pulse_is_asked(store, d)), None)


def why_not_asked(store: Store, member: Member, day: date) -> str | None:
    """Why `member` cannot rate the pulse from their own terminal on `day`, as one line;
    None when they can: the pulse is on, its week's pulse day has come, they are not a
    manager, and they have not answered this week."""
    if not store.pulse.pulse_day():
        return "the team's weekly pulse is off (turn it on with: huddle team pulse fri)"
    if member.role is Role.MANAGER:
        return f"{member.name} manages the team: managers are not asked to rate their own support"
    opens = first_pulse_day(store, day)
    if opens is None:
        return "there is no pulse this week: no huddle on or after the team's pulse day"
    if opens > day:
        return f"this week's pulse opens {format_day(opens, day)}, the team's pulse day"
    if member.id in store.pulse.answered(week_of(day)):
        return f"{member.name} has already answered this week's pulse"
    return None

"""The few numbers a team reads from across the room on the home screen of the TV."""

from __future__ import annotations

from dataclasses import dataclass

from huddle.core.blockers import AgeFlag, age_flag
from huddle.core.flow import streak
from huddle.core.store import Store


@dataclass(frozen=True)
class AtAGlance:
    steps_taken: int
    """Small steps taken (done or partly done), in all."""
    streak: int
    """Huddle days in a row the team held its huddle."""
    open_blockers: int
    answers_overdue: int
    """Escalated blockers whose answer from management is late (amber or red)."""


def at_a_glance(store: Store) -> AtAGlance:
    today = store.today()
    blockers = store.blockers.open()
    calendar, limit = store.calendar(), store.team.get().answer_limit_days
    return AtAGlance(
        steps_taken=store.trends.total_taken(),
        streak=streak(store, today),
        open_blockers=len(blockers),
        answers_overdue=sum(
            1 for b in blockers if age_flag(b, calendar, today, limit) is not AgeFlag.NONE
        ),
    )

"""Ideas for a change, not yet steps, and what a change gave."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from huddle.core.models.steps import Source


class IdeaStatus(enum.StrEnum):
    """Where an idea stands: not yet tried, being tried as a step or PDSA cycle, kept, or
    set aside."""

    NEW = "new"
    TRYING = "trying"
    ADOPTED = "adopted"
    NOT_NOW = "not for now"


@dataclass(frozen=True)
class Idea:
    """An idea for a change, not yet a step: where it came from and where it stands."""

    id: str
    text: str
    source: Source
    raised_by: str
    raised_by_name: str
    goal_id: str | None
    goal_title: str | None
    status: IdeaStatus
    raised_on: date
    steps: int = 0
    """Steps made from it."""

    @property
    def short_id(self) -> str:
        """The few characters people type to name this idea in a shell."""
        return self.id[:6]


@dataclass(frozen=True)
class Impact:
    """What a change gave, as the team said when it was done or adopted."""

    minutes_a_week: int = 0
    visits_avoided: int = 0
    forms_avoided: int = 0
    difference: str = ""
    """One line on the difference it made to a person."""

    @property
    def is_empty(self) -> bool:
        return not (
            self.minutes_a_week or self.visits_avoided or self.forms_avoided or self.difference
        )

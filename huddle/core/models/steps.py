"""Small steps, and where their ideas came from."""

from __future__ import annotations

import enum
from datetime import date, datetime

from huddle.core.models.record import Record


class StepStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not done"
    CARRIED = "carried"
    DROPPED = "dropped"

    @property
    def reviewed(self) -> bool:
        """Whether the step has been looked back on at a huddle."""
        return self is not StepStatus.PLANNED


class Source(enum.StrEnum):
    """Where the idea for a step came from (co-production is worth counting)."""

    PRACTITIONER = "practitioner"
    PERSON_SUPPORTED = "person supported"
    CARER = "carer"
    """A carer or family member."""
    PARTNER = "partner"
    """A partner organisation."""
    MANAGER = "manager"
    OTHER = "other"

    @property
    def said(self) -> str:
        """Who it came from, in the team's words: "a carer or family member"."""
        return _SOURCE_SAID[self]

    @property
    def coproduced(self) -> bool:
        """From a person who uses services or their carer: counted as co-production."""
        return self in (Source.PERSON_SUPPORTED, Source.CARER)


_SOURCE_SAID = {
    Source.PRACTITIONER: "a practitioner",
    Source.PERSON_SUPPORTED: "a person who uses services",
    Source.CARER: "a carer or family member",
    Source.PARTNER: "a partner organisation",
    Source.MANAGER: "a manager",
    Source.OTHER: "someone else",
}


SOURCE_TAGS: dict[str, Source] = {
    "person": Source.PERSON_SUPPORTED,
    "carer": Source.CARER,
    "family": Source.CARER,
    "partner": Source.PARTNER,
    "manager": Source.MANAGER,
    "practitioner": Source.PRACTITIONER,
}
"""The words that name a source, typed as +word on a line or given to --from."""


class Step(Record):
    """A small step a member plans for a huddle day, looked back on at the next one."""

    id: str
    member_id: str
    member_name: str
    goal_id: str | None
    goal_title: str | None
    text: str
    category: str | None
    source: Source
    day: date
    status: StepStatus
    learning: str
    carried_from: str | None
    created_at: datetime
    updated_at: datetime
    reviewed_on: date | None = None
    """The huddle day the step was looked back on (done, partly, carried, dropped)."""
    idea_id: str | None = None
    """The idea the step was made from, if any."""

"""The things a huddle is made of, as frozen dataclasses, and their statuses."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime


class HuddleError(Exception):
    """A problem the user can fix, with a one-line message meant for them."""


class NotFound(HuddleError):
    """Nothing matched what the user typed."""


class Ambiguous(HuddleError):
    """More than one thing matched what the user typed."""


class InvalidMove(HuddleError):
    """A status change that is not allowed from the current status."""


class Role(enum.StrEnum):
    LEAD = "lead"
    PRACTITIONER = "practitioner"
    MANAGER = "manager"


class GoalStatus(enum.StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    RETIRED = "retired"


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


class IdeaStatus(enum.StrEnum):
    """Where an idea stands: not yet tried, being tried as a step or PDSA cycle, kept, or
    set aside."""

    NEW = "new"
    TRYING = "trying"
    ADOPTED = "adopted"
    NOT_NOW = "not for now"


class BlockerStatus(enum.StrEnum):
    OPEN = "open"
    OWNED = "owned"
    ESCALATED = "escalated"
    ANSWERED = "answered"
    RESOLVED = "resolved"

    @property
    def is_open(self) -> bool:
        return self is not BlockerStatus.RESOLVED

    @property
    def said(self) -> str:
        """The status in the team's words: "sent up" for escalated (the CLI verb only)."""
        return "sent up" if self is BlockerStatus.ESCALATED else self.value


# Which blocker moves are allowed: from a status, to the statuses it may become.
BLOCKER_MOVES: dict[BlockerStatus, frozenset[BlockerStatus]] = {
    BlockerStatus.OPEN: frozenset(
        {BlockerStatus.OWNED, BlockerStatus.ESCALATED, BlockerStatus.RESOLVED}
    ),
    BlockerStatus.OWNED: frozenset({BlockerStatus.ESCALATED, BlockerStatus.RESOLVED}),
    BlockerStatus.ESCALATED: frozenset({BlockerStatus.ANSWERED, BlockerStatus.RESOLVED}),
    BlockerStatus.ANSWERED: frozenset(
        {BlockerStatus.OWNED, BlockerStatus.ESCALATED, BlockerStatus.RESOLVED}
    ),
    BlockerStatus.RESOLVED: frozenset({BlockerStatus.OPEN}),
}


class Stage(enum.StrEnum):
    """The stages of the guided huddle, in order."""

    WHO = "who"
    YESTERDAY = "yesterday"
    TODAY = "today"
    BLOCKERS = "blockers"
    WRAP_UP = "wrap-up"


class DateOrder(enum.StrEnum):
    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


class SpeakerOrder(enum.StrEnum):
    """Who speaks first at Today: by name, one further each huddle, or shuffled by the date."""

    ALPHABETICAL = "alphabetical"
    ROTATING = "rotating"
    RANDOM = "random"


class DayColor(enum.StrEnum):
    """A day's status on a measure the team tracks daily (the "safety cross")."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Team:
    name: str
    huddle_days: str
    """The days the team huddles, as an RFC 5545 RRULE (default Monday to Friday)."""
    timebox_minutes: int
    date_order: DateOrder
    answer_limit_days: int
    """Huddle days management has to answer an escalated blocker before it is flagged."""
    backups_kept: int = 14
    """How many dated backups of the file are kept (`huddle backup`, and the app daily)."""
    board_seconds: int = 20
    """Seconds each panel of `huddle board` shows before the next one."""
    speaker_order: SpeakerOrder = SpeakerOrder.ALPHABETICAL
    """Who speaks first at Today."""


@dataclass(frozen=True)
class DayMeasure:
    """A measure the team tracks day by day with a colour ("missed visits")."""

    id: str
    name: str
    active: bool = True


@dataclass(frozen=True)
class Tier:
    """One step of the ladder a blocker goes up: the team manager, the service manager..."""

    position: int
    """1 for the first tier a blocker is sent up to, 2 for the next, and so on."""
    name: str
    answer_limit_days: int
    """Huddle days this tier has to answer before the blocker is flagged overdue."""


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: Role
    active: bool
    aliases: tuple[str, ...] = ()
    """Other names the member is called by ("Gaz"): @name matches them, --no-names hides them."""


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    why: str
    how_we_know: str
    target_date: date | None
    status: GoalStatus


@dataclass(frozen=True)
class Step:
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


@dataclass(frozen=True)
class Blocker:
    id: str
    raised_by: str
    raised_by_name: str
    text: str
    category: str | None
    status: BlockerStatus
    owner_id: str | None
    owner_name: str | None
    escalation_reason: str
    escalated_to: str
    answer: str
    answered_by: str
    resolution: str
    raised_on: date
    created_at: datetime
    updated_at: datetime
    escalated_at: datetime | None = None
    """When it was last sent up to management (None if never, or reopened since)."""
    answered_at: datetime | None = None
    """When management answered the current escalation."""
    answer_seen_at: datetime | None = None
    """When the team heard the answer ("You said, we did"); None while still to read out."""
    resolved_at: datetime | None = None
    tier: int | None = None
    """The team's tier it is with now (1 is the first); None if not sent up through tiers."""
    tier_name: str | None = None
    tier_limit_days: int | None = None
    """The answer-by limit of its tier, in huddle days; None without a tier."""

    @property
    def short_id(self) -> str:
        """The few characters people type to name this blocker."""
        return self.id[:6]

    @property
    def status_words(self) -> str:
        """Where it stands, in the team's words: "sent up", "owned by Ann Smith", "open"."""
        if self.status is BlockerStatus.OWNED and self.owner_name:
            return f"owned by {self.owner_name}"
        return self.status.said

    @property
    def sent_up_to(self) -> str:
        """Who it is sent up to, in words: "Service manager", "Service manager (Jane Roe)",
        or without tiers whoever was named ("management")."""
        if self.tier_name is None or self.escalated_to in ("", self.tier_name):
            return self.tier_name or self.escalated_to
        return f"{self.tier_name} ({self.escalated_to})"

    @property
    def is_escalated(self) -> bool:
        """Sent up to management and not yet resolved."""
        return self.status in (BlockerStatus.ESCALATED, BlockerStatus.ANSWERED)


@dataclass(frozen=True)
class BlockerEvent:
    """One line of a blocker's history: who moved it, from what to what, and why."""

    at: datetime
    who: str
    status_from: BlockerStatus | None
    status_to: BlockerStatus
    note: str
    blocker_id: str = ""
    tier: str = ""
    """The tier this move sent it up to, by its name then; "" for any other move."""


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@dataclass(frozen=True)
class Huddle:
    day: date
    started_at: datetime | None
    ended_at: datetime | None
    facilitator_id: str | None
    stage: Stage


@dataclass(frozen=True)
class DigestRecord:
    """A digest written for management: the period it covered, and when and where it went."""

    since: date
    until: date
    format: str
    names_left_out: bool
    written_to: str
    """The file it was written to, or "" for the terminal."""
    written_at: datetime


@dataclass(frozen=True)
class Absence:
    """A member away or off shift from `first_day` to `last_day`, both included."""

    id: str
    member_id: str
    member_name: str
    first_day: date
    last_day: date
    reason: str


@dataclass(frozen=True)
class HuddleTimer:
    """The timebox of one day's huddle as last saved: seconds used, in all and per stage."""

    seconds: float
    paused: bool
    stage_seconds: dict[Stage, float]


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

"""What a digest says, as plain frozen dataclasses: `gather.build_digest` fills them from the
store; each renderer (`as_markdown`, `as_csv`, `as_json`) turns them into text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huddle.core.blockers import AgeFlag

NAME_LEFT_OUT = "[name]"
"""What stands for a person's name when names are left out."""


@dataclass(frozen=True)
class OpenEscalation:
    """A blocker sent up to management and not yet resolved."""

    id: str
    text: str
    category: str | None
    status: str
    """ "escalated" (waiting for an answer) or "answered" (answered, not yet resolved)."""
    raised_on: date
    raised_by: str | None
    age_days: int
    """Calendar days since it was raised (for scripts; the words say `age_huddle_days`)."""
    sent_up_on: date
    sent_to: str | None
    """Who it was sent up to by name, as typed; None when no one was named, or names are
    left out."""
    reason: str
    waiting_huddle_days: int | None
    """Huddle days it has waited for an answer; None once answered."""
    flag: str
    """ "none", "amber" (waited the team's limit) or "red" (twice the limit)."""
    answer: str
    answered_by: str | None
    answered_on: date | None
    tier: str | None = None
    """The team's tier it is with (it waits on that tier's own limit); None without tiers."""
    answer_limit_days: int = 0
    """The huddle days it had to be answered in: its tier's limit, else the team's."""
    age_huddle_days: int = 0
    """The team's huddle days since it was raised: its age as every screen says it."""
    tier_gone: str | None = None
    """The tier it was sent to, when the team has taken that tier away since (`tier` is
    then None: it waits against the team's limit)."""

    @property
    def how_late(self) -> str:
        """ ": overdue, past Service manager's limit of 3" (amber), ": OVERDUE, more than
        twice the team's limit of 2" (red), or "" in time."""
        whose = f"{self.tier}'s" if self.tier else "the team's"
        return {
            "red": f": OVERDUE, more than twice {whose} limit of {self.answer_limit_days}",
            "amber": f": overdue, past {whose} limit of {self.answer_limit_days}",
        }.get(self.flag, "")

    @property
    def with_whom(self) -> str | None:
        """ "Service manager (Jo Reid)", "Director", or who it was sent to, as typed."""
        tier = f"{self.tier_gone} (no longer a tier)" if self.tier_gone else self.tier
        if tier is None:
            return self.sent_to
        return f"{tier} ({self.sent_to})" if self.sent_to else tier


@dataclass(frozen=True)
class Answer:
    """Management's answer to a blocker, given in the period."""

    blocker_id: str
    blocker: str
    answer: str
    answered_by: str | None
    answered_on: date


@dataclass(frozen=True)
class Resolution:
    """A blocker resolved in the period."""

    blocker_id: str
    blocker: str
    resolution: str
    resolved_by: str | None
    resolved_on: date
    was_sent_up: bool


@dataclass(frozen=True)
class StepDone:
    """A small step done (or partly done) on a huddle day of the period."""

    day: date
    who: str | None
    text: str
    goal: str | None
    status: str
    """ "done" or "partly"."""
    learning: str


@dataclass(frozen=True)
class GoalTally:
    """What happened to the steps planned for one goal in the period."""

    goal: str | None
    """None for steps linked to no goal."""
    planned: int
    done: int
    partly: int
    not_done: int
    """Not done, or carried over to a later day."""
    dropped: int
    not_reviewed: int


@dataclass(frozen=True)
class HuddleHeld:
    day: date
    present: int
    away: int


@dataclass(frozen=True)
class Attendance:
    """How many of the period's huddles one member was at."""

    who: str
    present: int
    of: int


@dataclass(frozen=True)
class ComesBack:
    """Blockers raised again and again in the 30 days to the end of the period."""

    label: str
    count: int
    since: date

    def describe(self) -> str:
        return f"{self.label}: raised {self.count} times since {self.since.day} {self.since:%B}"


@dataclass(frozen=True)
class IdeasAndImpact:
    """Where the period's new ideas came from, and what the team's changes gave."""

    ideas: int = 0
    """New ideas: new steps (not carried over) and ideas noted but not made into a step."""
    coproduced: int = 0
    """Of them, from a person who uses services, or a carer or family member."""
    changes: int = 0
    """Changes whose gain was said in the period (a step done, a cycle or idea adopted)."""
    minutes_a_week_saved: int = 0
    visits_avoided: int = 0
    forms_avoided: int = 0
    differences: tuple[tuple[str, str], ...] = ()
    """(the change, the difference it made to a person), newest first."""
    all_time_changes: int = 0
    all_time_minutes_a_week_saved: int = 0

    @property
    def coproduction_share(self) -> float | None:
        return self.coproduced / self.ideas if self.ideas else None


@dataclass(frozen=True)
class Digest:
    team: str
    since: date
    until: date
    made_on: date
    names: bool
    """False when members' names are left out."""
    answer_limit_days: int
    open_escalations: tuple[OpenEscalation, ...]
    answers: tuple[Answer, ...]
    resolved: tuple[Resolution, ...]
    steps_done: tuple[StepDone, ...]
    steps_per_goal: tuple[GoalTally, ...]
    huddles: tuple[HuddleHeld, ...]
    attendance: tuple[Attendance, ...]
    """Empty when names are left out (the huddles still say how many were there)."""
    comes_back: tuple[ComesBack, ...]
    ideas: IdeasAndImpact = IdeasAndImpact()

    @property
    def overdue(self) -> int:
        return sum(1 for e in self.open_escalations if e.flag != AgeFlag.NONE.value)

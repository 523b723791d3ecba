"""Blockers, the moves they may make, and the tiers they are sent up through."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime


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


@dataclass(frozen=True)
class Tier:
    """One step of the ladder a blocker goes up: the team manager, the service manager..."""

    position: int
    """1 for the first tier a blocker is sent up to, 2 for the next, and so on."""
    name: str
    answer_limit_days: int
    """Huddle days this tier has to answer before the blocker is flagged overdue."""


TIER_TAKEN_AWAY = 0
"""The tier (blockers.tier) of a blocker sent to a tier the team has since taken off its
ladder: no tier is at position 0; the tier's name is the last one its history names."""


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
    """Who it was sent up to by name, as typed ("" if no one was named); without tiers,
    "management" when no one was. Never a tier's name: the tier is `tier`."""
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
    """The team's tier it is with now (1 is the first); None if not sent up through tiers;
    TIER_TAKEN_AWAY when the tier it was sent to is no longer one of the team's."""
    tier_name: str | None = None
    tier_limit_days: int | None = None
    """The answer-by limit of its tier, in huddle days; None without a tier (or with a tier
    taken away: it waits against the team's limit)."""
    tier_gone: str | None = None
    """The name of the tier it was sent to, when the team has since taken that tier off its
    ladder (it waits there until it is moved); None otherwise."""

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
    def tier_said(self) -> str | None:
        """The tier it is with, in words: "Service manager", or "Director (no longer a
        tier)" when that tier was taken away since; None without a tier."""
        if self.tier_gone is not None:
            return f"{self.tier_gone} (no longer a tier)"
        return self.tier_name

    @property
    def sent_up_to(self) -> str:
        """Who it is sent up to, in words: "Service manager", "Service manager (Jane Roe)",
        "Director (no longer a tier)", or without tiers whoever was named ("management")."""
        tier = self.tier_said
        if tier is None:
            return self.escalated_to or "management"
        return f"{tier} ({self.escalated_to})" if self.escalated_to else tier

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
    """The tier this move sent it up to, by its name then (on a line saying a tier was taken
    away, that tier: see `tier_taken_away`); "" for any other move."""

    @property
    def tier_taken_away(self) -> bool:
        """This line says its tier was taken off the team's ladder (it sent it nowhere)."""
        return bool(self.tier) and self.note.startswith(taken_away_words(self.tier))


def taken_away_words(tier: str) -> str:
    """ "Director is no longer one of the team's tiers": how a blocker's history says that
    the tier it was with was taken away."""
    return f"{tier} is no longer one of the team's tiers"

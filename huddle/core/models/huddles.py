"""One day's huddle: its stages and its timebox."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime


class Stage(enum.StrEnum):
    """The stages of the guided huddle, in order."""

    WHO = "who"
    YESTERDAY = "yesterday"
    TODAY = "today"
    BLOCKERS = "blockers"
    WRAP_UP = "wrap-up"


@dataclass(frozen=True)
class Huddle:
    day: date
    started_at: datetime | None
    ended_at: datetime | None
    facilitator_id: str | None
    stage: Stage


@dataclass(frozen=True)
class HuddleTimer:
    """The timebox of one day's huddle as last saved: seconds used, in all and per stage."""

    seconds: float
    paused: bool
    stage_seconds: dict[Stage, float]

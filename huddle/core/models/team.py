"""The team's settings."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class DateOrder(enum.StrEnum):
    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


class SpeakerOrder(enum.StrEnum):
    """Who speaks first at Today: by name, one further each huddle, or shuffled by the date."""

    ALPHABETICAL = "alphabetical"
    ROTATING = "rotating"
    RANDOM = "random"


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

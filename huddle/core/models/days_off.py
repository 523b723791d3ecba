"""Days without a huddle for the team (holidays) or for one person (away)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@dataclass(frozen=True)
class Absence:
    """A member away or off shift from `first_day` to `last_day`, both included."""

    id: str
    member_id: str
    member_name: str
    first_day: date
    last_day: date
    reason: str

"""The team's long-term goals."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class GoalStatus(enum.StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    RETIRED = "retired"


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    why: str
    how_we_know: str
    target_date: date | None
    status: GoalStatus

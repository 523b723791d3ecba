"""Measures the team tracks day by day (the "safety cross")."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class DayColor(enum.StrEnum):
    """A day's status on a measure the team tracks daily (the "safety cross")."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class DayMeasure:
    """A measure the team tracks day by day with a colour ("missed visits")."""

    id: str
    name: str
    active: bool = True

"""Goal measures: the numbers that say whether a goal is getting nearer (the wait in
weeks, the share of notes on time). Each is read as a run chart: core.measure_chart."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

DEFAULT_BASELINE = 12
"""Points in a new measure's baseline: the median of the first 12 values is the chart's
centre line from then on. Twelve weekly values is a quarter, and enough for the runs
table, which starts at 10 (Perla et al. 2011 ask for 10 or more before reading a chart)."""


class Better(enum.StrEnum):
    """Which way is an improvement."""

    LOWER = "lower"
    HIGHER = "higher"


@dataclass(frozen=True)
class Measure:
    id: str
    goal_id: str
    goal_title: str
    name: str
    unit: str
    better: Better
    baseline_points: int
    target: float | None


@dataclass(frozen=True)
class MeasurePoint:
    day: date
    value: float

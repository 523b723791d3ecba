"""Goal measures: the numbers that say whether a goal is getting nearer (the wait in
weeks, the share of notes on time). Each is read as a run chart: core.measure_chart."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date

from huddle.core.models import HuddleError
from huddle.core.numbers import read_number

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


def format_number(value: float) -> str:
    """A value as people write it: 9, 9.5, 0.25, 1,200, 0.004 (two decimals, or three
    figures for a value under 1, up to six decimals)."""
    value = float(value) + 0.0  # never "-0"
    if value.is_integer():
        return f"{int(value):,}"
    small = 0 < abs(value) < 1
    decimals = min(6, 2 - math.floor(math.log10(abs(value)))) if small else 2
    shown = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def read_value(text: str, unit: str = "") -> float:
    """A measure's value as typed: 6.5, 1,200, 85% (core.numbers reads every number), with
    or without the measure's `unit` after it ("6.5 weeks", "1 week")."""
    words = text.split()
    if unit and len(words) > 1 and _same_unit(" ".join(words[1:]), unit):
        text = words[0]
    try:
        return read_number(text)
    except HuddleError as error:
        if unit and len(words) > 1 and "with a point" not in str(error):
            raise HuddleError(f"{error}: type the number of {unit} alone") from None
        raise


def _same_unit(typed: str, unit: str) -> bool:
    """'weeks', 'week' and 'Weeks' are the unit 'weeks'."""
    said, named = typed.casefold().rstrip("."), unit.casefold()
    return said in (named, named.removesuffix("s"), named + "s")


def recorded_words(measure: Measure, day: date, value: float, before: float | None) -> str:
    """What recording a value did, said back: "Recorded ..." or "Replaced ... is now ..."."""
    shown = format_number(value)
    if before is None:
        return f"Recorded {measure.name}: {shown} on {short_day(day)}"
    return f"Replaced {measure.name} on {short_day(day)}: {format_number(before)} is now {shown}"

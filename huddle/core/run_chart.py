"""The run-chart rules: is a measure really changing, or only bouncing as measures do?

The rule set is the IHI run-chart rules of Perla RJ, Provost LP, Murray SK (2011), "The run
chart: a simple analytical tool for learning from variation in healthcare processes", BMJ
Quality & Safety 20:46-51. Each rule signals non-random variation with about a 5% risk of a
false signal when nothing changed:

1. Shift: six or more points in a row all above or all below the median. A point on the
   median neither breaks a shift nor counts towards it.
2. Trend: five or more points all going up, or all going down. A value repeated from the
   point before neither adds to a trend nor breaks it.
3. Too few or too many runs: a run is one or more points in a row on one side of the median
   (points on it are skipped); the number of runs is checked against the limits of the
   paper's Table 1 (from Swed & Eisenhart 1943), by the number of useful observations (the
   points not on the median). Not judged under 10 useful observations (the table starts
   there); past 26 observations the limits come from the same distribution's normal
   approximation, mean +/- 1.96 standard deviations (the paper's rows 27-60 could not be
   checked against a second copy here, so they are not used).
4. Astronomical point: the paper leaves it to judgement ("a blatantly obvious different
   value"). Here it is decided the way Making Data Count (NHS England) reads its SPC charts:
   a point outside the natural process limits of the baseline (an XmR chart: the baseline's
   mean +/- 2.66 times its average moving range, Wheeler), that stands alone: neither
   point beside it is outside on the same side, and it is not part of a shift. Points that
   moved together are a shift (rule 1), not astronomical points. It needs 5 baseline points
   whose values are not all equal.

Plain Python, no dependencies: the UI, the CLI and the digest all read charts through here.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

SHIFT_POINTS = 6
TREND_POINTS = 5
FEWEST_USEFUL_FOR_RUNS = 10
FEWEST_BASELINE_FOR_LIMITS = 5
XMR_SCALE = 2.66
"""3 / d2 (d2 = 1.128 for moving ranges of two points): the XmR chart's natural limits."""

RUNS_LIMITS: dict[int, tuple[int, int]] = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12),
    16: (5, 13), 17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16),
    22: (7, 17), 23: (7, 17), 24: (8, 18), 25: (8, 18), 26: (9, 19),
}  # fmt: skip
"""Perla et al. 2011, Table 1: useful observations -> (lower, upper) limits for the number
of runs; fewer runs than the lower limit are too few, more than the upper too many. Only the
rows checked against a second, independent copy of the table are here (10-26); past them the
limits come from the Swed & Eisenhart normal approximation (`runs_limits`), which can differ
from the paper's rows by one run."""


class Rule(enum.StrEnum):
    SHIFT = "shift"
    TREND = "trend"
    RUNS = "runs"
    ASTRONOMICAL = "astronomical"


@dataclass(frozen=True)
class Signal:
    """One rule met, over points `first` to `last` (0-based, both included)."""

    rule: Rule
    first: int
    last: int
    direction: str
    """"up" or "down": a shift or astronomical point above (up) or below (down) the median,
    a trend going up or down; for runs, "too few" or "too many"."""
    counted: int
    """The points the rule counted (for runs: how many runs there were)."""


@dataclass(frozen=True)
class Runs:
    """The runs about the median and the limits they are judged by (None: too few points)."""

    runs: int
    useful: int
    lower: int | None
    upper: int | None


@dataclass(frozen=True)
class Reading:
    """What the rules found on one chart."""

    median: float | None
    baseline_used: int
    """How many points the median is of: the baseline, or all there are until it is full."""
    frozen: bool
    """The baseline is full, so the median no longer moves."""
    runs: Runs
    limits: tuple[float, float] | None
    """The baseline's natural process limits (for astronomical points), when known."""
    signals: tuple[Signal, ...]

    def of(self, rule: Rule) -> list[Signal]:
        return [s for s in self.signals if s.rule is rule]


def median(values: Sequence[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _side(value: float, centre: float) -> int:
    """+1 above the median, -1 below, 0 on it (to 9 places: 87.1 and 87.3 have 87.2 as
    their median, which binary floats make 87.19999...)."""
    if math.isclose(value, centre, rel_tol=0, abs_tol=1e-9):
        return 0
    return 1 if value > centre else -1


def _runs_of_sides(values: Sequence[float], centre: float) -> list[tuple[int, int, int, int]]:
    """Each run about the median: (side, first index, last index, points in it)."""
    found: list[tuple[int, int, int, int]] = []
    for index, value in enumerate(values):
        side = _side(value, centre)
        if side == 0:
            continue
        if found and found[-1][0] == side:
            _, first, _, count = found[-1]
            found[-1] = (side, first, index, count + 1)
        else:
            found.append((side, index, index, 1))
    return found


def shifts(values: Sequence[float], centre: float) -> list[Signal]:
    """Rule 1: six or more points in a row on one side of the median."""
    return [
        Signal(Rule.SHIFT, first, last, "up" if side > 0 else "down", count)
        for side, first, last, count in _runs_of_sides(values, centre)
        if count >= SHIFT_POINTS
    ]


def trends(values: Sequence[float]) -> list[Signal]:
    """Rule 2: five or more points all going up or all going down; a repeated value is
    skipped (it neither adds nor breaks). A trend's last point can start the next one."""
    found: list[Signal] = []
    direction, first, last, count = 0, 0, 0, 1
    for index in range(1, len(values)):
        step = _side(values[index], values[index - 1])
        if step == 0:
            continue
        if step == direction:
            count += 1
        else:
            if count >= TREND_POINTS:
                found.append(_trend(direction, first, last, count))
            direction, first, count = step, index - 1, 2
        last = index
    if count >= TREND_POINTS:
        found.append(_trend(direction, first, last, count))
    return found


def _trend(direction: int, first: int, last: int, count: int) -> Signal:
    return Signal(Rule.TREND, first, last, "up" if direction > 0 else "down", count)


def runs_limits(useful: int) -> tuple[int, int] | None:
    """The fewest and most runs expected by chance, by useful observations (Table 1)."""
    if useful < FEWEST_USEFUL_FOR_RUNS:
        return None
    if useful in RUNS_LIMITS:
        return RUNS_LIMITS[useful]
    # Past the table: Swed & Eisenhart's normal approximation, half the points each side.
    above = useful // 2
    below = useful - above
    mean = 1 + 2 * above * below / useful
    spread = math.sqrt(
        2 * above * below * (2 * above * below - useful) / (useful**2 * (useful - 1))
    )
    return math.ceil(mean - 1.96 * spread), math.floor(mean + 1.96 * spread)


def count_runs(values: Sequence[float], centre: float) -> Runs:
    found = _runs_of_sides(values, centre)
    useful = sum(count for *_, count in found)
    limits = runs_limits(useful)
    lower, upper = limits if limits else (None, None)
    return Runs(len(found), useful, lower, upper)


def runs_signal(values: Sequence[float], centre: float) -> list[Signal]:
    """Rule 3: too few runs (points cluster on one side) or too many (they alternate)."""
    runs = count_runs(values, centre)
    if runs.lower is None or runs.upper is None:
        return []
    if runs.runs < runs.lower:
        return [Signal(Rule.RUNS, 0, len(values) - 1, "too few", runs.runs)]
    if runs.runs > runs.upper:
        return [Signal(Rule.RUNS, 0, len(values) - 1, "too many", runs.runs)]
    return []


def natural_limits(baseline: Sequence[float]) -> tuple[float, float] | None:
    """The XmR chart's natural process limits of the baseline points: mean +/- 2.66 times
    the average moving range. None with under 5 points, or when they never vary."""
    if len(baseline) < FEWEST_BASELINE_FOR_LIMITS:
        return None
    moving = [abs(b - a) for a, b in itertools.pairwise(baseline)]
    average_range = sum(moving) / len(moving)
    if average_range == 0:
        return None
    mean = sum(baseline) / len(baseline)
    return mean - XMR_SCALE * average_range, mean + XMR_SCALE * average_range


def astronomical(
    values: Sequence[float], limits: tuple[float, float] | None, centre: float | None = None
) -> list[Signal]:
    """Rule 4: a lone point outside the baseline's natural process limits, not in a shift
    about the median `centre` (when given)."""
    if limits is None:
        return []
    in_shift = {
        index
        for shift in (shifts(values, centre) if centre is not None else [])
        for index in range(shift.first, shift.last + 1)
    }
    low, high = limits

    def outside(index: int) -> int:
        if not 0 <= index < len(values):
            return 0
        return 1 if values[index] > high else -1 if values[index] < low else 0

    return [
        Signal(Rule.ASTRONOMICAL, index, index, "up" if side > 0 else "down", 1)
        for index in range(len(values))
        if (side := outside(index))
        and side not in (outside(index - 1), outside(index + 1))
        and index not in in_shift
    ]


def read(values: Sequence[float], baseline_points: int) -> Reading:
    """Every rule over the points in time order. The median is of the first
    `baseline_points` points, then frozen; until there are that many, of all of them."""
    baseline = list(values[:baseline_points])
    centre = median(baseline)
    limits = natural_limits(baseline)
    if centre is None:
        return Reading(None, 0, False, Runs(0, 0, None, None), None, ())
    signals = [
        *shifts(values, centre),
        *trends(values),
        *runs_signal(values, centre),
        *astronomical(values, limits, centre),
    ]
    signals.sort(key=lambda s: (s.first, s.last))
    return Reading(
        median=centre,
        baseline_used=len(baseline),
        frozen=len(values) >= baseline_points,
        runs=count_runs(values, centre),
        limits=limits,
        signals=tuple(signals),
    )

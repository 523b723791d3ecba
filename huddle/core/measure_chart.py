"""A measure's run chart: its values, what the run-chart rules (core.run_chart) read in
them, the changes the team adopted marked on it, and all of it said in words for the
screen and the CLI, or as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from huddle.core import run_chart
from huddle.core.measures import Better, Measure, MeasurePoint, format_number, short_day
from huddle.core.run_chart import Reading, Rule, Signal

if TYPE_CHECKING:
    from huddle.core.store import Store


@dataclass(frozen=True)
class ChangeMark:
    """A change the team adopted (a PDSA cycle's Act), on the day it was decided."""

    day: date
    change: str


@dataclass(frozen=True)
class MeasureChart:
    """A measure, its points in date order, what the rules read in them, and the changes."""

    measure: Measure
    points: tuple[MeasurePoint, ...]
    reading: Reading
    changes: tuple[ChangeMark, ...]

    def is_better(self, signal: Signal) -> bool | None:
        """Whether a signal is an improvement (None: runs, which have no direction)."""
        if signal.rule is Rule.RUNS:
            return None
        return (signal.direction == "down") == (self.measure.better is Better.LOWER)


def chart_of(store: Store, measure: Measure) -> MeasureChart:
    """The measure's run chart as it stands: its values and the goal's adopted changes."""
    from huddle.core.pdsa import Act

    points = tuple(store.measures.points(measure))
    goal = store.goals.get(measure.goal_id)
    changes = tuple(
        sorted(
            (
                ChangeMark(c.decided_on, c.change)
                for c in store.pdsa.recent(goal=goal, limit=200)
                if c.act is Act.ADOPT and c.decided_on is not None
            ),
            key=lambda mark: mark.day,
        )
    )
    reading = run_chart.read([p.value for p in points], measure.baseline_points)
    return MeasureChart(measure, points, reading, changes)


def _span(chart: MeasureChart, signal: Signal) -> str:
    first, last = chart.points[signal.first].day, chart.points[signal.last].day
    return short_day(first) if first == last else f"{short_day(first)} to {short_day(last)}"


def signal_words(chart: MeasureChart, signal: Signal) -> str:
    """One signal as a line: what the rule saw, when, and whether that is better."""
    better = chart.is_better(signal)
    verdict = "" if better is None else (" (better)" if better else " (worse)")
    side = "above" if signal.direction == "up" else "below"
    span = _span(chart, signal)
    if signal.rule is Rule.SHIFT:
        return f"Shift: {signal.counted} points in a row {side} the median, {span}{verdict}"
    if signal.rule is Rule.TREND:
        going = "up" if signal.direction == "up" else "down"
        return f"Trend: {signal.counted} points in a row going {going}, {span}{verdict}"
    if signal.rule is Rule.RUNS:
        runs = chart.reading.runs
        return (
            f"Too {signal.direction.split()[1]} runs: {runs.runs} where {runs.lower} to"
            f" {runs.upper} are expected from {runs.useful} points off the median"
        )
    value = format_number(chart.points[signal.first].value)
    return f"Astronomical point: {value} on {span}, far {side} the rest{verdict}"


def reading_words(chart: MeasureChart) -> list[str]:
    """What the chart says, a line each: every signal, or why there is none."""
    points, measure = len(chart.points), chart.measure
    if not points:
        return ["No values yet."]
    lines = [signal_words(chart, s) for s in chart.reading.signals]
    if lines:
        return lines
    if points < measure.baseline_points:
        return [
            f"{points} of {measure.baseline_points} values for the baseline: too few"
            " to read a signal yet."
        ]
    return ["No signal: the points vary as they did in the baseline."]


def median_words(chart: MeasureChart) -> str:
    reading = chart.reading
    if reading.median is None:
        return "no median yet"
    if reading.frozen:
        return f"median {format_number(reading.median)} (of the first {reading.baseline_used})"
    return f"median {format_number(reading.median)} (so far; the baseline is not full)"


def measure_title(measure: Measure) -> str:
    """ "Weeks waited (weeks, lower is better, target 4)"."""
    unit = f"{measure.unit}, " if measure.unit else ""
    target = f", target {format_number(measure.target)}" if measure.target is not None else ""
    return f"{measure.name} ({unit}{measure.better.value} is better{target})"


def values_words(chart: MeasureChart) -> str:
    """How many values, from when to when, the last one and the median ("" with none)."""
    if not chart.points:
        return ""
    first, last = chart.points[0], chart.points[-1]
    return (
        f"{len(chart.points)} values, {short_day(first.day)} to {short_day(last.day)};"
        f" last {format_number(last.value)}; {median_words(chart)}"
    )


def chart_as_text(chart: MeasureChart) -> str:
    """`huddle measure show`: the measure, its last value, median, signals and changes."""
    lines = [f"  {measure_title(chart.measure)}"]
    if chart.points:
        lines.append(f"    {values_words(chart)}")
    lines += [f"    {line}" for line in reading_words(chart)]
    lines += [f'    Adopted {short_day(c.day)}: "{c.change}"' for c in chart.changes]
    return "\n".join(lines)


def _signal_json(chart: MeasureChart, signal: Signal) -> dict[str, Any]:
    return {
        "from": signal.first + 1,
        "to": signal.last + 1,
        "first_day": chart.points[signal.first].day.isoformat(),
        "last_day": chart.points[signal.last].day.isoformat(),
        "direction": signal.direction,
        "points": signal.counted,
        "better": chart.is_better(signal),
    }


def chart_as_json(chart: MeasureChart) -> dict[str, Any]:
    """The form for scripts; its shape is documented in `huddle measure show --help`."""
    measure, reading = chart.measure, chart.reading
    return {
        "name": measure.name,
        "unit": measure.unit,
        "better": measure.better.value,
        "target": measure.target,
        "baseline_points": measure.baseline_points,
        "median": reading.median,
        "median_frozen": reading.frozen,
        "points": [
            {"n": n, "day": p.day.isoformat(), "value": p.value}
            for n, p in enumerate(chart.points, start=1)
        ],
        "changes": [{"day": c.day.isoformat(), "change": c.change} for c in chart.changes],
        "runs": {
            "runs": reading.runs.runs,
            "useful": reading.runs.useful,
            "lower": reading.runs.lower,
            "upper": reading.runs.upper,
        },
        "signals": {
            rule.value: [_signal_json(chart, s) for s in reading.of(rule)] for rule in Rule
        },
    }


def measures_to_ask(store: Store, day: date) -> list[Measure]:
    """The measures Wrap-up asks for at `day`'s huddle: on the team's measure day (or a later
    huddle day that week, as the pulse), each active goal's measure with no value yet this
    week (Monday to Sunday)."""
    from datetime import timedelta

    from huddle.core.calendar import Period, is_pulse_day, period_start

    if not is_pulse_day(day, store.calendar(), store.measures.measure_day()):
        return []
    monday = period_start(day, Period.WEEK)
    sunday = monday + timedelta(days=6)
    return [
        m for m in store.measures.all() if not store.measures.has_value_between(m, monday, sunday)
    ]

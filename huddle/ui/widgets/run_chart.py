"""A run chart in the terminal: a measure's points in time order, the median line (of the
baseline, frozen), the target, and a mark where the team adopted a change. Points in a
signal are coloured by whether it is the better way; the rules' words go under the chart
(core.measure_chart.reading_words), so no reading depends on colour alone."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from huddle.core.measure_chart import MeasureChart
from huddle.core.measures import format_number, short_day
from huddle.core.run_chart import Rule

POINT = "●"
ASTRONOMICAL = "◆"
MEDIAN = "─"
TARGET = "┄"
CHANGE = "│"
BETTER = "$text-success"
WORSE = "$text-error"


@dataclass
class _Cell:
    char: str = " "
    style: str = ""


def legend(chart: MeasureChart) -> Content:
    """What the marks mean, with the median and target's values."""
    reading, measure = chart.reading, chart.measure
    parts: list[Content | str | tuple[str, str]] = [(POINT, "bold"), " value  "]
    if reading.median is not None:
        parts += [(MEDIAN * 2, "$text-muted"), f" median {format_number(reading.median)}  "]
    if measure.target is not None:
        parts += [(TARGET * 2, BETTER), f" target {format_number(measure.target)}  "]
    if chart.changes:
        parts += [(CHANGE, "$text-accent"), " change adopted"]
    return Content.assemble(*parts)


def draw(chart: MeasureChart, width: int, height: int) -> list[Content]:
    """The chart as `height` lines of `width` cells: the plot, then a line of dates."""
    points = chart.points
    rows = max(2, height - 1)
    values = [p.value for p in points]
    median, target = chart.reading.median, chart.measure.target
    scale = [*values, *(v for v in (median, target) if v is not None)]
    if not points or width < 12:
        return [Content("No values yet: r records one.")]
    low, high = min(scale), max(scale)
    if high == low:
        low, high = low - 1, high + 1
    labels = {_row(v, low, high, rows): format_number(v) for v in _ticks(low, high, rows)}
    for value in (high, low, target, median):  # these win over a tick on the same row
        if value is not None:
            labels[_row(value, low, high, rows)] = format_number(value)
    margin = max(len(text) for text in labels.values()) + 1
    plot = width - margin - 1
    shown = points[-plot:] if len(points) > plot else points
    skipped = len(points) - len(shown)
    columns = _columns(len(shown), plot)
    grid = [[_Cell() for _ in range(plot)] for _ in range(rows)]
    if target is not None:
        _across(grid, _row(target, low, high, rows), TARGET, BETTER)
    if median is not None:
        _across(grid, _row(median, low, high, rows), MEDIAN, "$text-muted")
    for change in chart.changes:
        # Between the last point before the change and the first one on or after it.
        after = next((i for i, p in enumerate(shown) if p.day >= change.day), None)
        if not after:
            continue
        column = (columns[after - 1] + columns[after] + 1) // 2
        for line in grid:
            if line[column].char == " ":
                line[column] = _Cell(CHANGE, "$text-accent")
    styles = _point_styles(chart)
    for index, point in enumerate(shown):
        style = styles.get(index + skipped, "bold")
        mark = ASTRONOMICAL if (index + skipped) in _astronomical(chart) else POINT
        grid[_row(point.value, low, high, rows)][columns[index]] = _Cell(mark, style)
    lines = []
    for number, line in enumerate(grid):
        label = labels.get(number, "")
        lines.append(
            Content.assemble(
                (label.rjust(margin - 1) + " ", "$text-muted"),
                ("┤" if label else "│", "$text-muted"),
                *((cell.char, cell.style) for cell in line),
            )
        )
    lines.append(_dates([p.day for p in shown], margin, columns[-1] + 1 if columns else 0))
    return lines


def _ticks(low: float, high: float, rows: int) -> list[float]:
    """Round values (steps of 1, 2 or 5 times a power of ten) to label up the axis, about
    one every 3 rows, so a point's value can be read off it."""
    wanted = max(1, min(6, rows // 3))
    rough = (high - low) / wanted
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    ticks, value = [], math.ceil(low / step) * step
    while value <= high + step * 1e-9:
        ticks.append(round(value, 9))
        value += step
    return ticks


def _row(value: float, low: float, high: float, rows: int) -> int:
    return round((high - value) / (high - low) * (rows - 1))


def _columns(count: int, plot: int) -> list[int]:
    """Where each point goes across: spread out, at most 8 cells apart so a few points still
    read as one series, from the left."""
    if count <= 1:
        return [0] * count
    gap = min(8.0, (plot - 1) / (count - 1))
    return [round(i * gap) for i in range(count)]


def _across(grid: list[list[_Cell]], row: int, char: str, style: str) -> None:
    for cell in grid[row]:
        cell.char, cell.style = char, style


def _point_styles(chart: MeasureChart) -> dict[int, str]:
    """The colour of each point inside a shift, trend or astronomical point."""
    styles: dict[int, str] = {}
    for signal in chart.reading.signals:
        if signal.rule is Rule.RUNS:
            continue
        style = f"bold {BETTER if chart.is_better(signal) else WORSE}"
        for index in range(signal.first, signal.last + 1):
            styles[index] = style
    return styles


def _astronomical(chart: MeasureChart) -> set[int]:
    return {s.first for s in chart.reading.of(Rule.ASTRONOMICAL)}


def _dates(days: Sequence[date], margin: int, span: int) -> Content:
    """The first day under the first point, the last ending under the last point."""
    if not days:
        return Content("")
    first, last = short_day(days[0]), short_day(days[-1])
    if len(days) == 1:
        return Content.styled(" " * (margin + 1) + first, "$text-muted")
    gap = max(1, span - len(first) - len(last))
    return Content.styled(" " * (margin + 1) + first + " " * gap + last, "$text-muted")


class RunChart(Widget):
    """One measure's run chart, drawn to the widget's size."""

    DEFAULT_CSS = """
    RunChart { height: 10; }
    """

    def __init__(
        self,
        chart: MeasureChart | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chart = chart

    def show(self, chart: MeasureChart) -> None:
        self.chart = chart
        self.refresh()

    def render(self) -> RenderResult:
        if self.chart is None:
            return ""
        lines = draw(self.chart, self.size.width, self.size.height)
        return Content("\n").join(lines)

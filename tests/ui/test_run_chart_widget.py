"""The run chart drawn at any size, with any number of points: never an error, the dates
under the points, a mark between the points either side of an adopted change."""

from __future__ import annotations

from datetime import date, timedelta

from huddle.core import run_chart
from huddle.core.measure_chart import ChangeMark, MeasureChart
from huddle.core.measures import Better, Measure, MeasurePoint
from huddle.ui.widgets.run_chart import CHANGE, POINT, draw

MEASURE = Measure("m", "g", "Goal", "Weeks", "weeks", Better.LOWER, 12, 4.0)


def _chart(values: list[float], changes: tuple[ChangeMark, ...] = ()) -> MeasureChart:
    first = date(2026, 1, 5)
    points = tuple(MeasurePoint(first + timedelta(weeks=n), v) for n, v in enumerate(values))
    return MeasureChart(MEASURE, points, run_chart.read(values, 12), changes)


def test_no_points_one_point_and_many_points_all_draw() -> None:
    assert [line.plain for line in draw(_chart([]), 80, 10)] == ["No values yet: r records one."]
    one = draw(_chart([7.0]), 80, 10)
    assert sum(line.plain.count(POINT) for line in one) == 1
    assert "5 Jan 2026" in one[-1].plain
    many = draw(_chart([float(n % 7) for n in range(500)]), 80, 10)
    assert len(many) == 10
    assert all(line.cell_length <= 80 for line in many)
    plot_width = 80 - many[0].plain.index("┤") - 1
    assert sum(line.plain.count(POINT) for line in many) == plot_width  # the last ones


def test_an_adopted_change_is_marked_between_the_points_either_side() -> None:
    values = [9.0, 8, 9, 10, 9, 8, 6, 5]
    chart = _chart(values, (ChangeMark(date(2026, 2, 10), "Triage at the huddle"),))
    lines = draw(chart, 40, 8)
    plot = [line.plain[3:] for line in lines[:-1]]  # after the labels and the axis
    mark = next(i for i, c in enumerate(plot[0]) if c == CHANGE)
    columns = [i for line in plot for i, c in enumerate(line) if c == POINT]
    before = max(c for c in columns if c < mark)
    assert before < mark < min(c for c in columns if c > mark)

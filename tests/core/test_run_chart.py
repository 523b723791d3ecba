"""The IHI run-chart rules (Perla, Provost & Murray 2011), each on series whose answer is
known: from the literature where there is one, else built to the letter of the rule, with
the edge cases the paper names (points on the median, repeated values in a trend)."""

from __future__ import annotations

from huddle.core import run_chart
from huddle.core.run_chart import Rule, Signal


def test_swed_and_eisenhart_lunch_counter_has_eleven_runs() -> None:
    # Swed & Eisenhart (1943): occupied (O) and empty (E) seats at a lunch counter,
    # E O E E O E E E O E E E O E O E, the classic runs-test example: 11 runs of 16.
    seats = "EOEEOEEEOEEEOEOE"
    values = [1.0 if seat == "O" else 0.0 for seat in seats]
    runs = run_chart.count_runs(values, 0.5)
    assert (runs.runs, runs.useful) == (11, 16)
    assert (runs.lower, runs.upper) == (5, 13)  # Perla Table 1, 16 useful observations
    assert run_chart.runs_signal(values, 0.5) == []


def test_table_one_limits_for_ten_and_twenty_useful_observations() -> None:
    assert run_chart.runs_limits(9) is None  # the table starts at 10
    assert run_chart.runs_limits(10) == (3, 9)
    assert run_chart.runs_limits(20) == (6, 16)
    lower, upper = run_chart.runs_limits(80) or (0, 0)  # past the table: approximated
    assert lower < 41 < upper


def test_six_points_below_the_median_are_a_shift_five_are_not() -> None:
    baseline = [10.0, 12, 9, 13, 11, 12, 10, 13, 9, 11, 10, 12]  # median 11
    assert run_chart.median(baseline) == 11
    five_low = [*baseline, 8, 7, 8, 9, 7, 12]
    assert run_chart.shifts(five_low, 11) == []
    six_low = [*baseline, 8, 7, 8, 9, 7, 8]
    assert run_chart.shifts(six_low, 11) == [Signal(Rule.SHIFT, 12, 17, "down", 6)]


def test_a_point_on_the_median_neither_breaks_nor_counts_in_a_shift() -> None:
    # Three below, one on the median, three more below: six counted, one shift.
    values = [14.0, 13, 15, 8, 7, 9, 11, 8, 7, 6]
    assert run_chart.shifts(values, 11) == [Signal(Rule.SHIFT, 3, 9, "down", 6)]
    # Five below with a point on the median among them is still only five.
    assert run_chart.shifts([8.0, 7, 11, 9, 8, 7], 11) == []


def test_five_points_going_up_are_a_trend_four_are_not() -> None:
    assert run_chart.trends([3.0, 4, 5, 6, 2]) == []
    assert run_chart.trends([3.0, 4, 5, 6, 7, 2]) == [Signal(Rule.TREND, 0, 4, "up", 5)]


def test_a_repeated_value_neither_adds_to_nor_breaks_a_trend() -> None:
    # 9 8 8 7 6: four different values going down, the repeat skipped: not a trend.
    assert run_chart.trends([9.0, 8, 8, 7, 6]) == []
    # 9 8 8 7 6 5: five going down, the repeat inside does not break it.
    assert run_chart.trends([9.0, 8, 8, 7, 6, 5]) == [Signal(Rule.TREND, 0, 5, "down", 5)]


def test_a_trend_turning_shares_its_last_point_with_the_next() -> None:
    values = [1.0, 2, 3, 4, 5, 4, 3, 2, 1]
    assert run_chart.trends(values) == [
        Signal(Rule.TREND, 0, 4, "up", 5),
        Signal(Rule.TREND, 4, 8, "down", 5),
    ]


def test_too_few_runs_when_the_points_cluster_on_each_side() -> None:
    # 20 useful observations in 2 runs: Table 1 expects 6 to 16.
    values = [5.0] * 10 + [15.0] * 10
    runs = run_chart.count_runs(values, 10)
    assert (runs.runs, runs.useful) == (2, 20)
    assert run_chart.runs_signal(values, 10) == [Signal(Rule.RUNS, 0, 19, "too few", 2)]


def test_too_many_runs_when_the_points_alternate() -> None:
    values = [5.0, 15.0] * 10  # 20 runs of one point
    assert run_chart.runs_signal(values, 10) == [Signal(Rule.RUNS, 0, 19, "too many", 20)]


def test_points_on_the_median_are_not_useful_observations() -> None:
    # 12 points but 3 on the median: 9 useful, under the table's 10, so not judged.
    values = [10.0, 5, 10, 15, 10, 5, 15, 5, 15, 5, 15, 5]
    runs = run_chart.count_runs(values, 10)
    assert runs.useful == 9
    assert run_chart.runs_signal(values, 10) == []


def test_a_lone_point_far_outside_the_baseline_is_astronomical() -> None:
    baseline = [20.0, 22, 19, 21, 23, 20, 22, 21, 19, 20, 22, 21]
    values = [*baseline, 21, 48, 20, 22]
    reading = run_chart.read(values, 12)
    assert reading.of(Rule.ASTRONOMICAL) == [Signal(Rule.ASTRONOMICAL, 13, 13, "up", 1)]


def test_points_outside_together_are_a_shift_not_astronomical_points() -> None:
    baseline = [20.0, 22, 19, 21, 23, 20, 22, 21, 19, 20, 22, 21]
    values = [*baseline, 9, 8, 9, 10, 8, 9]
    reading = run_chart.read(values, 12)
    assert reading.of(Rule.ASTRONOMICAL) == []
    assert reading.of(Rule.SHIFT) == [Signal(Rule.SHIFT, 12, 17, "down", 6)]


def test_a_point_outside_the_limits_within_a_shift_is_part_of_the_shift() -> None:
    baseline = [3.0, 2, 4, 3, 3, 2, 4, 3, 2, 3, 4, 2]  # limits about 0.4 to 5.6
    values = [*baseline, 5, 6, 5, 7, 6, 7, 7]
    reading = run_chart.read(values, 12)
    assert [s.rule for s in reading.signals if s.first >= 12] == [Rule.SHIFT]


def test_no_astronomical_point_when_the_baseline_never_varies() -> None:
    assert run_chart.natural_limits([5.0] * 12) is None
    assert run_chart.natural_limits([5.0, 6, 5, 6]) is None  # too few points


def test_the_median_is_of_the_baseline_then_frozen() -> None:
    baseline = [10.0, 12, 9, 13, 11, 12, 10, 13, 9, 12, 11, 10]
    reading = run_chart.read([*baseline, 2, 2, 2, 2], 12)
    assert (reading.median, reading.baseline_used, reading.frozen) == (11, 12, True)
    early = run_chart.read([4.0, 8, 6], 12)
    assert (early.median, early.baseline_used, early.frozen) == (6, 3, False)


def test_too_few_points_say_nothing() -> None:
    assert run_chart.read([], 12).signals == ()
    assert run_chart.read([], 12).median is None
    assert run_chart.read([3.0, 4, 5], 12).signals == ()


def test_a_median_between_two_decimals_counts_points_on_it() -> None:
    # (87.1 + 87.3) / 2 is 87.19999... in binary: 87.2 is still on the median.
    centre = run_chart.median([87.1, 87.3])
    assert centre is not None
    assert run_chart.count_runs([87.2, 87.2, 87.1], centre).useful == 1


def test_balestraccis_sixteen_months_after_an_intervention() -> None:
    # Balestracci, "An underrated test for run charts", Quality Digest, Oct 2008: 16 monthly
    # points, an intervention after the 6th; runs of 7 above, 7 below, then 1 and 1 (4 runs,
    # where 16 useful observations expect 5 or more), and five points going down from the
    # 5th to the 9th. Values made to that published pattern (the article shows a chart).
    values = [14.0, 12, 15, 13, 16, 14.5, 12.5, 9, 7, 8, 6, 9.5, 7.5, 8.5, 13.5, 6.5]
    reading = run_chart.read(values, 16)
    assert reading.median == 10.75
    assert (reading.runs.runs, reading.runs.useful) == (4, 16)
    assert reading.of(Rule.RUNS) == [Signal(Rule.RUNS, 0, 15, "too few", 4)]
    assert reading.of(Rule.SHIFT) == [
        Signal(Rule.SHIFT, 0, 6, "up", 7),
        Signal(Rule.SHIFT, 7, 13, "down", 7),
    ]
    # The IHI rule reads the fall from the 5th to the 9th point as a trend (5 points); the
    # article's stricter table for 16 points would not.
    assert reading.of(Rule.TREND) == [Signal(Rule.TREND, 4, 8, "down", 5)]
    assert reading.of(Rule.ASTRONOMICAL) == []

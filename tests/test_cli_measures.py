"""`huddle measure`: a lead adds the wait as a measure of the goal, records the weekly
figures from the waiting-list report, and reads the run chart in words or as JSON.
Today is Wednesday 25 November 2026."""

from __future__ import annotations

import json
from datetime import date, timedelta

from huddle.core.measure_chart import chart_of
from huddle.core.measures import Better
from huddle.core.pdsa import Act

BASELINE = [9.0, 8.5, 9.5, 10, 9, 8.5, 9.5, 9, 10, 8.5, 9, 9.5]  # median 9
AFTER = [7.5, 7, 6.5, 7, 6, 6.5, 6]


def _weeks(huddle, values: list[float], first: date = date(2026, 6, 1)) -> None:  # type: ignore[no-untyped-def]
    for n, value in enumerate(values):
        day = first + timedelta(weeks=n)
        huddle.ok("measure", "record", "wait", "weeks", str(value), "--on", day.isoformat())


def _add(huddle) -> None:  # type: ignore[no-untyped-def]
    out = huddle.ok(
        "measure", "add", "wait", "Weeks to first visit", "--unit", "weeks",
        "--better", "lower", "--target", "4",
    )  # fmt: skip
    assert out == "Added the measure Weeks to first visit to Cut the wait for a care assessment\n"


def test_a_measure_is_added_recorded_and_read_in_words(huddle_with_team) -> None:
    _add(huddle_with_team)
    _weeks(huddle_with_team, BASELINE + AFTER)
    out = huddle_with_team.ok("measure", "show", "wait")
    assert "Weeks to first visit (weeks, lower is better, target 4)" in out
    assert "19 values, 1 Jun 2026 to 5 Oct 2026; last 6; median 9 (of the first 12)" in out
    assert "Shift: 7 points in a row below the median, 24 Aug 2026 to 5 Oct 2026 (better)" in out


def test_recording_the_same_day_again_replaces_it_and_says_so(huddle_with_team) -> None:
    _add(huddle_with_team)
    first = huddle_with_team.ok("measure", "record", "wait", "weeks", "9", "--on", "23/11")
    assert first == "Recorded Weeks to first visit: 9 on 23 Nov 2026\n"
    again = huddle_with_team.ok("measure", "record", "wait", "weeks", "8.5", "--on", "23/11")
    assert again == "Replaced Weeks to first visit on 23 Nov 2026: 9 is now 8.5\n"
    store = huddle_with_team.open_store()
    try:
        measure = store.measures.find(store.goals.find("wait"), "weeks")
        assert [(p.day, p.value) for p in store.measures.points(measure)] == [
            (date(2026, 11, 23), 8.5)
        ]
    finally:
        store.close()


def test_json_gives_points_median_target_and_named_signals(huddle_with_team) -> None:
    _add(huddle_with_team)
    _weeks(huddle_with_team, BASELINE + AFTER)
    data = json.loads(huddle_with_team.ok("measure", "show", "wait", "weeks", "--json"))
    assert data["goal"] == "Cut the wait for a care assessment"
    (shown,) = data["measures"]
    assert (shown["median"], shown["median_frozen"], shown["target"]) == (9, True, 4)
    assert shown["points"][0] == {"n": 1, "day": "2026-06-01", "value": 9.0}
    assert len(shown["points"]) == 19
    assert set(shown["signals"]) == {"shift", "trend", "runs", "astronomical"}
    assert shown["signals"]["shift"] == [
        {
            "from": 13,
            "to": 19,
            "first_day": "2026-08-24",
            "last_day": "2026-10-05",
            "direction": "down",
            "points": 7,
            "better": True,
        }
    ]
    assert shown["runs"]["useful"] == 15  # four points sit on the median of 9


def test_adopted_changes_on_the_goal_are_marked(huddle_with_team) -> None:
    _add(huddle_with_team)
    store = huddle_with_team.open_store()
    try:
        cycle = store.pdsa.start("Ring the day before", goal=store.goals.find("wait"))
        store.pdsa.decide(cycle, Act.ADOPT, store.calendar())
        measure = store.measures.find(store.goals.find("wait"), "weeks")
        assert [c.change for c in chart_of(store, measure).changes] == ["Ring the day before"]
        assert measure.better is Better.LOWER
    finally:
        store.close()
    out = huddle_with_team.ok("measure", "show", "wait")
    assert 'Adopted 25 Nov 2026: "Ring the day before"' in out
    assert "No values yet." in out


def test_bad_input_is_one_clear_line(huddle_with_team) -> None:
    _add(huddle_with_team)
    cases = {
        ("measure", "record", "wait", "weeks", "lots"): "Error: 'lots' is not a number",
        ("measure", "record", "wait", "nothing", "3"): "Error: no measure matches 'nothing'",
        ("measure", "record", "wait", "weeks", "3", "--on", "someday"): "Error:",
        ("measure", "add", "wait", "Weeks to first visit", "--unit", "w", "--better", "lower"): (
            "Error: Cut the wait for a care assessment already has a measure called"
        ),
        ("measure", "add", "wait", "X", "--unit", "w", "--better", "lower", "--baseline", "2"): (
            "Error: a baseline is from 6 to 60 points"
        ),
        ("measure", "show", "nope"): "Error: no goal matches 'nope'",
    }
    for args, said in cases.items():
        result = huddle_with_team(*args)
        assert result.exit_code != 0, args
        assert result.output.splitlines()[-1].startswith(said), (args, result.output)
        assert "Traceback" not in result.output


def test_measure_day_is_a_team_setting(huddle_with_team) -> None:
    out = huddle_with_team.ok("measure", "day", "thu")
    assert out == "Wrap-up asks for the week's measures from Thu\n"
    assert huddle_with_team.ok("measure", "day", "off") == "Wrap-up no longer asks for measures\n"
    store = huddle_with_team.open_store()
    try:
        assert store.measures.measure_day() == ""
    finally:
        store.close()


def test_a_goal_with_no_measures_says_how_to_add_one(huddle_with_team) -> None:
    out = huddle_with_team.ok("measure", "show", "strengths")
    assert out.splitlines()[1].startswith("  no measures yet: huddle measure add strengths")

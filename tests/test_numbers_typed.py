"""Numbers as people type them into a measure or into what a change gave: a number is
stored as meant or refused in one line, never stored as another number.
Today is Wednesday 25 November 2026."""

from __future__ import annotations

import json

import pytest

from huddle.core.impact import parse_impact
from huddle.core.measures import format_number, read_value
from huddle.core.models import HuddleError, Impact


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("6.5", 6.5),
        ("1,200", 1200.0),
        ("12,345.5", 12345.5),
        ("85%", 85.0),
        (" 7 ", 7.0),
        ("-0", 0.0),
        ("-2.5", -2.5),
    ],
)
def test_a_measure_value_is_read_as_meant(typed: str, value: float) -> None:
    assert read_value(typed) == value


@pytest.mark.parametrize(
    "typed",
    ["1,5", "1,50", "12,34,567", "1_000", "1_5", "1e308", "-1e300", "nan", "inf", "", " ", "0x10"],
)
def test_a_value_that_could_be_read_two_ways_or_is_no_count_is_refused(typed: str) -> None:
    with pytest.raises(HuddleError, match=r"not a number|too large|with a point"):
        read_value(typed)


def test_minus_zero_and_tiny_values_are_shown_as_they_are() -> None:
    assert format_number(read_value("-0")) == "0"
    assert format_number(0.004) == "0.004"
    assert format_number(0.125) == "0.125"
    assert format_number(1200) == "1,200"
    assert format_number(9.5) == "9.5"


def test_a_value_typed_with_a_decimal_comma_is_refused_in_the_shell(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("measure", "add", "wait", "Weeks", "--unit", "weeks", "--better", "lower")
    result = huddle_with_team("measure", "record", "wait", "weeks", "1,5", "--on", "23/11")
    assert result.exit_code == 1
    assert result.output == "Error: '1,5' is not a number: write 1.5 with a point, or 15\n"
    store = huddle_with_team.open_store()
    try:
        measure = store.measures.find(store.goals.find("wait"), "weeks")
        assert store.measures.points(measure) == []
    finally:
        store.close()


def test_a_value_for_a_day_still_to_come_is_refused(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("measure", "add", "wait", "Weeks", "--unit", "weeks", "--better", "lower")
    result = huddle_with_team("measure", "record", "wait", "weeks", "5", "--on", "1/1/9999")
    assert result.exit_code == 1
    said = "Error: 1 Jan 9999 is still to come: a value is recorded once it is known\n"
    assert result.output == said


@pytest.mark.parametrize(
    ("typed", "impact"),
    [
        ("1,200 minutes a week", Impact(minutes_a_week=1200)),
        ("1.5 h", Impact(minutes_a_week=90)),
        ("2 visits, 3 forms", Impact(0, 2, 3)),
        # Said in words, the time was kept as a line and never added up.
        ("half an hour a week", Impact(minutes_a_week=30)),
        ("An hour and a half a week, 1 visit", Impact(minutes_a_week=90, visits_avoided=1)),
        ("Mrs B had an hour with her son", Impact(difference="Mrs B had an hour with her son")),
    ],
)
def test_what_a_change_gave_keeps_its_numbers(typed: str, impact: Impact) -> None:
    assert parse_impact(typed) == impact


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("99999999999999999999 minutes", "too large"),
        ("1,5 hours", "with a point"),
        ("10 min a day", "a week"),
        ("2 hours a month", "a week"),
        # Were read as 9 visits and 3 visits avoided.
        ("1e9 visits", "'1e9' is not a number"),
        ("-3 visits", "'-3 visits': say what it saved or avoided, 0 or more"),
        ("30 min a week, −2 forms", "'−2 forms': say what it saved or avoided, 0 or more"),
        ("0x10 forms", "'0x10' is not a number"),
        ("2-3 visits", "'2-3 visits': say one number"),
    ],
)
def test_a_change_is_refused_where_its_gain_would_be_counted_wrong(typed: str, said: str) -> None:
    with pytest.raises(HuddleError, match=said):
        parse_impact(typed)


def test_adopting_an_idea_with_a_gave_that_is_refused_changes_nothing(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("idea", "Text people the day before", "--who", "ann")
    result = huddle_with_team("ideas", "adopt", "text", "--gave", "99999999999999999999 minutes")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output
    assert "new" in huddle_with_team.ok("ideas", "--json").split('"status": ')[1][:8]


def test_a_number_too_large_for_the_file_is_one_line_not_a_traceback(team) -> None:  # type: ignore[no-untyped-def]
    from huddle.core.store.db import StoreError

    idea = team.ideas.add(team.members.find("Ann Smith"), "Text people the day before")
    with pytest.raises(StoreError, match="too large to save"):
        team.impacts.say(Impact(minutes_a_week=10**20), idea_id=idea.id)
    assert team.impacts.of(idea_id=idea.id) is None


def test_adopting_with_a_gave_of_only_spaces_says_nothing_of_what_it_gave(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("idea", "Text people the day before", "--who", "ann")
    out = huddle_with_team.ok("ideas", "adopt", "text", "--gave", "   ")
    assert out == '"Text people the day before" is adopted\n'


def test_a_negative_value_is_recorded_as_typed(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("measure", "add", "wait", "Change", "--unit", "weeks", "--better", "lower")
    out = huddle_with_team.ok("measure", "record", "wait", "change", "-0.5", "--on", "23/11")
    assert out == "Recorded Change: -0.5 on 23 Nov 2026\n"


@pytest.mark.parametrize("typed", ["6.5", "-", "", "twelve", "1e3", "9" * 20])
def test_a_count_that_is_not_a_whole_number_is_refused(typed: str) -> None:
    from huddle.core.numbers import read_count

    with pytest.raises(HuddleError, match="is not a whole number"):
        read_count(typed)


def test_a_value_may_carry_its_measures_unit(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok(
        "measure",
        "add",
        "wait",
        "Weeks",
        "--unit",
        "weeks",
        "--better",
        "lower",
        "--target",
        "4 weeks",
    )
    said = huddle_with_team.ok("measure", "record", "wait", "weeks", "6.5 weeks", "--on", "1/11")
    assert said.startswith("Recorded Weeks: 6.5 on 1 Nov 2026")
    assert huddle_with_team.ok("measure", "record", "wait", "weeks", "1 Week", "--on", "2/11")
    result = huddle_with_team("measure", "record", "wait", "weeks", "6.5 days", "--on", "3/11")
    assert result.output == "Error: '6.5 days' is not a number: type the number of weeks alone\n"
    shown = json.loads(huddle_with_team.ok("measure", "show", "wait", "weeks", "--json"))
    assert [p["value"] for p in shown["measures"][0]["points"]] == [6.5, 1]
    assert shown["measures"][0]["target"] == 4

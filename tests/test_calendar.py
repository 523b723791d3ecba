"""Huddle days, holidays, and reading the dates people type."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle.core.calendar import (
    WEEKDAYS_RULE,
    DateError,
    HuddleCalendar,
    SystemClock,
    Towards,
    days_of_rule,
    format_date,
    format_day,
    parse_day,
    parse_span,
    rule_from_days,
)
from huddle.core.models import DateOrder

WEDNESDAY = date(2026, 11, 25)  # "today" in these tests
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)
WEEKDAYS = HuddleCalendar()
AUGUST_BANK_HOLIDAY = date(2026, 8, 31)  # a Monday
NEW_YEARS_DAY = date(2026, 1, 1)  # a Thursday
CHRISTMAS = date(2026, 12, 25)  # a Friday
BOXING_DAY_OBSERVED = date(2026, 12, 28)  # a Monday
WITH_HOLIDAYS = HuddleCalendar(
    holidays=frozenset({AUGUST_BANK_HOLIDAY, NEW_YEARS_DAY, CHRISTMAS, BOXING_DAY_OBSERVED})
)


# The last huddle day: what the Yesterday stage looks back on.


def test_monday_huddle_reviews_fridays_steps() -> None:
    assert WEEKDAYS.previous_huddle_day(MONDAY) == FRIDAY


def test_midweek_huddle_reviews_the_day_before() -> None:
    assert WEEKDAYS.previous_huddle_day(WEDNESDAY) == WEDNESDAY - timedelta(days=1)


def test_weekend_looks_back_to_friday() -> None:
    assert WEEKDAYS.previous_huddle_day(date(2026, 11, 29)) == FRIDAY


def test_day_after_a_bank_holiday_looks_past_it_to_the_friday() -> None:
    assert WITH_HOLIDAYS.previous_huddle_day(date(2026, 9, 1)) == date(2026, 8, 28)


def test_second_of_january_looks_back_past_new_years_day_to_new_years_eve() -> None:
    assert WITH_HOLIDAYS.previous_huddle_day(date(2026, 1, 2)) == date(2025, 12, 31)


def test_christmas_week_looks_back_past_both_holidays_and_the_weekend() -> None:
    assert WITH_HOLIDAYS.previous_huddle_day(date(2026, 12, 29)) == date(2026, 12, 24)


# The next huddle day.


def test_friday_is_followed_by_monday() -> None:
    assert WEEKDAYS.next_huddle_day(FRIDAY) == MONDAY


def test_saturday_and_sunday_are_followed_by_monday() -> None:
    assert WEEKDAYS.next_huddle_day(date(2026, 11, 28)) == MONDAY
    assert WEEKDAYS.next_huddle_day(date(2026, 11, 29)) == MONDAY


def test_next_huddle_day_skips_a_bank_holiday_monday() -> None:
    assert WITH_HOLIDAYS.next_huddle_day(date(2026, 8, 28)) == date(2026, 9, 1)


def test_next_huddle_day_skips_christmas_the_weekend_and_the_boxing_day_holiday() -> None:
    assert WITH_HOLIDAYS.next_huddle_day(date(2026, 12, 24)) == date(2026, 12, 29)


def test_next_huddle_day_after_new_years_eve_skips_new_years_day() -> None:
    assert WITH_HOLIDAYS.next_huddle_day(date(2025, 12, 31)) == date(2026, 1, 2)


def test_coming_huddle_day_is_today_on_a_huddle_day_else_the_next() -> None:
    assert WEEKDAYS.coming_huddle_day(WEDNESDAY) == WEDNESDAY
    assert WEEKDAYS.coming_huddle_day(date(2026, 11, 28)) == MONDAY


# Which days are huddle days.


def test_weekdays_are_huddle_days_and_weekends_and_holidays_are_not() -> None:
    assert WITH_HOLIDAYS.is_huddle_day(WEDNESDAY)
    assert WITH_HOLIDAYS.is_huddle_day(MONDAY)
    assert not WITH_HOLIDAYS.is_huddle_day(date(2026, 11, 28))
    assert not WITH_HOLIDAYS.is_huddle_day(date(2026, 11, 29))
    assert not WITH_HOLIDAYS.is_huddle_day(CHRISTMAS)
    assert not WITH_HOLIDAYS.is_huddle_day(NEW_YEARS_DAY)


def test_team_that_huddles_monday_wednesday_friday() -> None:
    rule = rule_from_days(["fri", "Monday", "WE"])
    assert rule == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert days_of_rule(rule) == ["Mon", "Wed", "Fri"]
    mwf = HuddleCalendar(rule=rule)
    assert mwf.previous_huddle_day(FRIDAY) == WEDNESDAY
    assert mwf.next_huddle_day(WEDNESDAY) == FRIDAY
    assert mwf.next_huddle_day(FRIDAY) == MONDAY
    assert mwf.is_huddle_day(WEDNESDAY)
    assert not mwf.is_huddle_day(WEDNESDAY + timedelta(days=1))


def test_default_huddle_days_are_monday_to_friday() -> None:
    assert WEEKDAYS.rule == WEEKDAYS_RULE
    assert days_of_rule(WEEKDAYS_RULE) == ["Mon", "Tue", "Wed", "Thu", "Fri"]


@pytest.mark.parametrize("days", [["blursday"], [], ["mon", ""]])
def test_huddle_days_that_are_not_days_are_refused(days: list[str]) -> None:
    with pytest.raises(DateError):
        rule_from_days(days)


def test_huddle_days_of_a_month_leave_out_weekends_and_holidays_and_include_both_ends() -> None:
    december = list(WITH_HOLIDAYS.huddle_days(date(2026, 12, 1), date(2026, 12, 31)))
    assert december[0] == date(2026, 12, 1)
    assert december[-1] == date(2026, 12, 31)
    assert CHRISTMAS not in december
    assert BOXING_DAY_OBSERVED not in december
    assert all(day.weekday() < 5 for day in december)
    assert len(december) == 21


def test_huddle_days_of_a_weekend_is_empty() -> None:
    assert list(WEEKDAYS.huddle_days(date(2026, 11, 28), date(2026, 11, 29))) == []


def test_huddle_days_agree_with_next_and_previous() -> None:
    days = list(WITH_HOLIDAYS.huddle_days(date(2025, 12, 1), date(2026, 12, 31)))
    for before, after in itertools.pairwise(days):
        assert WITH_HOLIDAYS.next_huddle_day(before) == after
        assert WITH_HOLIDAYS.previous_huddle_day(after) == before


# Reading what people type.


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("today", WEDNESDAY),
        ("Today", WEDNESDAY),
        ("tomorrow", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 24)),
        ("fri", FRIDAY),
        ("Friday", FRIDAY),
        ("  FRI ", FRIDAY),
        ("wed", WEDNESDAY),
        ("mon", MONDAY),
        ("thurs", date(2026, 11, 26)),
        ("next monday", MONDAY),
        ("next wed", date(2026, 12, 2)),
        ("last monday", date(2026, 11, 23)),
        ("last wednesday", date(2026, 11, 18)),
        ("2026-12-01", date(2026, 12, 1)),
        ("2027-1-5", date(2027, 1, 5)),
        ("1/12", date(2026, 12, 1)),
        ("1.12", date(2026, 12, 1)),
        ("25/12/2026", CHRISTMAS),
        ("5/1/27", date(2027, 1, 5)),
        ("1 dec", date(2026, 12, 1)),
        ("1st December", date(2026, 12, 1)),
        ("dec 1", date(2026, 12, 1)),
        ("Sept 3 2027", date(2027, 9, 3)),
        ("may 5th, 2027", date(2027, 5, 5)),
    ],
)
def test_dates_people_type_on_a_wednesday(typed: str, meant: date) -> None:
    assert parse_day(typed, WEDNESDAY) == meant


def test_fri_on_a_friday_is_today_and_next_fri_is_a_week_on() -> None:
    assert parse_day("fri", FRIDAY) == FRIDAY
    assert parse_day("next fri", FRIDAY) == FRIDAY + timedelta(days=7)
    assert parse_day("last fri", FRIDAY) == FRIDAY - timedelta(days=7)


def test_one_twelve_is_the_first_of_december_day_first() -> None:
    assert parse_day("1/12", WEDNESDAY, DateOrder.DAY_FIRST) == date(2026, 12, 1)


def test_one_twelve_is_the_twelfth_of_january_month_first() -> None:
    assert parse_day("1/12", WEDNESDAY, DateOrder.MONTH_FIRST) == date(2027, 1, 12)  # the nearest
    assert parse_day("12/25/2026", WEDNESDAY, DateOrder.MONTH_FIRST) == CHRISTMAS


@pytest.mark.parametrize(
    ("typed", "today", "meant"),
    [
        # In December the first days of January are next year's: a holiday, leave over
        # New Year, a step for after the break (were read as last January).
        ("1/1", date(2026, 12, 2), date(2027, 1, 1)),
        ("4 jan", date(2026, 12, 2), date(2027, 1, 4)),
        # In January, December is last year's: a past huddle, a measure's value.
        ("20/12", date(2027, 1, 6), date(2026, 12, 20)),
        ("dec 20", date(2027, 1, 6), date(2026, 12, 20)),
        ("25/12", date(2026, 12, 2), date(2026, 12, 25)),
        ("29/2", date(2027, 12, 1), date(2028, 2, 29)),
        ("29/2", date(2028, 3, 1), date(2028, 2, 29)),
    ],
)
def test_a_date_without_a_year_is_the_one_nearest_today(
    typed: str, today: date, meant: date
) -> None:
    assert parse_day(typed, today) == meant


def test_twenty_ninth_of_february_far_from_a_leap_year_asks_for_the_year() -> None:
    with pytest.raises(
        DateError, match=r"'29/2' is not a date near today: type the year \(2028-02-29\)"
    ):
        parse_day("29/2", date(2026, 6, 1))


def test_leave_over_new_year_is_one_span() -> None:
    assert parse_span("22/12", "2/1", date(2026, 12, 2)) == (date(2026, 12, 22), date(2027, 1, 2))


def test_thirty_first_of_february_is_refused_as_not_a_real_date() -> None:
    with pytest.raises(DateError, match="'31/2' is not a real date"):
        parse_day("31/2", WEDNESDAY)


@pytest.mark.parametrize(
    "typed",
    [
        "next blursday",
        "soon",
        "",
        "   ",
        "[TODO]",
        "[/tmp]",
        "fr",
        "next",
        "may",
        "dec 99",  # dateutil alone reads this as 25 December 1999
        "32/1",
        "13/13",
        "1/12/123",
        "1/12.2026",
        "2026-02-30",
        "0000-01-01",
        "5 decimal",
        "friday the 13th",
        "🎉",
    ],
)
def test_nonsense_gets_a_clear_error_not_a_guess(typed: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_day(typed, WEDNESDAY)
    message = str(raised.value)
    assert "\n" not in message
    assert "try today, tomorrow, fri" in message


@settings(max_examples=300, deadline=None)
@given(
    typed=st.text(max_size=40)
    | st.from_regex(r"(next |last )?[a-z]{0,9}( [0-9]{1,4})?", fullmatch=True)
    | st.from_regex(r"[0-9]{1,4}[-/. ][0-9]{1,3}([-/. ][0-9]{1,5})?", fullmatch=True),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    order=st.sampled_from(DateOrder),
)
def test_parse_day_never_fails_with_anything_but_a_date_error(
    typed: str, today: date, order: DateOrder
) -> None:
    try:
        parse_day(typed, today, order)
    except DateError as error:
        assert str(error)
        assert "\n" not in str(error)


# Showing a day as people say it.


def test_days_are_shown_as_people_say_them() -> None:
    assert format_day(WEDNESDAY, WEDNESDAY) == "today"
    assert format_day(date(2026, 11, 26), WEDNESDAY) == "tomorrow"
    assert format_day(date(2026, 11, 24), WEDNESDAY) == "yesterday"
    assert format_day(MONDAY, WEDNESDAY) == "Mon 30 Nov"
    assert format_day(date(2027, 1, 5), WEDNESDAY) == "Tue 5 Jan 2027"


# The real clock: refused in tests unless a test asks for it.


def test_a_test_cannot_read_the_real_clock(no_real_clock: list[str]) -> None:
    with pytest.raises(AssertionError, match="read the real clock"):
        SystemClock().now()
    assert len(no_real_clock) == 1
    no_real_clock.clear()  # refused as it should be; the test itself passes


@pytest.mark.real_clock
def test_a_test_marked_real_clock_reads_the_machines_time() -> None:
    assert SystemClock().now().tzinfo is not None


@pytest.mark.parametrize(
    ("typed", "today", "towards", "meant"),
    [
        # Before Christmas, the new year's days are ahead.
        ("1/1", date(2026, 12, 21), Towards.NEAREST, date(2027, 1, 1)),
        ("8 jan", date(2026, 12, 21), Towards.NEAREST, date(2027, 1, 8)),
        ("4/1", date(2026, 12, 30), Towards.FUTURE, date(2027, 1, 4)),
        # After it, last December is behind.
        ("28/12", date(2027, 1, 4), Towards.PAST, date(2026, 12, 28)),
        ("28/12", date(2027, 1, 4), Towards.NEAREST, date(2026, 12, 28)),
        ("21 dec", date(2027, 1, 4), Towards.PAST, date(2026, 12, 21)),
        # Looking back half a year and more stays in the past; a target stays ahead.
        ("1/4", date(2026, 12, 2), Towards.PAST, date(2026, 4, 1)),
        ("31/3", date(2026, 12, 2), Towards.FUTURE, date(2027, 3, 31)),
        ("27/11", date(2026, 12, 2), Towards.NEAREST, date(2026, 11, 27)),
        ("2/12", date(2026, 12, 2), Towards.FUTURE, date(2026, 12, 2)),
        ("2/12", date(2026, 12, 2), Towards.PAST, date(2026, 12, 2)),
        # 29 February is the leap year's, the nearest one that has it.
        ("29/2", date(2027, 12, 1), Towards.NEAREST, date(2028, 2, 29)),
        ("29 feb", date(2028, 3, 1), Towards.PAST, date(2028, 2, 29)),
        # A year typed is the year meant.
        ("1/1/2026", date(2026, 12, 21), Towards.FUTURE, date(2026, 1, 1)),
    ],
)
def test_a_date_without_a_year_is_read_across_the_year_end_as_meant(
    typed: str, today: date, towards: Towards, meant: date
) -> None:
    assert parse_day(typed, today, towards=towards) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("mon", date(2026, 11, 30)),  # this week's Monday, not the coming one
        ("friday", date(2026, 11, 27)),
        ("this mon", date(2026, 11, 30)),
        ("wed", date(2026, 12, 2)),  # today is a Wednesday
        ("last wed", date(2026, 11, 25)),
        ("next mon", date(2026, 12, 7)),  # said ahead: ahead
    ],
)
def test_a_weekday_looking_back_is_the_latest_one_on_or_before_today(
    typed: str, meant: date
) -> None:
    assert parse_day(typed, date(2026, 12, 2), towards=Towards.PAST) == meant
    if not typed.startswith(("last", "next")):  # a step's day or a holiday: the coming one
        assert parse_day(typed, date(2026, 12, 2)) >= date(2026, 12, 2)


def test_29_february_looking_back_names_the_last_leap_year() -> None:
    with pytest.raises(DateError, match=r"type the year \(2024-02-29\)"):
        parse_day("29/2", date(2026, 12, 2), towards=Towards.PAST)


def test_a_days_number_is_written_without_a_leading_zero_everywhere() -> None:
    assert format_date(date(2026, 12, 1), "%a %d %b %Y") == "Tue 1 Dec 2026"
    assert format_date(date(2026, 12, 1), "%A %d %B %Y") == "Tuesday 1 December 2026"
    assert format_date(date(2026, 11, 30), "%a %d %b") == "Mon 30 Nov"
    # The one formatter: no date is written with strftime's zero-padded (or GNU-only) day.
    package = Path(__file__).parents[1] / "huddle"
    padded = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if path != package / "core" / "typed_dates.py"  # the one formatter
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "%d" in line.replace("%Y-%m-%d", "") and "format_date(" not in line
    ]
    assert padded == []

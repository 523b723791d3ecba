"""Dates typed without a year, across the new year: a holiday on 1/1 typed before
Christmas is next week's, a value for 28/12 typed in January is last week's."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from tests.conftest import Huddle


def _rows(huddle: Huddle, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(huddle.db) as conn:
        return conn.execute(sql).fetchall()


def test_before_christmas_the_new_years_days_are_next_weeks(huddle_with_team: Huddle) -> None:
    december = replace(huddle_with_team, today=date(2026, 12, 21))

    december.ok("team", "holiday", "1/1", "New Year's Day")
    december.ok("away", "ann", "--from", "28/12", "--to", "8/1", "--reason", "leave")
    december.ok("add", "Plan the new year's visits", "--who", "sam", "--for", "4/1")

    assert _rows(december, "SELECT day FROM holidays") == [("2027-01-01",)]
    assert _rows(december, "SELECT first_day, last_day FROM absences") == [
        ("2026-12-28", "2027-01-08")
    ]
    assert _rows(december, "SELECT day FROM steps") == [("2027-01-04",)]


def test_in_january_last_decembers_days_are_last_weeks(huddle_with_team: Huddle) -> None:
    january = replace(huddle_with_team, today=date(2027, 1, 4))
    january.ok(
        "measure", "add", "wait", "Weeks to first visit", "--unit", "weeks", "--better", "lower"
    )

    january.ok("measure", "record", "wait", "weeks", "6", "--on", "28/12")
    digest = january.ok("digest", "--since", "21/12", "--format", "json")

    assert _rows(january, "SELECT day FROM measure_values") == [("2026-12-28",)]
    assert '"since": "2026-12-21"' in digest

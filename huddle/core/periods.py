"""The periods trends are counted over, and the days that come round on the calendar:
sustainment checks and the weekly pulse."""

from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core.typed_dates import DAY_CODES

if TYPE_CHECKING:
    from huddle.core.calendar import HuddleCalendar


class Period(enum.StrEnum):
    """A span that trends are counted over; each starts on its first day."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def period_start(day: date, period: Period) -> date:
    """The first day of the period `day` falls in (weeks start on Monday)."""
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    if period is Period.QUARTER:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def add_periods(start: date, period: Period, count: int) -> date:
    """The start of the period `count` periods after (or, negative, before) `start`'s."""
    first = period_start(start, period)
    if period is Period.WEEK:
        return first + timedelta(weeks=count)
    months = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period]
    years, month = divmod(first.month - 1 + months * count, 12)
    return date(first.year + years, month + 1, 1)


def recent_periods(today: date, period: Period, count: int) -> list[date]:
    """The starts of the last `count` periods, oldest first, the current one last."""
    return [add_periods(today, period, offset) for offset in range(1 - count, 1)]


def period_label(start: date, period: Period, *, short: bool = False) -> str:
    """A period as people name it: "w/c 30 Nov 2026", "Nov 2026", "Q4 2026", "2026"."""
    if period is Period.WEEK:
        return f"{start.day} {start:%b}" if short else f"w/c {start.day} {start:%b %Y}"
    if period is Period.MONTH:
        return f"{start:%b}" if short else f"{start:%b %Y}"
    if period is Period.QUARTER:
        quarter = f"Q{(start.month - 1) // 3 + 1}"
        return quarter if short else f"{quarter} {start.year}"
    return str(start.year)


SUSTAINMENT_CHECK_DAYS = (30, 60, 90)
"""Days after a change is adopted that the team checks it is still in place."""


def sustainment_check_days(adopted_on: date, calendar: HuddleCalendar) -> list[tuple[int, date]]:
    """(days after, huddle day due) for each check: the first huddle day on or after
    30, 60 and 90 days from the day the change was adopted."""
    return [
        (after, calendar.coming_huddle_day(adopted_on + timedelta(days=after)))
        for after in SUSTAINMENT_CHECK_DAYS
    ]


def is_pulse_day(day: date, calendar: HuddleCalendar, pulse_day: str) -> bool:
    """Whether the week's Kaizen pulse is asked at `day`'s huddle: on the team's pulse day
    (a code like "FR") or a later huddle day of that week, or on the week's last huddle day
    when the pulse day itself has no huddle. "" means the team has the pulse off."""
    if pulse_day not in DAY_CODES or not calendar.is_huddle_day(day):
        return False
    if day.weekday() >= DAY_CODES.index(pulse_day):
        return True
    return calendar.next_huddle_day(day) >= period_start(day, Period.WEEK) + timedelta(weeks=1)

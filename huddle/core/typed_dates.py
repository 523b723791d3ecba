"""Dates as people type them ("fri", "next monday", "24/12", "1 Dec") read into dates,
and dates written back the way people say them."""

from __future__ import annotations

import contextlib
import enum
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core import models  # models.DateOrder: loaded when a date like 1/12 is read
from huddle.core.models import HuddleError

if TYPE_CHECKING:
    from huddle.core.models import DateOrder

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_WEEKDAYS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
"""Day names as people type them, to date.weekday() numbers."""


class DateError(HuddleError):
    """What the user typed is not a date we can read without guessing."""


_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_NUMERIC = r"(\d{1,2})([/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?"
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_YEAR = r"(?:,?\s(?P<year>\d{4}))?"
_WORDY = (rf"{_DAY}\s{_MONTH}{_YEAR}", rf"{_MONTH}\s{_DAY}{_YEAR}")
_HELP = "try today, tomorrow, fri, next monday, 2026-12-01 or 1/12"


class Towards(enum.Enum):
    """Which way a date typed without a year is read from today: a digest's first day or
    a value's day looks back, a step's day or a goal's target ahead; a holiday or time
    away may be either."""

    PAST = "past"
    """The latest such date on or before today."""
    NEAREST = "nearest"
    """The one nearest today (on a tie, the coming one)."""
    FUTURE = "future"
    """The first such date on or after today."""


def parse_day(
    text: str,
    today: date,
    order: DateOrder | None = None,
    *,
    towards: Towards = Towards.NEAREST,
) -> date:
    """Read a date as people type it, relative to `today`; refuse to guess.

    "fri" is the coming Friday (today if today is a Friday; looking `towards` the past, the
    latest Friday on or before today), "next fri" the one after today, "last fri" the one
    before today. "1/12" is read in the team's date `order`
    (None: the day first); a
    date without a year is read `towards` the past, the future or the nearest one (on 21
    December, "1/1" is ten days on; on 4 January, "28/12" a week ago). Anything else
    raises `DateError`.
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise DateError(f"no date given; {_HELP}")
    simple = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if words in simple:
        return today + timedelta(days=simple[words])
    relative = re.fullmatch(r"(next |last |this )?([a-z]+)", words)
    if relative and relative.group(2)[:3] in _WEEKDAYS and _is_day_name(relative.group(2)):
        wanted = _WEEKDAYS[relative.group(2)[:3]]
        which = (relative.group(1) or "").strip()
        if which == "last" or (which != "next" and towards is Towards.PAST):
            # "last fri": the one before today; "fri" looking back: the latest on or before it
            before = today - timedelta(days=1 if which == "last" else 0)
            return before - timedelta(days=(before.weekday() - wanted) % 7)
        start = today + timedelta(days=1) if which == "next" else today  # on or after start
        return start + timedelta(days=(wanted - start.weekday()) % 7)
    # Dates are built from their parts here, not handed to dateutil's parser, which guesses:
    # it reads "1.12" as 1 November, "32/1" as 25 January 2032, "dec 99" as 25 December 1999.
    if iso := re.fullmatch(_ISO, words, re.ASCII):
        year, month, day = (int(part) for part in iso.groups())
        return _real_date(year, month, day, text)
    if numeric := re.fullmatch(_NUMERIC, words, re.ASCII):
        first, _sep, second, year_text = numeric.groups()
        day, month = int(first), int(second)
        if order is models.DateOrder.MONTH_FIRST:
            day, month = month, day
        if year_text is None:
            return _without_year(month, day, today, towards, text)
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000
        return _real_date(year, month, day, text)
    for pattern in _WORDY:
        if (wordy := re.fullmatch(pattern, words, re.ASCII)) and (named := _month(wordy["month"])):
            if not wordy["year"]:
                return _without_year(named, int(wordy["day"]), today, towards, text)
            return _real_date(int(wordy["year"]), named, int(wordy["day"]), text)
    raise DateError(f"can't read '{_shown(text)}' as a date; {_HELP}")


def parse_span(
    first: str, last: str | None, today: date, order: DateOrder | None = None
) -> tuple[date, date]:
    """The first and last day of a span as typed (the last defaults to the first). A last day
    typed as a weekday reads as the one on or after the first: "next mon" to "fri" is that
    week's Friday, not this week's."""
    first_day = parse_day(first, today, order)
    if last is None or not last.strip():
        return first_day, first_day
    last_day = parse_day(last, today, order)
    later = parse_day(last, first_day, order)
    if later >= first_day and (last_day < first_day or _bare_weekday(last)):
        last_day = later  # "last mon" to "fri": that week's Friday, not the coming one
    return first_day, last_day


def _bare_weekday(typed: str) -> bool:
    """A weekday's name alone ("fri", "this friday"), with no "next" or "last"."""
    words = " ".join(typed.strip().lower().split()).removeprefix("this ")
    return words.isalpha() and words[:3] in _WEEKDAYS and _is_day_name(words)


def _shown(typed: str) -> str:
    """What was typed, fit to quote in a one-line error: control characters out, spaces folded."""
    return " ".join("".join(c if c.isprintable() else " " for c in typed).split())[:40]


def _is_day_name(word: str) -> bool:
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return any(name.startswith(word) for name in names) or word in ("tues", "thur", "thurs")


def _month(word: str) -> int | None:
    """1 to 12 for a month's name or its start ("dec", "sept"); None for anything else."""
    for number, name in enumerate(_MONTHS, start=1):
        if name.startswith(word) or (word == "sept" and number == 9):
            return number
    return None


def _without_year(month: int, day: int, today: date, towards: Towards, original: str) -> date:
    """The day and month in the year before today's, today's or the next, `towards` today's
    past, future or nearest; 29 February only in a leap year among them."""
    _real_date(2000, month, day, original)  # "31/2" is refused whatever the year
    found = []
    for year in (today.year - 1, today.year, today.year + 1):
        with contextlib.suppress(ValueError):  # 29 February outside a leap year
            found.append(date(year, month, day))
    if towards is Towards.PAST:
        found = [d for d in found if d <= today]
    elif towards is Towards.FUTURE:
        found = [d for d in found if d >= today]
    if not found:  # 29 February, no leap year near enough that way
        leaps = [
            date(y, 2, 29)
            for y in range(today.year - 8, today.year + 9)
            if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        ]
        leap = (
            max(d for d in leaps if d <= today)
            if towards is Towards.PAST
            else min(d for d in leaps if d >= today)
        )
        raise DateError(f"'{_shown(original)}' is not a date near today: type the year ({leap})")
    if towards is Towards.PAST:
        return max(found)
    if towards is Towards.FUTURE:
        return min(found)
    return min(found, key=lambda d: (abs((d - today).days), d < today))


def _real_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"'{_shown(original)}' is not a real date; {_HELP}") from None


def format_day(day: date, today: date) -> str:
    """A day as people say it: "today", "tomorrow", "yesterday", or "Fri 27 Nov"."""
    offset = (day - today).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if offset in named:
        return named[offset]
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_date(day: date, pattern: str) -> str:
    """`day` in strftime's `pattern`, its day of the month as people write it: "Tue 1 Dec",
    never "Tue 01 Dec" (the one way a screen or a command writes a date's day)."""
    return day.strftime(pattern.replace("%-d", "%d").replace("%d", str(day.day)))


def format_target(day: date) -> str:
    """A goal's target date, short enough for a table: "1 May 2027" (the year always: a
    target is months away; the weekday never: nobody aims for a Saturday)."""
    return f"{day.day} {day:%b %Y}"

"""Huddle days, the clock, and reading the dates people type.

Every date in Huddle is computed here: the rest of the code asks this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday
from dateutil.rrule import rrule, rruleset, rrulestr

from huddle.core.models import DateOrder, HuddleError

WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
"""The default huddle days: Monday to Friday."""

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_WEEKDAYS: dict[str, weekday] = {
    "mon": MO,
    "tue": TU,
    "wed": WE,
    "thu": TH,
    "fri": FR,
    "sat": SA,
    "sun": SU,
}
_LONGEST_GAP = 400
"""No team goes this many days without a huddle day; a search gives up here."""


class DateError(HuddleError):
    """What the user typed is not a date we can read without guessing."""


class Clock(Protocol):
    """Where "now" comes from, so tests and screenshots can fix it."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time, in the machine's time zone."""

    def now(self) -> datetime:
        return datetime.now().astimezone()


@dataclass
class FixedClock:
    """A clock that says what it is told; `advance` moves it on."""

    at: datetime

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + timedelta(**delta)


def today(clock: Clock) -> date:
    """The date of the clock's now, where the clock is."""
    return clock.now().date()


def rule_from_days(days: Iterable[str]) -> str:
    """An RRULE for the named weekdays ("mon", "Tuesday", "WE"), in week order."""
    codes: set[str] = set()
    for raw in days:
        word = raw.strip().lower()[:3]
        if word not in _WEEKDAYS:
            raise DateError(f"'{raw.strip()}' is not a day of the week (try mon,tue,wed,thu,fri)")
        codes.add(DAY_CODES[list(_WEEKDAYS).index(word)])
    if not codes:
        raise DateError("name at least one huddle day, e.g. mon,tue,wed,thu,fri")
    return "FREQ=WEEKLY;BYDAY=" + ",".join(c for c in DAY_CODES if c in codes)


def days_of_rule(rule: str) -> list[str]:
    """The weekdays a weekly rule names, as people write them ("Mon", "Tue", ...)."""
    match = re.search(r"BYDAY=([A-Z,]+)", rule)
    codes = match.group(1).split(",") if match else list(DAY_CODES)
    return [list(_WEEKDAYS)[DAY_CODES.index(code)].title() for code in codes if code in DAY_CODES]


@dataclass(frozen=True)
class HuddleCalendar:
    """The team's huddle days: a recurrence rule less the holidays."""

    rule: str = WEEKDAYS_RULE
    holidays: frozenset[date] = field(default_factory=frozenset)

    def _days_from(self, start: date) -> rruleset:
        days = rruleset()
        begin = datetime.combine(start, datetime.min.time())
        parsed = rrulestr(self.rule, dtstart=begin)
        assert isinstance(parsed, rrule)
        days.rrule(parsed)
        for holiday in self.holidays:
            days.exdate(datetime.combine(holiday, datetime.min.time()))
        return days

    def is_huddle_day(self, day: date) -> bool:
        return self.next_huddle_day(day - timedelta(days=1)) == day

    def next_huddle_day(self, day: date) -> date:
        """The first huddle day strictly after `day`."""
        found = self._days_from(day + timedelta(days=1)).after(
            datetime.combine(day, datetime.min.time())
        )
        if found is None or (found.date() - day).days > _LONGEST_GAP:
            raise DateError("the team has no huddle days set")
        return found.date()

    def previous_huddle_day(self, day: date) -> date:
        """The last huddle day strictly before `day` (Monday's is Friday)."""
        start = day - timedelta(days=_LONGEST_GAP)
        found = self._days_from(start).before(datetime.combine(day, datetime.min.time()))
        if found is None:
            raise DateError("the team has no huddle days set")
        return found.date()

    def coming_huddle_day(self, day: date) -> date:
        """`day` itself if it is a huddle day, else the next one."""
        return day if self.is_huddle_day(day) else self.next_huddle_day(day)

    def huddle_days(self, first: date, last: date) -> Iterator[date]:
        """Every huddle day from `first` to `last`, both included."""
        for moment in self._days_from(first).between(
            datetime.combine(first, datetime.min.time()),
            datetime.combine(last, datetime.min.time()),
            inc=True,
        ):
            yield moment.date()


_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_NUMERIC = re.compile(r"^\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?$")
_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_WORDY = re.compile(
    r"^(\d{1,2}(st|nd|rd|th)?\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?)(,?\s+\d{4})?$"
)
_HELP = "try today, tomorrow, fri, next monday, 2026-12-01 or 1/12"


def parse_day(text: str, today: date, order: DateOrder = DateOrder.DAY_FIRST) -> date:
    """Read a date as people type it, relative to `today`; refuse to guess.

    "fri" is the coming Friday (today if today is a Friday), "next fri" the one after
    today, "last fri" the one before today.
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise DateError(f"no date given; {_HELP}")
    simple = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if words in simple:
        return today + timedelta(days=simple[words])
    relative = re.fullmatch(r"(next |last |this )?([a-z]+)", words)
    if relative and relative.group(2)[:3] in _WEEKDAYS and _is_day_name(relative.group(2)):
        wd = _WEEKDAYS[relative.group(2)[:3]]
        which = (relative.group(1) or "").strip()
        if which == "next":
            return today + relativedelta(days=1, weekday=wd(+1))
        if which == "last":
            return today + relativedelta(days=-1, weekday=wd(-1))
        return today + relativedelta(weekday=wd(+1))
    if _ISO.match(words):
        return _checked(words, today, dayfirst=False, yearfirst=True, original=text)
    if _NUMERIC.match(words):
        return _checked(words, today, dayfirst=order is DateOrder.DAY_FIRST, original=text)
    wordy = _WORDY.match(words)
    if wordy and any(m in words for m in _MONTHS):
        return _checked(words, today, dayfirst=True, original=text)
    raise DateError(f"can't read '{text.strip()[:40]}' as a date; {_HELP}")


def _is_day_name(word: str) -> bool:
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return any(name.startswith(word) for name in names) or word in ("tues", "thur", "thurs")


def _checked(
    words: str, today: date, *, dayfirst: bool, original: str, yearfirst: bool = False
) -> date:
    default = datetime.combine(today, datetime.min.time())
    try:
        return date_parser.parse(
            words, dayfirst=dayfirst, yearfirst=yearfirst, default=default
        ).date()
    except (ValueError, OverflowError):
        raise DateError(f"'{original.strip()[:40]}' is not a real date; {_HELP}") from None


def format_day(day: date, today: date) -> str:
    """A day as people say it: "today", "tomorrow", "yesterday", or "Fri 27 Nov"."""
    offset = (day - today).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if offset in named:
        return named[offset]
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day:%a} {day.day} {day:%b %Y}"


def age_in_days(since: date, today: date) -> int:
    """Whole days from `since` to `today`."""
    return (today - since).days

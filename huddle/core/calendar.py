"""Huddle days and the clock. Every date in Huddle is computed here or in the two modules
beside it, whose names this one also gives: reading and writing the dates people type
(typed_dates) and the periods trends count over (periods, loaded when one of its names is
first asked for: `huddle add` counts no periods).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from huddle.core.typed_dates import (
    _WEEKDAYS,
    DAY_CODES,
    DateError,
    Towards,
    _is_day_name,
    _shown,
    format_date,
    format_day,
    format_target,
    parse_day,
    parse_span,
)

if TYPE_CHECKING:
    from dateutil.rrule import rruleset

    from huddle.core.periods import (
        SUSTAINMENT_CHECK_DAYS,
        Period,
        add_periods,
        is_pulse_day,
        period_label,
        period_start,
        recent_periods,
        sustainment_check_days,
    )

WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
"""The default huddle days: Monday to Friday."""

_WEEKLY = "FREQ=WEEKLY;BYDAY="
"""How a rule as Huddle writes it (rule_from_days) starts: read by hand, without dateutil."""
_LONGEST_GAP = 400
"""No team goes this many days without a huddle day; a search gives up here."""


class Clock(Protocol):
    """Where "now" comes from, so tests and screenshots can fix it."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time, in the machine's time zone."""

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FixedClock:
    """A clock that says what it is told; `advance` moves it on."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + timedelta(**delta)


class RunningClock:
    """A clock that starts at a given moment and then runs in real time: for trying Huddle
    out on another day, with a huddle's timebox that still counts down."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self._began = time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self._began)


def today(clock: Clock) -> date:
    """The date of the clock's now, where the clock is."""
    return clock.now().date()


def rule_from_days(days: Iterable[str]) -> str:
    """An RRULE for the named weekdays ("mon", "Tuesday", "WE"), in week order."""
    codes: set[str] = set()
    for raw in days:
        word = raw.strip().lower()
        if word.upper() in DAY_CODES:
            codes.add(word.upper())
        elif len(word) >= 3 and _is_day_name(word):
            codes.add(DAY_CODES[list(_WEEKDAYS).index(word[:3])])
        else:
            raise DateError(f"'{_shown(raw)}' is not a day of the week (try mon,tue,wed,thu,fri)")
    if not codes:
        raise DateError("name at least one huddle day, e.g. mon,tue,wed,thu,fri")
    return "FREQ=WEEKLY;BYDAY=" + ",".join(c for c in DAY_CODES if c in codes)


def weekly_day(typed: str) -> tuple[str, str]:
    """One weekday as typed ("fri", "Friday", "FR"): its code and how people write it
    ("FR", "Fri"); "off" gives ("", "")."""
    if typed.strip().lower() == "off":
        return "", ""
    rule = rule_from_days([typed])
    return rule.rsplit("=", 1)[1], days_of_rule(rule)[0]


def day_code_checked(code: str) -> str:
    """`code` if it is a weekday's code ("MO" to "SU") or "" (off); else DateError."""
    if code and code not in DAY_CODES:
        raise DateError(f"'{code}' is not a day code (MO, TU, WE, TH, FR, SA, SU)")
    return code


def days_of_rule(rule: str) -> list[str]:
    """The weekdays a weekly rule names, as people write them ("Mon", "Tue", ...)."""
    match = re.search(r"BYDAY=([A-Z,]+)", rule)
    codes = match.group(1).split(",") if match else list(DAY_CODES)
    return [list(_WEEKDAYS)[DAY_CODES.index(code)].title() for code in codes if code in DAY_CODES]


class HuddleCalendar:
    """The team's huddle days: a recurrence rule less the holidays. Not to be changed once
    made. A plain class: a frozen dataclass would cost `huddle add` a millisecond to build."""

    def __init__(self, rule: str = WEEKDAYS_RULE, holidays: frozenset[date] = frozenset()) -> None:
        self.rule = rule
        self.holidays = holidays
        codes = rule.removeprefix(_WEEKLY).split(",")
        plain = rule.startswith(_WEEKLY) and set(codes) <= set(DAY_CODES)
        self._weekdays = frozenset(DAY_CODES.index(code) for code in codes) if plain else None
        """The weekdays of a plain weekly rule (all Huddle writes); None for any other rule,
        which dateutil's rrule then reads."""

    def __repr__(self) -> str:
        return f"HuddleCalendar(rule={self.rule!r}, holidays={self.holidays!r})"

    def _days_from(self, start: date) -> rruleset:
        from dateutil.rrule import rrule, rruleset, rrulestr  # only for a rule of another kind

        days = rruleset()
        begin = datetime.combine(start, datetime.min.time())
        parsed = rrulestr(self.rule, dtstart=begin)
        assert isinstance(parsed, rrule)  # noqa: S101 narrows the type; no check relies on it
        days.rrule(parsed)
        for holiday in self.holidays:
            days.exdate(datetime.combine(holiday, datetime.min.time()))
        return days

    def _held(self, day: date, weekdays: frozenset[int]) -> bool:
        return day.weekday() in weekdays and day not in self.holidays

    def is_huddle_day(self, day: date) -> bool:
        if (weekdays := self._weekdays) is not None:
            return self._held(day, weekdays)
        return self.next_huddle_day(day - timedelta(days=1)) == day

    def next_huddle_day(self, day: date) -> date:
        """The first huddle day strictly after `day`."""
        if (weekdays := self._weekdays) is not None:
            for ahead in range(1, _LONGEST_GAP + 1):
                if self._held(found := day + timedelta(days=ahead), weekdays):
                    return found
            raise DateError("the team has no huddle days set")
        moment = self._days_from(day + timedelta(days=1)).after(
            datetime.combine(day, datetime.min.time())
        )
        if moment is None or (moment.date() - day).days > _LONGEST_GAP:
            raise DateError("the team has no huddle days set")
        return moment.date()

    def previous_huddle_day(self, day: date) -> date:
        """The last huddle day strictly before `day` (Monday's is Friday)."""
        if (weekdays := self._weekdays) is not None:
            for back in range(1, _LONGEST_GAP + 1):
                if self._held(found := day - timedelta(days=back), weekdays):
                    return found
            raise DateError("the team has no huddle days set")
        start = day - timedelta(days=_LONGEST_GAP)
        moment = self._days_from(start).before(datetime.combine(day, datetime.min.time()))
        if moment is None:
            raise DateError("the team has no huddle days set")
        return moment.date()

    def coming_huddle_day(self, day: date) -> date:
        """`day` itself if it is a huddle day, else the next one."""
        return day if self.is_huddle_day(day) else self.next_huddle_day(day)

    def huddle_days(self, first: date, last: date) -> Iterator[date]:
        """Every huddle day from `first` to `last`, both included."""
        if (weekdays := self._weekdays) is not None:
            for offset in range((last - first).days + 1):
                if self._held(day := first + timedelta(days=offset), weekdays):
                    yield day
            return
        for moment in self._days_from(first).between(
            datetime.combine(first, datetime.min.time()),
            datetime.combine(last, datetime.min.time()),
            inc=True,
        ):
            yield moment.date()


_PERIODS = frozenset(
    {
        "SUSTAINMENT_CHECK_DAYS",
        "Period",
        "add_periods",
        "is_pulse_day",
        "period_label",
        "period_start",
        "recent_periods",
        "sustainment_check_days",
    }
)
"""The names of huddle.core.periods this module also gives."""

if not TYPE_CHECKING:  # mypy reads the imports above instead

    def __getattr__(name: str) -> object:
        """A name of the periods, from huddle.core.periods, loaded now if it was not yet."""
        if name not in _PERIODS:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module("huddle.core.periods"), name)
        globals()[name] = value
        return value


__all__ = [
    "DAY_CODES",
    "SUSTAINMENT_CHECK_DAYS",
    "WEEKDAYS_RULE",
    "Clock",
    "DateError",
    "FixedClock",
    "HuddleCalendar",
    "Period",
    "RunningClock",
    "SystemClock",
    "Towards",
    "add_periods",
    "day_code_checked",
    "days_of_rule",
    "format_date",
    "format_day",
    "format_target",
    "is_pulse_day",
    "parse_day",
    "parse_span",
    "period_label",
    "period_start",
    "recent_periods",
    "rule_from_days",
    "sustainment_check_days",
    "today",
    "weekly_day",
]

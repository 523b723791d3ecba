"""Huddle days, the clock, and reading the dates people type.

Every date in Huddle is computed here: the rest of the code asks this module.
"""

from __future__ import annotations

import contextlib
import enum
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from huddle.core.models import DateOrder, HuddleError

if TYPE_CHECKING:
    from dateutil.rrule import rruleset

WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
"""The default huddle days: Monday to Friday."""

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_WEEKDAYS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
"""Day names as people type them, to date.weekday() numbers."""
_WEEKLY = "FREQ=WEEKLY;BYDAY="
"""How a rule as Huddle writes it (rule_from_days) starts: read by hand, without dateutil."""
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


@dataclass(frozen=True)
class HuddleCalendar:
    """The team's huddle days: a recurrence rule less the holidays."""

    rule: str = WEEKDAYS_RULE
    holidays: frozenset[date] = field(default_factory=frozenset)

    @cached_property
    def _weekdays(self) -> frozenset[int] | None:
        """The weekdays of a plain weekly rule (all Huddle writes); None for any other rule,
        which dateutil's rrule then reads."""
        codes = self.rule.removeprefix(_WEEKLY).split(",")
        if not self.rule.startswith(_WEEKLY) or not set(codes) <= set(DAY_CODES):
            return None
        return frozenset(DAY_CODES.index(code) for code in codes)

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


# Patterns as text, compiled (and cached by `re`) when a date is first read, not at import.
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
    order: DateOrder = DateOrder.DAY_FIRST,
    *,
    towards: Towards = Towards.NEAREST,
) -> date:
    """Read a date as people type it, relative to `today`; refuse to guess.

    "fri" is the coming Friday (today if today is a Friday), "next fri" the one after
    today, "last fri" the one before today. "1/12" is read in the team's date order; a
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
        if which == "last":  # the one before today
            before = today - timedelta(days=1)
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
        if order is DateOrder.MONTH_FIRST:
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
    first: str, last: str | None, today: date, order: DateOrder = DateOrder.DAY_FIRST
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


def age_in_days(since: date, today: date) -> int:
    """Whole days from `since` to `today`."""
    return (today - since).days


# --- Periods for trends, and the dates of sustainment checks -----------------------------


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

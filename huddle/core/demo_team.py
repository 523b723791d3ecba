"""The demo team: its people, its long-term goals, and its calendar (huddle days less
the bank holidays of England and Wales)."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, relativedelta

from huddle.core.calendar import WEEKDAYS_RULE, HuddleCalendar
from huddle.core.models import Role

# (name, role, job): the job is not stored; it is here so the people read true.
PEOPLE: tuple[tuple[str, Role, str], ...] = (
    ("Sarah Whitfield", Role.LEAD, "team lead"),
    ("Helen Carter", Role.PRACTITIONER, "senior social worker"),
    ("Tom Bradley", Role.PRACTITIONER, "social worker"),
    ("Aisha Khan", Role.PRACTITIONER, "social worker"),
    ("Emma Walsh", Role.PRACTITIONER, "social worker, newly qualified"),
    ("Gareth Evans", Role.PRACTITIONER, "occupational therapist"),
    ("Lucy Fletcher", Role.PRACTITIONER, "occupational therapist"),
    ("Mark Hughes", Role.PRACTITIONER, "support worker, works Monday to Thursday"),
    ("David Marsh", Role.MANAGER, "service manager"),
)
PART_TIMER = "Mark Hughes"
"""Off shift on Fridays: a regular attendance gap, as in most teams."""
FACILITATORS = ("Sarah Whitfield", "Helen Carter", "Tom Bradley")
"""Who runs the huddle, in order: the lead, or her deputy when she is away."""

# (key, title, why, how we know, months to the target date)
GOALS: tuple[tuple[str, str, str, str, int], ...] = (
    (
        "wait",
        "Cut the wait for a care assessment",
        "People wait nine weeks on average for a first visit; needs grow while they wait"
        " and carers reach breaking point.",
        "Average weeks from referral to first visit, from the weekly waiting-list report:"
        " from 9 to 4.",
        6,
    ),
    (
        "strengths",
        "More strengths-based assessments",
        "Assessments start from what is wrong; people tell us they want to be asked what"
        " matters to them and what already works.",
        "Monthly audit of 10 assessments: how many record, in the person's own words, what a"
        " good day looks like; from 3 in 10 to 8 in 10.",
        4,
    ),
    (
        "notes",
        "Write visit notes within a day",
        "Notes written days later lose detail, and decisions and funding panels wait for them.",
        "Share of visits with notes on the system by the end of the next working day, from the"
        " case-recording report: from 55% to 90%.",
        3,
    ),
    (
        "forms",
        "Fewer forms, less duplication",
        "The same details are typed into four forms; that is about an hour per assessment"
        " that could be spent with people.",
        "Fields we type twice, counted each month: from 38 to under 10; minutes to complete a"
        " referral, timed once a month.",
        5,
    ),
)


def history(today: date, length: int) -> tuple[list[date], list[tuple[date, str]]]:
    """The `length` huddle days of the history up to `today` (weekdays less bank
    holidays), and the bank holidays that fall inside it."""
    candidates = dict(bank_holidays(today.year - 1) + bank_holidays(today.year))
    calendar = HuddleCalendar(WEEKDAYS_RULE, frozenset(candidates))
    last = today if calendar.is_huddle_day(today) else calendar.previous_huddle_day(today)
    days = [last]
    while len(days) < length:
        days.insert(0, calendar.previous_huddle_day(days[0]))
    inside = sorted((d, n) for d, n in candidates.items() if days[0] < d <= today)
    return days, inside


def bank_holidays(year: int) -> list[tuple[date, str]]:
    """Bank holidays in England and Wales, with the usual weekend substitutes."""
    easter_sunday = easter(year)
    new_year = _to_weekday(date(year, 1, 1))
    christmas = date(year, 12, 25)
    boxing = date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday instead
        christmas, boxing = christmas + timedelta(days=2), boxing + timedelta(days=2)
    elif christmas.weekday() == 6:  # Sunday: Boxing Day Monday, Christmas Tuesday
        christmas = christmas + timedelta(days=2)
    elif christmas.weekday() == 4:  # Friday: Boxing Day moves to Monday
        boxing = boxing + timedelta(days=2)
    return [
        (new_year, "New Year's Day"),
        (easter_sunday - timedelta(days=2), "Good Friday"),
        (easter_sunday + timedelta(days=1), "Easter Monday"),
        (date(year, 5, 1) + relativedelta(weekday=MO(+1)), "Early May bank holiday"),
        (date(year, 5, 31) + relativedelta(weekday=MO(-1)), "Spring bank holiday"),
        (date(year, 8, 31) + relativedelta(weekday=MO(-1)), "Summer bank holiday"),
        (christmas, "Christmas Day"),
        (boxing, "Boxing Day"),
    ]


def _to_weekday(day: date) -> date:
    """A holiday on a weekend is taken on the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day

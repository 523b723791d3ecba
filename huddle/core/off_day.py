"""A huddle on a day that is not a huddle day (a Saturday, a holiday) is asked about first,
so `h` pressed at the weekend does not quietly start one."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import DateError
from huddle.core.store import Store


def long_day(day: date, today: date) -> str:
    """A day written out in full, as a question reads it: "Saturday 28 November" (with the
    year when it is not `today`'s)."""
    year = "" if day.year == today.year else f" {day.year}"
    return f"{day:%A} {day.day} {day:%B}{year}"


def off_day_question(store: Store, day: date) -> str | None:
    """What to ask before holding a huddle on `day`, or None when `day` is a huddle day or
    its huddle has already been started (it is simply resumed)."""
    if store.huddles.get(day) is not None:
        return None
    calendar = store.calendar()
    try:
        if calendar.is_huddle_day(day):
            return None
        next_day = f"the next is {long_day(calendar.next_huddle_day(day), day)}"
    except DateError:
        next_day = "the team has no huddle days set"
    holiday = next((h.name for h in store.team.holidays() if h.day == day), None)
    what = f"is a holiday ({holiday}), not" if holiday else "is not"
    return f"{long_day(day, day)} {what} a huddle day ({next_day}). Hold a huddle today anyway?"

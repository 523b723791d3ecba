"""Past huddles: the full record of one day, and moving between days as people do
(a day, a week, a month at a time, or straight to a typed date)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from huddle.core.models import Blocker, Huddle, Step
from huddle.core.store import Store
from huddle.core.store.history import Attendance, BlockerMove


class Span(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class DayRecord:
    """Everything recorded about one day's huddle, to read back later."""

    day: date
    huddle: Huddle | None
    facilitator: str | None
    attendance: Attendance
    looked_back_on: date | None
    """The earlier huddle day whose steps were looked back on at this huddle."""
    looked_back: list[Step]
    planned: list[Step]
    """The small steps people took on for this day."""
    blockers_raised: list[Blocker]
    blocker_moves: list[BlockerMove]

    @property
    def is_empty(self) -> bool:
        return (
            self.huddle is None
            and not self.planned
            and not self.blockers_raised
            and not self.blocker_moves
        )


def day_record(store: Store, day: date) -> DayRecord:
    """What happened at (and for) the huddle of `day`."""
    history = store.history
    before = history.day_before(day)
    return DayRecord(
        day=day,
        huddle=store.huddles.get(day),
        facilitator=history.facilitator(day),
        attendance=history.attendance(day),
        looked_back_on=before,
        looked_back=store.steps.on_day(before) if before else [],
        planned=store.steps.on_day(day),
        blockers_raised=history.blockers_raised(day),
        blocker_moves=history.blocker_moves(day),
    )


def latest_day(store: Store) -> date | None:
    """The most recent huddle held (today's once it has started); else the most recent day
    with small steps, today at the latest."""
    return store.history.last_huddle(store.today()) or store.history.on_or_before(store.today())


def move(store: Store, day: date, span: Span, forward: bool) -> date | None:
    """The day with a record a day, week or month from `day`; None when there is none that way.

    A week or month lands on the nearest day with a record at or before the target when going
    back, at or after it when going forward (so Monday minus a week may show the Friday before).
    Never later than today.
    """
    history = store.history
    today = store.today()
    if span is Span.DAY:
        found = history.day_after(day) if forward else history.day_before(day)
    else:
        delta: timedelta | relativedelta = (
            timedelta(weeks=1) if span is Span.WEEK else relativedelta(months=1)
        )
        if forward:
            target = day + delta
            found = history.on_or_after(target) if target <= today else None
            if found is None or found > today:
                latest = history.on_or_before(today)
                found = latest if latest is not None and latest > day else None
        else:
            found = history.on_or_before(day - delta)
            if found is None:
                first = history.first_day()
                found = first if first is not None and first < day else None
    if found is not None and found > today:
        return None
    return found

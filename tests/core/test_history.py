"""Reading back past huddles, and moving between them as people do."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.history import Span, day_record, latest_day, move
from huddle.core.models import Role, StepStatus
from huddle.core.store import Store

THU, FRI, MON, TUE = date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)


def at(clock: FixedClock, day: date, hour: int = 9) -> None:
    clock.at = datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.combine(MON, time(9)).astimezone())


@pytest.fixture
def team(clock: FixedClock) -> Iterator[Store]:
    """Huddles on 2 Nov, Thursday and Friday; Monday's is today, not yet started."""
    store = Store.memory(clock=clock)
    ann = store.members.add("Ann Smith", Role.LEAD)
    sam = store.members.add("Sam Okafor")
    for day in (date(2026, 11, 2), THU, FRI):
        at(clock, day)
        store.huddles.start(day, ann)
        store.huddles.mark_attendance(day, ann, True)
        store.huddles.mark_attendance(day, sam, day != FRI)
        store.steps.add(ann, f"Ann's step for {day:%a %d}", day)
    at(clock, FRI, 10)
    thursday = store.steps.on_day(THU)[0]
    store.steps.review(thursday, StepStatus.PARTLY, "Half the forms were [old]")
    blocker = store.blockers.raise_blocker(sam, "No room booked for the family meeting")
    store.blockers.take_ownership(blocker, ann, who="Ann Smith")
    at(clock, MON)
    yield store
    store.close()


def test_a_days_record_shows_who_came_what_was_looked_back_on_and_blockers(team: Store) -> None:
    record = day_record(team, FRI)
    assert record.facilitator == "Ann Smith"
    assert record.attendance.present == ["Ann Smith"]
    assert record.attendance.away == ["Sam Okafor"]
    assert record.looked_back_on == THU
    assert [(s.text, s.status, s.learning) for s in record.looked_back] == [
        ("Ann's step for Thu 26", StepStatus.PARTLY, "Half the forms were [old]")
    ]
    assert [s.text for s in record.planned] == ["Ann's step for Fri 27"]
    assert [b.text for b in record.blockers_raised] == ["No room booked for the family meeting"]
    assert [m.event.note for m in record.blocker_moves] == ["owned by Ann Smith"]


def test_a_day_without_a_huddle_is_empty(team: Store) -> None:
    assert day_record(team, date(2026, 11, 28)).is_empty


def test_moving_by_day_skips_days_without_a_huddle(team: Store) -> None:
    assert latest_day(team) == FRI
    assert move(team, FRI, Span.DAY, forward=False) == THU
    assert move(team, THU, Span.DAY, forward=False) == date(2026, 11, 2)
    assert move(team, date(2026, 11, 2), Span.DAY, forward=False) is None
    assert move(team, FRI, Span.DAY, forward=True) is None  # Monday's has not happened


def test_moving_by_week_and_month_lands_on_the_nearest_huddle(team: Store) -> None:
    assert move(team, FRI, Span.WEEK, forward=False) == date(2026, 11, 2)
    assert move(team, date(2026, 11, 2), Span.WEEK, forward=True) == THU
    assert move(team, FRI, Span.MONTH, forward=False) == date(2026, 11, 2)
    assert move(team, date(2026, 11, 2), Span.MONTH, forward=True) == FRI
    assert move(team, FRI, Span.MONTH, forward=True) is None


def test_future_steps_are_not_history(team: Store, clock: FixedClock) -> None:
    team.steps.add(team.members.find("ann"), "Tomorrow's plan", TUE)
    assert latest_day(team) == FRI
    assert move(team, FRI, Span.WEEK, forward=True) is None


def test_history_opens_on_the_last_huddle_held_not_on_todays_plans(team: Store) -> None:
    team.steps.add(team.members.find("ann"), "Planned for today, huddle not yet held", MON)
    assert latest_day(team) == FRI
    team.huddles.start(MON)
    assert latest_day(team) == MON

"""A blocker sent up with no answer turns amber after the team's limit (2 huddle days unless
set) and red after twice that, counted in the team's huddle days."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from huddle.core.blockers import (
    AgeFlag,
    Waiting,
    age_flag,
    describe_age,
    huddle_days_old,
    waiting_for_answer,
)
from huddle.core.calendar import FixedClock
from huddle.core.models import Blocker
from huddle.core.store import Store

WED, THU, FRI = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
SAT, MON, TUE, WED2 = date(2026, 11, 28), date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)


def morning(clock: FixedClock, day: date) -> None:
    clock.at = datetime.combine(day, time(9, 5)).astimezone()


def sent_up_on_wednesday(team: Store) -> Blocker:
    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop for visits")
    return team.blockers.escalate(blocker, "Only IT orders laptops", who="Ann Smith")


def flag_on(team: Store, clock: FixedClock, blocker: Blocker, day: date) -> Waiting | None:
    morning(clock, day)
    limit = team.team.get().answer_limit_days
    return waiting_for_answer(team.blockers.get(blocker.id), team.calendar(), day, limit)


@pytest.mark.parametrize(
    ("day", "waited", "flag"),
    [
        (WED, 0, AgeFlag.NONE),
        (THU, 1, AgeFlag.NONE),
        (FRI, 2, AgeFlag.AMBER),
        (SAT, 2, AgeFlag.AMBER),  # the weekend does not count
        (MON, 3, AgeFlag.AMBER),
        (TUE, 4, AgeFlag.RED),
        (WED2, 5, AgeFlag.RED),
    ],
)
def test_with_no_answer_it_turns_amber_after_two_huddle_days_and_red_after_four(
    team: Store, clock: FixedClock, day: date, waited: int, flag: AgeFlag
) -> None:
    blocker = sent_up_on_wednesday(team)
    assert flag_on(team, clock, blocker, day) == Waiting(waited, flag)


def test_a_holiday_is_not_a_day_of_waiting(team: Store, clock: FixedClock) -> None:
    team.team.add_holiday(FRI, "Staff training day")
    blocker = sent_up_on_wednesday(team)
    assert flag_on(team, clock, blocker, FRI) == Waiting(1, AgeFlag.NONE)
    assert flag_on(team, clock, blocker, MON) == Waiting(2, AgeFlag.AMBER)


def test_the_team_sets_its_own_limit(team: Store, clock: FixedClock) -> None:
    team.team.update(answer_limit_days=3)
    blocker = sent_up_on_wednesday(team)
    assert flag_on(team, clock, blocker, FRI) == Waiting(2, AgeFlag.NONE)
    assert flag_on(team, clock, blocker, MON) == Waiting(3, AgeFlag.AMBER)
    assert flag_on(team, clock, blocker, date(2026, 12, 3)) == Waiting(6, AgeFlag.RED)


def test_an_answered_or_team_owned_blocker_is_not_waiting_on_management(
    team: Store, clock: FixedClock
) -> None:
    blocker = sent_up_on_wednesday(team)
    owned = team.blockers.raise_blocker(team.members.find("anne"), "Printer jams")
    owned = team.blockers.take_ownership(owned, team.members.find("anne"), who="Anne Jones")
    morning(clock, TUE)
    answered = team.blockers.answer(blocker, "Ordered", who="Sam Patel")
    calendar = team.calendar()
    assert waiting_for_answer(answered, calendar, TUE, 2) is None
    assert waiting_for_answer(owned, calendar, TUE, 2) is None
    assert age_flag(answered, calendar, TUE, 2) is AgeFlag.NONE


def test_waiting_reads_as_people_say_it() -> None:
    assert Waiting(0, AgeFlag.NONE).describe() == "sent up today"
    assert Waiting(1, AgeFlag.NONE).describe() == "waiting 1 huddle day"
    assert Waiting(5, AgeFlag.RED).describe() == "waiting 5 huddle days"


def test_a_blockers_age_counts_huddle_days_not_weekends_or_holidays(
    team: Store, clock: FixedClock
) -> None:
    morning(clock, WED)
    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop for visits")
    team.team.add_holiday(TUE, "Staff training day")
    calendar = team.calendar()
    ages = {day: huddle_days_old(blocker, calendar, day) for day in (WED, THU, SAT, MON, WED2)}
    assert ages == {WED: 0, THU: 1, SAT: 2, MON: 3, WED2: 4}
    assert [describe_age(n) for n in (0, 1, 12)] == [
        "raised today",
        "1 huddle day",
        "12 huddle days",
    ]

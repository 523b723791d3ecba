"""What Wrap-up celebrates, without the screen: the steps done that the huddle looked back on,
"you said, we did" for the week, and the milestones of the running total and the streak."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import islice

from huddle.core.calendar import FixedClock
from huddle.core.flow import wrap_up
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.core.wins import (
    STEP_MILESTONES,
    STREAK_MILESTONES,
    count_milestones,
    milestones,
    wins,
)

WEDNESDAY = date(2026, 11, 25)
TUESDAY, MONDAY = date(2026, 11, 24), date(2026, 11, 23)
LAST_FRIDAY = date(2026, 11, 20)
LAST_TUESDAY = date(2026, 11, 17)


def at(clock: FixedClock, day: date) -> None:
    clock.at = datetime.combine(day, time(9, 5)).astimezone()


def test_milestones_go_100_250_500_steps_and_10_50_100_huddles_then_on() -> None:
    assert list(islice(milestones(STEP_MILESTONES), 8)) == [
        100, 250, 500, 1000, 2500, 5000, 10000, 25000,
    ]  # fmt: skip
    assert list(islice(milestones(STREAK_MILESTONES), 6)) == [10, 50, 100, 250, 500, 1000]


def test_a_milestone_is_reached_today_only_when_todays_count_carries_it_over() -> None:
    crossed = count_milestones(98, 101, STEP_MILESTONES, "small steps")
    assert (crossed.reached, crossed.next, crossed.to_go) == (100, 250, 149)
    assert crossed.reached_words() == "100 small steps taken: a milestone reached today"
    assert crossed.next_words() == "next milestone 250: 149 to go"
    assert crossed.next_words(brief=True) == "next 250: 149 to go"
    assert crossed.reached_words(brief=True) == "a milestone today!"
    exactly = count_milestones(99, 100, STEP_MILESTONES, "small steps")
    assert exactly.reached == 100
    already = count_milestones(100, 102, STEP_MILESTONES, "small steps")
    assert (already.reached, already.reached_words()) == (None, "")
    assert count_milestones(0, 0, STEP_MILESTONES, "small steps").next == 100
    # Two passed at once (a big catch-up): the higher one is said.
    assert count_milestones(240, 600, STEP_MILESTONES, "small steps").reached == 500
    streak = count_milestones(9, 10, STREAK_MILESTONES, "huddle days in a row")
    assert streak.reached_words() == "10 huddle days in a row: a milestone reached today"
    big = count_milestones(1200, 1234, STEP_MILESTONES, "small steps")
    assert big.next_words() == "next milestone 2,500: 1,266 to go"


def test_the_wins_of_a_huddle_that_takes_the_team_past_100_steps_and_10_huddles(
    team: Store, clock: FixedClock
) -> None:
    ann, anne = team.members.find("ann smith"), team.members.find("anne")
    # Nine huddle days in a row before today, 98 steps taken on them.
    days = [WEDNESDAY - timedelta(days=n) for n in range(1, 14)]
    days = [d for d in days if d.weekday() < 5][:9]
    for n in range(98):
        day = days[n % len(days)]
        at(clock, day)
        team.steps.review(team.steps.add(ann, f"Step {n}", day), StepStatus.DONE)
    for day in days:
        at(clock, day)
        team.huddles.start(day)
        team.huddles.end(day)
    at(clock, TUESDAY)
    kept = team.steps.add(anne, "Prepare the questions the day before [TODO]", TUESDAY)
    part = team.steps.add(ann, "Write notes within the hour", TUESDAY)
    dropped = team.steps.add(ann, "Call the GP first", TUESDAY)
    # The last seven days: answered last Friday and on Monday, resolved today; not the one
    # answered eight days ago.
    at(clock, LAST_TUESDAY)
    old = team.blockers.escalate(team.blockers.raise_blocker(ann, "Old one"), "IT", who="Ann")
    team.blockers.answer(old, "Answered eight days ago", who="Sam Patel")
    at(clock, LAST_FRIDAY)
    car = team.blockers.escalate(team.blockers.raise_blocker(ann, "No pool car"), "$", who="Ann")
    team.blockers.answer(car, "A car on Tuesdays from January", who="Pat Reid")
    at(clock, MONDAY)
    laptop = team.blockers.raise_blocker(anne, "No laptop for the new starter")
    laptop = team.blockers.escalate(laptop, "Needs budget", who="Ann Smith")
    team.blockers.answer(laptop, "Ordered; arrives Thursday", who="Sam Patel")
    form = team.blockers.raise_blocker(ann, "The form asks twice")
    at(clock, WEDNESDAY)
    team.huddles.start(WEDNESDAY)
    team.steps.review(kept, StepStatus.DONE, "Asking the day before saves a visit")
    team.steps.review(part, StepStatus.PARTLY)
    team.steps.review(dropped, StepStatus.DROPPED)
    team.blockers.resolve(form, "Forms group dropped the second field", who="Ann Smith")

    found = wins(team, WEDNESDAY, wrap_up(team, WEDNESDAY, 600))

    assert [(d.member_name, d.text, d.status, d.learning) for d in found.done] == [
        ("Ann Smith", "Write notes within the hour", StepStatus.PARTLY, ""),
        (
            "Anne Jones",
            "Prepare the questions the day before [TODO]",
            StepStatus.DONE,
            "Asking the day before saves a visit",
        ),
    ]
    assert [(w.said, w.did, w.resolved, w.by) for w in found.we_did] == [
        ("No pool car", "A car on Tuesdays from January", False, "Pat Reid"),
        ("No laptop for the new starter", "Ordered; arrives Thursday", False, "Sam Patel"),
        ("The form asks twice", "Forms group dropped the second field", True, "Ann Smith"),
    ]
    assert (found.steps.count, found.steps.reached, found.steps.next) == (100, 100, 250)
    assert (found.streak.count, found.streak.reached, found.streak.next) == (10, 10, 50)


def test_no_milestone_is_said_on_a_huddle_that_reaches_none(team: Store) -> None:
    team.huddles.start(WEDNESDAY)
    found = wins(team, WEDNESDAY, wrap_up(team, WEDNESDAY, 0))
    assert found.done == () and found.we_did == ()
    assert (found.steps.reached, found.streak.reached) == (None, None)
    assert (found.steps.next, found.streak.next) == (100, 10)

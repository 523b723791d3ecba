"""The board between huddles gathers what its panels show, without the screen. Today is
Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import date

from huddle.core.blockers import AgeFlag
from huddle.core.board import gather_board, steps_day
from huddle.core.calendar import FixedClock
from huddle.core.models import DayColor, StepStatus
from huddle.core.store import Store

MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)


def test_todays_steps_are_shown_by_person_with_their_goal(team: Store) -> None:
    ann, anne = team.members.find("ann"), team.members.find("anne")
    wait = team.goals.find("wait")
    team.steps.add(anne, "Ring the carer [first]", WEDNESDAY)
    team.steps.add(ann, "Prepare the questions", WEDNESDAY, goal=wait)
    team.steps.add(ann, "Yesterday's step", TUESDAY)

    board = gather_board(team)

    assert board.steps_day == WEDNESDAY
    assert [(p.name, [s.text for s in p.steps]) for p in board.people] == [
        ("Ann Smith", ["Prepare the questions"]),
        ("Anne Jones", ["Ring the carer [first]"]),
    ]
    assert board.people[0].steps[0].goal_title == "Cut the wait for a care assessment"
    assert board.every_goal[0] == wait


def test_on_a_day_off_the_board_shows_the_next_huddle_days_steps(team: Store) -> None:
    assert steps_day(team, date(2026, 11, 28)) == date(2026, 11, 30)


def test_blockers_stand_in_columns_in_the_teams_words(team: Store, clock: FixedClock) -> None:
    ann, anne = team.members.find("ann"), team.members.find("anne")
    clock.advance(days=-10)
    sent = team.blockers.raise_blocker(anne, "No laptop for the new starter")
    team.blockers.escalate(sent, "Needs budget", who="Ann Smith")
    clock.advance(days=10)
    owned = team.blockers.raise_blocker(anne, "The form asks twice")
    team.blockers.take_ownership(owned, ann, who="Ann Smith")
    team.blockers.raise_blocker(ann, "The rota is not shared")

    columns = dict(gather_board(team).columns)

    assert list(columns) == ["Open", "Owned", "Sent up", "Answered"]
    assert [c.text for c in columns["Open"]] == ["The rota is not shared"]
    assert [c.where for c in columns["Owned"]] == ["owned by Ann Smith"]
    (waiting,) = columns["Sent up"]
    assert waiting.where == "sent up: waiting 8 huddle days"  # sent on Sunday the 15th
    assert waiting.flag is AgeFlag.RED
    assert waiting.huddle_days_old == 8  # raised 10 days ago: the weekend does not count
    assert columns["Answered"] == ()


def test_goals_count_this_weeks_steps_and_wins_are_this_weeks(
    team: Store, clock: FixedClock
) -> None:
    ann = team.members.find("ann")
    wait = team.goals.find("wait")
    last_friday = date(2026, 11, 20)
    team.steps.add(ann, "Before this week", last_friday, goal=wait)
    done = team.steps.add(ann, "Ring ahead", MONDAY, goal=wait)
    team.steps.add(ann, "Plan the visit", WEDNESDAY, goal=wait)
    team.steps.review(done, StepStatus.DONE, "People were in", at_huddle=TUESDAY)
    fixed = team.blockers.raise_blocker(ann, "The printer jams")
    team.blockers.resolve(fixed, "New printer", who="Ann Smith")

    board = gather_board(team)

    wait_progress = next(g for g in board.goals if g.title.startswith("Cut the wait"))
    assert (wait_progress.this_week, wait_progress.taken) == (2, 1)
    assert board.wins.since == MONDAY
    assert board.wins.steps_taken == (("Ann Smith", "Ring ahead", "People were in"),)
    assert board.wins.taken == 1
    (fixed_it,) = board.wins.we_did
    assert (fixed_it.said, fixed_it.did, fixed_it.resolved) == (
        "The printer jams",
        "New printer",
        True,
    )
    assert board.wins.taken_in_all.count == 1
    assert board.wins.taken_in_all.next_words(brief=True) == "next 100: 99 to go"


def test_the_day_status_strips_are_this_months(team: Store) -> None:
    missed = team.day_status.track("Missed visits")
    team.day_status.set(missed, TUESDAY, DayColor.AMBER)

    (strip,) = gather_board(team).strips

    assert strip.measure.name == "Missed visits"
    assert dict(strip.days)[TUESDAY] is DayColor.AMBER

"""What a stage leaves undone when the huddle goes on: the one line the lead sees before
leaving Yesterday with steps unmarked, Today with people here who have no step, or ending."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from huddle.core import flow
from huddle.core.calendar import FixedClock
from huddle.core.left_undone import LeftUndone, left_undone
from huddle.core.models import Role, Stage, StepStatus
from huddle.core.store import Store

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@pytest.fixture
def team() -> Iterator[Store]:
    store = Store.memory(clock=FixedClock(datetime(2026, 11, 30, 9, 0).astimezone()))
    for name in ("Ann Smith", "Bea Jones", "Sam Okafor", "Tom Vale"):
        store.members.add(name, Role.PRACTITIONER)
    yield store
    store.close()


def test_each_stage_says_what_going_on_would_leave_undone(team: Store) -> None:
    ann, bea, sam, tom = team.members.all()
    team.absences.add(tom, MONDAY, reason="off shift")
    flow.start(team, MONDAY)
    for person in (ann, bea, sam, tom):
        team.steps.add(person, f"{person.name}'s Friday step", FRIDAY)
    team.steps.add(ann, "Ann's second Friday step", FRIDAY)
    first = team.steps.on_day(FRIDAY)[0]
    flow.mark_step(team, first, StepStatus.DONE, MONDAY)
    team.steps.add(ann, "Ann's step for today", MONDAY)

    assert left_undone(team, MONDAY, Stage.WHO) == LeftUndone()
    assert not left_undone(team, MONDAY, Stage.BLOCKERS)
    # Tom is not here: his step is left as it is and he is not waited for.
    yesterday = left_undone(team, MONDAY, Stage.YESTERDAY)
    assert str(yesterday) == "3 not marked"
    today = left_undone(team, MONDAY, Stage.TODAY)
    assert str(today) == "2 people without a step"
    end = left_undone(team, MONDAY, Stage.WRAP_UP)
    assert str(end) == "3 not marked, 2 people without a step"

    for step in team.steps.on_day(FRIDAY):
        if step.member_id != tom.id and not step.status.reviewed:
            flow.mark_step(team, step, StepStatus.CARRIED, MONDAY)
    # Carried over: Bea's and Sam's steps are now planned for today too.
    assert not left_undone(team, MONDAY, Stage.WRAP_UP)


def test_one_person_without_a_step_is_named(team: Store) -> None:
    *three, _tom = team.members.all()
    for person in three:
        team.steps.add(person, "A step", MONDAY)
    assert str(left_undone(team, MONDAY, Stage.TODAY)) == "Tom Vale has no step"


def test_a_line_typed_and_not_saved_is_named_before_going_on(team: Store) -> None:
    ann, bea, sam, tom = team.members.all()
    for person in (ann, bea, sam, tom):
        team.steps.add(person, "A step", MONDAY)
    team.drafts.save(MONDAY, {ann.id: "A second step, half typed"})
    assert str(left_undone(team, MONDAY, Stage.TODAY)) == "Ann Smith's line is not saved"
    team.drafts.save(MONDAY, {bea.id: "And another"})
    assert str(left_undone(team, MONDAY, Stage.WRAP_UP)) == "2 lines typed and not saved"
    assert not left_undone(team, MONDAY, Stage.BLOCKERS)


def test_someone_without_a_step_but_with_a_line_typed_is_named_once(team: Store) -> None:
    ann, bea, sam, tom = team.members.all()
    for person in (ann, bea, sam):
        team.steps.add(person, "A step", MONDAY)
    team.drafts.save(MONDAY, {tom.id: "Ring the"})
    assert str(left_undone(team, MONDAY, Stage.TODAY)) == "Tom Vale's line is not saved"


def test_a_line_typed_for_someone_then_marked_not_here_is_not_asked_for(team: Store) -> None:
    ann, bea, sam, tom = team.members.all()
    for person in (ann, bea, sam):
        team.steps.add(person, "A step", MONDAY)
    team.drafts.save(MONDAY, {tom.id: "Ring the"})
    flow.start(team, MONDAY)
    team.huddles.mark_attendance(MONDAY, tom, False)  # Today gives Tom no turn to save it
    assert not left_undone(team, MONDAY, Stage.TODAY)


def test_a_blocker_raised_today_and_not_yet_owned_or_sent_up_is_named(team: Store) -> None:
    ann, bea, *_ = team.members.all()
    flow.start(team, MONDAY)
    team.blockers.raise_blocker(ann, "The review form locks the NHS number field")
    team.blockers.raise_blocker(bea, "The pool car site refuses weekend dates")
    assert str(left_undone(team, MONDAY, Stage.BLOCKERS)) == "2 new blockers not owned or sent up"
    first, second = team.blockers.raised_between(MONDAY, MONDAY)
    team.blockers.take_ownership(first, bea, who="Bea Jones")
    assert str(left_undone(team, MONDAY, Stage.BLOCKERS)) == "1 new blocker not owned or sent up"
    assert "1 new blocker not owned or sent up" in str(left_undone(team, MONDAY, Stage.WRAP_UP))
    team.blockers.escalate(second, "Only the fleet office can change it", who="Ann Smith")
    assert not left_undone(team, MONDAY, Stage.BLOCKERS)

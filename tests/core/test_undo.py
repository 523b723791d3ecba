"""`u` at the huddle takes back the last change made at a stage: a step's mark (and the copy
"not done" carried over), a "still in place?" answer, or a blocker owned, sent up or
resolved. One level, kept in the file: it works after the file is closed and opened again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest

from huddle.core import flow
from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus, HuddleError, Stage, Step, StepStatus
from huddle.core.pdsa import Act
from huddle.core.store import Store
from huddle.core.undo import NothingToUndo, undo_last

TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
S = BlockerStatus


def yesterdays_step(team: Store, who: str = "anne") -> Step:
    return team.steps.add(team.members.find(who), "Ring the carer [first]", TUESDAY)


def rows(team: Store, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in team.db.conn.execute(sql, params).fetchall()]


@pytest.fixture
def reopen(team: Store, db_path: Path, clock: FixedClock) -> Callable[[], Store]:
    """Close the file and open it again (as after a restart of the app)."""
    opened = [team]

    def again() -> Store:
        opened[0].close()
        opened[0] = Store.open(db_path, clock=clock)
        return opened[0]

    return again


def test_a_mark_is_undone_after_a_restart(team: Store, reopen: Callable[[], Store]) -> None:
    step = yesterdays_step(team)
    flow.mark_step(team, step, StepStatus.DONE, WEDNESDAY)
    store = reopen()
    undo = undo_last(store, WEDNESDAY, Stage.YESTERDAY)
    assert undo.said == "Anne's step back to not marked"
    assert undo.target == step.id
    back = store.steps.get(step.id)
    assert (back.status, back.reviewed_on) == (StepStatus.PLANNED, None)
    with pytest.raises(NothingToUndo):  # one level: it is gone once undone
        undo_last(store, WEDNESDAY, Stage.YESTERDAY)
    store.close()


def test_only_the_last_mark_is_undone(team: Store) -> None:
    first, second = yesterdays_step(team), yesterdays_step(team, "sam")
    flow.mark_step(team, first, StepStatus.DONE, WEDNESDAY)
    flow.mark_step(team, second, StepStatus.DROPPED, WEDNESDAY)
    assert undo_last(team, WEDNESDAY, Stage.YESTERDAY).said == "Sam's step back to not marked"
    assert team.steps.get(first.id).status is StepStatus.DONE
    assert team.steps.get(second.id).status is StepStatus.PLANNED


def test_undoing_not_done_takes_the_carried_copy_away(team: Store) -> None:
    step = yesterdays_step(team)
    flow.mark_step(team, step, StepStatus.CARRIED, WEDNESDAY)
    assert len(team.steps.on_day(WEDNESDAY)) == 1
    undo = undo_last(team, WEDNESDAY, Stage.YESTERDAY)
    assert undo.said == "Anne's step back to not marked"
    assert team.steps.on_day(WEDNESDAY) == []
    assert team.steps.get(step.id).status is StepStatus.PLANNED
    assert rows(team, "SELECT sum(steps) FROM step_tallies WHERE day = ?", "2026-11-25") in (
        [(0,)],
        [(None,)],
    )


def test_undoing_done_after_not_done_brings_the_carried_copy_back_as_it_was(
    team: Store, reopen: Callable[[], Store]
) -> None:
    step = yesterdays_step(team)
    flow.mark_step(team, step, StepStatus.CARRIED, WEDNESDAY)
    (copy,) = team.steps.on_day(WEDNESDAY)
    team.steps.edit(copy, "Ring the carer, and the GP", goal=None)
    flow.mark_step(team, step, StepStatus.DONE, WEDNESDAY)
    assert team.steps.on_day(WEDNESDAY) == []
    store = reopen()
    undo = undo_last(store, WEDNESDAY, Stage.YESTERDAY)
    assert undo.said == "Anne's step back to not done, carried over"
    assert store.steps.get(step.id).status is StepStatus.CARRIED
    (back,) = store.steps.on_day(WEDNESDAY)
    assert (back.id, back.text, back.carried_from) == (
        copy.id,
        "Ring the carer, and the GP",
        step.id,
    )
    store.close()


def test_the_same_mark_again_leaves_the_last_change_as_it_was(team: Store) -> None:
    first, second = yesterdays_step(team), yesterdays_step(team, "sam")
    flow.mark_step(team, first, StepStatus.DONE, WEDNESDAY)
    flow.mark_step(team, second, StepStatus.DONE, WEDNESDAY)
    flow.mark_step(team, second, StepStatus.DONE, WEDNESDAY)
    undo_last(team, WEDNESDAY, Stage.YESTERDAY)
    assert team.steps.get(second.id).status is StepStatus.PLANNED


def test_a_still_in_place_answer_is_undone(
    team: Store, clock: FixedClock, reopen: Callable[[], Store]
) -> None:
    clock.at = datetime.combine(date(2026, 10, 20), time(9)).astimezone()
    cycle = team.pdsa.start("Ring people the day before [visit]")
    team.pdsa.decide(cycle, Act.ADOPT, team.calendar())
    clock.at = datetime.combine(WEDNESDAY, time(9)).astimezone()
    (check,) = team.pdsa.checks_due(WEDNESDAY)
    team.pdsa.answer_check(check, False, at_huddle=WEDNESDAY)
    assert team.pdsa.checks_due(WEDNESDAY) == []
    store = reopen()
    undo = undo_last(store, WEDNESDAY, Stage.YESTERDAY)
    assert undo.said == "still in place? back to not answered: Ring people the day before [visit]"
    assert store.pdsa.checks_due(WEDNESDAY) == [check]
    store.close()


def test_owning_sending_up_and_resolving_are_undone_in_the_blockers_history(
    team: Store, reopen: Callable[[], Store]
) -> None:
    ann, anne = team.members.find("ann s"), team.members.find("anne")
    blocker = team.blockers.raise_blocker(anne, "No interpreter on Fridays")
    owned = team.blockers.take_ownership(blocker, ann, who="Ann Smith", at_huddle=WEDNESDAY)
    store = reopen()
    undo = undo_last(store, WEDNESDAY, Stage.BLOCKERS, who="Ann Smith")
    assert undo.said == "No interpreter on Fridays back to open"
    back = store.blockers.get(blocker.id)
    assert (back.status, back.owner_id) == (S.OPEN, None)
    history = [(e.status_from, e.status_to, e.note, e.who) for e in store.blockers.history(back)]
    assert history[-2:] == [
        (S.OPEN, S.OWNED, "owned by Ann Smith", "Ann Smith"),
        (S.OWNED, S.OPEN, "undone: owned by Ann Smith", "Ann Smith"),
    ]

    # Sent up from owned, then undone: owned by Ann again, nothing left of the sending up.
    owned = store.blockers.take_ownership(back, ann, who="Ann Smith", at_huddle=WEDNESDAY)
    sent = store.blockers.escalate(owned, "Needs a budget", who="Ann Smith", at_huddle=WEDNESDAY)
    assert sent.status is S.ESCALATED
    undo = undo_last(store, WEDNESDAY, Stage.BLOCKERS)
    assert undo.said == "No interpreter on Fridays back to owned by Ann Smith"
    back = store.blockers.get(blocker.id)
    assert back == owned.__class__(**{**owned.__dict__, "updated_at": back.updated_at})
    assert store.blockers.escalated() == []

    # Resolved, then undone: open again in the list, the resolution gone.
    store.blockers.resolve(back, "Booked by phone", who="Ann Smith", at_huddle=WEDNESDAY)
    assert undo_last(store, WEDNESDAY, Stage.BLOCKERS).said.endswith("back to owned by Ann Smith")
    back = store.blockers.get(blocker.id)
    assert (back.status, back.resolution, back.resolved_at) == (S.OWNED, "", None)
    assert [b.id for b in store.blockers.open()] == [blocker.id]
    store.close()


def test_a_new_owner_is_undone_back_to_the_old_one(team: Store) -> None:
    ann, anne = team.members.find("ann s"), team.members.find("anne")
    blocker = team.blockers.raise_blocker(anne, "No laptop")
    owned = team.blockers.take_ownership(blocker, ann, who="Ann Smith")
    team.blockers.take_ownership(owned, anne, who="Ann Smith", at_huddle=WEDNESDAY)
    said = undo_last(team, WEDNESDAY, Stage.BLOCKERS).said
    assert said == "No laptop back to owned by Ann Smith"
    assert team.blockers.get(blocker.id).owner_name == "Ann Smith"


def test_each_stage_keeps_its_own_last_change(team: Store) -> None:
    step = yesterdays_step(team)
    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop")
    flow.mark_step(team, step, StepStatus.DONE, WEDNESDAY)
    team.blockers.resolve(blocker, "Found one", who="Ann Smith", at_huddle=WEDNESDAY)
    undo_last(team, WEDNESDAY, Stage.YESTERDAY)
    assert team.blockers.get(blocker.id).status is S.RESOLVED
    undo_last(team, WEDNESDAY, Stage.BLOCKERS)
    assert team.blockers.get(blocker.id).status is S.OPEN
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        undo_last(team, WEDNESDAY, Stage.TODAY)


def test_a_change_made_again_since_is_not_undone(team: Store) -> None:
    step = yesterdays_step(team)
    flow.mark_step(team, step, StepStatus.DONE, WEDNESDAY)
    team.steps.review(team.steps.get(step.id), StepStatus.DROPPED)  # another screen, say
    with pytest.raises(HuddleError, match="changed since"):
        undo_last(team, WEDNESDAY, Stage.YESTERDAY)
    assert team.steps.get(step.id).status is StepStatus.DROPPED
    with pytest.raises(NothingToUndo):
        undo_last(team, WEDNESDAY, Stage.YESTERDAY)


def test_a_change_made_outside_the_huddle_is_not_kept_for_undo(team: Store) -> None:
    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop")
    team.blockers.resolve(blocker, "Found one", who="Ann Smith")  # huddle resolve, the CLI
    with pytest.raises(NothingToUndo):
        undo_last(team, WEDNESDAY, Stage.BLOCKERS)


def test_a_send_up_taken_back_is_not_counted_at_wrap_up(team: Store) -> None:
    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop")
    team.blockers.escalate(blocker, "Only IT", who="Ann Smith", at_huddle=WEDNESDAY)
    assert flow.wrap_up(team, WEDNESDAY, 0).blockers_sent_up == 1
    undo_last(team, WEDNESDAY, Stage.BLOCKERS)
    assert flow.wrap_up(team, WEDNESDAY, 0).blockers_sent_up == 0


def test_a_resolve_taken_back_is_not_in_the_digest(team: Store) -> None:
    from huddle.core.digest import build_digest

    blocker = team.blockers.raise_blocker(team.members.find("anne"), "No laptop")
    team.blockers.resolve(blocker, "Found one", who="Ann Smith", at_huddle=WEDNESDAY)
    undo_last(team, WEDNESDAY, Stage.BLOCKERS)
    assert team.blockers.events_between(WEDNESDAY, WEDNESDAY, to=S.RESOLVED) == []
    assert team.blockers.events_between(WEDNESDAY, WEDNESDAY, to=S.OPEN)[-1].note == "No laptop"
    assert build_digest(team, WEDNESDAY, WEDNESDAY).resolved == ()


def test_a_step_dropped_at_today_comes_back_with_u(
    team: Store, reopen: Callable[[], Store]
) -> None:
    # x in Today's list of steps planned is one key: a slip of it must not lose the step.
    wait = team.goals.find("wait")
    step = team.steps.add(team.members.find("anne"), "Ring the carer [first]", WEDNESDAY, goal=wait)
    assert flow.drop_today(team, step, at_huddle=WEDNESDAY)
    assert flow.steps_for(team, WEDNESDAY) == {}
    store = reopen()
    undo = undo_last(store, WEDNESDAY, Stage.TODAY)
    assert undo.said == "Anne's step is back: Ring the carer [first]"
    back = store.steps.get(step.id)
    assert (back.text, back.goal_id, back.status) == (step.text, wait.id, StepStatus.PLANNED)
    with pytest.raises(NothingToUndo):
        undo_last(store, WEDNESDAY, Stage.TODAY)
    store.close()


def test_a_carried_step_dropped_at_today_comes_back_as_planned(team: Store) -> None:
    carried = team.steps.carry(yesterdays_step(team), WEDNESDAY)
    flow.drop_today(team, carried, at_huddle=WEDNESDAY)
    assert team.steps.get(carried.id).status is StepStatus.DROPPED
    undo_last(team, WEDNESDAY, Stage.TODAY)
    assert team.steps.get(carried.id).status is StepStatus.PLANNED
    assert [s.id for s in flow.steps_for(team, WEDNESDAY)[carried.member_id]] == [carried.id]

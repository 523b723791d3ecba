"""A blocker's life: open, owned by the team or sent up to management, answered, resolved,
reopened. Every allowed move is made and written down; every other move is refused with a
message that says what can be done instead, and changes nothing."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import (
    BLOCKER_MOVES,
    Ambiguous,
    Blocker,
    BlockerStatus,
    HuddleError,
    InvalidMove,
    NotFound,
)
from huddle.core.store import Store, StoreError

S = BlockerStatus
ALLOWED = [(a, b) for a in S for b in S if b in BLOCKER_MOVES[a]]
REFUSED = [(a, b) for a in S for b in S if b not in BLOCKER_MOVES[a]]


def bring_to(team: Store, status: BlockerStatus) -> Blocker:
    """A blocker raised by Anne and moved, the usual way, until it has `status`."""
    anne = team.members.find("anne")
    blocker = team.blockers.raise_blocker(anne, "The referral form asks for the NHS number twice")
    path = {
        S.OPEN: [],
        S.OWNED: [S.OWNED],
        S.ESCALATED: [S.ESCALATED],
        S.ANSWERED: [S.ESCALATED, S.ANSWERED],
        S.RESOLVED: [S.RESOLVED],
    }[status]
    for step in path:
        blocker = move(team, blocker, step)
    assert blocker.status is status
    return blocker


def move(team: Store, blocker: Blocker, to: BlockerStatus) -> Blocker:
    """Make the move to `to` with the store call a person's action makes."""
    blockers = team.blockers
    calls: dict[BlockerStatus, Callable[[], Blocker]] = {
        S.OPEN: lambda: blockers.reopen(blocker, "It came back", who="Anne Jones"),
        S.OWNED: lambda: blockers.take_ownership(
            blocker, team.members.find("ann smith"), who="Ann Smith"
        ),
        S.ESCALATED: lambda: blockers.escalate(
            blocker, "Only the systems team can change the form", who="Ann Smith", to="Sam Patel"
        ),
        S.ANSWERED: lambda: blockers.answer(
            blocker, "Change requested for the March release", who="Sam Patel"
        ),
        S.RESOLVED: lambda: blockers.resolve(blocker, "Field removed", who="Ann Smith"),
    }
    return calls[to]()


@pytest.mark.parametrize(("start", "to"), ALLOWED, ids=lambda s: s.value)
def test_every_allowed_move_is_made_and_written_in_the_history(
    team: Store, start: BlockerStatus, to: BlockerStatus
) -> None:
    blocker = bring_to(team, start)
    before = len(team.blockers.history(blocker))
    moved = move(team, blocker, to)
    assert moved.status is to
    assert team.blockers.get(blocker.id).status is to
    history = team.blockers.history(blocker)
    assert len(history) == before + 1
    assert (history[-1].status_from, history[-1].status_to) == (start, to)
    assert history[-1].who in ("Ann Smith", "Anne Jones", "Sam Patel")
    assert history[-1].note


@pytest.mark.parametrize(("start", "to"), REFUSED, ids=lambda s: s.value)
def test_every_other_move_is_refused_with_a_clear_message_and_changes_nothing(
    team: Store, start: BlockerStatus, to: BlockerStatus
) -> None:
    blocker = bring_to(team, start)
    history = team.blockers.history(blocker)
    with pytest.raises(InvalidMove) as refused:
        move(team, blocker, to)
    message = str(refused.value)
    assert message.startswith(f'"{blocker.text}" is ')
    assert start.said in message
    assert "\n" not in message
    assert team.blockers.get(blocker.id) == blocker
    assert team.blockers.history(blocker) == history


def test_the_refusals_say_what_to_do_instead(team: Store) -> None:
    open_one = bring_to(team, S.OPEN)
    with pytest.raises(InvalidMove, match="send it up first") as refused:
        move(team, open_one, S.ANSWERED)
    # Said in the team's words: the blocker's own words, never its hex id or "escalated".
    assert str(refused.value).startswith('"The referral form asks for the NHS number twice" is')
    assert open_one.short_id not in str(refused.value)
    closed = bring_to(team, S.RESOLVED)
    with pytest.raises(InvalidMove, match="reopen it first"):
        move(team, closed, S.ESCALATED)
    waiting = bring_to(team, S.ESCALATED)
    with pytest.raises(InvalidMove, match="is already sent up"):
        move(team, waiting, S.ESCALATED)
    with pytest.raises(InvalidMove, match="record management's answer or resolve it"):
        move(team, waiting, S.OWNED)


def test_the_whole_life_of_a_blocker_is_in_its_history_with_who_and_when(
    team: Store, clock: FixedClock
) -> None:
    anne = team.members.find("anne")
    ann = team.members.find("ann smith")
    blockers = team.blockers
    blocker = blockers.raise_blocker(anne, "No laptop for visits [TODO] 🙂", category="systems")
    clock.advance(minutes=5)
    blocker = blockers.take_ownership(blocker, ann, who="Ann Smith")
    clock.advance(days=1)
    blocker = blockers.escalate(blocker, "Only IT orders laptops", who="Ann Smith", to="Sam Patel")
    clock.advance(days=1)
    blocker = blockers.answer(blocker, "Ordered; it comes on Monday", who="Sam Patel")
    answered_at = clock.now()
    assert (blocker.answer, blocker.answered_by, blocker.answered_at) == (
        "Ordered; it comes on Monday",
        "Sam Patel",
        answered_at,
    )
    assert blocker.answer_seen_at is None
    clock.advance(days=5)
    blocker = blockers.resolve(blocker, "Laptop arrived", who="Anne Jones")
    assert blocker.resolved_at == clock.now()
    clock.advance(days=7)
    blocker = blockers.reopen(blocker, "The laptop went back for repair", who="Anne Jones")
    assert (blocker.resolution, blocker.resolved_at) == ("", None)
    clock.advance(hours=1)
    blocker = blockers.escalate(blocker, "Still no laptop", who="Ann Smith")
    # Sent up again: it waits afresh for an answer; the first answer stays in the history.
    assert (blocker.answer, blocker.answered_by, blocker.answered_at) == ("", "", None)
    assert blocker.escalated_to == "management"

    history = blockers.history(blocker)
    assert [(e.status_from, e.status_to, e.who, e.note) for e in history] == [
        (None, S.OPEN, "Anne Jones", "No laptop for visits [TODO] 🙂"),
        (S.OPEN, S.OWNED, "Ann Smith", "owned by Ann Smith"),
        (S.OWNED, S.ESCALATED, "Ann Smith", "to Sam Patel: Only IT orders laptops"),
        (S.ESCALATED, S.ANSWERED, "Sam Patel", "Ordered; it comes on Monday"),
        (S.ANSWERED, S.RESOLVED, "Anne Jones", "Laptop arrived"),
        (S.RESOLVED, S.OPEN, "Anne Jones", "The laptop went back for repair"),
        (S.OPEN, S.ESCALATED, "Ann Smith", "to management: Still no laptop"),
    ]
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(history)]
    assert gaps == [
        timedelta(minutes=5),
        timedelta(days=1),
        timedelta(days=1),
        timedelta(days=5),
        timedelta(days=7),
        timedelta(hours=1),
    ]
    assert {e.blocker_id for e in history} == {blocker.id}


def test_history_is_never_rewritten_or_deleted(team: Store) -> None:
    blocker = bring_to(team, S.ANSWERED)
    for sql in (
        "UPDATE blocker_events SET note = 'nothing happened'",
        "DELETE FROM blocker_events",
    ):
        with pytest.raises(StoreError, match="append-only"), team.db.write() as conn:
            conn.execute(sql)
    assert [e.status_to for e in team.blockers.history(blocker)] == [
        S.OPEN,
        S.ESCALATED,
        S.ANSWERED,
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda b, t: b.escalate(t, "  ", who="Ann Smith"), "reason for sending it up"),
        (lambda b, t: b.escalate(t, "Needs IT", who="Ann Smith", to=" "), "who it goes to"),
        (lambda b, t: b.escalate(t, "Needs IT", who=""), "who made the change"),
        (lambda b, t: b.resolve(t, "", who="Ann Smith"), "how it was resolved"),
    ],
)
def test_a_move_needs_its_words(team: Store, call: Callable[..., Blocker], message: str) -> None:
    blocker = bring_to(team, S.OPEN)
    with pytest.raises(HuddleError, match=message):
        call(team.blockers, blocker)
    assert team.blockers.get(blocker.id).status is S.OPEN
    assert len(team.blockers.history(blocker)) == 1


def test_an_answer_needs_words_and_who_gave_it(team: Store) -> None:
    blocker = bring_to(team, S.ESCALATED)
    with pytest.raises(HuddleError, match="the answer can't be empty"):
        team.blockers.answer(blocker, " ", who="Sam Patel")
    with pytest.raises(HuddleError, match="who answered can't be empty"):
        team.blockers.answer(blocker, "Ordered", who=" ")
    assert team.blockers.get(blocker.id).status is S.ESCALATED


def test_someone_who_has_left_cannot_own_a_blocker(team: Store) -> None:
    blocker = bring_to(team, S.OPEN)
    gone = team.members.set_active(team.members.find("anne"), False)
    with pytest.raises(HuddleError, match="has left the team"):
        team.blockers.take_ownership(blocker, gone, who="Ann Smith")


def test_a_blocker_is_named_by_a_few_characters_of_its_id(team: Store) -> None:
    anne = team.members.find("anne")
    first = team.blockers.raise_blocker(anne, "One", blocker_id="abc123" + "0" * 26)
    second = team.blockers.raise_blocker(anne, "Two", blocker_id="abc456" + "0" * 26)
    assert first.short_id == "abc123"
    assert team.blockers.find("ABC1") == first
    assert team.blockers.find(" abc4 ") == second
    with pytest.raises(Ambiguous, match="more than one blocker starts abc: type more"):
        team.blockers.find("abc")
    with pytest.raises(NotFound, match="no blocker has an id starting fff"):
        team.blockers.find("fff")
    with pytest.raises(NotFound, match="is not a blocker id"):
        team.blockers.find("the form")


def test_management_sees_every_blocker_sent_up_longest_waiting_first(
    team: Store, clock: FixedClock
) -> None:
    older = bring_to(team, S.ESCALATED)
    clock.advance(days=1)
    answered = bring_to(team, S.ANSWERED)
    done = move(team, bring_to(team, S.ESCALATED), S.RESOLVED)
    bring_to(team, S.OWNED)
    assert [b.id for b in team.blockers.escalated()] == [older.id, answered.id]
    assert [b.id for b in team.blockers.escalated(include_resolved=True)] == [
        older.id,
        answered.id,
        done.id,
    ]
    assert all(b.is_escalated for b in team.blockers.escalated())


def test_a_blocker_that_comes_back_is_open_with_no_owner_until_someone_owns_it_again(
    team: Store,
) -> None:
    """Never "open with an owner" (DOMAIN.md): the team decides again who owns it; the
    history still says who owned it before."""
    blocker = bring_to(team, S.OWNED)
    blocker = team.blockers.resolve(blocker, "Rota added to the calendar", who="Ann Smith")
    blocker = team.blockers.reopen(blocker, "It dropped out after the update", who="Anne Jones")
    assert (blocker.status, blocker.owner_id, blocker.owner_name) == (S.OPEN, None, None)
    notes = [event.note for event in team.blockers.history(blocker)]
    assert "owned by Ann Smith" in notes

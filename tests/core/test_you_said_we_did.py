""" "You said, we did": management's answers come back to the team once, at the next huddle."""

from __future__ import annotations

from datetime import timedelta

from huddle.core.calendar import FixedClock
from huddle.core.digest import build_digest
from huddle.core.models import Blocker, BlockerStatus
from huddle.core.store import Store


def sent_up(team: Store, text: str) -> Blocker:
    blocker = team.blockers.raise_blocker(team.members.find("anne"), text)
    return team.blockers.escalate(blocker, "Needs a manager", who="Ann Smith", to="Sam Patel")


def test_answers_are_read_out_once_then_not_again(team: Store, clock: FixedClock) -> None:
    laptops = sent_up(team, "No laptop for visits")
    forms = sent_up(team, "The form asks twice")
    waiting = sent_up(team, "Panel papers due two days ahead")
    assert team.blockers.unseen_answers() == []

    clock.advance(hours=6)  # the manager answers in the afternoon, forms first
    team.blockers.answer(forms, "The forms group meets on the 3rd", who="Sam Patel")
    clock.advance(minutes=10)
    team.blockers.answer(laptops, "Ordered; it comes Monday", who="Sam Patel")
    heard = team.blockers.unseen_answers()
    assert [(b.text, b.answer, b.answered_by) for b in heard] == [
        ("The form asks twice", "The forms group meets on the 3rd", "Sam Patel"),
        ("No laptop for visits", "Ordered; it comes Monday", "Sam Patel"),
    ]

    clock.advance(days=1)  # the next morning's huddle reads them out
    assert team.blockers.mark_answers_seen(heard, who="Ann Smith") == 2
    assert team.blockers.unseen_answers() == []
    assert team.blockers.mark_answers_seen(heard, who="Ann Smith") == 0
    seen = team.blockers.get(forms.id)
    assert seen.answer_seen_at == clock.now()
    assert seen.status is BlockerStatus.ANSWERED
    last = team.blockers.history(seen)[-1]
    assert (last.status_from, last.status_to, last.who, last.note) == (
        BlockerStatus.ANSWERED,
        BlockerStatus.ANSWERED,
        "Ann Smith",
        "answer read out at the huddle",
    )
    assert team.blockers.get(waiting.id).answer_seen_at is None


def test_an_answer_resolved_before_the_huddle_is_still_read_out(team: Store) -> None:
    forms = sent_up(team, "The form asks twice")
    forms = team.blockers.answer(forms, "Field removed from the form", who="Sam Patel")
    team.blockers.resolve(forms, "Field gone", who="Sam Patel")
    assert [b.answer for b in team.blockers.unseen_answers()] == ["Field removed from the form"]


def test_a_blocker_sent_up_again_brings_its_new_answer_back(team: Store) -> None:
    forms = sent_up(team, "The form asks twice")
    forms = team.blockers.answer(forms, "Ask the forms group", who="Sam Patel")
    team.blockers.mark_answers_seen([forms])
    forms = team.blockers.escalate(forms, "The forms group says no", who="Ann Smith")
    assert team.blockers.unseen_answers() == []
    team.blockers.answer(forms, "I will take it to the head of service", who="Sam Patel")
    assert [b.answer for b in team.blockers.unseen_answers()] == [
        "I will take it to the head of service"
    ]


def test_an_answer_read_out_is_still_one_answer_in_the_digest(
    team: Store, clock: FixedClock
) -> None:
    forms = sent_up(team, "The form asks twice")
    team.blockers.answer(forms, "Field removed", who="Sam Patel")
    clock.advance(days=1)
    team.blockers.mark_answers_seen(team.blockers.unseen_answers(), who="Ann Smith")
    today = team.today()
    digest = build_digest(team, today - timedelta(days=1), today)
    assert [a.answer for a in digest.answers] == ["Field removed"]

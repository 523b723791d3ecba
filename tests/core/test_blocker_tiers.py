"""Tiers of sending up: the team manager, then the service manager, then the director. A
blocker sent up goes to the first tier; sent up again it moves one tier higher with its own
reason, and waits afresh against that tier's own limit; at the top it is refused. Without
tiers, a blocker goes to whoever is named, once while it waits."""

from __future__ import annotations

from datetime import date

import pytest

from huddle.core.blockers import AgeFlag, waiting_for_answer
from huddle.core.calendar import FixedClock
from huddle.core.models import Blocker, BlockerStatus, HuddleError, InvalidMove, Stage
from huddle.core.store import Store
from huddle.core.tiers import read_tiers, tiers_said, tiers_typed
from huddle.core.undo import undo_last

LADDER = [("Team manager", 2), ("Service manager", 3), ("Director", 5)]
TEXT = "The referral form asks for the NHS number twice"


@pytest.fixture
def laddered(team: Store) -> Store:
    team.team.set_tiers(LADDER)
    return team


def raised(team: Store) -> Blocker:
    return team.blockers.raise_blocker(team.members.find("anne"), TEXT)


def send_up(team: Store, blocker: Blocker, reason: str, **kwargs: str) -> Blocker:
    return team.blockers.escalate(blocker, reason, who="Ann Smith", **kwargs)


def sent_up_to(team: Store, blocker: Blocker) -> list[tuple[str, str]]:
    """The tiers the history says it went to, with each one's note."""
    return [(e.tier, e.note) for e in team.blockers.history(blocker) if e.tier]


def test_sending_up_goes_to_the_first_tier(laddered: Store) -> None:
    blocker = send_up(laddered, raised(laddered), "Only IT can change the form")
    assert (blocker.status, blocker.tier, blocker.tier_name) == (
        BlockerStatus.ESCALATED,
        1,
        "Team manager",
    )
    assert blocker.sent_up_to == "Team manager"
    assert sent_up_to(laddered, blocker) == [
        ("Team manager", "to Team manager: Only IT can change the form")
    ]


def test_sent_up_again_it_moves_one_tier_higher_with_its_own_reason(laddered: Store) -> None:
    blocker = send_up(laddered, raised(laddered), "Only IT can change the form")
    blocker = send_up(laddered, blocker, "IT say it needs the service's budget")
    assert (blocker.tier, blocker.tier_name) == (2, "Service manager")
    assert blocker.escalation_reason == "IT say it needs the service's budget"
    assert blocker.status is BlockerStatus.ESCALATED
    assert sent_up_to(laddered, blocker) == [
        ("Team manager", "to Team manager: Only IT can change the form"),
        ("Service manager", "to Service manager: IT say it needs the service's budget"),
    ]


def test_an_answer_that_does_not_fix_it_goes_higher_and_the_answer_stays_in_the_history(
    laddered: Store,
) -> None:
    blocker = send_up(laddered, raised(laddered), "Only IT can change the form")
    blocker = laddered.blockers.answer(blocker, "Not in my budget", who="Sam Patel")
    blocker = send_up(laddered, blocker, "The team manager can't fund it")
    assert (blocker.status, blocker.tier_name, blocker.answer) == (
        BlockerStatus.ESCALATED,
        "Service manager",
        "",
    )
    notes = [e.note for e in laddered.blockers.history(blocker)]
    assert "Not in my budget" in notes


def test_at_the_top_tier_it_is_refused_in_one_line_and_nothing_changes(laddered: Store) -> None:
    blocker = raised(laddered)
    for reason in ("first", "second", "third"):
        blocker = send_up(laddered, blocker, reason)
    assert blocker.tier_name == "Director"
    before = laddered.blockers.history(blocker)
    with pytest.raises(InvalidMove) as refused:
        send_up(laddered, blocker, "fourth")
    assert str(refused.value) == (
        f'"{TEXT}" is with Director, the top tier; it can\'t go higher'
        " (resolve it, or the team owns it)"
    )
    assert laddered.blockers.history(blocker) == before
    assert laddered.blockers.get(blocker.id) == blocker


def test_answered_at_the_top_tier_it_is_refused_too(laddered: Store) -> None:
    blocker = raised(laddered)
    for reason in ("first", "second", "third"):
        blocker = send_up(laddered, blocker, reason)
    blocker = laddered.blockers.answer(blocker, "No money this year", who="Director")
    with pytest.raises(InvalidMove, match="the top tier"):
        send_up(laddered, blocker, "fourth")


def test_taken_back_by_the_team_and_sent_up_again_it_starts_at_the_first_tier(
    laddered: Store,
) -> None:
    blocker = send_up(laddered, raised(laddered), "first")
    blocker = send_up(laddered, blocker, "second")
    blocker = laddered.blockers.answer(blocker, "Try the form's owner", who="Sam Patel")
    blocker = laddered.blockers.take_ownership(
        blocker, laddered.members.find("anne"), who="Ann Smith"
    )
    blocker = send_up(laddered, blocker, "The form's owner left")
    assert blocker.tier_name == "Team manager"


def test_to_names_who_at_the_tier(laddered: Store) -> None:
    blocker = send_up(laddered, raised(laddered), "Only IT", to="Sam Patel")
    assert blocker.sent_up_to == "Team manager (Sam Patel)"
    assert sent_up_to(laddered, blocker) == [
        ("Team manager", "to Team manager (Sam Patel): Only IT")
    ]


def test_without_tiers_to_is_free_text_and_a_waiting_blocker_is_not_sent_up_twice(
    team: Store,
) -> None:
    blocker = send_up(team, raised(team), "Only IT", to="David Marsh, Head of Service")
    assert (blocker.tier, blocker.sent_up_to) == (None, "David Marsh, Head of Service")
    assert send_up(team, raised(team), "Only IT").sent_up_to == "management"
    with pytest.raises(InvalidMove) as refused:
        send_up(team, blocker, "Still nothing")
    assert str(refused.value) == (
        f'"{TEXT}" is already sent up and waits for an answer'
        " (to send it higher, set the team's tiers: huddle team tiers)"
    )
    assert sent_up_to(team, blocker) == []


def test_each_tier_waits_against_its_own_limit_from_when_it_got_there(
    laddered: Store, clock: FixedClock
) -> None:
    blocker = send_up(laddered, raised(laddered), "first")  # Wednesday 25 November
    calendar = laddered.calendar()
    friday = date(2026, 11, 27)
    waiting = waiting_for_answer(blocker, calendar, friday, laddered.team.get().answer_limit_days)
    assert waiting is not None and (waiting.huddle_days, waiting.flag) == (2, AgeFlag.AMBER)

    clock.advance(days=2)  # sent higher on Friday: the service manager has 3 days
    blocker = send_up(laddered, blocker, "second")
    for day, days, flag in [
        (date(2026, 12, 1), 2, AgeFlag.NONE),
        (date(2026, 12, 2), 3, AgeFlag.AMBER),
        (date(2026, 12, 8), 7, AgeFlag.RED),
    ]:
        waiting = waiting_for_answer(blocker, calendar, day, 2)
        assert waiting is not None and (waiting.huddle_days, waiting.flag) == (days, flag)


def test_setting_tiers_puts_a_blocker_already_sent_up_with_the_first(team: Store) -> None:
    waiting = send_up(team, raised(team), "Only IT", to="Sam Patel")
    team.team.set_tiers(LADDER)
    waiting = team.blockers.get(waiting.id)
    assert (waiting.tier_name, waiting.sent_up_to) == ("Team manager", "Team manager (Sam Patel)")
    assert send_up(team, waiting, "second").tier_name == "Service manager"


def sent_to_the_director(team: Store) -> Blocker:
    blocker = raised(team)
    for reason in ("first", "second", "third"):
        blocker = send_up(team, blocker, reason)
    assert blocker.tier_name == "Director"
    return blocker


def test_a_blocker_sent_to_a_tier_taken_away_says_where_it_was_sent(laddered: Store) -> None:
    blocker = sent_to_the_director(laddered)
    laddered.team.set_tiers(LADDER[:2])
    blocker = laddered.blockers.get(blocker.id)
    # Not "Service manager": it was never sent there.
    assert (blocker.tier_name, blocker.tier_gone) == (None, "Director")
    assert blocker.tier_said == "Director (no longer a tier)"
    assert blocker.sent_up_to == "Director (no longer a tier)"
    assert blocker.status is BlockerStatus.ESCALATED
    last = laddered.blockers.history(blocker)[-1]
    assert last.note == "Director is no longer one of the team's tiers; it waits there until moved"
    # It waits against the team's own limit, as a blocker sent up without tiers does.
    assert blocker.tier_limit_days is None


def test_the_manager_moves_a_blocker_from_a_tier_taken_away_to_the_top_tier(
    laddered: Store,
) -> None:
    blocker = sent_to_the_director(laddered)
    laddered.team.set_tiers(LADDER[:1])
    blocker = laddered.blockers.get(blocker.id)
    moved = send_up(laddered, blocker, "The director's post is gone: the team manager decides")
    assert (moved.tier_name, moved.tier_gone, moved.sent_up_to) == (
        "Team manager",
        None,
        "Team manager",
    )
    assert sent_up_to(laddered, moved)[-1] == (
        "Team manager",
        "to Team manager: The director's post is gone: the team manager decides",
    )


def test_with_no_tiers_left_it_still_says_where_it_was_sent_and_can_go_back(
    laddered: Store,
) -> None:
    blocker = sent_to_the_director(laddered)
    laddered.team.set_tiers([])
    assert laddered.team.tiers() == []
    blocker = laddered.blockers.get(blocker.id)
    assert (blocker.tier, blocker.tier_name, blocker.sent_up_to) == (
        0,
        None,
        "Director (no longer a tier)",
    )
    # The tier given back (by its name, in any case) has its blockers back.
    laddered.team.set_tiers([("Team manager", 2), ("director", 4)])
    blocker = laddered.blockers.get(blocker.id)
    assert (blocker.tier_name, blocker.tier_gone, blocker.tier_limit_days) == ("director", None, 4)


def test_taken_back_with_undo_at_the_huddle_it_is_with_the_tier_before(laddered: Store) -> None:
    day = laddered.today()
    blocker = send_up(laddered, raised(laddered), "first")
    blocker = laddered.blockers.escalate(blocker, "second", who="Ann Smith", at_huddle=day)
    assert blocker.tier_name == "Service manager"
    undo_last(laddered, day, Stage.BLOCKERS)
    blocker = laddered.blockers.get(blocker.id)
    assert (blocker.tier_name, blocker.escalation_reason) == ("Team manager", "first")


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        (["Team manager", "team MANAGER"], "'team MANAGER' is named twice"),
        (["Director:0"], "Director: the answer limit is from 1 to 60 huddle days"),
        (["Director:soon"], "'Director:soon' is not a tier"),
        ([":3"], "':3' is not a tier"),
        ([f"Tier {n}" for n in range(7)], "at most 6 tiers"),
        # A comma in the days is not a second tier named "5" (was stored as two tiers).
        (["Director:1,5"], "'Director:1,5': 1,5 is not a number of huddle days"),
        (["Director:1.5"], "'Director:1.5' is not a tier"),
        (["Team manager:2", "5"], "'5' is not a tier's name"),
    ],
)
def test_tiers_typed_wrong_are_refused_in_one_line_and_nothing_changes(
    laddered: Store, typed: list[str], error: str
) -> None:
    with pytest.raises(HuddleError) as refused:
        laddered.team.set_tiers(read_tiers(typed, 2))
    assert str(refused.value).startswith(error)
    assert "\n" not in str(refused.value)
    assert [(t.name, t.answer_limit_days) for t in laddered.team.tiers()] == LADDER


def test_tiers_read_as_typed_and_read_back(memory_store: Store) -> None:
    typed = read_tiers(["Team manager", "Service manager: 5, Director:10", " "], 2)
    assert typed == [("Team manager", 2), ("Service manager", 5), ("Director", 10)]
    tiers = memory_store.team.set_tiers(typed)
    assert tiers_typed(tiers) == "Team manager:2, Service manager:5, Director:10"
    assert tiers_said(tiers) == (
        "Team manager (answers in 2 huddle days), then Service manager (5), then Director (10)"
    )

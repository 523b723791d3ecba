"""Ideas not yet steps, where ideas came from (co-production), and what changes gave.
Today is Wednesday 25 November 2026."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from huddle.core.calendar import FixedClock, Period
from huddle.core.entries import resolve_line, save_entry
from huddle.core.ideas import IdeaShare, move_idea, recent_idea_share, try_idea
from huddle.core.impact import impact_sentence, parse_impact
from huddle.core.models import HuddleError, Idea, IdeaStatus, Impact, Source, Step, StepStatus
from huddle.core.pdsa import Act
from huddle.core.results import ImpactTotals
from huddle.core.shorthand import parse_entry
from huddle.core.store import Store
from huddle.core.trends import compute_trends, trends_as_dict

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("Offer a call back +person", Source.PERSON_SUPPORTED),
        ("+carer Offer a call back", Source.CARER),
        ("Offer a call back +family #wait", Source.CARER),
        ("Offer a call back +partner @ann", Source.PARTNER),
        ("Offer a call back +fam", Source.CARER),
        ("Offer a call back", None),
    ],
)
def test_a_plus_word_at_either_end_says_where_the_idea_came_from(
    typed: str, source: Source | None
) -> None:
    entry = parse_entry(typed)
    assert entry.text == "Offer a call back"
    assert entry.source is source


def test_a_plus_word_inside_the_sentence_is_kept_as_typed() -> None:
    assert parse_entry("ask +person about times").text == "ask +person about times"
    assert parse_entry("add 2+3 forms").text == "add 2+3 forms"


def test_an_unknown_source_is_one_clear_line() -> None:
    with pytest.raises(HuddleError, match=r"\+cares is not one of: \+person, \+carer"):
        parse_entry("Offer a call back +cares")
    with pytest.raises(HuddleError, match="one source per idea"):
        parse_entry("Offer a call back +carer +partner")


def test_two_bangs_park_the_line_as_an_idea_one_raises_a_blocker() -> None:
    idea = parse_entry("!! A carers' drop-in before reviews +carer")
    assert (idea.is_idea, idea.is_blocker, idea.text) == (
        True,
        False,
        "A carers' drop-in before reviews",
    )
    blocker = parse_entry("! The form is broken")
    assert (blocker.is_idea, blocker.is_blocker) == (False, True)


def test_a_typed_idea_is_noted_today_with_its_source_and_goal(team: Store) -> None:
    saved = save_entry(
        team, resolve_line(team, "!! Send the questions with the letter +person #wait @ann")
    )
    assert isinstance(saved, Idea)
    assert (saved.text, saved.source, saved.raised_by_name, saved.status) == (
        "Send the questions with the letter",
        Source.PERSON_SUPPORTED,
        "Ann Smith",
        IdeaStatus.NEW,
    )
    assert saved.goal_title == "Cut the wait for a care assessment"
    assert saved.raised_on == WEDNESDAY
    assert [i.text for i in team.ideas.all()] == ["Send the questions with the letter"]


def test_a_typed_step_carries_where_its_idea_came_from(team: Store) -> None:
    saved = save_entry(team, resolve_line(team, "Ring the daughter first +family @anne"))
    assert isinstance(saved, Step)
    assert saved.source is Source.CARER
    with pytest.raises(HuddleError, match="a blocker has no source"):
        resolve_line(team, "! The form is broken +carer @ann")


def test_trying_an_idea_makes_a_step_from_it_and_adopting_a_cycle_adopts_the_idea(
    team: Store,
) -> None:
    ann = team.members.find("Ann Smith")
    idea = team.ideas.add(ann, "Text people the day before", source=Source.CARER)
    step = try_idea(team, idea, ann)
    assert (step.text, step.source, step.idea_id, step.day) == (
        "Text people the day before",
        Source.CARER,
        idea.id,
        WEDNESDAY,
    )
    assert team.ideas.get(idea.id).status is IdeaStatus.TRYING
    assert team.ideas.get(idea.id).steps == 1
    team.steps.review(step, StepStatus.DONE)
    cycle = team.pdsa.start("Text people the day before", steps=[team.steps.get(step.id)])
    team.pdsa.decide(cycle, Act.ADOPT, team.calendar())
    assert team.ideas.get(idea.id).status is IdeaStatus.ADOPTED


def test_trying_an_idea_twice_for_one_person_and_day_makes_one_step(team: Store) -> None:
    # t pressed twice (or `huddle ideas try` run twice) made two steps, and the idea was
    # counted twice as co-produced.
    ann, anne = team.members.find("Ann Smith"), team.members.find("Anne Jones")
    idea = team.ideas.add(ann, "Text people the day before", source=Source.CARER)
    try_idea(team, idea, ann)
    with pytest.raises(HuddleError, match="is already Ann Smith's step for today"):
        try_idea(team, idea, ann)
    try_idea(team, idea, anne)  # another person may try it too
    assert sorted(s.member_name for s in team.steps.on_day(WEDNESDAY)) == [
        "Ann Smith",
        "Anne Jones",
    ]


def test_an_idea_moves_between_states_and_is_found_by_a_word_or_its_id(team: Store) -> None:
    ann = team.members.find("Ann Smith")
    idea = team.ideas.add(ann, "Share one referral form with the GP surgeries")
    assert team.ideas.find("referral").id == idea.id
    assert team.ideas.find(idea.id[:5]).id == idea.id
    assert move_idea(team, idea, IdeaStatus.NOT_NOW).status is IdeaStatus.NOT_NOW
    assert move_idea(team, idea, IdeaStatus.NEW).status is IdeaStatus.NEW
    with pytest.raises(HuddleError, match="when an idea is adopted"):
        move_idea(team, idea, IdeaStatus.TRYING, Impact(minutes_a_week=5))
    adopted = move_idea(team, idea, IdeaStatus.ADOPTED, parse_impact("2 forms"))
    assert adopted.status is IdeaStatus.ADOPTED
    assert team.impacts.of(idea_id=idea.id) == Impact(forms_avoided=2)
    with pytest.raises(HuddleError, match="no idea has an id or a word starting 'zz'"):
        team.ideas.find("zz")


def test_saying_where_an_idea_came_from_changes_its_steps_too(team: Store) -> None:
    ann = team.members.find("Ann Smith")
    idea = team.ideas.add(ann, "Text people the day before")
    step = try_idea(team, idea, ann)
    team.ideas.set_source(idea, Source.PERSON_SUPPORTED)
    assert team.steps.get(step.id).source is Source.PERSON_SUPPORTED


@pytest.mark.parametrize(
    ("typed", "impact"),
    [
        ("30 min a week", Impact(minutes_a_week=30)),
        ("1.5 hours saved each week", Impact(minutes_a_week=90)),
        ("2h, 3 visits and 4 forms avoided", Impact(120, 3, 4)),
        ("1 visit", Impact(visits_avoided=1)),
        (
            "Mrs B did not have to repeat her story",
            Impact(difference="Mrs B did not have to repeat her story"),
        ),
        (
            "20 min, and Mr A saw the same worker",
            Impact(20, 0, 0, "20 min, and Mr A saw the same worker"),
        ),
        ("", Impact()),
    ],
)
def test_what_a_change_gave_is_read_from_one_line(typed: str, impact: Impact) -> None:
    assert parse_impact(typed) == impact


def test_the_totals_read_as_one_sentence() -> None:
    assert impact_sentence(ImpactTotals()) == ""
    assert (
        impact_sentence(
            ImpactTotals(changes=14, minutes_a_week=370, visits_avoided=9, forms_avoided=20)
        )
        == "about 6 hours a week saved, 9 visits and 20 forms avoided, by 14 changes"
    )
    assert (
        impact_sentence(ImpactTotals(changes=1, minutes_a_week=45, differences=1))
        == "45 minutes a week saved, by 1 change; 1 said what difference they made to a person"
    )


def test_trends_count_the_coproduction_share_and_add_up_the_impact(team: Store) -> None:
    ann = team.members.find("Ann Smith")
    # Two new steps (one from a carer) and two ideas noted (one from a person who uses
    # services), one of which became a step: four ideas in all, two co-produced.
    team.steps.add(ann, "Ring ahead", WEDNESDAY, source=Source.CARER)
    plain = team.steps.add(ann, "Tidy the shared drive", WEDNESDAY)
    team.ideas.add(ann, "Large print letters", source=Source.PERSON_SUPPORTED)
    tried = team.ideas.add(ann, "Fewer forms", source=Source.PARTNER)
    try_idea(team, tried, ann)
    team.steps.review(plain, StepStatus.DONE)
    team.impacts.say(parse_impact("30 min a week, 1 visit"), step_id=plain.id)
    move_idea(team, tried, IdeaStatus.ADOPTED, parse_impact("It gave Mr A his evenings back"))
    data = trends_as_dict(compute_trends(team, Period.WEEK, 2))
    now = data["periods"][-1]  # type: ignore[index]
    assert now["coproduction_share"] == 2 / 4
    assert now["ideas_noted"] == 1
    assert now["impact"] == {
        "changes": 2,
        "minutes_a_week_saved": 30,
        "visits_avoided": 1,
        "forms_avoided": 0,
        "differences": 1,
    }
    assert data["impact"] == now["impact"]
    assert data["periods"][0]["impact"]["changes"] == 0  # type: ignore[index]


def test_saying_again_what_a_step_gave_replaces_it(team: Store) -> None:
    ann = team.members.find("Ann Smith")
    step = team.steps.review(team.steps.add(ann, "Ring ahead", WEDNESDAY), StepStatus.DONE)
    team.impacts.say(Impact(minutes_a_week=10), step_id=step.id)
    team.impacts.say(Impact(minutes_a_week=25), step_id=step.id)
    assert team.impacts.totals() == ImpactTotals(changes=1, minutes_a_week=25)


def test_the_digest_carries_the_coproduction_share_and_what_changes_gave(team: Store) -> None:
    from huddle.core.digest import build_digest, render_json, render_markdown

    ann = team.members.find("Ann Smith")
    step = team.steps.add(ann, "Ring the daughter first", WEDNESDAY, source=Source.CARER)
    team.steps.review(step, StepStatus.PARTLY)
    team.steps.add(ann, "Tidy the shared drive", WEDNESDAY)
    team.ideas.add(ann, "Large print letters", source=Source.PERSON_SUPPORTED)
    team.impacts.say(parse_impact("2 hours a week, 1 visit"), step_id=step.id)
    idea = team.ideas.add(ann, "Meet carers first")
    move_idea(team, idea, IdeaStatus.ADOPTED, parse_impact("Mrs B's son could speak first"))
    digest = build_digest(team, date(2026, 11, 23), WEDNESDAY)
    data = json.loads(render_json(digest))
    assert data["summary"]["new_ideas"] == 4
    assert data["summary"]["coproduced_ideas"] == 2
    assert data["summary"]["coproduction_share"] == 0.5
    assert data["impact"]["minutes_a_week_saved"] == 120
    assert data["impact"]["differences"] == [
        {"change": "Meet carers first", "difference": "Mrs B's son could speak first"}
    ]
    text = render_markdown(digest)
    assert "- 2 of 4 new ideas (50%) from people who use services, carers and families" in text
    assert "- about 2 hours a week saved, 1 visit avoided, by 2 changes" in text
    assert "- Meet carers first: Mrs B's son could speak first" in text
    hidden = render_markdown(build_digest(team, date(2026, 11, 23), WEDNESDAY, names=False))
    assert "Ann" not in hidden


def test_what_a_change_gave_counts_only_while_it_stands(team: Store) -> None:
    """A step marked done again as not done, an idea set back to new: what they were said
    to give no longer adds up (it comes back if they are done or adopted again)."""
    ann = team.members.find("Ann Smith")
    step = team.steps.review(team.steps.add(ann, "Ring ahead", WEDNESDAY), StepStatus.DONE)
    team.impacts.say(Impact(minutes_a_week=30), step_id=step.id)
    idea = move_idea(team, team.ideas.add(ann, "Large print"), IdeaStatus.ADOPTED, Impact(20))
    assert team.impacts.totals() == ImpactTotals(changes=2, minutes_a_week=50)
    team.steps.review(team.steps.get(step.id), StepStatus.DROPPED)
    move_idea(team, idea, IdeaStatus.NEW)
    assert team.impacts.totals() == ImpactTotals()
    assert trends_as_dict(compute_trends(team, Period.WEEK, 1))["impact"]["changes"] == 0  # type: ignore[index]
    move_idea(team, team.ideas.get(idea.id), IdeaStatus.ADOPTED)
    assert team.impacts.totals() == ImpactTotals(changes=1, minutes_a_week=20)


def test_the_share_of_the_last_12_weeks_counts_84_days_today_included(
    team: Store, clock: FixedClock
) -> None:
    ann = team.members.find("Ann Smith")
    now = clock.at
    clock.at = now - timedelta(weeks=12)  # the same weekday 12 weeks ago: the 13th week
    team.ideas.add(ann, "Too old to count", source=Source.CARER)
    clock.at = now - timedelta(weeks=12) + timedelta(days=1)  # the first of the 84 days
    team.ideas.add(ann, "Counted", source=Source.PARTNER)
    clock.at = now
    team.ideas.add(ann, "Today's", source=Source.CARER)

    assert recent_idea_share(team) == IdeaShare(ideas=2, coproduced=1)

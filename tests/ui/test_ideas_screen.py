"""Ideas in the app, as the team lead uses them: the Ideas screen from home and the palette,
`!!` and `+carer` on Today, and "what did it give?" after a step done or a change adopted.
Today is Monday 30 November 2026."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.models import HuddleError, IdeaStatus, Impact, Source, StepStatus
from huddle.core.pdsa import Act
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.ideas import IdeasScreen
from huddle.ui.screens.pdsa import PdsaScreen
from huddle.ui.screens.pdsa_forms import DecideScreen
from huddle.ui.widgets.ask import PickOne

from .screen_helpers import notices, run_from_palette, screen_text, wait_until

MONDAY = date(2026, 11, 30)
FRIDAY = date(2026, 11, 27)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.pause()


async def test_i_opens_the_ideas_and_each_moves_on_with_one_key(
    store: Store, clock: FixedClock
) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    now = clock.at
    clock.at = now - timedelta(minutes=5)
    store.ideas.add(ann, "Share one referral form with the GP", source=Source.PARTNER)
    clock.at = now
    store.ideas.add(bea, "A carers' drop-in before reviews", source=Source.CARER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        assert await wait_until(pilot, lambda: isinstance(app.screen, IdeasScreen))
        shown = screen_text(app)
        assert "2 new · 0 trying · 0 adopted · 0 not for now" in shown
        assert "carer/family" in shown and "partner" in shown
        # The newest first: Bea's drop-in. t makes a step from it, for Bea (who noted it).
        await pilot.press("t")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, IdeasScreen))
        [step] = store.steps.on_day(MONDAY)
        assert (step.member_name, step.text, step.source) == (
            "Bea Jones",
            "A carers' drop-in before reviews",
            Source.CARER,
        )
        drop_in = store.ideas.find("drop-in")
        assert drop_in.status is IdeaStatus.TRYING
        # d: adopted, and what it gave.
        await pilot.press("d")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        await _type(pilot, "30 min a week, 2 visits")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "gave: 30 minutes a week saved" in screen_text(app))
        assert store.ideas.get(drop_in.id).status is IdeaStatus.ADOPTED
        assert store.impacts.of(idea_id=drop_in.id) == Impact(30, 2, 0)
        # The GP form: not for now, then where it came from (a person who uses services).
        await pilot.press("up", "x")  # the GP form is new: above the adopted drop-in
        referral = store.ideas.find("referral")
        assert await wait_until(
            pilot, lambda: store.ideas.get(referral.id).status is IdeaStatus.NOT_NOW
        )
        await pilot.press("f")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        await pilot.press("up", "up", "enter")
        assert await wait_until(
            pilot, lambda: store.ideas.get(referral.id).source is Source.PERSON_SUPPORTED
        )


async def test_n_notes_a_new_idea_in_the_shorthand(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_from_palette(pilot, "carer", "Ideas")
        assert await wait_until(pilot, lambda: isinstance(app.screen, IdeasScreen))
        assert "No ideas yet" in screen_text(app)
        await pilot.press("n")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        await _type(pilot, "Offer evening calls +family #wait @sam")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "Offer evening calls" in screen_text(app))
        [idea] = store.ideas.all()
        assert (idea.raised_by_name, idea.source, idea.goal_title) == (
            "Sam Okafor",
            Source.CARER,
            "Cut the wait for a care assessment",
        )


async def test_on_today_two_bangs_note_an_idea_and_plus_carer_says_where_a_step_came_from(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: "Ann Smith - your small step" in screen_text(app))
        await _type(pilot, "!! A drop-in for carers +carer")
        assert await wait_until(
            pilot,
            lambda: "an idea, not yet a step, from a carer or family member" in screen_text(app),
        )
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: len(store.ideas.all()) == 1)
        # Still Ann's turn: an idea is not her step.
        assert "Ann Smith - your small step" in screen_text(app)
        await _type(pilot, "Large print letters")
        await pilot.press("ctrl+n")
        assert await wait_until(pilot, lambda: len(store.ideas.all()) == 2)
        await _type(pilot, "Ring the daughter first +family")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: len(store.steps.on_day(MONDAY)) == 1)
        [step] = store.steps.on_day(MONDAY)
        assert (step.text, step.source) == ("Ring the daughter first", Source.CARER)
        assert sorted(i.text for i in store.ideas.all()) == [
            "A drop-in for carers",
            "Large print letters",
        ]
        assert any("Idea noted from a carer or family member" in n for n in notices(app))


async def test_yesterday_asks_what_a_done_step_gave_and_any_other_key_goes_on(
    store: Store, clock: FixedClock
) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    ring = store.steps.add(ann, "Ring ahead", FRIDAY)
    store.steps.add(bea, "Large print", FRIDAY)
    store.huddles.start(FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Ring ahead" in screen_text(app))
        await pilot.press("d")
        assert await wait_until(pilot, lambda: "What did it give?" in screen_text(app))
        await pilot.press("g")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        await _type(pilot, "1 visit")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: store.impacts.of(step_id=ring.id) is not None)
        assert store.impacts.of(step_id=ring.id) == Impact(visits_avoided=1)
        # The next step marked not done: nothing is asked.
        await pilot.press("n")
        assert await wait_until(pilot, lambda: "What did it give?" not in screen_text(app))


async def test_what_it_gave_refused_by_the_store_stays_in_the_dialog_with_the_reason(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = store.members.find("ann")
    ring = store.steps.add(ann, "Ring ahead", FRIDAY)
    store.huddles.start(FRIDAY)

    def refuse(gave: Impact, **about: str) -> None:
        raise HuddleError("the file is read-only")

    monkeypatch.setattr(store.impacts, "say", refuse)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Ring ahead" in screen_text(app))
        await pilot.press("d", "g")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        await _type(pilot, "1 visit")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AskText)
        assert app.screen.query_one(Input).value == "1 visit"
        assert "the file is read-only" in screen_text(app)
        assert not any("Noted what it gave" in n for n in notices(app))
    assert store.impacts.of(step_id=ring.id) is None


async def test_adopting_a_pdsa_cycle_asks_what_it_gave(store: Store, clock: FixedClock) -> None:
    ann = store.members.find("ann")
    step = store.steps.review(store.steps.add(ann, "Ring ahead", FRIDAY), StepStatus.DONE)
    cycle = store.pdsa.start(
        "Ring people the day before", steps=[step], goal=store.goals.find("wait")
    )
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PdsaScreen))
        await pilot.press("d")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DecideScreen))
        await pilot.press("a", "enter")
        assert await wait_until(
            pilot,
            lambda: isinstance(app.screen, AskText) and "What did it give?" in screen_text(app),
        )
        await _type(pilot, "45 min a week")
        await pilot.press("enter")
        assert await wait_until(
            pilot, lambda: "It gave: 45 minutes a week saved" in screen_text(app)
        )
        assert store.pdsa.get(cycle.id).act is Act.ADOPT


async def test_f_on_a_planned_step_says_where_its_idea_came_from(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    step = store.steps.add(ann, "Ring the daughter first", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "up")  # Ann, who has a step already
        assert await wait_until(pilot, lambda: "Ring the daughter first" in screen_text(app))
        await pilot.press("tab", "f")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PickOne))
        await pilot.press("down", "down", "enter")  # from the practitioner to a carer
        assert await wait_until(pilot, lambda: store.steps.get(step.id).source is Source.CARER)
        assert await wait_until(pilot, lambda: "from a carer or family member" in screen_text(app))


def _some_ideas(store: Store, clock: FixedClock) -> None:
    """Four ideas from four places, one of them tried, one adopted with what it gave."""
    now = clock.at
    ann, bea, sam = (store.members.find(n) for n in ("ann", "bea", "sam"))
    wait = store.goals.find("wait")
    for minutes, (who, text, source) in enumerate(
        [
            (ann, "Share one referral form with the GP surgeries", Source.PARTNER),
            (bea, "A carers' drop-in before each review, so carers can speak first", Source.CARER),
            (sam, "Send the questions with the appointment letter", Source.PERSON_SUPPORTED),
            (ann, "Ask people which time of day suits them [best]", Source.PRACTITIONER),
        ]
    ):
        clock.at = now - timedelta(minutes=10 - minutes)
        store.ideas.add(who, text, source=source, goal=wait if minutes == 2 else None)
    clock.at = now
    store.ideas.move(store.ideas.find("referral"), IdeaStatus.NOT_NOW)
    letter = store.ideas.find("letter")
    store.ideas.move(letter, IdeaStatus.ADOPTED)
    store.impacts.say(Impact(40, 1, 0), idea_id=letter.id)


def test_the_ideas_screen_looks_right_at_80x24(
    store: Store, clock: FixedClock, snap_compare
) -> None:  # type: ignore[no-untyped-def]
    _some_ideas(store, clock)
    assert snap_compare(HuddleApp(store, clock=clock), terminal_size=(80, 24), press=["i"])


def test_the_ideas_screen_looks_right_at_200x50(
    store: Store, clock: FixedClock, snap_compare
) -> None:  # type: ignore[no-untyped-def]
    _some_ideas(store, clock)
    assert snap_compare(
        HuddleApp(store, clock=clock), terminal_size=(200, 50), press=["i", "down", "down"]
    )

"""The PDSA screen, as the team lead uses it between and after huddles: change a cycle's
plan, add the steps that try it, decide with a note, and carry an adapted change on.
Monday 30 November 2026."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, SelectionList, Static

from huddle.core.calendar import FixedClock
from huddle.core.models import Step, StepStatus
from huddle.core.pdsa import Act, PdsaCycle
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.pdsa import PdsaScreen
from huddle.ui.screens.pdsa_forms import AddStepsScreen, DecideScreen

from .screen_helpers import screen_text, wait_until

FRI_27 = date(2026, 11, 27)


def _text(app: HuddleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def _two_steps(store: Store) -> tuple[Step, Step]:
    """Friday's steps for the wait: Ann rang ahead (done), Bea's taught something."""
    ann, bea = store.members.find("Ann"), store.members.find("Bea")
    wait = store.goals.find("wait")
    rang = store.steps.add(ann, "Ring ahead [am]", FRI_27, goal=wait)
    store.steps.review(rang, StepStatus.DONE)
    texted = store.steps.add(bea, "Text the time 🙂", FRI_27, goal=wait)
    store.steps.review(texted, StepStatus.PARTLY, "Texts reach more people than calls")
    return rang, texted


def _planned(store: Store, steps: tuple[Step, ...] = ()) -> PdsaCycle:
    return store.pdsa.start(
        "Ring people the day before", steps=steps, goal=store.goals.find("wait")
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
async def test_the_footer_shows_every_key_of_a_cycle(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    _planned(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("g", "p")
        wanted = ("n New", "e Plan", "a Steps", "s Study", "d Act", "k Check")

        def shown() -> str:
            return screen_text(app).splitlines()[-1]

        # The footer is drawn after the screen: wait for its keys, not for a time.
        assert await wait_until(pilot, lambda: all(key in shown() for key in wanted)), shown()


async def test_i_change_the_plan_of_a_cycle(store: Store, clock: FixedClock) -> None:
    cycle = _planned(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p")
        assert isinstance(app.screen, PdsaScreen)
        assert "Prediction: none written (e to write it)" in _text(app, "#pdsa-plan")
        await pilot.press("e")
        change = app.screen.query_one("#pdsa-change", Input)
        assert change.value == "Ring people the day before"
        change.value = "Ring or text people the day before [all visits]"
        app.screen.query_one("#pdsa-prediction", Input).value = "Fewer empty visits 🙂"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PdsaScreen)
        plan = _text(app, "#pdsa-plan")
        assert "Ring or text people the day before [all visits]" in plan
        assert "Prediction: Fewer empty visits 🙂" in plan
    saved = store.pdsa.get(cycle.id)
    assert (saved.change, saved.prediction) == (
        "Ring or text people the day before [all visits]",
        "Fewer empty visits 🙂",
    )


async def test_an_empty_change_is_refused_and_the_typing_kept(
    store: Store, clock: FixedClock
) -> None:
    cycle = _planned(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p", "e")
        app.screen.query_one("#pdsa-change", Input).value = "   "
        app.screen.query_one("#pdsa-prediction", Input).value = "kept"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#pdsa-prediction", Input).value == "kept"
    assert store.pdsa.get(cycle.id).change == "Ring people the day before"


async def test_i_add_steps_to_a_cycle_already_planned(store: Store, clock: FixedClock) -> None:
    rang, texted = _two_steps(store)
    cycle = _planned(store, (rang,))
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p", "a")
        assert isinstance(app.screen, AddStepsScreen)
        offered = app.screen.query_one("#pdsa-steps", SelectionList)
        assert offered.option_count == 1  # Ann's step is in the cycle already
        await pilot.press("enter")  # nothing picked: the dialog stays, and says so
        assert isinstance(app.screen, AddStepsScreen)
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PdsaScreen)
        do = _text(app, "#pdsa-do")
        assert "Ann Smith: Ring ahead [am]" in do and "Bea Jones: Text the time 🙂" in do
        assert "learned: Texts reach more people than calls" in _text(app, "#pdsa-study")
    assert {s.id for s in store.pdsa.get(cycle.id).steps} == {rang.id, texted.id}


async def test_i_decide_with_a_note_on_why(store: Store, clock: FixedClock) -> None:
    rang, _texted = _two_steps(store)
    cycle = _planned(store, (rang,))
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p", "d")
        assert isinstance(app.screen, DecideScreen)
        await pilot.press("b", *"Not [yet]")  # abandon... no: Esc picks again
        note = app.screen.query_one("#act-note", Input)
        assert note.value == "Not [yet]"
        await pilot.press("escape")
        assert isinstance(app.screen, DecideScreen)
        await pilot.press("a")
        assert note.has_focus and note.value == "Not [yet]"  # what was typed is kept
        note.value = "Everyone rings ahead now [all] 🙂"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AskText)  # what did it give? Esc skips it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PdsaScreen)
        act = _text(app, "#pdsa-act")
        assert "adopt, today" in act and "Why: Everyone rings ahead now [all] 🙂" in act
        await pilot.press("a")  # steps go to a cycle still being tried
        await pilot.pause()
        assert isinstance(app.screen, PdsaScreen)
    decided = store.pdsa.get(cycle.id)
    assert decided.act is Act.ADOPT
    assert decided.act_note == "Everyone rings ahead now [all] 🙂"
    assert [c.after_days for c in store.pdsa.checks(decided)] == [30, 60, 90]


async def test_esc_twice_decides_nothing(store: Store, clock: FixedClock) -> None:
    cycle = _planned(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p", "d", "d", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PdsaScreen)
    assert store.pdsa.get(cycle.id).act is None


async def test_an_adapted_change_gets_its_own_plan_and_steps(
    store: Store, clock: FixedClock
) -> None:
    rang, texted = _two_steps(store)
    first = _planned(store, (rang,))
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p", "d", "d", *"Calls go unanswered", "enter")
        await pilot.pause()
        # The cursor is on the new cycle, planned from the first.
        plan = _text(app, "#pdsa-plan")
        assert "Adapted from the cycle started today" in plan
        assert "no steps yet" in _text(app, "#pdsa-do")
        await pilot.press("e")
        app.screen.query_one("#pdsa-change", Input).value = "Text people the day before"
        app.screen.query_one("#pdsa-prediction", Input).value = "More answers than calls"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a", "space", "enter")
        await pilot.pause()
        assert "Bea Jones: Text the time 🙂" in _text(app, "#pdsa-do")
    adapted = next(c for c in store.pdsa.recent() if c.adapted_from == first.id)
    assert adapted.change == "Text people the day before"
    assert adapted.prediction == "More answers than calls"
    assert [s.id for s in adapted.steps] == [texted.id]
    assert store.pdsa.get(first.id).act_note == "Calls go unanswered"

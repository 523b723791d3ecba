"""On the TV (from 140 columns) Yesterday is a card per person: each step with its mark as a
coloured word, its goal in the goal's colour, what was learned under it, the picked step
highlighted and in view; the keys are those of the list at 80x24, which is unchanged."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.cards import CardBoard
from huddle.ui.widgets.goal_colours import ON_DARK
from huddle.ui.widgets.keylist import KeyList

from .screen_helpers import card_words, screen_text

FRIDAY = date(2026, 11, 27)
LONG = (
    "Ring every carer on the waiting list the day before the visit to check the time still "
    "works for them and that nothing has changed [TODO] since the referral came in"
)


def board(pilot: Pilot[None]) -> CardBoard:
    return pilot.app.screen.query_one("#review-board", CardBoard)


def read_cards(pilot: Pilot[None]) -> str:
    return card_words(board(pilot).text())


def friday_steps(store: Store) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    cut, _ = store.goals.all()
    store.steps.add(ann, LONG, FRIDAY, goal=cut)
    store.steps.add(bea, "Book the OT visit", FRIDAY)
    store.steps.add(bea, "Draft the new referral letter", FRIDAY)


async def test_each_person_has_a_card_and_a_mark_shows_as_its_word(
    store: Store, clock: FixedClock
) -> None:
    friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "2")
        await pilot.pause()
        assert board(pilot).display
        text = board(pilot).text()
        assert "╭─ Ann Smith ─" in text and "╭─ Bea Jones ─" in text
        # The step's words wrap inside the card, none cut; the goal on its own line.
        assert LONG in read_cards(pilot)
        assert "■ Cut the wait for a care assessment" in read_cards(pilot)
        await pilot.press("d", "n", "x")
        await pilot.pause()
        words = read_cards(pilot)
        said = {
            StepStatus.DONE: "done",
            StepStatus.CARRIED: "not done",
            StepStatus.DROPPED: "dropped",
        }
        marked = {step.text: step.status for step in store.steps.on_day(FRIDAY)}
        assert sorted(marked.values()) == sorted(said)
        for text, status in marked.items():
            assert f"{said[status]} {text}" in words


async def test_a_goal_is_drawn_in_its_own_colour_and_the_picked_step_is_highlighted(
    store: Store, clock: FixedClock
) -> None:
    friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "2", "down")
        await pilot.pause()
        drawn = board(pilot).content()
        spans = {(str(drawn)[s.start : s.end], str(s.style)) for s in drawn.spans}
        assert any("Cut the wait" in text and ON_DARK[0] in style for text, style in spans), (
            "the first goal in its colour"
        )
        picked = [text for text, style in spans if "block-cursor-background" in str(style)]
        listing = pilot.app.screen.query_one("#review-list", KeyList)
        (step,) = [s for s in store.steps.on_day(FRIDAY) if s.id == listing.highlighted_id()]
        assert step.member_name == "Bea Jones"
        assert any(step.text in text for text in picked)


async def test_the_picked_step_stays_in_view_in_a_long_list(
    store: Store, clock: FixedClock
) -> None:
    for n in range(40):
        member = store.members.add(f"Person {n:02}")
        for k in range(4):
            store.steps.add(member, f"Step {k} of person {n:02}", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "2")
        await pilot.pause()
        assert "─ Person 00 ─" in screen_text(pilot.app)
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        listing = pilot.app.screen.query_one("#review-list", KeyList)
        (step,) = [s for s in store.steps.on_day(FRIDAY) if s.id == listing.highlighted_id()]
        shown = screen_text(pilot.app)
        assert step.member_name == "Person 39" and step.text in shown
        assert "─ Person 00 ─" not in shown


async def test_at_80_columns_yesterday_is_the_list_as_before(
    store: Store, clock: FixedClock
) -> None:
    friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2", "d")
        await pilot.pause()
        assert not board(pilot).display
        shown = screen_text(pilot.app)
        assert "✓ done" in shown and "d Done" in shown
        assert store.steps.on_day(FRIDAY)[0].status is StepStatus.DONE

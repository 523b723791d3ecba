"""What the team lead types is never lost to a mistake in it: a line the app can't read
stays in its box, with the reason under it, to be put right. Today is Monday 30 November
2026, looking back on Friday."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.widgets import DataTable, Input, TabbedContent

from huddle.core.calendar import FixedClock
from huddle.core.models import Impact, Step
from huddle.core.pdsa import Act
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskAway, AskText
from huddle.ui.screens.setup import TeamSetupScreen
from huddle.ui.screens.stages.today_input import StepInput

from .screen_helpers import notices, screen_text, wait_until

FRIDAY = date(2026, 11, 27)


async def test_what_it_gave_typed_wrong_stays_in_the_box_to_put_right(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    ring = store.steps.add(ann, "Ring ahead", FRIDAY)
    store.huddles.start(FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Ring ahead" in screen_text(app))
        await pilot.press("d", "g")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        app.screen.query_one(Input).insert_text_at_cursor("1,5 hours a week")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "write 1.5 with a point" in screen_text(app))
        assert isinstance(app.screen, AskText)
        box = app.screen.query_one(Input)
        assert box.value == "1,5 hours a week"
        assert store.impacts.of(step_id=ring.id) is None
        # Put right in the box, it is saved.
        box.value = "1.5 hours a week"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: store.impacts.of(step_id=ring.id) is not None)
        assert store.impacts.of(step_id=ring.id) == Impact(minutes_a_week=90)


async def test_the_grey_hint_on_today_only_ever_finishes_the_word_typed(
    store: Store, clock: FixedClock
) -> None:
    store.members.set_aliases(store.members.find("sam"), ["Gaz"])
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: "your small step for today" in screen_text(app))
        line = app.screen.query_one(StepInput)
        # "#wa" names the goal "Cut the wait...", "@ga" Sam (called Gaz): the hint showed
        # "#wat" and "@gazam", words nobody typed or meant. Tab puts in what the hint shows.
        for typed, completed in (("Ring #wa", "Ring #wait "), ("Ring @ga", "Ring @gaz ")):
            line.value = typed
            line.cursor_position = len(typed)
            hint = await line.goal_suggester.get_suggestion(typed)
            assert hint == completed.rstrip(), hint
            await pilot.press("tab")
            assert await wait_until(pilot, lambda c=completed: line.value == c)  # type: ignore[misc]


async def test_away_dates_typed_wrong_stay_in_the_boxes_to_put_right(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, TeamSetupScreen)
        screen.query_one(TabbedContent).active = "members-tab"
        await pilot.pause()
        table = screen.query_one("#members", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=names.index("Bea Jones"))
        table.focus()
        await pilot.press("a")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskAway))
        typed = {"#first": "22/12", "#last": "31/2", "#reason": "Christmas leave"}
        for box, text in typed.items():
            app.screen.query_one(box, Input).value = text
        app.screen.query_one("#reason", Input).focus()
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "'31/2' is not a real date" in screen_text(app))
        assert isinstance(app.screen, AskAway)
        assert {box: app.screen.query_one(box, Input).value for box in typed} == typed
        app.screen.query_one("#last", Input).value = "2/1"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
    bea = store.members.find("bea")
    assert [(a.first_day, a.last_day, a.reason) for a in store.absences.of_member(bea)] == [
        (date(2026, 12, 22), date(2027, 1, 2), "Christmas leave")
    ]


def fridays_two_steps(store: Store) -> tuple[Step, Step]:
    """Ann's and Bea's steps of Friday, to look back on at Monday's huddle."""
    ann, bea = store.members.find("ann"), store.members.find("bea")
    steps = (
        store.steps.add(ann, "Ring ahead", FRIDAY),
        store.steps.add(bea, "Large print letters", FRIDAY),
    )
    store.huddles.start(FRIDAY)
    return steps


async def test_what_we_learned_straight_after_a_mark_is_for_the_step_just_marked(
    store: Store, clock: FixedClock
) -> None:
    ring, large = fridays_two_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Ring ahead" in screen_text(app))
        # Marked partly, then l: what was learned is Ann's (it went on Bea's next step,
        # where the highlight had moved).
        await pilot.press("p", "l")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert "(Ann Smith)" in screen_text(app)
        app.screen.query_one(Input).insert_text_at_cursor("Ring before ten")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: store.steps.get(ring.id).learning != "")
        assert store.steps.get(large.id).learning == ""
        # Moved on by hand, l is for the row picked.
        await pilot.press("up", "down", "l")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert "(Bea Jones)" in screen_text(app)


async def test_up_held_on_the_first_step_stays_there_and_marks_it(
    store: Store, clock: FixedClock
) -> None:
    ring, large = fridays_two_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Ring ahead" in screen_text(app))
        # Up, held, went round to the last step, and d marked Bea's instead of Ann's.
        await pilot.press("up", "d")
        assert await wait_until(pilot, lambda: store.steps.get(ring.id).status.value == "done")
        assert store.steps.get(large.id).status.value == "planned"


async def test_l_on_a_still_in_place_check_says_what_it_answers(
    store: Store, clock: FixedClock
) -> None:
    clock.at = datetime.combine(date(2026, 10, 29), time(9)).astimezone()
    cycle = store.pdsa.start("Ring people the day before")
    store.pdsa.decide(cycle, Act.ADOPT, store.calendar())
    clock.at = datetime.combine(date(2026, 11, 30), time(9)).astimezone()
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Still in place?" in screen_text(app))
        await pilot.press("end", "l")  # did nothing, and said nothing
        assert await wait_until(pilot, lambda: any("still in place?" in n for n in notices(app)))

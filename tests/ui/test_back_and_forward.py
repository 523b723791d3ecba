"""Going back a stage and forward again keeps each stage's place and what was typed there:
the lead who steps back to Who's here to mark a late-comer finds the list where it was."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.measures import Better
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.who import PresenceList, PresenceTiles
from huddle.ui.screens.stages.yesterday import ReviewList

FRIDAY = date(2026, 11, 27)


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def test_back_to_whos_here_the_list_is_where_it_was_left(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "down", "down")
        picked = app.screen.query_one(PresenceList).highlighted_id()
        assert picked == store.members.find("pat").id
        await pilot.press("pagedown", "pagedown", "pageup", "pageup")
        assert "Who's here" in await shown(pilot)
        assert app.screen.query_one(PresenceList).highlighted_id() == picked
        await pilot.press("space")  # the key acts on the person left picked
        assert "Who's here: 3 of 4" in await shown(pilot)
    assert not store.huddles.attendance(date(2026, 11, 30)).get(picked, True)


async def test_back_to_whos_here_on_the_tv_the_tile_is_where_it_was_left(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "right", "right")
        picked = app.screen.query_one(PresenceTiles).picked_id()
        assert picked is not None
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert app.screen.query_one(PresenceTiles).picked_id() == picked


async def test_back_to_yesterday_the_step_picked_is_where_it_was_left(
    store: Store, clock: FixedClock
) -> None:
    for name in ("ann", "bea", "sam"):
        store.steps.add(store.members.find(name), f"Friday step of {name}", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2", "down", "down")
        listing = app.screen.query_one(ReviewList)
        picked = listing.highlighted_id()
        assert picked is not None
        await pilot.press("3", "3", "pageup")  # (3 again: on, with steps not marked)
        await pilot.pause()
        assert app.screen.query_one(ReviewList).highlighted_id() == picked


async def test_a_measure_half_typed_at_wrap_up_is_there_after_going_back_and_on(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("")
    wait = store.goals.find("wait")
    weeks = store.measures.add(wait, "Weeks to first visit", unit="weeks", better=Better.LOWER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5", "enter", *"8.")
        assert "1 of 1: Weeks to first visit" in await shown(pilot)
        await pilot.press("pageup", "pagedown")
        await pilot.pause()
        field = app.screen.query_one("#measure-value", Input)
        assert field.value == "8."
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert [p.value for p in store.measures.points(weeks)] == [8.5]


async def test_a_pulse_half_rated_at_wrap_up_goes_on_after_going_back_and_on(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5", "enter", "4", "4")
        assert "Ann Smith is rating... (3 of 5)" in await shown(pilot)
        await pilot.press("pageup", "pagedown")
        assert "Ann Smith is rating... (3 of 5)" in await shown(pilot)
        await pilot.press("3")  # the key goes to the card, not to the stages
        assert "Ann Smith is rating... (4 of 5)" in await shown(pilot)

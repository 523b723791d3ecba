"""Safety rails: going on from Yesterday with steps not marked, from Today with people here
who have no step, or ending the huddle with either, first says in one line what is left;
the same key again goes on, any other key sets it aside."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.models import Stage
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages import today
from tests.ui.screen_helpers import screen_text, wait_until

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


def huddle_screen(app: HuddleApp) -> HuddleScreen:
    screen = app.screen
    assert isinstance(screen, HuddleScreen), screen
    return screen


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def three_friday_steps(store: Store) -> None:
    for name in ("ann", "bea", "sam"):
        store.steps.add(store.members.find(name), f"Friday step of {name}", FRIDAY)


async def test_leaving_yesterday_with_steps_not_marked_asks_for_enter_again(
    store: Store, clock: FixedClock
) -> None:
    three_friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter")
        screen = huddle_screen(app)
        assert screen.stage is Stage.YESTERDAY
        await pilot.press("enter")
        assert screen.stage is Stage.YESTERDAY
        assert "3 not marked: Enter again to go on" in await shown(pilot)
        await pilot.press("enter")
        assert screen.stage is Stage.TODAY
        assert "not marked" not in await shown(pilot)


async def test_any_other_key_sets_the_warning_aside(store: Store, clock: FixedClock) -> None:
    three_friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter", "enter")
        screen = huddle_screen(app)
        assert "3 not marked" in await shown(pilot)
        await pilot.press("d")
        assert "not marked:" not in await shown(pilot)
        await pilot.press("enter")
        assert screen.stage is Stage.YESTERDAY
        assert "2 not marked: Enter again to go on" in await shown(pilot)
        await pilot.press("pagedown")  # another key: it asks again, for that key
        assert screen.stage is Stage.YESTERDAY
        assert "2 not marked: PgDn again to go on" in await shown(pilot)
        await pilot.press("pagedown")
        assert screen.stage is Stage.TODAY


async def test_leaving_today_with_people_without_a_step_asks_first(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = huddle_screen(app)
        assert screen.stage is Stage.TODAY
        await pilot.press("enter")  # an empty line goes on, but not past what is left
        assert screen.stage is Stage.TODAY
        assert "4 people without a step: Enter again to go on" in await shown(pilot)
        await pilot.press("enter")
        assert screen.stage is Stage.BLOCKERS


async def test_going_on_with_a_line_typed_and_not_saved_names_it_first(
    store: Store, clock: FixedClock
) -> None:
    for member in store.members.all():
        store.steps.add(member, f"First step of {member.name}", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", *"A second step half", "down")  # the turn moves on
        screen = huddle_screen(app)
        await pilot.press("pagedown")
        assert screen.stage is Stage.TODAY
        assert "Ann Smith's line is not saved: PgDn again to go on" in await shown(pilot)
        await pilot.press("up", "enter")  # back to Ann: her line is there, and saved
        await pilot.press("pagedown")
        assert screen.stage is Stage.BLOCKERS
    ann = store.members.find("ann")
    anns = [s.text for s in store.steps.on_day(MONDAY) if s.member_id == ann.id]
    assert "A second step half" in anns


async def test_going_on_straight_after_typing_names_the_line_typed(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The draft is not in the file yet (saved a moment after the last key): it still counts.
    monkeypatch.setattr(today, "DRAFT_SAVE_SECONDS", 3600)
    for member in store.members.all():
        store.steps.add(member, f"First step of {member.name}", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", *"A second step half", "pagedown")
        assert huddle_screen(app).stage is Stage.TODAY
        assert "Ann Smith's line is not saved: PgDn again to go on" in await shown(pilot)


async def test_ending_at_wrap_up_with_anything_left_asks_first(
    store: Store, clock: FixedClock
) -> None:
    three_friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "5")
        screen = huddle_screen(app)
        assert screen.stage is Stage.WRAP_UP
        await pilot.press("enter")
        assert not store.huddles.has_ended(MONDAY)
        assert (
            "3 not marked, 4 people without a step: Enter again to end the huddle"
            in await shown(pilot)
        )
        await pilot.press("enter")
        assert store.huddles.has_ended(MONDAY)


async def test_q_during_a_huddle_asks_first_and_keeps_it_either_way(
    store: Store, clock: FixedClock
) -> None:
    three_friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        # (a letter straight after d is what the step gave: a move first, then q)
        await pilot.press("h", "enter", "d", "down")
        await pilot.press("q")
        text = " ".join((await shown(pilot)).split())
        assert "Leave the huddle? It is kept as it is; h goes on from" in text
        await pilot.press("n")
        screen = huddle_screen(app)
        assert screen.stage is Stage.YESTERDAY and not app._exit
        await pilot.press("ctrl+q")
        assert "Leave the huddle?" in await shown(pilot)
        await pilot.press("escape")
        assert huddle_screen(app).stage is Stage.YESTERDAY and not app._exit
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert app._exit
    huddle = store.huddles.get(MONDAY)
    assert huddle is not None and huddle.ended_at is None
    assert huddle.stage is Stage.YESTERDAY
    assert sum(s.status.reviewed for s in store.steps.on_day(FRIDAY)) == 1


async def test_q_over_a_running_huddle_on_any_screen_asks_first(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5", "d")  # the digest, over the huddle
        assert "Huddle" not in type(app.screen).__name__
        await pilot.press("q")
        assert "Leave the huddle?" in await shown(pilot)
        await pilot.press("n")
        assert not app._exit


async def test_q_with_no_huddle_running_quits_at_once(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_home_says_at_which_stage_the_huddle_was_left(
    store: Store, clock: FixedClock
) -> None:
    three_friday_steps(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "enter", "escape")
        assert "in progress: at Yesterday" in await shown(pilot)


async def test_quit_from_the_command_palette_asks_too(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        quit_command = next(c for c in app.get_system_commands(app.screen) if c.title == "Quit")
        result = quit_command.callback()
        if result is not None:
            await result
        assert "Leave the huddle?" in await shown(pilot)
        assert not app._exit


async def test_coming_back_to_a_stage_left_shows_what_was_done_there(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        before = await shown(pilot)
        assert "Who's here: 4 of 4" in before, before
        await pilot.press("space")  # the first in the list is not here today
        assert "Who's here: 3 of 4" in await shown(pilot)
        await pilot.press("pagedown")
        assert huddle_screen(app).stage is Stage.YESTERDAY
        await pilot.press("pageup")
        assert huddle_screen(app).stage is Stage.WHO
        assert "Who's here: 3 of 4" in await shown(pilot)
        await pilot.press("space")  # the list has the keys again: back here
        assert "Who's here: 4 of 4" in await shown(pilot)


async def test_enter_twice_after_raising_a_blocker_does_not_skip_deciding_it(
    store: Store, clock: FixedClock
) -> None:
    """A tired lead presses Enter twice to save a new blocker: the second Enter must not
    carry the huddle past Blockers (and a third end it) with the blocker nobody's."""
    for person in store.members.all():  # (everyone has a step: only the blocker is left)
        store.steps.add(person, f"Step of {person.name}", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4")
        screen = huddle_screen(app)
        assert screen.stage is Stage.BLOCKERS
        await pilot.press("b", "home", "enter", *"The review form locks the NHS number")
        await pilot.press("enter", "enter")
        assert store.blockers.raised_between(MONDAY, MONDAY)
        assert screen.stage is Stage.BLOCKERS
        assert "1 new blocker not owned or sent up: Enter again to go on" in await shown(pilot)
        await pilot.press("enter")
        assert screen.stage is Stage.WRAP_UP
        await pilot.press("enter")
        assert not store.huddles.has_ended(MONDAY)
        assert "1 new blocker not owned or sent up: Enter again to end" in await shown(pilot)
        await pilot.press("enter")
        assert store.huddles.has_ended(MONDAY)


async def test_wrap_up_time_keeps_up_with_the_running_timebox(
    store: Store, clock: FixedClock
) -> None:
    """Read out at the end: the Time row must not say 'to spare' while the top says 'over'."""
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "5")
        assert huddle_screen(app).stage is Stage.WRAP_UP
        assert "to spare)" in await shown(pilot)
        clock.at += timedelta(minutes=20)
        assert await wait_until(pilot, lambda: "over)" in screen_text(app))
        assert "to spare)" not in screen_text(app)

"""Keys typed in one burst (a fast typist, tmux, a slow moment) are taken in the order
typed: a letter right after the key that opens a dialog lands in the dialog, and a key
right after the Enter that closes one acts on the screen under it."""

from __future__ import annotations

from textual import events

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from tests.ui.screen_helpers import FRIDAY, add_history, wait_until

KEY_NAMES = {" ": "space", "\r": "enter", "↓": "down"}


def burst(app: HuddleApp, typed: str) -> None:
    """Keys as a terminal hands them over in one read: all queued before any is handled."""
    for char in typed:
        app.post_message(events.Key(KEY_NAMES.get(char, char), None if char in "\r↓" else char))


async def test_a_blocker_typed_straight_after_picking_who_raises_it_is_saved_whole(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "b")
        burst(app, "↓\rNo car on Tuesdays\r")
        assert await wait_until(pilot, lambda: len(store.blockers.open()) == 1)
    assert [(b.raised_by_name, b.text) for b in store.blockers.open()] == [
        ("Bea Jones", "No car on Tuesdays")
    ]


async def test_what_we_learned_typed_in_one_go_then_the_next_mark(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        burst(app, "lAsk the carer first\rd")
        assert await wait_until(
            pilot, lambda: StepStatus.DONE in {s.status for s in store.steps.on_day(FRIDAY)}
        )
    assert [(s.member_name, s.status, s.learning) for s in store.steps.on_day(FRIDAY)] == [
        ("Ann Smith", StepStatus.DONE, "Ask the carer first"),
        ("Bea Jones", StepStatus.PLANNED, ""),
    ]

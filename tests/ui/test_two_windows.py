"""Two leads on one huddle: two windows (here the app and a second store) on one file.
Neither loses what the other typed, and each shows the other's marks within a poll."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import FixedClock
from huddle.core.flow import mark_step
from huddle.core.models import Stage, StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages.today import StepInput
from tests.ui.screen_helpers import screen_text, wait_until

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


async def test_saving_a_step_keeps_the_draft_the_other_window_typed(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    other = Store.open(store.db.path, clock=clock)
    ann = store.members.find("ann")
    app = HuddleApp(store, clock=clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h", "3")
            screen = app.screen
            assert isinstance(screen, HuddleScreen)
            assert screen.stage is Stage.TODAY
            screen.query_one(StepInput).insert_text_at_cursor("Ring the carer")
            await pilot.pause()
            # Meanwhile the other window types its own line on Ann's turn (kept as a draft).
            other.drafts.save(MONDAY, {ann.id: "Book the interpreter, typed elsewhere"})
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: bool(store.steps.on_day(MONDAY)))
            await pilot.pause()
        assert [s.text for s in store.steps.on_day(MONDAY)] == ["Ring the carer"]
        assert other.drafts.on(MONDAY) == {ann.id: "Book the interpreter, typed elsewhere"}
    finally:
        other.close()


async def test_a_mark_made_in_the_other_window_is_shown_here(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    ann = store.members.find("ann")
    step = store.steps.add(ann, "Prepare the visit questions", FRIDAY)
    other = Store.open(store.db.path, clock=clock)
    app = HuddleApp(store, clock=clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h", "2")
            screen = app.screen
            assert isinstance(screen, HuddleScreen)
            assert screen.stage is Stage.YESTERDAY
            await pilot.press("d")
            assert await wait_until(pilot, lambda: "✓ done" in screen_text(app))
            # The other window marks the same step over this one's mark.
            mark_step(other, other.steps.get(step.id), StepStatus.DROPPED, MONDAY)
            assert await wait_until(pilot, lambda: "✗ dropped" in screen_text(app))
            assert "✓ done" not in screen_text(app)
    finally:
        other.close()

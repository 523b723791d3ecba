"""The shared screen left open overnight (the TV on the wall): when the day turns, what it
shows turns with it, though nobody touches it and nothing is saved."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import screen_text, wait_until


async def test_the_shared_screen_left_open_over_midnight_shows_the_new_day(
    store: Store, clock: FixedClock
) -> None:
    clock.at = clock.at.replace(hour=23, minute=59, second=50)
    ann = store.members.find("ann")
    store.steps.add(ann, "Ring the carer before the review", store.today())
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "Monday 30 November 2026" in screen_text(app))
        assert "Ring the carer before the review" in screen_text(app)
        clock.advance(seconds=20)  # midnight passes
        assert await wait_until(pilot, lambda: "Tuesday 1 December 2026" in screen_text(app))
        assert "Ring the carer before the review" not in screen_text(app)

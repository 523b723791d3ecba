"""The cycle collector is calmed once the app has drawn its first screen (start-up's objects
set aside, the young collected less often) and put back as it was when the app ends: tests
run many apps in one process, and what an app left must be collectable after it."""

from __future__ import annotations

import gc

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.collector import YOUNG_THRESHOLD

from .screen_helpers import screen_text, wait_until


async def test_calmed_while_the_app_runs_and_as_it_was_after(
    store: Store, clock: FixedClock
) -> None:
    before = gc.get_threshold()
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "Open blockers" in screen_text(app))
        assert await wait_until(pilot, lambda: gc.get_threshold()[0] == YOUNG_THRESHOLD)
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0

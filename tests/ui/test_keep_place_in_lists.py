"""A row that leaves a list (a blocker resolved, a step dropped) leaves the highlight where
it was, on the row that took its place, not back at the top of the list."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.blockers import BlockerList
from tests.ui.screen_helpers import wait_until


async def test_after_a_blocker_is_resolved_the_highlight_is_on_the_next_one(
    store: Store, clock: FixedClock
) -> None:
    bea = store.members.find("bea")
    for text in ("No car on Tuesdays", "The form asks twice", "No laptop for visits"):
        store.blockers.raise_blocker(bea, text)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "down", "r")
        await pilot.press(*"Fixed", "enter")
        assert await wait_until(pilot, lambda: len(store.blockers.open()) == 2)
        listing = app.screen.query_one(BlockerList)
        picked = store.blockers.get(listing.highlighted_id() or "")
        assert picked.text == "No laptop for visits"

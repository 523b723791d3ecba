"""Each stage of the huddle knows whether it is on the TV (the presentation layout), and lays
itself out again when the window changes size."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.models import Stage
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.shared_screen import WIDE_COLUMNS
from tests.ui.screen_helpers import wait_until


async def test_a_stage_takes_the_tv_layout_when_the_window_grows_and_leaves_it_when_it_shrinks(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        stage = screen.view(Stage.BLOCKERS)
        assert await wait_until(pilot, lambda: stage.display)
        assert not stage.wide and not stage.has_class("-wide")
        await pilot.resize_terminal(WIDE_COLUMNS, 40)
        assert await wait_until(pilot, lambda: stage.has_class("-wide"))
        assert stage.wide
        await pilot.press("3")  # a stage shown later is laid out for the TV too
        today = screen.view(Stage.TODAY)
        assert await wait_until(pilot, lambda: today.has_class("-wide"))
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: not today.has_class("-wide"))
        assert not stage.has_class("-wide") or not stage.display

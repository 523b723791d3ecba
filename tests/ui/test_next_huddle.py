"""The home screen says when the next huddle is, in the words `huddle team` uses."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.models import Stage
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import screen_text


async def test_home_says_todays_huddle_has_not_started_then_where_it_is(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)):
        assert "Next huddle: today, not started" in screen_text(app)
    today = store.today()
    store.huddles.start(today, store.members.find("ann"))
    store.huddles.set_stage(today, Stage.YESTERDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)):
        assert "Next huddle: today, in progress: at Yesterday" in screen_text(app)

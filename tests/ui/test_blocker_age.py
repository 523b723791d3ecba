"""A blocker's age is said in huddle days everywhere it is shown: the home list, the
Blockers stage, the board and `huddle blockers` agree (weekends do not make it older)."""

from __future__ import annotations

from huddle.cli.blockers import age_cell, blocker_as_json
from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import screen_text, wait_until


def raised_last_friday(store: Store, clock: FixedClock) -> None:
    """Raised on Friday; today is Wednesday: 5 days, but 3 huddle days (Mon, Tue, Wed)."""
    clock.advance(days=-5)
    store.blockers.raise_blocker(store.members.find("bea"), "The form asks twice")
    clock.advance(days=5)


async def test_home_and_the_blockers_stage_say_a_blockers_age_in_huddle_days(
    store: Store, clock: FixedClock
) -> None:
    raised_last_friday(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "The form asks twice" in screen_text(app))
        home = screen_text(app)
        assert "Huddle days" in home
        assert "5d" not in home
        await pilot.press("h", "4")
        assert await wait_until(pilot, lambda: "3 huddle days" in screen_text(app))
        assert "5d" not in screen_text(app)


def test_huddle_blockers_says_the_same_age(store: Store, clock: FixedClock) -> None:
    raised_last_friday(store, clock)
    (blocker,) = store.blockers.open()
    said = blocker_as_json(store, blocker)
    assert said["age_huddle_days"] == 3
    assert age_cell(said) == "3 huddle days"

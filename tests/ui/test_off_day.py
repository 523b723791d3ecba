"""`h` on a day that is not a huddle day (a Saturday, a holiday) asks first, instead of
quietly starting a huddle nobody meant to hold."""

from __future__ import annotations

from datetime import date, datetime

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.home import HomeScreen
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.widgets.confirm import Confirm

SATURDAY = date(2026, 11, 28)
CHRISTMAS = date(2026, 12, 25)


async def read_out(pilot: Pilot[None]) -> str:
    """The screen's words in reading order, without the dialog's frame or line breaks."""
    await pilot.pause()
    text = "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())
    return " ".join(text.replace("│", " ").split())


def on(day: date) -> FixedClock:
    return FixedClock(datetime(day.year, day.month, day.day, 9, 0).astimezone())


async def test_h_on_a_saturday_asks_before_holding_a_huddle(store: Store) -> None:
    app = HuddleApp(store, clock=on(SATURDAY))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, Confirm)
        screen = await read_out(pilot)
        assert (
            "Saturday 28 November is not a huddle day (the next is Monday 30 November)."
            " Hold a huddle today anyway?"
        ) in screen
        assert "y/Enter hold it" in screen and "n/Esc not today" in screen

        await pilot.press("n")
        assert isinstance(app.screen, HomeScreen)
        assert store.huddles.get(SATURDAY) is None

        await pilot.press("h", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert store.huddles.get(SATURDAY) is None

        await pilot.press("h", "y")
        assert isinstance(app.screen, HuddleScreen)
        assert store.huddles.get(SATURDAY) is not None

        # Held anyway: going home and back resumes it without asking again.
        await pilot.press("escape", "h")
        assert isinstance(app.screen, HuddleScreen)


async def test_enter_says_yes_and_a_holiday_is_named(store: Store) -> None:
    store.team.add_holiday(CHRISTMAS, "Christmas Day")
    app = HuddleApp(store, clock=on(CHRISTMAS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        screen = await read_out(pilot)
        assert (
            "Friday 25 December is a holiday (Christmas Day), not a huddle day"
            " (the next is Monday 28 December). Hold a huddle today anyway?"
        ) in screen
        await pilot.press("enter")
        assert isinstance(app.screen, HuddleScreen)
        assert app.screen.day == CHRISTMAS


async def test_h_on_a_huddle_day_starts_at_once(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HuddleScreen)

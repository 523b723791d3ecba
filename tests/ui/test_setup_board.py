"""Team set-up, Board and speakers: the team chooses who speaks first at Today, how long the
board shows each panel, and which measures it tracks daily. Monday 30 November 2026."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TabbedContent

from huddle.core import flow
from huddle.core.calendar import FixedClock
from huddle.core.models import SpeakerOrder
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.setup import TeamSetupScreen

from .screen_helpers import notices, screen_text, wait_until

MONDAY = date(2026, 11, 30)


async def open_board_tab(pilot: object) -> TeamSetupScreen:
    await pilot.press("f2")  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, TeamSetupScreen)
    screen.query_one(TabbedContent).active = "board-tab"
    await pilot.pause()  # type: ignore[attr-defined]
    return screen


async def test_speaker_order_and_the_boards_pace_are_saved(store: Store, clock: FixedClock) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=(100, 30)) as pilot:
        screen = await open_board_tab(pilot)
        await pilot.click("#order-rotating")
        seconds = screen.query_one("#board-seconds", Input)
        assert seconds.value == "20"
        seconds.focus()
        await pilot.press("end", "shift+home", *"45", "enter")
        assert await wait_until(
            pilot, lambda: "The board shows each panel for 45 seconds" in notices(pilot.app)
        )
        seconds.focus()
        await pilot.press("end", "shift+home", "2", "enter")
        assert await wait_until(pilot, lambda: any("5 to 600" in n for n in notices(pilot.app)))
    team = store.team.get()
    assert team.speaker_order is SpeakerOrder.ROTATING
    assert team.board_seconds == 45


async def test_a_measure_is_tracked_and_stopped(store: Store, clock: FixedClock) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=(100, 30)) as pilot:
        screen = await open_board_tab(pilot)
        assert "none yet" in screen_text(pilot.app)
        screen.query_one("#measure", Input).focus()
        await pilot.press(*"Missed visits [home]", "enter")
        assert await wait_until(pilot, lambda: "Missed visits [home]" in screen_text(pilot.app))
        screen.query_one("#measure", Input).focus()
        await pilot.press(*"Urgent referrals", "enter")
        assert await wait_until(
            pilot, lambda: "Missed visits [home], Urgent referrals" in screen_text(pilot.app)
        )
        screen.query_one("#measure", Input).focus()
        await pilot.press(*"missed")
        await pilot.click("#stop-tracking")
        assert await wait_until(
            pilot, lambda: "Missed visits [home], Urgent" not in screen_text(pilot.app)
        )
    assert [m.name for m in store.day_status.measures()] == ["Urgent referrals"]


async def test_today_calls_people_in_the_teams_speaker_order(
    store: Store, clock: FixedClock
) -> None:
    """Ann, Bea, Pat and Sam; two huddles held before: rotating starts two further on."""
    store.team.update(speaker_order=SpeakerOrder.ROTATING)
    for day in (date(2026, 11, 26), date(2026, 11, 27)):
        flow.start(store, day)
    async with HuddleApp(store, clock=clock).run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: "Pat Reid" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "Pat Reid - your small step for today" in text
        assert "Person 1 of 4." in text
        assert "· Pat Reid   · Sam Okafor   · Ann Smith   · Bea Jones" in text

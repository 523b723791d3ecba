"""The home screen on the TV: a few large numbers a team reads from across the room, and the
coming huddle's steps beside the open blockers. At 80x24 it stays one column, no numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from huddle.core.at_a_glance import at_a_glance
from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.block_font import BlockDigits

from .screen_helpers import add_history, screen_text

SnapCompare = Callable[..., bool]


def numbers(app: HuddleApp) -> dict[str, str]:
    return {d.id or "": d.value for d in app.screen.query(BlockDigits)}


async def test_the_tv_shows_the_teams_numbers_large(store: Store, clock: FixedClock) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert numbers(app) == {
            "number-steps": "2",  # Thursday's two steps, done
            "number-streak": "2",  # Thursday and Friday held; today's not yet
            "number-blockers": "1",
            "number-overdue": "0",
        }
        text = screen_text(app)
        assert "small steps taken" in text and "answers overdue" in text
        steps = app.screen.query_one("#steps")
        blockers = app.screen.query_one("#blockers")
        assert blockers.region.x > steps.region.right - 1  # side by side
        assert blockers.region.y == steps.region.y


async def test_a_window_made_wide_shows_the_numbers_as_they_are_now(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        # A blocker raised while the window is narrow, where the numbers are not shown.
        members = store.members.all()
        store.blockers.raise_blocker(members[0], "No laptop for visits")
        app.screen.reload()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.screen.query_one("#home-numbers").display
        assert numbers(app)["number-blockers"] == "2"
        assert "open blockers" in screen_text(app)


async def test_at_80_columns_the_home_screen_stays_one_column(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#home-numbers").display
        assert "small steps taken" not in screen_text(app)
        steps = app.screen.query_one("#steps")
        blockers = app.screen.query_one("#blockers")
        assert blockers.region.y > steps.region.y
        assert blockers.region.right <= 80 and steps.region.right <= 80


def test_an_answer_waiting_past_the_limit_counts_as_overdue(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    assert at_a_glance(store).answers_overdue == 0
    clock.at += timedelta(days=14)
    glance = at_a_glance(store)
    assert glance.answers_overdue == 1
    assert glance.open_blockers == 1


def test_home_on_the_tv(snap_compare: SnapCompare, store: Store, clock: FixedClock) -> None:
    add_history(store, clock)
    assert snap_compare(HuddleApp(store, clock=clock), terminal_size=(200, 50))

"""The Goals and Trends screens read whole on a small terminal (80x24) and on a TV (200x50):
nothing cut off at the right, no scrolling to see a trend. Monday 30 November 2026."""

from __future__ import annotations

from datetime import date

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.core.trends import METRICS
from huddle.ui.app import HuddleApp
from huddle.ui.screens.goals import GoalsScreen
from huddle.ui.screens.trends import SECTIONS, TrendsScreen

LONG = "Every person assessed gets a plan they helped write, in words they use [all]"


def _shown(app: HuddleApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def _some_history(store: Store) -> None:
    ann = store.members.find("Ann")
    wait = store.goals.find("wait")
    for day in (date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 27)):
        store.steps.review(store.steps.add(ann, "Ring ahead", day, goal=wait), StepStatus.DONE)
    store.goals.add(LONG, target_date=date(2027, 12, 31))


@pytest.mark.parametrize(
    ("size", "weeks"),
    [((80, 24), "8 weeks"), ((100, 30), "Last 12 weeks"), ((200, 50), "Last 12 weeks")],
)
async def test_the_goals_table_fits_the_screen(
    store: Store, clock: FixedClock, size: tuple[int, int], weeks: str
) -> None:
    _some_history(store)
    app = HuddleApp(store, clock=clock, first_screen=GoalsScreen)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#goals", DataTable)
        assert table.max_scroll_x == 0  # nothing hidden off to the right
        lines = _shown(app)
        header = lines[1]
        for heading in ("Goal", "Target", "Steps", "Done", weeks):
            assert heading in header
        wait = next(line for line in lines if "Cut the wait for a care assessment" in line)
        assert wait.split()[-4:-1] == ["-", "3", "100%"]  # target, steps, done; then bars
        long_row = next(line for line in lines if "Every person assessed" in line)
        assert "31 Dec 2027" in long_row
        if size[0] < 100:
            assert "…" in long_row  # the long title is cut, the numbers are not


async def test_the_goals_table_changes_its_weeks_when_the_terminal_is_resized(
    store: Store, clock: FixedClock
) -> None:
    _some_history(store)
    app = HuddleApp(store, clock=clock, first_screen=GoalsScreen)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("down")  # the cursor stays on its goal through the resize
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        table = app.screen.query_one("#goals", DataTable)
        assert "8 weeks" in _shown(app)[1] and table.max_scroll_x == 0
        assert table.cursor_row == 1


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
async def test_every_trend_is_seen_without_scrolling(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    _some_history(store)
    app = HuddleApp(store, clock=clock, first_screen=TrendsScreen)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#trends-rows", VerticalScroll)
        assert rows.max_scroll_y == 0
        text = "\n".join(_shown(app))
        for metric in METRICS:
            assert metric.label in text
        assert "Median calendar days to an answer" in text
        titles = [title for title, _keys in SECTIONS]
        if size[1] >= 30:
            assert all(title in text for title in titles)
        assert "now · before" in text

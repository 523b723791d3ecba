"""What the screens of issue 7 look like, at a fixed size and a fixed Monday morning.
Update after a deliberate change with `pytest --snapshot-update`, and look at the report."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import add_history

SnapCompare = Callable[..., bool]


@pytest.fixture
def app(store: Store, clock: FixedClock) -> HuddleApp:
    add_history(store, clock)
    return HuddleApp(store, clock=clock)


def show_tab(tab: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        pilot.app.screen.query_one(TabbedContent).active = tab
        await pilot.pause()

    return run_before


def test_history_a_day(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(120, 36), press=["p"])


def test_history_a_day_at_80_by_24(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), press=["p"])


def test_history_in_the_presentation_layout(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(200, 50), press=["p"])


def test_history_search(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(120, 36), press=["p", "slash", *"visit", "enter"])


def test_help_for_the_history_screen(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(100, 40), press=["p", "question_mark"])


def test_curtain(snap_compare: SnapCompare, app: HuddleApp) -> None:
    assert snap_compare(app, terminal_size=(120, 36), press=["p", "ctrl+k"])


def test_high_contrast_theme(snap_compare: SnapCompare, app: HuddleApp) -> None:
    app.theme = "huddle-high-contrast"
    assert snap_compare(app, terminal_size=(120, 36), press=["p"])


@pytest.mark.parametrize("tab", ["members-tab", "days-tab", "timebox-tab", "team-tab", "board-tab"])
def test_team_set_up(snap_compare: SnapCompare, app: HuddleApp, tab: str) -> None:
    assert snap_compare(app, terminal_size=(100, 30), run_before=show_tab(tab))


def test_first_run(snap_compare: SnapCompare, tmp_path: Path, clock: FixedClock) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    try:
        assert snap_compare(HuddleApp(store, clock=clock), terminal_size=(80, 24))
    finally:
        store.close()

"""The service view (`huddle rollup FILE...`): every team side by side, and a drill-down into
one team's own screens, read-only."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.demo import create_demo_file
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.service import ServiceApp
from tests.conftest import clock_at
from tests.ui.screen_helpers import screen_text, wait_until

WEDNESDAY = date(2026, 3, 11)

SnapCompare = Any


@pytest.fixture(scope="module")
def two_teams(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("service-ui")
    paths = []
    for offset, name in enumerate(["North", "South Hospital Team"]):
        path = folder / f"{offset}.db"
        create_demo_file(path, date(2026, 3, 10 + offset))
        store = Store.open(path, clock=clock_at(WEDNESDAY))
        store.team.update(name=name)
        store.close()
        paths.append(path)
    return paths


def _clock() -> FixedClock:
    return clock_at(WEDNESDAY)


async def test_every_team_is_a_row_and_enter_opens_the_one_picked(two_teams: list[Path]) -> None:
    app = ServiceApp([*two_teams, two_teams[0].with_name("gone.db")], _clock())
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(
            pilot,
            lambda: (
                "this week so far, read-only" in screen_text(app)
                and "Open team (read-only)" in screen_text(app)
            ),
        )
        text = screen_text(app)
        assert "North" in text and "South Hospital Team" in text
        assert "2 teams, this week so far, read-only" in text
        assert "Steps: this week so far (from 9 March 2026)." in text
        assert "Not read: no database at" in text and "gone.db" in text
        assert "Coming back across teams" in text
        await pilot.press("w")
        assert await wait_until(pilot, lambda: "Steps: last week (from 2 March" in screen_text(app))
        assert await wait_until(pilot, lambda: "2 teams, last week, read-only" in screen_text(app))
        await pilot.press("down", "enter")
    assert app.return_value == two_teams[1]


async def test_enter_on_the_total_opens_nothing(two_teams: list[Path]) -> None:
    app = ServiceApp(two_teams, _clock())
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "All 2 teams" in screen_text(app))
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
    assert app.return_value is None


async def test_a_team_opened_from_the_service_view_is_read_only(two_teams: list[Path]) -> None:
    store = Store.open_for_reading(two_teams[0], clock=_clock())
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert await wait_until(pilot, lambda: "read-only" in screen_text(app))
            assert "North" in screen_text(app)
    finally:
        store.close()
    assert sorted(p.name for p in two_teams[0].parent.iterdir()) == ["0.db", "1.db"]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_the_service_view_snapshot(
    snap_compare: SnapCompare, two_teams: list[Path], size: tuple[int, int]
) -> None:
    async def read(pilot: Any) -> None:
        await wait_until(
            pilot,
            lambda: "All 2 teams" in screen_text(pilot.app) and "q Quit" in screen_text(pilot.app),
        )

    assert snap_compare(ServiceApp(two_teams, _clock()), terminal_size=size, run_before=read)


async def test_a_team_at_an_older_schema_opens_from_the_service_view(tmp_path: Path) -> None:
    older = tmp_path / "older.db"
    older.write_bytes((Path(__file__).parents[1] / "fixtures" / "schema-10.db").read_bytes())
    before = older.read_bytes()
    app = ServiceApp([older], _clock())
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "The 1 team" in screen_text(app))
        assert "Northside" in screen_text(app)
        assert "Not read" not in screen_text(app)
        await pilot.press("enter")
    assert app.return_value == older
    store = Store.open_for_reading(older, clock=_clock())
    team = HuddleApp(store)
    try:
        async with team.run_test(size=(120, 36)) as pilot:
            assert await wait_until(pilot, lambda: "read-only" in screen_text(team))
            assert "Northside Assessment Team" in screen_text(team)
            await pilot.press("m")
            assert await wait_until(pilot, lambda: "Management" in screen_text(team))
    finally:
        store.close()
    assert older.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["older.db"]

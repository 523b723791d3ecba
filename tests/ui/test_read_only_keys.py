"""A team's file that can't take changes (the service view's drill-down, or a file the app
can't write to): every key that would change it says so at once, in one line, before any
dialog opens, so nothing typed is lost. Nothing is written to the file."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from huddle.core.demo import create_demo_file
from huddle.core.store import Store, file_check
from huddle.ui.app import HuddleApp
from tests.conftest import clock_at
from tests.ui.screen_helpers import notices, screen_text, wait_until

WEDNESDAY = date(2026, 3, 11)
REFUSED = "read-only here"

WRITE_KEYS = [
    # (keys that open the screen, its name, a key that would change the file)
    ("m", "ManageScreen", "a"),
    ("m", "ManageScreen", "r"),
    ("m", "ManageScreen", "e"),
    ("", "HomeScreen", "a"),
    ("g", "GoalsScreen", "a"),
    ("g", "GoalsScreen", "e"),
    ("g", "GoalsScreen", "x"),
    ("g", "GoalsScreen", "r"),
    ("g", "GoalsScreen", "n"),
    ("gm", "MeasuresScreen", "r"),
    ("gm", "MeasuresScreen", "n"),
    ("gp", "PdsaScreen", "n"),
    ("gp", "PdsaScreen", "e"),
    ("gp", "PdsaScreen", "s"),
    ("gp", "PdsaScreen", "d"),
    ("gp", "PdsaScreen", "k"),
    ("gp", "PdsaScreen", "a"),
    ("i", "IdeasScreen", "n"),
    ("i", "IdeasScreen", "t"),
    ("i", "IdeasScreen", "d"),
    ("i", "IdeasScreen", "x"),
    ("i", "IdeasScreen", "f"),
    ("i", "IdeasScreen", "b"),
    ("b", "BoardScreen", "d"),
]


@pytest.fixture(scope="module")
def team_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("read-only-keys") / "team.db"
    create_demo_file(path, WEDNESDAY)
    return path


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _screen(app: HuddleApp) -> str:
    return type(app.screen).__name__


async def _refused(app: HuddleApp, keys: str, screen: str, key: str) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "read-only" in screen_text(app))
        for opening in keys:
            await pilot.press(opening)
        assert await wait_until(pilot, lambda: _screen(app) == screen)
        await pilot.pause()
        await pilot.press(key)
        assert await wait_until(pilot, lambda: any(REFUSED in n for n in notices(app)))
        await pilot.pause()
        assert _screen(app) == screen  # no dialog opened: nothing to type and lose
        assert app.screen.focused is None or type(app.screen.focused).__name__ != "EntryInput"
        assert not any("can't save" in n for n in notices(app))


@pytest.mark.parametrize(("keys", "screen", "key"), WRITE_KEYS)
async def test_a_team_opened_from_the_service_view_refuses_each_change_before_it_is_typed(
    team_file: Path, keys: str, screen: str, key: str
) -> None:
    before = _files(team_file.parent)
    store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    try:
        await _refused(HuddleApp(store), keys, screen, key)
    finally:
        store.close()
    assert _files(team_file.parent) == before


async def test_the_refusal_says_where_the_change_can_be_made(team_file: Path) -> None:
    store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("m")
            assert await wait_until(pilot, lambda: _screen(app) == "ManageScreen")
            await pilot.press("a")
            assert await wait_until(pilot, lambda: bool(notices(app)))
            assert notices(app)[-1] == (
                f"read-only here: change it in the team's own huddle (huddle --db {team_file})"
            )
    finally:
        store.close()


@pytest.mark.parametrize(("keys", "screen", "key"), [WRITE_KEYS[0], WRITE_KEYS[4]])
async def test_a_file_the_app_cannot_write_refuses_each_change_before_it_is_typed(
    team_file: Path, keys: str, screen: str, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        file_check.os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode)
    )
    store = Store.open(team_file, clock=clock_at(WEDNESDAY))
    assert store.db.read_only
    try:
        await _refused(HuddleApp(store), keys, screen, key)
    finally:
        store.close()


async def test_the_add_line_on_a_read_only_file_takes_no_typing(team_file: Path) -> None:
    store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert await wait_until(pilot, lambda: "Read-only here: nothing" in screen_text(app))
            await pilot.press("tab", "tab", "tab", *"zebra", "enter")
            await pilot.pause()
            assert "zebra" not in screen_text(app)
            assert not any("can't save" in n for n in notices(app))
    finally:
        store.close()


async def test_the_huddle_on_a_read_only_file_opens_as_it_is_without_trying_to_start_it(
    team_file: Path,
) -> None:
    store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("h")
            assert await wait_until(pilot, lambda: "(read only)" in screen_text(app))
            await pilot.pause()
            assert not any("can't save" in n for n in notices(app))
    finally:
        store.close()


async def test_raise_a_blocker_from_the_palette_is_refused_on_a_read_only_file(
    team_file: Path,
) -> None:
    store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("g")
            assert await wait_until(pilot, lambda: _screen(app) == "GoalsScreen")
            await app.run_action("app.raise_blocker")  # as the palette's Raise a blocker
            assert await wait_until(pilot, lambda: any(REFUSED in n for n in notices(app)))
            assert _screen(app) == "GoalsScreen"
    finally:
        store.close()


@pytest.mark.parametrize("opened", ["for reading", "on a file it cannot write"])
async def test_team_set_up_on_a_read_only_file_opens_to_be_read_and_takes_no_typing(
    team_file: Path, opened: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _files(team_file.parent)
    if opened == "for reading":
        store = Store.open_for_reading(team_file, clock=clock_at(WEDNESDAY))
    else:
        real_access = os.access
        monkeypatch.setattr(
            file_check.os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode)
        )
        store = Store.open(team_file, clock=clock_at(WEDNESDAY))
    app = HuddleApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert await wait_until(pilot, lambda: "read-only" in screen_text(app))
            await pilot.press("f2")
            assert await wait_until(pilot, lambda: _screen(app) == "TeamSetupScreen")
            assert await wait_until(pilot, lambda: "Sarah Whitfield" in screen_text(app))
            assert "read-only: changes can't be saved" in screen_text(app)
            await pilot.press("r")  # rename: refused before its dialog opens
            assert await wait_until(pilot, lambda: any(REFUSED in n for n in notices(app)))
            assert _screen(app) == "TeamSetupScreen"
            await pilot.press("tab", "tab", *"zebra", "enter", "tab", "enter")
            await pilot.pause()
            assert "zebra" not in screen_text(app)  # no box to type into
            assert not any("can't save" in n for n in notices(app))
    finally:
        store.close()
    assert _files(team_file.parent) == before

"""The app on a file that can't take changes says so on every screen, in one line, and
makes the day's backup at the first huddle without holding up the screen."""

from __future__ import annotations

import os
import sqlite3

import pytest
from file_damage import corrupt_table

from huddle.core.calendar import FixedClock
from huddle.core.store import Store, StoreError, file_check
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.file_notice import FileNotice
from huddle.ui.widgets.huddle_top import HuddleTop

from .screen_helpers import wait_until

READ_ONLY = "read-only: changes can't be saved"
DAMAGED = "damaged: the file failed SQLite's check; changes can't be saved: huddle check"


def notice(app: HuddleApp) -> str:
    found = app.screen.query(FileNotice)
    return str(found.first().content) if found else ""


def reopened(store: Store, clock: FixedClock) -> Store:
    path = store.db.path
    assert path is not None
    store.close()
    return Store.open(path, clock=clock)


async def test_a_read_only_file_opens_with_a_line_that_says_so_on_every_screen(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        file_check.os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode)
    )
    store = reopened(store, clock)
    try:
        app = HuddleApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            assert await wait_until(pilot, lambda: notice(app) == READ_ONLY)
            await pilot.press("h")  # the huddle, shown as it is
            assert await wait_until(pilot, lambda: type(app.screen).__name__ == "HuddleScreen")
            assert await wait_until(pilot, lambda: notice(app) == READ_ONLY)
            title = app.screen.query_one(HuddleTop).title.plain
            assert "(read only)" in title
    finally:
        store.close()


async def test_a_damaged_file_is_found_after_opening_and_no_change_is_saved(
    store: Store, clock: FixedClock
) -> None:
    path = store.db.path
    assert path is not None
    store.close()
    corrupt_table(path, "pdsa_cycles")
    store = Store.open(path, clock=clock)
    try:
        app = HuddleApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            assert await wait_until(pilot, lambda: notice(app) == DAMAGED)
            with pytest.raises(StoreError, match="is damaged"):
                store.members.add("Dan Brown")
    finally:
        store.close()


async def test_the_first_huddle_of_the_day_makes_the_days_backup(store: Store) -> None:
    path = store.db.path
    assert path is not None
    backup = path.parent / "backups" / "team-2026-11-30.db"
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert notice(app) == ""
        await pilot.press("h")
        assert await wait_until(pilot, backup.exists)
        await app.workers.wait_for_complete()
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM members").fetchone() == (4,)
    assert conn.execute("SELECT count(*) FROM huddles").fetchone() == (1,)
    conn.close()

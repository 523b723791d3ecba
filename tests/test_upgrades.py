"""Every shipped schema version keeps a file in tests/fixtures (made by that version's code,
see make_schema_fixture.py); each one upgrades to the current version with every row kept,
after a copy of it is made beside it. And the file stays usable by the SQLite tools."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from huddle.cli import main
from huddle.core.calendar import FixedClock
from huddle.core.models import Role
from huddle.core.store import Store
from huddle.core.store.db import SCHEMA_VERSION
from huddle.core.store.search import SearchFilters

FIXTURES = Path(__file__).parent / "fixtures"


def version_of(fixture: Path) -> int:
    return int(fixture.stem.split("-")[1])


SHIPPED = sorted(FIXTURES.glob("schema-*.db"), key=version_of)


def rows_of(path: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every row of every table but the search index's own (derived) and the migrations."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE '%\\_fts%' ESCAPE '\\' AND name != '_sqlite_migrations'"
            )
        ]
        return {t: set(conn.execute(f"SELECT * FROM [{t}]").fetchall()) for t in tables}
    finally:
        conn.close()


def matches(path: Path, table: str, word: str) -> int:
    conn = sqlite3.connect(path)
    try:
        sql = f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?"
        return int(conn.execute(sql, (word,)).fetchone()[0])
    finally:
        conn.close()


def test_every_shipped_schema_version_has_its_fixture_file() -> None:
    assert [version_of(p) for p in SHIPPED] == list(range(1, SCHEMA_VERSION + 1)), (
        "a new schema version ships with its file: python tests/fixtures/make_schema_fixture.py"
    )


@pytest.mark.parametrize("fixture", SHIPPED, ids=lambda p: p.stem)
def test_an_old_file_upgrades_with_every_row_kept_and_a_copy_beside_it(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / "team.db"
    shutil.copy(fixture, path)
    before = rows_of(path)
    found_before = {t: matches(path, t, "the") for t in ("steps", "blockers")}
    assert all(found_before.values())

    Store.open(path).close()

    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    after = rows_of(path)
    for table, rows in before.items():
        width = len(next(iter(rows))) if rows else 0  # a newer version may add columns
        assert {row[:width] for row in after[table]} == rows, table
    assert {t: matches(path, t, "the") for t in ("steps", "blockers")} == found_before
    copy = tmp_path / f"team.before-schema-{SCHEMA_VERSION}.db"
    if version_of(fixture) < SCHEMA_VERSION:
        assert rows_of(copy) == before
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    else:
        assert not copy.exists()  # nothing to upgrade, nothing copied


def test_sqlite_utils_searches_the_steps_and_blockers_of_an_upgraded_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "team.db"
    shutil.copy(SHIPPED[0], path)
    Store.open(path).close()
    db = Database(path)
    steps = list(db["steps"].search("visit"))  # type: ignore[union-attr]
    assert steps
    assert all("visit" in (s["text"] + s["learning"]).lower() for s in steps)
    assert list(db["blockers"].search("the"))  # type: ignore[union-attr]
    db.close()


def test_sqlite_utils_finds_a_step_just_added_to_a_new_file(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "team.db"
    store = Store.open(path, clock=clock)
    try:
        ann = store.members.add("Ann Smith", Role.LEAD)
        store.steps.add(ann, "Book an interpreter before the visit", store.today())
        found = store.search.search(SearchFilters(text="interpreter")).hits
    finally:
        store.close()
    assert [hit.kind for hit in found] == ["step"]
    db = Database(path)
    assert db["steps"].detect_fts() == "steps_fts"  # type: ignore[union-attr]
    assert [row["text"] for row in db["steps"].search("interpreter")] == [  # type: ignore[union-attr]
        "Book an interpreter before the visit"
    ]
    db.close()


def test_an_upgrade_killed_in_the_middle_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    shutil.copy(FIXTURES / "schema-10.db", path)
    before = rows_of(path)
    killed_midway = (  # killed in the last migration, after the ones before it have run
        "import os, signal, sys\n"
        "import huddle.core.tiers as tiers\n"
        "tiers.tier_apart = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from huddle.core.store import Store\n"
        "Store.open(sys.argv[1])\n"
    )
    done = subprocess.run([sys.executable, "-c", killed_midway, str(path)], check=False)
    assert done.returncode == -signal.SIGKILL

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'day_tallies'").fetchall()
    finally:
        conn.close()
    assert rows_of(path) == before
    Store.open(path).close()  # and the next start upgrades it whole
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def no_room_for_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy being made (a `.part` file) can't grow: SQLite says the disk is full."""
    connect = sqlite3.connect

    def limited(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(target, *args, **kwargs)
        if str(target).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(sqlite3, "connect", limited)


def test_an_upgrade_with_no_room_for_its_copy_says_so_and_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.db"
    shutil.copy(FIXTURES / "schema-10.db", path)
    before = rows_of(path)
    no_room_for_copies(monkeypatch)
    result = CliRunner().invoke(main, ["trends", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: can't upgrade {path} for this Huddle, so it is left as it was: can't copy it"
        f" to {tmp_path} first: the disk is full; free some space and try again\n"
    )
    assert rows_of(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["team.db"]  # no half-made copy left
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10
    conn.close()


def test_a_backup_to_a_full_disk_says_so_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.db"
    Store.open(path).close()
    no_room_for_copies(monkeypatch)
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "copy.db"), "--db", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: can't copy {path} to {tmp_path}: the disk is full; free some space and try again\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["team.db"]


KILLED_DURING_THE_COPY = """
import os, signal, sqlite3, sys

class KilledMidCopy(sqlite3.Connection):
    def backup(self, target, **kwargs):  # a few pages into the copy, then kill -9
        def progress(status, remaining, total):
            if total - remaining >= 4:
                os.kill(os.getpid(), signal.SIGKILL)
        super().backup(target, pages=2, progress=progress)

connect = sqlite3.connect
def connecting(target, *args, **kwargs):
    if str(target).startswith("file:"):  # the copy's reader
        kwargs["factory"] = KilledMidCopy
    return connect(target, *args, **kwargs)
sqlite3.connect = connecting

from huddle.core.store import Store
Store.open(sys.argv[1])
"""


def test_an_upgrade_killed_during_its_copy_leaves_no_part_file_once_run_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "team.db"
    shutil.copy(FIXTURES / "schema-11.db", path)
    before = rows_of(path)
    killed = subprocess.run([sys.executable, "-c", KILLED_DURING_THE_COPY, str(path)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert any(p.name.endswith(".part") for p in tmp_path.iterdir())  # as a kill leaves it

    Store.open(path).close()  # the next start upgrades, copying the file again

    copy = tmp_path / f"team.before-schema-{SCHEMA_VERSION}.db"
    assert rows_of(copy) == before
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("team.db")) == [
        copy.name
    ]

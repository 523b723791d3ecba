"""When the file misbehaves (a full disk, a disk error, a lock held elsewhere, a config folder
that cannot be written): one line a person can act on, nothing typed lost, never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from huddle.core.models import Role
from huddle.core.store import Store, StoreError
from huddle.core.store.db import Db, FileBusy

if TYPE_CHECKING:  # the fixtures' types (see conftest.py)
    from conftest import Huddle


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened from now on can grow no more: SQLite says "database or disk is full"."""
    configure = Db.configure

    def full(self: Db) -> None:
        configure(self)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Db, "configure", full)


def one_line_error(output: str) -> str:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


def test_a_full_disk_is_one_line_from_the_store(store: Store) -> None:
    store.members.add("Ann Smith", Role.LEAD)
    pages = store.db.value("PRAGMA page_count")
    store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    ann = store.members.find("ann")
    with pytest.raises(StoreError) as raised:
        for n in range(200):
            store.steps.add(ann, f"Call back the family of case {n} " + "x" * 300, store.today())
    assert str(raised.value) == "can't save: the disk is full; free some space and try again"
    assert not store.db.conn.in_transaction


def test_a_full_disk_is_one_line_from_the_shell(
    huddle_with_team: Huddle, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_the_disk(monkeypatch)
    long_step = "Call back the family " + "about the visit " * 60
    results = [huddle_with_team("add", f"{long_step} {n}", "--who", "ann") for n in range(40)]
    failed = [r for r in results if r.exit_code != 0]
    assert failed, "the disk never filled"
    assert failed[0].exit_code == 1
    assert one_line_error(failed[0].output) == (
        "can't save: the disk is full; free some space and try again"
    )


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (sqlite3.OperationalError("disk I/O error"), "the disk reported an error"),
        (sqlite3.OperationalError("database is locked"), "is busy: someone else is saving"),
        (sqlite3.IntegrityError("FOREIGN KEY constraint failed"), "can't save:"),
        (sqlite3.OperationalError("something new"), "something new"),
        (sqlite3.ProgrammingError("Cannot operate on a closed database."), "closed database"),
    ],
)
def test_every_sqlite_error_becomes_one_line(store: Store, error: Exception, line: str) -> None:
    with pytest.raises(StoreError) as raised, store.db.translated_errors():
        raise error
    assert line in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_busy_file_is_told_apart_and_the_wait_is_short_when_asked(
    store: Store, db_path: Path
) -> None:
    store.members.add("Ann Smith")
    store.db.wait_for_locks(50)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(FileBusy):
            store.members.add("Bea Jones")
        other.execute("ROLLBACK")
    finally:
        other.close()
    store.members.add("Bea Jones")
    assert [m.name for m in store.members.all()] == ["Ann Smith", "Bea Jones"]


def test_a_write_can_be_told_not_to_wait_for_the_lock_while_reads_still_may(
    store: Store, db_path: Path
) -> None:
    store.db.wait_for_locks(50)
    store.db.write_lock_wait_ms = 0
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(FileBusy):
            store.members.add("Ann Smith")
        assert store.members.all() == []  # reads go on
        assert store.db.value("PRAGMA busy_timeout") == 50  # for the next read, as it was
        other.execute("ROLLBACK")
    finally:
        other.close()
    store.members.add("Ann Smith")
    assert [m.name for m in store.members.all()] == ["Ann Smith"]


def test_writes_held_back_are_refused_at_once_so_order_is_kept(store: Store) -> None:
    store.db.held_back = True
    with pytest.raises(FileBusy):
        store.members.add("Ann Smith")
    assert store.members.all() == []  # reads go on
    store.db.held_back = False
    store.members.add("Ann Smith")


@pytest.fixture
def unwritable_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder that cannot be made (a file is in its way; chmod does not stop root)."""
    in_the_way = tmp_path / "config"
    in_the_way.write_text("not a folder")
    monkeypatch.setenv("HUDDLE_CONFIG", str(in_the_way / "huddle" / "settings.json"))
    return in_the_way


def test_whoami_with_a_config_folder_that_cannot_be_written(
    huddle_with_team: Huddle, unwritable_config: Path
) -> None:
    result = huddle_with_team("whoami", "Ann")
    assert result.exit_code == 1
    line = one_line_error(result.output)
    assert line.startswith("can't save settings in ")
    assert line.endswith("for now: export HUDDLE_WHO='Ann Smith'")


OPEN_WITH_NO_ROOM = (
    "import os, resource, sys\n"
    # SQLite can't make its 32 KiB -shm beside the file: a 'disk I/O error', as on a full disk
    "resource.setrlimit(resource.RLIMIT_FSIZE, (16384, resource.RLIM_INFINITY))\n"
    "if sys.argv[2] == 'full':\n"
    "    os.statvfs = lambda path: os.statvfs_result((4096, 4096, 300, 0, 0, 100, 0, 0, 0, 255))\n"
    "from huddle.cli import main\n"
    "sys.argv = ['huddle', 'mine', '--who', 'ann', '--db', sys.argv[1]]\n"
    "main()\n"
)


@pytest.mark.parametrize(
    ("disk", "line"),
    [
        ("full", "the disk is full; free some space and try again"),
        ("failing", "the disk reported an error (disk I/O error)"),
    ],
)
def test_a_file_that_cant_be_opened_for_want_of_room_is_not_called_damaged(
    team_file: Path, disk: str, line: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_WITH_NO_ROOM, str(team_file), disk],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert one_line_error(done.stdout + done.stderr) == f"can't use {team_file}: {line}"


HOLDS_THE_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def another_process_saving(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDS_THE_WRITE_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def test_huddle_add_says_it_waits_for_a_file_another_process_is_saving_to(
    huddle_with_team: Huddle,
) -> None:
    holder = another_process_saving(huddle_with_team.db, 2)
    try:
        result = huddle_with_team("add", "Ring the carer", "--who", "ann")
    finally:
        holder.wait()
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Waiting: {huddle_with_team.db} is busy, someone else is saving (up to 10 s)...\n"
    )
    assert result.stdout.endswith("Ring the carer\n")


def test_huddle_add_gives_up_in_one_line_when_the_file_stays_busy(
    huddle_with_team: Huddle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("huddle.core.store.db.BUSY_TIMEOUT_MS", 1500)
    holder = another_process_saving(huddle_with_team.db, 4)
    try:
        result = huddle_with_team("add", "Ring the carer", "--who", "ann")
    finally:
        holder.wait()
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("Waiting: ")
    assert one_line_error(result.stdout + result.stderr.split("\n", 1)[1]) == (
        f"{huddle_with_team.db} is busy: someone else is saving; try again"
    )
    assert "Ring the carer" not in huddle_with_team.ok("mine", "--who", "ann")


def test_import_says_it_waits_and_check_says_what_it_could_not_check_on_a_busy_file(
    huddle_with_team: Huddle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "team.json"
    huddle_with_team.ok("export", "--out", str(export))
    holder = another_process_saving(huddle_with_team.db, 2)
    try:
        imported = huddle_with_team("import", "--merge", str(export))
    finally:
        holder.wait()
    assert imported.exit_code == 0, imported.output
    assert imported.stderr.startswith(f"Waiting: {huddle_with_team.db} is busy")

    monkeypatch.setattr("huddle.core.store.db.BUSY_TIMEOUT_MS", 500)
    holder = another_process_saving(huddle_with_team.db, 3)
    try:
        checked = huddle_with_team("check")
    finally:
        holder.wait()
    assert checked.exit_code == 1
    assert checked.stdout.startswith(f"{huddle_with_team.db} passed SQLite's integrity check")
    assert one_line_error(checked.stderr) == (
        f"the search indexes were not checked: {huddle_with_team.db} is busy, someone else is"
        " saving; run `huddle check` again"
    )


def test_the_upgrade_of_an_older_file_says_it_waits_for_a_busy_file_too(
    huddle: Huddle,
) -> None:
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-11.db", huddle.db)
    conn = sqlite3.connect(huddle.db)
    conn.execute("PRAGMA journal_mode = WAL")  # as Huddle left it
    conn.close()
    holder = another_process_saving(huddle.db, 2)
    try:
        result = huddle("team")
    finally:
        holder.wait()
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Waiting: {huddle.db} is busy, someone else is saving (up to 10 s)...\n"
    )

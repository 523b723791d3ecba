"""`huddle backup` and `huddle check`: a whole copy even while others write, dated and
pruned; a damaged file is found and the backup to restore is named."""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from huddle.core.store.backup import back_up, copy_file
from huddle.core.store.db import FileBusy
from huddle.core.store.search import MARK_END, MARK_START, SearchFilters

if TYPE_CHECKING:
    from conftest import Huddle

from file_damage import corrupt_table
from test_file_safety import one_line_error


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_backup_writes_a_dated_private_copy_in_the_backups_folder(
    huddle_with_team: Huddle,
) -> None:
    output = huddle_with_team.ok("backup")
    copy = huddle_with_team.db.parent / "backups" / "t-2026-11-25.db"
    assert output == f"Backed up to {copy}\n"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert rows(copy, "SELECT name FROM members ORDER BY name") == [
        ("Ann Smith",),
        ("Anne Jones",),
        ("Sam Patel",),
    ]
    assert rows(copy, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file


def test_backup_keeps_only_the_teams_number_of_newest_backups(huddle_with_team: Huddle) -> None:
    assert huddle_with_team.ok("team", "backups", "3") == "The last 3 backups are kept\n"
    folder = huddle_with_team.db.parent / "backups"
    folder.mkdir()
    for day in ("2026-11-20", "2026-11-21", "2026-11-23", "2026-11-24"):
        shutil.copy(huddle_with_team.db, folder / f"t-{day}.db")
    (folder / "other-2026-11-01.db").write_text("another team's")
    (folder / "t-notes.txt").write_text("mine")
    output = huddle_with_team.ok("backup")
    assert output.splitlines()[1:] == [
        "Removed the older t-2026-11-21.db",
        "Removed the older t-2026-11-20.db",
    ]
    assert sorted(p.name for p in folder.iterdir()) == [
        "other-2026-11-01.db",
        "t-2026-11-23.db",
        "t-2026-11-24.db",
        "t-2026-11-25.db",
        "t-notes.txt",
    ]


def test_backup_to_a_named_file_or_folder(huddle_with_team: Huddle, tmp_path: Path) -> None:
    named = tmp_path / "before-the-audit.db"
    assert huddle_with_team.ok("backup", str(named)) == f"Backed up to {named}\n"
    assert rows(named, "SELECT count(*) FROM members") == [(3,)]
    result = huddle_with_team("backup", str(named))
    assert result.exit_code == 1
    assert one_line_error(result.output) == f"{named} exists: give a new file's name, or a folder"
    usb = tmp_path / "usb"
    usb.mkdir()
    assert huddle_with_team.ok("backup", str(usb)) == f"Backed up to {usb / 't-2026-11-25.db'}\n"


def test_check_passes_a_sound_file_and_names_the_newest_backup(huddle_with_team: Huddle) -> None:
    db = huddle_with_team.db
    assert huddle_with_team.ok("check") == (
        f"{db} passed SQLite's integrity check: nothing is damaged.\nNo backup yet: huddle backup\n"
    )
    huddle_with_team.ok("backup")
    assert huddle_with_team.ok("check").endswith(
        f"Newest backup: {db.parent / 'backups' / 't-2026-11-25.db'}\n"
    )


def test_a_damaged_file_is_found_by_check_and_never_backed_up(huddle_with_team: Huddle) -> None:
    db = huddle_with_team.db
    huddle_with_team.ok("backup")
    newest = db.parent / "backups" / "t-2026-11-25.db"
    good = newest.read_bytes()
    corrupt_table(db, "pdsa_cycles")
    damaged = db.read_bytes()

    result = huddle_with_team("check")
    assert result.exit_code == 1
    error = one_line_error(result.output)
    assert error.startswith(f"{db} is damaged (")
    assert error.endswith(
        f"close Huddle everywhere, delete {db}-wal and {db}-shm if there,"
        f" then restore the newest backup: cp {newest} {db}"
    )

    result = huddle_with_team("backup")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        f"won't back up {db}: it is damaged; `huddle check` says what to do"
    )
    assert newest.read_bytes() == good
    assert db.read_bytes() == damaged


WRITER = """
import sys, datetime
from datetime import date
from pathlib import Path
from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.core.store.db import StoreError
db, name, acks, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
store = Store.open(db, clock=FixedClock(datetime.datetime(2026, 11, 25, 9).astimezone()))
member = store.members.find("ann smith")
n = 0
with acks.open("a") as log:
    while not stop.exists():
        n += 1
        text = f"{name} step {n}"
        try:
            store.steps.add(member, text, store.today())
        except StoreError:
            continue  # busy: not acknowledged, tried again
        log.write(text + "\\n")
        log.flush()
"""


def acknowledged(folder: Path) -> set[str]:
    return {line for log in folder.iterdir() for line in log.read_text().splitlines() if line}


def test_a_backup_taken_while_8_writers_run_is_whole_and_holds_every_acknowledged_step(
    team_file: Path, tmp_path: Path
) -> None:
    stop = tmp_path / "stop"
    acks = tmp_path / "acks"
    acks.mkdir()
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(team_file),
                f"w{i}",
                str(acks / str(i)),
                str(stop),
            ]
        )
        for i in range(8)
    ]
    try:
        deadline = time.monotonic() + 60
        while len({a.split()[0] for a in acknowledged(acks)}) < 8 or len(acknowledged(acks)) < 80:
            assert time.monotonic() < deadline, "the writers never got going"
            time.sleep(0.05)
        before = acknowledged(acks)
        made = back_up(team_file, date(2026, 11, 25), keep=14)
        still_writing = len(acknowledged(acks))
    finally:
        stop.touch()
        for writer in writers:
            writer.wait(timeout=60)
    assert still_writing >= len(before)
    assert rows(made.path, "PRAGMA integrity_check") == [("ok",)]
    in_backup = {text for (text,) in rows(made.path, "SELECT text FROM steps")}
    assert before <= in_backup
    assert acknowledged(acks) <= {text for (text,) in rows(team_file, "SELECT text FROM steps")}


def test_check_finds_a_search_index_out_of_step_and_rebuilds_it(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("add", "Book an interpreter for the visit", "--who", "ann smith")
    conn = sqlite3.connect(huddle_with_team.db)
    with conn:  # as if another tool's VACUUM had renumbered the rows
        conn.execute("UPDATE steps SET rowid = rowid + 1000")
    conn.close()
    assert found(huddle_with_team, "interpreter") == []
    result = huddle_with_team("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: the search index of steps is out of step with the file (after a VACUUM?):"
        " huddle check --rebuild-search"
    )
    output = huddle_with_team.ok("check", "--rebuild-search")
    assert "The search indexes were filled again." in output
    assert huddle_with_team.ok("check").startswith(f"{huddle_with_team.db} passed")
    assert found(huddle_with_team, "interpreter") == ["Book an interpreter for the visit"]


def found(huddle: Huddle, words: str) -> list[str]:
    store = huddle.open_store()
    try:
        hits = store.search.search(SearchFilters(text=words)).hits
        return [hit.text.replace(MARK_START, "").replace(MARK_END, "") for hit in hits]
    finally:
        store.close()


def test_a_copy_under_way_to_the_same_file_is_never_cut_short(
    huddle_with_team: Huddle, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    part = tmp_path / ".copy.db.part"
    part.write_bytes(b"pages another process is writing")
    held = os.open(part, os.O_RDWR)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a copy under way holds it
        with pytest.raises(FileBusy, match="another copy is being made there"):
            copy_file(huddle_with_team.db, target)
        assert part.read_bytes() == b"pages another process is writing"
        assert not target.exists()
    finally:
        os.close(held)
    assert copy_file(huddle_with_team.db, target) == target  # once it is done, or killed
    assert rows(target, "SELECT count(*) FROM members") == [(3,)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
    assert not part.exists()


def test_a_backups_folder_that_is_a_file_is_named_as_such(huddle_with_team: Huddle) -> None:
    folder = huddle_with_team.db.parent / "backups"
    folder.write_text("a note someone saved as 'backups'")
    result = huddle_with_team("backup")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        f"can't write a copy in {folder}: it is a file, not a folder;"
        " give a folder you can write to: huddle backup DEST"
    )
    assert folder.read_text() == "a note someone saved as 'backups'"

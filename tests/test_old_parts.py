"""Half-made copies left by Huddle before 8b304ee (a backup or the copy before an upgrade
killed midway, in a `.NAME.XXXXXXXX.part` of a random name): cleared by the next backup,
only when they are ours and no one is copying into them right now."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from huddle.core.store.backup import back_up_once_a_day, copy_file
from huddle.core.store.copy_parts import OLD_PART_QUIET_SECONDS

if TYPE_CHECKING:
    from conftest import Huddle

LONG_AGO = time.time() - OLD_PART_QUIET_SECONDS - 3600


def old_part(source: Path, target: Path, *, pages: bool = True, age: float = LONG_AGO) -> Path:
    """A part as the old copy left it when killed: mkstemp's random name, some pages, and
    the rollback journal SQLite kept beside it; last written `age`."""
    target.parent.mkdir(exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    part = Path(name)
    if pages:
        with open(source, "rb") as whole:
            part.write_bytes(whole.read(8192))
        Path(f"{part}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(504))
    for each in (part, Path(f"{part}-journal")):
        if each.exists():
            os.utime(each, (age, age))
    return part


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_days_backup_clears_old_parts_of_backups_and_of_copies_before_an_upgrade(
    huddle_with_team: Huddle,
) -> None:
    db = huddle_with_team.db
    backups = db.parent / "backups"
    killed = [
        old_part(db, backups / "t-2026-11-20.db"),
        old_part(db, backups / "t-2026-11-21.db", pages=False),  # killed before a page
        old_part(db, db.parent / "t.before-schema-11.db"),
    ]
    assert all(p.exists() for p in killed)
    huddle_with_team.ok("backup")
    assert names(backups) == ["t-2026-11-25.db"]
    assert [n for n in names(db.parent) if n.startswith(".")] == []

    killed = old_part(db, backups / "t-2026-11-22.db")  # today's backup is already made
    assert back_up_once_a_day(db, huddle_with_team.today, keep=14) is None
    assert not killed.exists()
    assert names(backups) == ["t-2026-11-25.db"]


def test_a_copy_to_a_named_file_clears_that_names_old_parts(
    huddle_with_team: Huddle, tmp_path: Path
) -> None:
    folder = tmp_path / "copies"
    old_part(huddle_with_team.db, folder / "monday.db")
    copy_file(huddle_with_team.db, folder / "monday.db")
    assert names(folder) == ["monday.db"]


def test_only_our_parts_are_cleared_and_only_when_no_one_writes_them(
    huddle_with_team: Huddle,
) -> None:
    db = huddle_with_team.db
    backups = db.parent / "backups"
    kept = [
        old_part(db, backups / "t-2026-11-20.db", age=time.time()),  # may be under way
        old_part(db, backups / "other-2026-11-20.db"),  # another team's
        old_part(db, db.parent / "notes.txt"),  # not a copy Huddle makes
        old_part(db, db.parent / "t.db"),  # not a copy Huddle makes
    ]
    not_sqlite = old_part(db, backups / "t-2026-11-21.db")
    not_sqlite.write_bytes(b"someone else's half-made file")
    os.utime(not_sqlite, (LONG_AGO, LONG_AGO))
    kept.append(not_sqlite)
    link = backups / ".t-2026-11-22.db.abcd1234.part"
    link.symlink_to(db)
    kept.append(link)

    huddle_with_team.ok("backup")
    assert all(p.exists() for p in kept)
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"


COPYING = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")  # as the old copy held it while it wrote the pages
conn.execute("CREATE TABLE pages (x)")
print("copying", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_a_part_an_older_huddle_is_copying_into_right_now_is_left_alone(
    huddle_with_team: Huddle,
) -> None:
    backups = huddle_with_team.db.parent / "backups"
    part = old_part(huddle_with_team.db, backups / "t-2026-11-20.db", pages=False)
    copier = subprocess.Popen(
        [sys.executable, "-c", COPYING, str(part)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert copier.stdout is not None and copier.stdin is not None
        assert copier.stdout.readline() == "copying\n"
        for each in (part, Path(f"{part}-journal")):
            os.utime(each, (LONG_AGO, LONG_AGO))  # a slow copy: nothing written for a while
        huddle_with_team.ok("backup")
        assert part.exists() and Path(f"{part}-journal").exists()
        copier.stdin.write("\n")
        copier.stdin.flush()
        assert copier.wait(timeout=30) == 0
    finally:
        if copier.poll() is None:
            copier.kill()
            copier.wait()
    conn = sqlite3.connect(part)
    try:  # the copy went on whole
        assert conn.execute("SELECT count(*) FROM pages").fetchone() == (0,)
    finally:
        conn.close()

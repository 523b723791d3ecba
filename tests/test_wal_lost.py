"""The file's -wal deleted while the app has it open (a clean-up script, a sync client that
tidies 'temporary' files): the app's saves must still reach the file that everyone else
reads, and the file stays sound."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.store import Store, StoreError
from huddle.core.store.backup import copy_file
from tests.test_upgrades import rows_of

COUNT_STEPS = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    " print(c.execute('SELECT count(*) FROM steps').fetchone()[0]); c.close()"
)
"""Another process (as `sqlite3` or `huddle mine` would) opens the file, reads, and closes it."""


def steps_seen_by_another_process(path: Path) -> str:
    seen = subprocess.run(
        [sys.executable, "-c", COUNT_STEPS, str(path)], capture_output=True, text=True
    )
    return seen.stdout.strip() or seen.stderr.strip().splitlines()[-1]


def test_the_apps_saves_reach_the_file_after_its_wal_is_deleted_under_it(
    team_file: Path,
) -> None:
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    app = Store.open(team_file, clock=clock)
    try:
        version = app.db.data_version()
        ann = app.members.find("ann")
        app.steps.add(ann, "Ring the carer", app.today())
        Path(f"{team_file}-wal").unlink()
        changed, version = app.changed_since(version)  # the app's next look at the file
        app.steps.add(ann, "Chase the OT report", app.today())
        assert steps_seen_by_another_process(team_file) == "2"
        other = Store.open(team_file, clock=clock)  # `huddle add` from a shell, after
        other.steps.add(other.members.find("ann"), "Book the interpreter", other.today())
        other.close()
        changed, version = app.changed_since(version)
        assert changed
        assert len(app.steps.on_day(app.today())) == 3
    finally:
        app.close()
    check = sqlite3.connect(team_file)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM steps").fetchone()[0] == 3
    check.close()


def test_a_file_replaced_while_the_app_has_it_open_is_followed_not_read_as_damaged(
    team_file: Path, tmp_path: Path
) -> None:
    """A restore (or a sync client) puts another file in its place: the app's next look
    follows it, nothing it saved is left in its -wal beside the new file, and what it saves
    from then on is in the file everyone else reads."""
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    other = tmp_path / "other.db"
    made = Store.open(other, clock=clock)
    made.members.add("Yan Yu")
    made.close()
    app = Store.open(team_file, clock=clock)
    try:
        version = app.db.data_version()
        ann = app.members.find("ann")
        for text in ("Ring the carer", "Chase the OT report", "Book the interpreter"):
            app.steps.add(ann, text, app.today())  # in the app's -wal, not yet in the file
        other.replace(team_file)  # the restore
        changed, version = app.changed_since(version)  # the app's next look at the file
        assert changed
        assert steps_seen_by_another_process(team_file) == "0"  # sound, not "malformed"
        app.steps.add(app.members.find("yan"), "Call the duty desk", app.today())
        assert steps_seen_by_another_process(team_file) == "1"
    finally:
        app.close()
    check = sqlite3.connect(team_file)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT text FROM steps").fetchall() == [("Call the duty desk",)]
    check.close()


def test_a_save_made_just_after_the_file_is_replaced_goes_into_the_new_file(
    team_file: Path, tmp_path: Path
) -> None:
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    backup = copy_file(team_file, tmp_path / "backup.db")
    app = Store.open(team_file, clock=clock)
    try:
        ann = app.members.find("ann")
        app.steps.add(ann, "Ring the carer", app.today())
        backup.replace(team_file)  # restored from the backup, before the app looks again
        app.steps.add(ann, "Chase the OT report", app.today())
        assert steps_seen_by_another_process(team_file) == "1"
    finally:
        app.close()
    check = sqlite3.connect(team_file)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT text FROM steps").fetchall() == [("Chase the OT report",)]
    check.close()


def test_a_file_moved_away_while_the_app_has_it_open_keeps_every_save_and_takes_no_more(
    team_file: Path, tmp_path: Path
) -> None:
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    moved = tmp_path / "elsewhere.db"
    app = Store.open(team_file, clock=clock)
    try:
        version = app.db.data_version()
        ann = app.members.find("ann")
        app.steps.add(ann, "Ring the carer", app.today())  # in the -wal, not yet in the file
        team_file.rename(moved)
        changed, version = app.changed_since(version)  # the app's next look at the file
        assert changed
        with pytest.raises(StoreError, match="was moved or deleted while open"):
            app.steps.add(ann, "Chase the OT report", app.today())
        assert [s.text for s in app.steps.on_day(app.today())] == ["Ring the carer"]
        assert not team_file.exists()  # no new, empty file made in its place
        assert steps_seen_by_another_process(moved) == "1"  # the save went with the file
    finally:
        app.close()
    assert not team_file.exists()


def test_a_file_replaced_by_one_of_another_schema_is_read_but_never_saved_to(
    team_file: Path, tmp_path: Path
) -> None:
    """Restored from the copy made before an upgrade (NAME.before-schema-N.db) while the
    app runs: what this Huddle saves could be stored wrong in it until it is upgraded, which
    opening it again does."""
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    older = tmp_path / "team.before-schema-12.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-11.db", older)
    before = rows_of(older)
    app = Store.open(team_file, clock=clock)
    try:
        version = app.db.data_version()
        older.replace(team_file)
        changed, version = app.changed_since(version)
        assert changed
        with pytest.raises(StoreError, match=r"another version of Huddle \(schema 11"):
            app.members.add("Dan Brown")
    finally:
        app.close()
    assert rows_of(team_file) == before
    Store.open(team_file, clock=clock).close()  # opened again, it is upgraded

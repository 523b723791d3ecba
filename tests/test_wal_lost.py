"""The file's -wal deleted while the app has it open (a clean-up script, a sync client that
tidies 'temporary' files): the app's saves must still reach the file that everyone else
reads, and the file stays sound."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from huddle.core.calendar import FixedClock
from huddle.core.store import Store

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

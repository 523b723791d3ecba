"""The file replaced (a restore, a sync client) while TWO windows have it open: each
follows it before its next save, and every save made after the replace is in the new file
(none is put into the old one, none is carried into the old one by the other window)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.core.store.backup import copy_file
from huddle.core.store.db import FileBusy

CLOCK = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())


def saved(store: Store, text: str) -> None:
    store.steps.add(store.members.find("ann"), text, store.today())


def steps_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [text for (text,) in conn.execute("SELECT text FROM steps ORDER BY text")]
    finally:
        conn.close()


@pytest.mark.parametrize(
    "after_the_replace",
    [
        ["A", "B", "A"],  # the first window saves (and follows), then the second
        ["B", "A", "B"],
        ["look A", "B", "A"],  # the first window's look follows the file, then saves
        ["look A", "look B", "A", "B"],
    ],
)
def test_two_windows_follow_a_replaced_file_and_every_later_save_is_in_it(
    team_file: Path, tmp_path: Path, after_the_replace: list[str]
) -> None:
    restored = copy_file(team_file, tmp_path / "backup.db")
    windows = {"A": Store.open(team_file, clock=CLOCK), "B": Store.open(team_file, clock=CLOCK)}
    try:
        versions = {name: w.db.data_version() for name, w in windows.items()}
        for name, window in windows.items():
            saved(window, f"{name} before the restore")  # in the -wal, not yet in the file
        restored.replace(team_file)
        made = []
        for n, doing in enumerate(after_the_replace):
            name = doing.removeprefix("look ")
            if doing.startswith("look"):
                changed, versions[name] = windows[name].changed_since(versions[name])
                assert changed
            else:
                saved(windows[name], f"{name} after the restore {n}")
                made.append(f"{name} after the restore {n}")
            assert steps_in(team_file) == sorted(made)
        for window in windows.values():
            assert window.db.replaced == 1
            assert sorted(s.text for s in window.steps.on_day(window.today())) == sorted(made)
    finally:
        for window in windows.values():
            window.close()
    assert steps_in(team_file) == sorted(made)


WINDOW = """
import sys
from datetime import datetime
from huddle.core.calendar import FixedClock
from huddle.core.store import Store
store = Store.open(sys.argv[1], clock=FixedClock(datetime(2026, 11, 25, 9, 0).astimezone()))
print("open", flush=True)
for line in sys.stdin:
    store.steps.add(store.members.find("ann"), line.strip(), store.today())
    print("saved", flush=True)
store.close()
"""


def test_a_window_in_another_process_follows_too(team_file: Path, tmp_path: Path) -> None:
    restored = copy_file(team_file, tmp_path / "backup.db")
    other = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(team_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdin is not None and other.stdout is not None
    here = Store.open(team_file, clock=CLOCK)
    try:
        assert other.stdout.readline() == "open\n"

        def saved_there(text: str) -> None:
            assert other.stdin is not None and other.stdout is not None
            other.stdin.write(f"{text}\n")
            other.stdin.flush()
            assert other.stdout.readline() == "saved\n"

        saved_there("there before the restore")
        saved(here, "here before the restore")
        restored.replace(team_file)
        saved(here, "here after the restore")
        saved_there("there after the restore")
        saved(here, "here later")
        assert steps_in(team_file) == [
            "here after the restore",
            "here later",
            "there after the restore",
        ]
        other.stdin.close()
        assert other.wait(timeout=30) == 0
    finally:
        here.close()
        if other.poll() is None:
            other.kill()
            other.wait()
    assert steps_in(team_file) == [
        "here after the restore",
        "here later",
        "there after the restore",
    ]


def test_a_save_that_cant_follow_yet_is_refused_as_busy_never_put_in_the_old_file(
    team_file: Path, tmp_path: Path
) -> None:
    restored = copy_file(team_file, tmp_path / "backup.db")
    window = Store.open(team_file, clock=CLOCK)
    reading = sqlite3.connect(team_file, isolation_level=None)  # another window, mid-read
    try:
        saved(window, "before the restore")
        reading.execute("BEGIN")
        reading.execute("SELECT count(*) FROM steps").fetchone()
        restored.replace(team_file)
        window.db.wait_for_locks(50)
        with pytest.raises(FileBusy, match=r"was replaced while open .* try again"):
            saved(window, "Ring the carer")
        reading.execute("COMMIT")
        saved(window, "Ring the carer")  # tried again, as the app's waiting writes do
    finally:
        reading.close()
        window.close()
    assert steps_in(team_file) == ["Ring the carer"]

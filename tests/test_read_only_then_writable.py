"""A team's file made read-only, opened, then made writable again (chmod 444, then 644):
SQLite gave the -wal and -shm it made the file's mode then, 0444; saves must work again,
not go on being refused as read-only with the file itself writable."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_file_safety import reachable_by_anyone


@pytest.mark.skipif(
    os.geteuid() != 0
    or not shutil.which("setpriv")
    or not Path("/usr/bin/python3.11").exists()
    or not reachable_by_anyone(Path(sys.prefix))
    or not reachable_by_anyone(Path(__file__).parent.parent),
    reason="needs root, to run the command as 'nobody' (root may write any file)",
)
def test_a_file_made_writable_again_takes_saves_again(team_file: Path) -> None:
    folder = Path(sys.prefix).parent / ".read-only-again-test"  # outside root's private /tmp
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    try:
        db = folder / "team.db"
        shutil.copy(team_file, db)
        os.chown(db, 65534, 65534)
        db.chmod(0o444)
        source = Path(__file__).parent.parent
        site = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
        as_nobody = [
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "env", f"PYTHONPATH={source}:{site}", "HOME=/tmp", "HUDDLE_TODAY=2026-11-25",
            "/usr/bin/python3.11", "-m", "huddle", "--db", str(db),
        ]  # fmt: skip

        def add(text: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*as_nobody, "add", text, "--who", "ann smith"], capture_output=True, text=True
            )

        refused = add("Ring the carer")
        assert refused.stderr.strip() == f"Error: can't save: {db} is read-only"
        db.chmod(0o644)
        added = add("Ring the carer")
        assert added.returncode == 0, added.stderr
        assert added.stdout.endswith("Ring the carer\n")
        mine = subprocess.run([*as_nobody, "mine", "--who", "ann smith"], capture_output=True)
        assert b"Ring the carer" in mine.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)

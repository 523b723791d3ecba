"""The team's file is checked before anything in it changes: a file from a newer Huddle, a
foreign or damaged file, a folder, a symlink, a read-only folder. Each is one line, exit 1,
and the file exactly as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from file_damage import corrupt_table

from huddle.cli import main
from huddle.core.calendar import FixedClock
from huddle.core.store import Store, StoreError, file_check
from huddle.core.store.db import SCHEMA_VERSION

if TYPE_CHECKING:
    from conftest import Huddle


def one_line_error(output: str) -> str:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


def refused(huddle: Huddle, *args: str) -> str:
    """Run a command that must be refused, and check the file is byte-for-byte as it was."""
    before = huddle.db.read_bytes()
    result = huddle(*args)
    assert result.exit_code == 1, result.output
    assert huddle.db.read_bytes() == before
    assert not Path(f"{huddle.db}-wal").exists() or Path(f"{huddle.db}-wal").stat().st_size == 0
    return one_line_error(result.output)


def test_a_file_from_a_newer_huddle_is_refused_and_left_as_it_was(
    huddle_with_team: Huddle,
) -> None:
    with sqlite3.connect(huddle_with_team.db) as conn:
        conn.execute("PRAGMA user_version = 9999")
    conn.close()
    error = refused(huddle_with_team, "add", "x", "--who", "ann smith")
    assert error == (
        f"{huddle_with_team.db} was made by a newer Huddle (schema 9999);"
        f" this is {SCHEMA_VERSION}: upgrade Huddle"
    )
    assert refused(huddle_with_team).endswith("upgrade Huddle")  # the app: before Textual starts
    with sqlite3.connect(huddle_with_team.db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 9999
    conn.close()


def test_a_foreign_sqlite_file_is_refused_before_it_is_switched_to_wal(huddle: Huddle) -> None:
    conn = sqlite3.connect(huddle.db)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.execute("INSERT INTO invoices VALUES (1)")
    conn.commit()
    conn.close()
    error = refused(huddle, "mine", "--who", "ann")
    assert error == f"{huddle.db} is not a Huddle database"
    conn = sqlite3.connect(huddle.db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused(huddle: Huddle) -> None:
    huddle.db.write_text("name,step\nAnn,call the GP\n")
    assert refused(huddle, "team") == f"{huddle.db} is not a Huddle database (not an SQLite file)"


@pytest.mark.parametrize(
    "command", [("add", "call the GP", "--who", "ann"), ("mine", "--who", "ann"), ("trends",)]
)
def test_a_truncated_team_file_is_called_damaged_with_what_to_do(
    huddle_with_team: Huddle, command: tuple[str, ...]
) -> None:
    whole = huddle_with_team.db.read_bytes()
    huddle_with_team.db.write_bytes(whole[: len(whole) // 2])  # a copy cut short
    assert refused(huddle_with_team, *command) == (
        f"{huddle_with_team.db} is damaged (database disk image is malformed);"
        " `huddle check` says what to do"
    )


def test_add_refuses_to_write_into_a_file_damaged_where_adding_does_not_read(
    huddle_with_team: Huddle,
) -> None:
    corrupt_table(huddle_with_team.db, "pdsa_cycles")
    error = refused(huddle_with_team, "add", "call the GP", "--who", "ann smith")
    assert error == f"can't save: {huddle_with_team.db} is damaged; `huddle check` says what to do"


def test_the_digest_of_a_damaged_file_says_so_and_writes_nothing(
    huddle_with_team: Huddle, tmp_path: Path
) -> None:
    corrupt_table(huddle_with_team.db, "pdsa_cycles")  # a table the digest does not read
    out = tmp_path / "week.md"
    for where in ((), ("--out", str(out))):
        error = refused(huddle_with_team, "digest", *where)
        assert error == (
            f"can't write the digest: {huddle_with_team.db} is damaged;"
            " `huddle check` says what to do"
        )
    assert not out.exists()  # no digest from a file that failed its check


def test_a_folder_given_as_the_file_is_one_line(huddle: Huddle, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    for args, env in [
        (["--db", str(folder), "team"], {}),
        (["team", "--db", str(folder)], {}),
        (["team"], {"HUDDLE_DB": str(folder)}),
    ]:
        result = huddle.runner.invoke(main, args, env=env)
        assert result.exit_code == 1, result.output
        assert one_line_error(result.output) == (
            f"{folder} is a folder: give the path of a file, e.g. {folder}/huddle.db"
        )
    assert list(folder.iterdir()) == []


def test_a_team_file_in_a_folder_named_with_uri_characters_opens_and_saves(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A file is checked through an SQLite URI before it is used: a folder named with ?, #
    or % (or accents) must not be read as the URI's query or fragment."""
    path = tmp_path / "Team ?#% 1 Zoë" / "huddle.db"
    store = Store.open(path, clock=clock)
    store.members.add("Ann Smith")
    store.close()
    store = Store.open(path, clock=clock)  # a file with a team in it: checked first
    try:
        day = store.coming_huddle_day()
        store.steps.add(store.members.find("ann"), "Ring the carer", day)
        assert [s.text for s in store.steps.on_day(day)] == ["Ring the carer"]
    finally:
        store.close()
    assert file_check.file_uri(str(path)) == path.as_uri()


def test_a_new_file_through_a_dangling_symlink_is_private_with_its_wal(
    tmp_path: Path, clock: FixedClock
) -> None:
    target = tmp_path / "elsewhere" / "team.db"
    link = tmp_path / "team.db"
    link.symlink_to(target)
    store = Store.open(link, clock=clock)
    try:
        store.members.add("Ann Smith")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
        for side in ("-wal", "-shm"):
            assert stat.S_IMODE(Path(f"{target}{side}").stat().st_mode) == 0o600
    finally:
        store.close()
    assert link.is_symlink()


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the file's folder could not be written (the tests run as root, whom a
    chmod does not stop): SQLite then really opens the file read-only."""
    real_access = os.access
    monkeypatch.setattr(
        file_check.os,
        "access",
        lambda path, mode: False if mode == os.W_OK else real_access(path, mode),
    )


def test_a_read_only_folder_still_allows_reading_but_refuses_saving(
    huddle_with_team: Huddle, read_only_folder: None
) -> None:
    before = huddle_with_team.db.read_bytes()
    assert "Ann Smith" in huddle_with_team.ok("team")
    assert huddle_with_team.ok("mine", "--who", "ann smith")
    assert "Huddle digest" in huddle_with_team.ok("digest")
    error = refused(huddle_with_team, "add", "call the GP", "--who", "ann smith")
    assert error == f"can't save: {huddle_with_team.db} is read-only"
    assert huddle_with_team.db.read_bytes() == before


def reachable_by_anyone(path: Path) -> bool:
    """Every folder above `path` may be entered by other users (not /root, not a 0700 tmp)."""
    return all(folder.stat().st_mode & 0o001 for folder in [path, *path.parents])


@pytest.mark.skipif(
    os.geteuid() != 0
    or not shutil.which("setpriv")
    or not Path("/usr/bin/python3.11").exists()
    or not reachable_by_anyone(Path(sys.prefix))  # the venv itself, not only its folder
    or not reachable_by_anyone(Path(__file__).parent.parent),
    reason="needs root, to run the command as 'nobody' in a folder nobody may write",
)
def test_a_read_only_folder_as_a_real_user_reads_and_refuses_saving(team_file: Path) -> None:
    folder = Path(sys.prefix).parent / ".read-only-test"  # outside root's private /tmp folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o755)
    try:
        db = folder / "team.db"
        shutil.copy(team_file, db)
        db.chmod(0o644)
        before = db.read_bytes()
        source = Path(__file__).parent.parent
        site = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
        as_nobody = [
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "env", f"PYTHONPATH={source}:{site}", "HOME=/tmp", "HUDDLE_TODAY=2026-11-25",
            "/usr/bin/python3.11", "-m", "huddle", "--db", str(db),
        ]  # fmt: skip
        team = subprocess.run([*as_nobody, "team"], capture_output=True, text=True)
        assert team.returncode == 0, team.stderr
        assert "Ann Smith" in team.stdout
        add = subprocess.run([*as_nobody, "add", "x", "--who", "ann smith"], capture_output=True)
        assert add.returncode == 1
        assert add.stderr.decode().strip() == f"Error: can't save: {db} is read-only"
        assert db.read_bytes() == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_store_refuses_a_newer_file_without_opening_it_for_writing(team_file: Path) -> None:
    with sqlite3.connect(team_file) as conn:
        conn.execute("PRAGMA user_version = 2000")
    conn.close()
    with pytest.raises(StoreError, match="newer Huddle"):
        Store.open(team_file)


COUNT_STEPS = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    " print(c.execute('SELECT count(*) FROM steps').fetchone()[0]); c.close()"
)
"""Another process (as `sqlite3` would) opens the file, reads, and closes it."""


def test_a_second_connection_in_the_app_never_lets_another_process_delete_its_wal(
    team_file: Path,
) -> None:
    """The app opens the file again in a thread (a dialog's draft, a save that waits). Then
    another process (`sqlite3`, `huddle add`) that opens and closes the file must still see
    the app there: before, the second open read the file's header with Python's open(), whose
    close dropped every SQLite lock the process held, so the other process deleted the -wal
    and every later save of the app went into a file nobody can read."""
    app = Store.open(team_file, clock=FixedClock(datetime(2026, 11, 25, 9, 0).astimezone()))
    try:
        again = Store.open(team_file)  # what a thread of the app does
        again.close()
        ann = app.members.find("ann")
        app.steps.add(ann, "Ring the carer", app.today())
        subprocess.run(
            [sys.executable, "-c", COUNT_STEPS, str(team_file)], check=True, capture_output=True
        )
        app.steps.add(ann, "Chase the OT report", app.today())
        seen = subprocess.run(
            [sys.executable, "-c", COUNT_STEPS, str(team_file)],
            check=True,
            capture_output=True,
            text=True,
        )
        assert seen.stdout.strip() == "2", "the app's last save went into a deleted -wal"
    finally:
        app.close()


@pytest.mark.parametrize(
    "command",
    [
        ("trends",),
        ("digest",),
        ("mine", "--who", "ann"),
        ("add", "call the GP", "--who", "ann"),
        ("export", "--out", "{tmp}/team.json"),
        ("backup",),
        ("blockers",),
    ],
)
def test_a_mistyped_path_makes_no_new_empty_team_file(
    huddle: Huddle, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`--db teem.db` must not quietly start a new team there and report its nothing (a
    trend of 0 steps, an export or backup of an empty team)."""
    huddle.db = tmp_path / "typo" / "teem.db"
    result = huddle(*(word.format(tmp=tmp_path) for word in command))
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        f"no team's file at {huddle.db}: check the path, or run `huddle --db {huddle.db}`"
        " to start a team there"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []

"""`huddle export` and `huddle import`: the whole team out as JSON and back into a new file,
every row the same; a second import merges without duplicates; a bad file changes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import tracemalloc
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from huddle.core.demo import create_demo_file, demo_clock
from huddle.core.export import FORMAT_KEY, FORMAT_VERSION, write_export
from huddle.core.import_ import read_export
from huddle.core.schema import PULSE_FACTORS
from huddle.core.store import Store
from huddle.core.store.search import SearchFilters
from huddle.core.store.transfer import EXPORTED_TABLES

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle

MONDAY = date(2026, 11, 30)


def one_line_error(output: str) -> str:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


def every_row(path: Path, tables: tuple[str, ...] = EXPORTED_TABLES) -> dict[str, list[Any]]:
    store = Store.open(path, clock=demo_clock(MONDAY))
    try:
        return {
            table: store.db.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in tables
        }
    finally:
        store.close()


def found(words: str, path: Path) -> int:
    store = Store.open(path)
    try:
        return store.search.count(SearchFilters(words))
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo_file(path, MONDAY)
    return path


@pytest.fixture(scope="module")
def exported(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "team.json"
    store = Store.open(demo_file, clock=demo_clock(MONDAY))
    try:
        with out.open("w", encoding="utf-8") as stream:
            write_export(store, stream)
    finally:
        store.close()
    return out


def test_the_demo_team_comes_back_row_for_row(
    huddle: Huddle, demo_file: Path, exported: Path
) -> None:
    huddle.db = exported.parent / "restored.db"
    out = huddle.ok("import", str(exported))
    assert out.startswith("Imported 9 members, 614 steps and 17 blockers")
    before, after = every_row(demo_file), every_row(huddle.db)
    for table in EXPORTED_TABLES:
        assert after[table] == before[table], table
    assert sum(len(rows) for rows in after.values()) > 1000
    # What is made from the rows is made again: the tallies behind trends, and search.
    derived = ("step_tallies", "day_tallies")
    assert every_row(huddle.db, derived) == every_row(demo_file, derived)
    assert found("interpreter", huddle.db) == found("interpreter", demo_file) > 0


def test_the_export_is_documented_and_holds_only_pulse_averages(
    demo_file: Path, exported: Path
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert next(iter(data)) == FORMAT_KEY and data[FORMAT_KEY] == FORMAT_VERSION
    assert list(data["tables"]) == list(EXPORTED_TABLES)
    assert "pulse_answers" not in exported.read_text() and "pulse_taken" not in data["tables"]
    store = Store.open(demo_file)
    try:
        answers = store.db.value("SELECT count(*) FROM pulse_answers")
    finally:
        store.close()
    weeks = data["pulse_averages"]
    assert weeks and all(week["answers"] >= 3 for week in weeks)
    assert sum(week["answers"] for week in weeks) <= answers
    assert all(1 <= week[f] <= 5 for week in weeks for f in PULSE_FACTORS)
    documented = (Path(__file__).parents[1] / "docs" / "export-format.md").read_text()
    for key in [*data, *data["tables"], *data["pulse_averages"][0]]:
        assert f"`{key}`" in documented, f"{key} is not in docs/export-format.md"


def test_export_to_a_file_is_readable_by_the_user_alone(
    huddle: Huddle, demo_file: Path, tmp_path: Path
) -> None:
    huddle.db = demo_file
    out = tmp_path / "team.json"
    result = huddle("export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    to_screen = huddle.ok("export")
    assert json.loads(to_screen)["tables"]["members"]["rows"]


def test_importing_into_a_file_with_a_team_is_refused_unless_merged_and_merging_twice_adds_nothing(
    huddle: Huddle, demo_file: Path, exported: Path, tmp_path: Path
) -> None:
    huddle.db = tmp_path / "merged.db"
    huddle.ok("import", str(exported))
    before = every_row(huddle.db)
    refused = huddle("import", str(exported))
    assert refused.exit_code == 1
    assert "already holds a team" in one_line_error(refused.output)
    assert "--merge" in refused.output
    for _ in range(2):
        out = huddle.ok("import", str(exported), "--merge")
        assert "Imported 0 members, 0 steps and 0 blockers" in out
        assert every_row(huddle.db) == before


def test_merge_adds_what_is_missing_and_keeps_ids(
    huddle: Huddle, exported: Path, tmp_path: Path
) -> None:
    # Another file of the same team, with a step added after the export.
    other = tmp_path / "other.db"
    huddle.db = other
    huddle.ok("import", str(exported))
    huddle.ok("add", "Ring the interpreter service the day before", "--who", "sarah")
    later = tmp_path / "later.json"
    huddle.ok("export", "--out", str(later))
    huddle.db = tmp_path / "mine.db"
    huddle.ok("import", str(exported))
    out = huddle.ok("import", str(later), "--merge")
    assert "Imported 0 members, 1 step and 0 blockers (1 row in all)" in out
    assert every_row(huddle.db) == every_row(other)


BAD_EXPORTS = {
    "not JSON": b"hello",
    "cut short": b'{"huddle_export": 1, "tables": {"members": {"columns": ["id"], "rows": [["a"',
    "no version": b'{"tables": {}}',
    "a newer format": b'{"huddle_export": 99, "tables": {}}',
    "an unknown table": b'{"huddle_export": 1, "tables": {"secrets": {"columns": ["id"],'
    b' "rows": [["x"]]}}}',
    "an unknown column": b'{"huddle_export": 1, "tables": {"members": {"columns": ["id", "x"],'
    b' "rows": [["x", 1]]}}}',
    "a step of nobody": b'{"huddle_export": 1, "tables": {"steps": {"columns": ["id",'
    b' "member_id", "text", "day", "created_at", "updated_at"], "rows": [["s", "ghost", "t",'
    b' "2026-11-30", "x", "x"]]}}}',
    "not UTF-8": b'{"huddle_export": 1, "team": "\xff\xfe"}',
    "an object for a value": b'{"huddle_export": 1, "tables": {"holidays": {"columns":'
    b' ["day"], "rows": [[{"a": 1}]]}}}',
}


@pytest.mark.parametrize("bad", BAD_EXPORTS, ids=list(BAD_EXPORTS))
def test_a_bad_export_is_one_line_and_writes_nothing(
    huddle: Huddle, tmp_path: Path, bad: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(BAD_EXPORTS[bad])
    huddle.db = tmp_path / "new.db"
    result = huddle("import", str(source))
    assert result.exit_code == 1
    assert str(source) in one_line_error(result.output)
    assert not huddle.db.exists()
    # Merged into a file with a team, it leaves the file as it was.
    huddle.ok("team", "add", "Ann Smith")
    huddle.ok("add", "Ring the carer", "--who", "ann")
    digest = hashlib.sha256(huddle.db.read_bytes()).hexdigest()
    before = every_row(huddle.db)
    assert huddle("import", str(source), "--merge").exit_code == 1
    assert every_row(huddle.db) == before
    assert hashlib.sha256(huddle.db.read_bytes()).hexdigest() == digest


def test_a_large_export_is_read_a_row_at_a_time(tmp_path: Path) -> None:
    rows = "".join(f',\n["{n:032x}", "{"x" * 200}", "2026-11-30", "x", "x"]' for n in range(20_000))
    text = (
        '{"huddle_export": 1, "tables": {"goals": {"columns": ["id", "title", "target_date",'
        f' "created_at", "status"], "rows": [["0", "a", null, "x", "active"]{rows}]}}}}}}'
    )
    source = tmp_path / "big.json"
    source.write_text(text, encoding="utf-8")
    del rows, text
    tracemalloc.start()
    try:
        with source.open(encoding="utf-8") as stream:
            count = sum(1 for table in read_export(stream) for _ in table.rows)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_001
    assert peak < source.stat().st_size / 10


def test_rows_are_read_as_they_come(tmp_path: Path) -> None:
    """The reader does not wait for the end of the file to hand over the first rows."""
    stream = io.StringIO(
        '{"huddle_export": 1, "tables": {"holidays": {"columns": ["day"], "rows": [["2026-12-25"],'
    )
    table = next(read_export(stream))
    assert next(iter(table.rows)) == ["2026-12-25"]


def test_an_export_is_the_team_as_it_stood_when_it_began(team_file: Path) -> None:
    """A member and their step added while the export runs are both in it or both out."""
    writer = Store.open(team_file, clock=demo_clock(MONDAY))
    reader = Store.open(team_file, clock=demo_clock(MONDAY))

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            if '"goals"' in text:  # the members are written; someone adds one, and a step
                bea = writer.members.add("Bea Jones")
                writer.steps.add(bea, "Ring the carer", writer.today())
            return super().write(text)

    try:
        out = Out()
        write_export(reader, out)
    finally:
        writer.close()
        reader.close()
    tables = json.loads(out.getvalue())["tables"]
    assert len(tables["members"]["rows"]) == 3
    assert tables["steps"]["rows"] == []


def test_out_through_a_symlink_or_to_a_pipe_writes_there_and_replaces_no_link_or_pipe(
    huddle: Huddle, demo_file: Path, tmp_path: Path
) -> None:
    import os
    import threading

    huddle.db = demo_file
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    huddle.ok("export", "--out", str(link))
    assert link.is_symlink() and json.loads(real.read_text())["tables"]
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    huddle.ok("digest", "--out", str(link), "--format", "md")
    assert link.is_symlink() and real.read_text().startswith("# Huddle digest")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_text()), daemon=True)
    reader.start()
    huddle.ok("export", "--out", str(pipe))
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file in its place
    assert json.loads(read[0])["huddle_export"] == FORMAT_VERSION


def test_a_failed_write_to_the_screen_is_one_line(demo_file: Path) -> None:
    import os
    import subprocess
    import sys

    if not Path("/dev/full").is_char_device():
        pytest.skip("needs /dev/full")
    env = {**os.environ, "HUDDLE_TODAY": MONDAY.isoformat()}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "huddle", "--db", str(demo_file), "export"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "Error: can't write: No space left on device\n"

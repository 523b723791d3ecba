"""`huddle add TEXT` is read and run without click (huddle.cli.entry, issue 12). These tests
hold that it means exactly what click's `huddle add` means: the same output, errors, exit
code and rows, for every way the line is usually typed; and that anything else goes to click."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from huddle.cli import entry
from huddle.cli import main as click_main
from huddle.cli.entry import QuickAdd, read_quick_add
from huddle.core.calendar import FixedClock
from huddle.core.models import Role
from huddle.core.store import Store

TODAY = date(2026, 11, 25)
"""A Wednesday ($HUDDLE_TODAY): the commands never read the real date."""


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A team of three with one goal; who I am not yet said; today is TODAY."""
    monkeypatch.setenv("HUDDLE_CONFIG", str(tmp_path / "settings.json"))
    monkeypatch.setenv("HUDDLE_TODAY", TODAY.isoformat())
    monkeypatch.delenv("HUDDLE_WHO", raising=False)
    monkeypatch.delenv(entry.COMPLETING, raising=False)
    path = tmp_path / "team.db"
    store = Store.open(path, clock=FixedClock(datetime.combine(TODAY, time(9)).astimezone()))
    store.members.add("Ann Smith", Role.LEAD)
    store.members.add("Bea Jones")
    store.members.add("Sam Okafor")
    store.goals.add("Cut the wait for a care assessment")
    store.close()
    yield path


def rows(path: Path) -> list[tuple[str, ...]]:
    """What was saved, as a person would read it: steps, blockers and ideas, with whose."""
    store = Store.open(path)
    try:
        steps = [
            ("step", s.member_name, s.text, s.goal_title or "", s.day.isoformat(), s.source.value)
            for day in range(14)
            for s in store.steps.on_day(TODAY + timedelta(days=day))
        ]
        blockers = [("blocker", b.raised_by_name, b.text) for b in store.blockers.open()]
        ideas = [("idea", i.raised_by_name, i.text, i.source.value) for i in store.ideas.all()]
    finally:
        store.close()
    return sorted([*steps, *blockers, *ideas])


def same_ids(said: str) -> str:
    """A blocker's short id is drawn at random: "Blocker 3f2a1c raised" reads "Blocker ID"."""
    return re.sub(r"^Blocker [0-9a-f]{6} ", "Blocker ID ", said)


def by_click(path: Path, args: list[str]) -> tuple[int, str, str, list[tuple[str, ...]]]:
    result = CliRunner().invoke(click_main, ["--db", str(path), *args], prog_name="huddle")
    return result.exit_code, same_ids(result.stdout), result.stderr, rows(path)


def quickly(
    path: Path, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str, list[tuple[str, ...]]]:
    argv = ["--db", str(path), *args]
    assert read_quick_add(argv) is not None, "this line should be run without click"
    monkeypatch.setattr(sys, "argv", ["huddle", *argv])
    with pytest.raises(SystemExit) as done:
        entry.main()
    out, err = capsys.readouterr()
    return int(done.value.code or 0), same_ids(out), err, rows(path)


LINES = [
    ["add", "Prepare the visit questions", "--who", "ann"],
    ["add", "--who", "bea", "Ring the carer #cut"],
    ["add", "Ring the carer", "--who=sam", "--goal", "cut"],
    ["add", "Chase the OT report @bea"],
    ["add", "Offer a call back instead of a visit +carer", "--who", "ann"],
    ["add", "Offer a call back", "--who", "ann", "--from", "family"],
    ["add", "Plan the review", "--who", "ann", "--for", "fri"],
    ["add", "Plan the review", "--who", "ann", "--for", "mon"],
    ["add", "! The referral form asks for the NHS number twice", "--who", "bea"],
    ["add", "!! A carers' drop-in before the review", "--who", "bea"],
    ["add", "[TODO] check [/tmp] \x1b[31mred\x1b[0m and emoji 🎉", "--who", "ann"],
    ["add", "x" * 3000, "--who", "ann"],
    ["add", "", "--who", "ann"],
    ["add", "   ", "--who", "ann"],
    ["add", "A step", "--who", "zed"],
    ["add", "A step", "--who", "s"],
    ["add", "A step"],
    ["add", "A step", "--who", "ann", "--goal", "nothing"],
    ["add", "A step #cut", "--who", "ann", "--goal", "other"],
    ["add", "! A blocker", "--who", "ann", "--for", "fri"],
    ["add", "A step", "--who", "ann", "--for", "yesterday"],
    ["add", "A step", "--who", "ann", "--for", "sat"],
    ["add", "A step", "--who", "ann", "--for", "31/02"],
    ["add", "A step", "--who", "ann", "--from", "nobody"],
    ["add", "A step @ann @bea"],
]


@pytest.mark.parametrize("args", LINES, ids=range(len(LINES)))
def test_a_line_means_the_same_with_or_without_click(
    team: Path,
    tmp_path: Path,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twin = tmp_path / "twin.db"
    shutil.copyfile(team, twin)

    said = by_click(team, args)
    quick = quickly(twin, args, capsys, monkeypatch)

    assert quick == said
    code, out, err, saved = quick
    if code == 0:
        assert out.startswith(("Added for ", "Blocker ", "Idea noted by ")) and err == ""
        assert saved
    else:
        assert code == 1 and out == "" and saved == []
        assert err.startswith("Error: ") and len(err.splitlines()) == 1


def test_the_db_option_after_add_wins_as_with_click(team: Path, tmp_path: Path) -> None:
    assert read_quick_add(["--db", "a.db", "add", "T", "--db", "b.db"]) == QuickAdd("T", "b.db")
    assert read_quick_add(["--db=a.db", "add", "T"]) == QuickAdd("T", "a.db")
    assert read_quick_add(["add", "T", "--for=fri", "--from", "carer"]) == QuickAdd(
        "T", for_day="fri", source="carer"
    )


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["add"],  # the form
        ["add", "--who", "ann"],  # the form
        ["add", "-h"],
        ["add", "T", "--help"],
        ["--help", "add", "T"],
        ["--version"],
        ["--served", "add", "T"],
        ["add", "T", "U"],  # two texts: click says so
        ["add", "-T"],
        ["add", "--", "-T"],
        ["add", "T", "--who"],  # no value
        ["add", "T", "--who", ""],
        ["add", "T", "--who="],
        ["add", "T", "--who", "-x"],
        ["add", "T", "--who", "ann", "--who", "bea"],  # repeated
        ["add", "T", "--db", "a.db", "--db", "b.db"],
        ["add", "T", "--category", "forms"],  # not an option of add
        ["add", "T", "--wh", "ann"],
        ["block", "T", "--who", "ann"],
        ["mine", "--who", "ann"],
        ["team", "add", "T"],
        ["--db", "a.db", "--db", "b.db", "add", "T"],
        ["--db", "a.db", "team", "add", "T"],
    ],
)
def test_anything_unusual_goes_to_click(args: list[str]) -> None:
    assert read_quick_add(args) is None


def test_help_and_mistakes_in_the_line_are_answered_by_click(
    team: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["huddle", "--db", str(team), "add", "T", "U"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 2
    assert "Got unexpected extra argument (U)" in capsys.readouterr().err
    monkeypatch.setattr(sys, "argv", ["huddle", "add", "--help"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert "Usage: huddle add [OPTIONS] [TEXT]" in capsys.readouterr().out


def test_shell_completion_is_always_clicks(
    team: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(entry.COMPLETING, "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "huddle add T --who a")
    monkeypatch.setenv("COMP_CWORD", "4")
    monkeypatch.setenv("HUDDLE_DB", str(team))
    monkeypatch.setattr(sys, "argv", ["huddle", "add", "T", "--who", "a"])
    with pytest.raises(SystemExit):
        entry.main()
    assert "Ann Smith" in capsys.readouterr().out
    assert rows(team) == []  # completing a word never saves the line


def test_the_installed_huddle_command_adds_a_step(team: Path) -> None:
    """The installed command, as a practitioner runs it, in its own process."""
    huddle = shutil.which("huddle", path=os.path.dirname(sys.executable))
    assert huddle is not None
    done = subprocess.run(
        [huddle, "--db", str(team), "add", "Ring the carer #cut", "--who", "sam"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "Added for today, Sam Okafor: Ring the carer (goal: Cut the wait for a care assessment)\n"
    )
    refused = subprocess.run(
        [huddle, "--db", str(team), "add", "Ring", "--who", "zed"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("Error: no member matches 'zed'")


def test_a_mistyped_db_starts_no_team_either_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "tema.db"
    args = ["--db", str(missing), "add", "Ring the carer", "--who", "ann"]
    said = CliRunner().invoke(click_main, args, prog_name="huddle")
    monkeypatch.setattr(sys, "argv", ["huddle", *args])
    with pytest.raises(SystemExit) as done:
        entry.main()
    out, err = capsys.readouterr()

    assert (done.value.code, out, err) == (said.exit_code, said.stdout, said.stderr)
    assert err.startswith(f"Error: no team's file at {missing}: check the path")
    assert not missing.exists()

"""A practitioner at their own terminal: `huddle whoami`, `huddle add` with the shorthand,
and `huddle mine` (and its JSON)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from huddle.cli import main
from huddle.core.calendar import FixedClock
from huddle.core.models import Role
from huddle.core.store import Store

Run = Callable[..., Result]

TODAY = date(2026, 11, 25)
"""A Wednesday: the commands run as if it were today ($HUDDLE_TODAY), never on the real date."""


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Run, Path]]:
    """`huddle --db team.db ...` in-process, on a team of three, with private settings."""
    monkeypatch.setenv("HUDDLE_CONFIG", str(tmp_path / "settings.json"))
    monkeypatch.delenv("HUDDLE_WHO", raising=False)
    path = tmp_path / "team.db"
    store = read(path)
    store.members.add("Ann Smith", Role.LEAD)
    store.members.add("Bea Jones")
    store.members.add("Sam Okafor")
    store.goals.add("Cut the wait for a care assessment")
    store.close()
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        env = {"HUDDLE_TODAY": TODAY.isoformat(), **(env or {})}
        return runner.invoke(main, ["--db", str(path), *args], env=env, prog_name="huddle")

    yield run, path


def read(path: Path) -> Store:
    return Store.open(path, clock=FixedClock(datetime.combine(TODAY, time(9)).astimezone()))


def error_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0].removeprefix("Error: ")


def test_without_knowing_who_i_am_add_says_how_to_tell_it(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    assert error_line(run("add", "Ring the carer")) == (
        "who are you? Add --who NAME (or @name first or last in the line), "
        "or tell Huddle once with: huddle whoami NAME"
    )
    assert error_line(run("whoami")) == "nobody yet; tell Huddle once with: huddle whoami NAME"


def test_whoami_remembers_me_for_add_and_mine(shell: tuple[Run, Path], tmp_path: Path) -> None:
    run, path = shell
    said = run("whoami", "sa")
    assert said.exit_code == 0, said.output
    assert said.output.startswith("You are Sam Okafor")
    assert json.loads((tmp_path / "settings.json").read_text())["who"] == "Sam Okafor"
    assert run("whoami").output == "Sam Okafor\n"

    added = run("add", "Prepare the visit questions #wait")

    assert added.exit_code == 0, added.output
    assert "Sam Okafor: Prepare the visit questions" in added.output
    assert "(goal: Cut the wait for a care assessment)" in added.output
    store = read(path)
    try:
        steps = store.steps.on_day(store.coming_huddle_day())
        assert [(s.member_name, s.text) for s in steps] == [
            ("Sam Okafor", "Prepare the visit questions")
        ]
    finally:
        store.close()


def test_whoami_refuses_a_name_not_in_the_team(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    assert error_line(run("whoami", "zed")).startswith("no member matches 'zed'")


def test_who_comes_from_the_option_then_the_environment_then_settings(
    shell: tuple[Run, Path],
) -> None:
    run, path = shell
    run("whoami", "sam")
    run("add", "From settings")
    run("add", "From the environment", env={"HUDDLE_WHO": "bea"})
    run("add", "From the option", "--who", "ann", env={"HUDDLE_WHO": "bea"})
    store = read(path)
    try:
        steps = store.steps.on_day(store.coming_huddle_day())
        assert sorted((s.text, s.member_name) for s in steps) == [
            ("From settings", "Sam Okafor"),
            ("From the environment", "Bea Jones"),
            ("From the option", "Ann Smith"),
        ]
    finally:
        store.close()


def test_an_at_name_inside_the_sentence_is_kept_and_the_step_stays_mine(
    shell: tuple[Run, Path],
) -> None:
    run, path = shell
    result = run("add", "Visit flat 3 Elm Road with @bea before 10", "--who", "ann")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Ann Smith: Visit flat 3 Elm Road with @bea before 10\n")
    store = read(path)
    try:
        assert [(s.member_name, s.text) for s in store.steps.on_day(store.coming_huddle_day())] == [
            ("Ann Smith", "Visit flat 3 Elm Road with @bea before 10")
        ]
    finally:
        store.close()


def test_a_bang_raises_a_blocker_and_at_name_names_the_person(shell: tuple[Run, Path]) -> None:
    run, path = shell
    run("whoami", "ann")
    blocked = run("add", "! the referral form asks for the [NHS] number twice @bea")
    step = run("add", "Chase the OT report @sam")
    assert blocked.exit_code == 0, blocked.output
    assert "raised by Bea Jones: the referral form asks for the [NHS] number twice" in (
        blocked.output
    )
    assert step.output.endswith("Sam Okafor: Chase the OT report\n")
    store = read(path)
    try:
        assert [(b.raised_by_name, b.text) for b in store.blockers.open()] == [
            ("Bea Jones", "the referral form asks for the [NHS] number twice")
        ]
        assert [s.member_name for s in store.steps.on_day(store.coming_huddle_day())] == [
            "Sam Okafor"
        ]
    finally:
        store.close()


def test_block_reads_the_same_shorthand(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    result = run("block", "No laptop for visits @sam", "--category", "computer systems")
    assert result.exit_code == 0, result.output
    assert "raised by Sam Okafor: No laptop for visits" in result.output


def test_a_blocker_for_another_day_is_refused(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    assert error_line(run("add", "! no laptop", "--who", "sam", "--for", "tomorrow")) == (
        "a blocker is raised today; --for is only for steps"
    )


def test_add_without_text_and_without_a_terminal_says_what_to_do(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    assert error_line(run("add", "--who", "sam")) == (
        'no step given: huddle add "TEXT" (the form needs a terminal)'
    )


def test_mine_lists_my_steps_and_blockers(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    run("whoami", "sam")
    run("add", "Ring the carer #wait")
    run("add", "! No laptop for visits")
    run("add", "Not mine @bea")

    text = run("mine")
    data = run("mine", "--json")

    assert text.exit_code == 0, text.output
    assert "Steps (1):\n  - Ring the carer  [goal: Cut the wait for a care assessment]" in (
        text.output
    )
    assert "No laptop for visits (open, raised by you today)" in text.output
    assert "Not mine" not in text.output
    found = json.loads(data.output)
    assert set(found) == {"member", "huddle_day", "steps", "carried", "blockers"}
    assert found["member"] == "Sam Okafor"
    assert [s["text"] for s in found["steps"]] == ["Ring the carer"]
    assert found["carried"] == []
    assert [(b["text"], b["status"], b["age_days"]) for b in found["blockers"]] == [
        ("No laptop for visits", "open", 0)
    ]


def test_mine_needs_to_know_who_i_am(shell: tuple[Run, Path]) -> None:
    run, _ = shell
    assert error_line(run("mine", "--json")).startswith("who are you?")
    assert json.loads(run("mine", "--json", "--who", "bea").output)["member"] == "Bea Jones"


@pytest.mark.parametrize(
    "args",
    [
        ["add", "! The form asks twice @bea"],
        ["add", "Ring the carer #wait", "--who", "sam"],
        ["mine", "--json", "--who", "sam"],
        ["whoami", "sam"],
    ],
)
def test_shell_commands_never_load_textual(shell: tuple[Run, Path], args: list[str]) -> None:
    _, path = shell
    code = (
        "import json, sys\n"
        "from huddle.cli import main\n"
        f"main(['--db', {str(path)!r}, *{args!r}], standalone_mode=False)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "HUDDLE_TODAY": TODAY.isoformat()},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


ADD_MAY_LOAD = {
    "huddle",
    "huddle.cli",
    "huddle.cli.adding",  # the add command's body, shared with click's
    "huddle.cli.entry",  # reads `huddle add TEXT` and runs it without click
    "huddle.cli.state",
    "huddle.config",
    "huddle.core",
    "huddle.core.calendar",
    "huddle.core.typed_dates",  # with the calendar: how "today" is said
    "huddle.core.entries",
    "huddle.core.matching",
    "huddle.core.models",
    "huddle.core.models.people",
    "huddle.core.models.record",  # Member and Step, made without `dataclasses`
    "huddle.core.models.steps",
    "huddle.core.shorthand",
    "huddle.core.store",
    "huddle.core.store.db",
    "huddle.core.store.db_follow",  # the file replaced under it is followed before a write
    "huddle.core.store.file_check",
    "huddle.core.store.huddles",
    "huddle.core.store.members",
    "huddle.core.store.steps",
    "huddle.core.store.team",
    "huddle.core.text",
    "huddle.paths",
}
"""Everything of Huddle's that `huddle add TEXT --who NAME` may import (issue 12: it must
start in a blink). Widen it only for a module adding a step truly needs; bench/run.py cli
measures what it costs."""


ADD_NEVER_LOADS = {
    "argparse",
    "asyncio",
    "calendar",
    "csv",
    "decimal",
    "difflib",
    "email",
    "ipaddress",
    "json",
    "logging",
    "pathlib",
    "shutil",
    "subprocess",
    "tempfile",
    "urllib",
    "zoneinfo",
}
"""Standard modules `huddle add` does without (each costs a start-up more; none is needed to
add a step): the migrations' sqlite-utils and dateutil's rules would bring most of them;
pathlib (with urllib and ipaddress) a tenth of the start-up; json only to read who I am when
--who is not given."""


ADD_ALONE_NEVER_LOADS = {"click", "copy", "dataclasses", "inspect"}
"""What adding a step does without that `huddle block` needs (its model is still a dataclass,
and click parses it): `huddle add TEXT` runs without click, and so without `inspect`, which
click and `dataclasses` load, each costing more than any module of Huddle's."""


BLOCK_AND_MINE_MAY_ALSO_LOAD = {
    "click",
    "huddle.cli.common",
    "huddle.cli.group",
    "huddle.cli.me",
    "huddle.cli.steps",
    "huddle.core.blockers",
    "huddle.core.mine",
    "huddle.core.models.blockers",
    "huddle.core.store.blocker_rows",
    "huddle.core.store.blockers",
}
"""What `huddle block` and `huddle mine` read besides: click, which parses them (`huddle add
TEXT` is read without it), the blockers and their age in huddle
days (not their history's undo, nor the tiers they are sent up through)."""


@pytest.mark.parametrize(
    ("args", "may_load", "never_loads"),
    [
        (
            ["add", "Ring the carer", "--who", "sam"],
            ADD_MAY_LOAD,
            ADD_NEVER_LOADS | ADD_ALONE_NEVER_LOADS,
        ),
        (
            ["block", "No laptop for visits", "--who", "sam"],
            ADD_MAY_LOAD | BLOCK_AND_MINE_MAY_ALSO_LOAD,
            ADD_NEVER_LOADS,
        ),
        (
            ["mine", "--who", "sam"],
            ADD_MAY_LOAD | BLOCK_AND_MINE_MAY_ALSO_LOAD,
            ADD_NEVER_LOADS,
        ),
    ],
)
def test_huddle_add_loads_only_what_adding_a_step_needs(
    shell: tuple[Run, Path], args: list[str], may_load: set[str], never_loads: set[str]
) -> None:
    _, path = shell
    code = (  # as the `huddle` command runs: its entry reads sys.argv
        "import sys\n"
        f"sys.argv = ['huddle', '--db', {str(path)!r}, *{args!r}]\n"
        "from huddle.cli.entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "loaded = sorted(sys.modules)\n"
        "import json\n"  # only now: json is one of the modules `huddle add` does without
        "print(json.dumps(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {m for m in loaded if m.split(".")[0] == "huddle"} - may_load == set()
    assert ("click" in loaded) == ("click" in may_load)  # `huddle add TEXT` runs without it
    others = {m.split(".")[0] for m in loaded} - set(sys.stdlib_module_names)
    assert others - {"huddle", "click", "_distutils_hack", "__main__"} == set()
    assert never_loads & loaded == set()

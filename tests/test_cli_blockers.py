"""For people who live in a shell: list blockers, send one up, record management's answer,
resolve it, and write the digest; a mistake is one line and exit code 1."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from huddle.core.models import BlockerStatus

TEXT = "The referral form asks for the NHS number twice"


def one_line_error(output: str) -> str:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


@pytest.fixture(autouse=True)
def nobody_at_the_keyboard(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HUDDLE_WHO", raising=False)
    monkeypatch.setenv("HUDDLE_CONFIG", str(tmp_path / "settings.json"))


def raised(huddle, text: str = TEXT) -> str:
    """Raise a blocker through the shell; its short id, as printed."""
    out = huddle.ok("block", text, "--who", "anne")
    found = re.search(r"Blocker ([0-9a-f]{6}) raised", out)
    assert found, out
    return found.group(1)


def test_a_blocker_goes_up_and_comes_back_from_the_shell(huddle_with_team) -> None:
    huddle = huddle_with_team
    assert huddle.ok("blockers") == "No open blockers.\n"
    short = raised(huddle)
    listed = huddle.ok("blockers")
    assert listed.startswith(f"{short}  raised today  open  The referral form asks")
    assert "(Anne Jones)" in listed

    out = huddle.ok("escalate", short[:4], "--reason", "Only IT can change it", "--who", "ann s")
    assert out == f"Blocker {short} sent up to management: {TEXT}\n"
    out = huddle.ok("answer", short, "IT drop the field in March [v2]", "--who", "sam")
    assert out.startswith(f"Answer recorded for blocker {short}")
    assert huddle.ok("blockers", "--status", "sent-up").startswith(
        f"{short}  raised today  answered"
    )
    out = huddle.ok("resolve", short, "Field gone", "--who", "anne")
    assert out == f"Blocker {short} resolved: {TEXT}\n"
    assert huddle.ok("blockers") == "No open blockers.\n"
    assert short in huddle.ok("blockers", "--status", "resolved")

    store = huddle.open_store()
    try:
        [blocker] = store.blockers.all()
        assert blocker.status is BlockerStatus.RESOLVED
        whos = [(e.status_to.value, e.who) for e in store.blockers.history(blocker)]
    finally:
        store.close()
    assert whos == [
        ("open", "Anne Jones"),
        ("escalated", "Ann Smith"),
        ("answered", "Sam Patel"),
        ("resolved", "Anne Jones"),
    ]


def test_blockers_as_json_for_scripts(huddle_with_team) -> None:
    huddle = huddle_with_team
    short = raised(huddle)
    huddle.ok("escalate", short, "--reason", "Only IT", "--to", "Sam Patel", "--who", "ann s")
    [data] = json.loads(huddle.ok("blockers", "--json"))
    assert data["short_id"] == short and data["id"].startswith(short)
    assert data["status"] == "escalated"
    assert (data["sent_to"], data["reason"], data["sent_up_on"]) == (
        "Sam Patel",
        "Only IT",
        "2026-11-25",
    )
    assert (data["waiting_huddle_days"], data["flag"], data["answer"]) == (0, "none", None)
    assert json.loads(huddle.ok("blockers", "--json", "--status", "owned")) == []


def test_an_overdue_answer_is_flagged_in_the_list(huddle_with_team) -> None:
    huddle = huddle_with_team
    short = raised(huddle)
    huddle.ok("escalate", short, "--reason", "Only IT", "--who", "ann s")
    huddle.today = huddle.today.replace(day=30)  # Monday: Thu, Fri, Mon waited
    assert huddle.ok("blockers").startswith(
        f"{short}  3 huddle days  sent up  overdue  The referral"
    )  # raised Wed 25 Nov, Monday 30 Nov: Thu, Fri, Mon
    huddle.today = huddle.today.replace(month=12, day=2)
    assert "  OVERDUE  " in huddle.ok("blockers")
    out = huddle.ok("team", "answer-limit", "6")  # 5 huddle days waited by Wednesday
    assert out.startswith("Blockers sent up are flagged amber after 6 huddle days")
    assert "overdue" not in huddle.ok("blockers").lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["answer", "{id}", "Ordered", "--who", "sam"], "is open; it can't become answered"),
        (["resolve", "ffffff", "Done", "--who", "sam"], "no blocker has an id starting ffffff"),
        (["resolve", "the form", "Done", "--who", "sam"], "'the form' is not a blocker id"),
        # One slip of a key must not resolve whichever blocker starts with it.
        (["resolve", "{id1}", "Done", "--who", "sam"], "type 3 or more characters of its id"),
        (["escalate", "{id}", "--reason", " ", "--who", "sam"], "reason for sending it up"),
        (["escalate", "{id}", "--reason", "IT", "--who", "zed"], "no member matches 'zed'"),
        (["answer", "{id}", "Ordered"], "who are you?"),
        (["digest", "--since", "someday"], "can't read 'someday' as a date"),
        (["digest", "--since", "tomorrow", "--until", "yesterday"], "after it ends"),
    ],
)
def test_a_mistake_is_one_line_and_exit_code_1(
    huddle_with_team, args: list[str], message: str
) -> None:
    huddle = huddle_with_team
    short = raised(huddle)
    result = huddle(*[a.replace("{id}", short).replace("{id1}", short[:1]) for a in args])
    assert result.exit_code == 1, result.output
    assert message in one_line_error(result.output)
    store = huddle.open_store()
    try:
        assert store.blockers.find(short).status is BlockerStatus.OPEN
        assert store.digests.last() is None
    finally:
        store.close()


def test_the_digest_goes_to_the_screen_or_a_file_and_the_next_starts_after_it(
    huddle_with_team, tmp_path: Path
) -> None:
    huddle = huddle_with_team
    short = raised(huddle, "Ann says the form asks twice")
    huddle.ok("escalate", short, "--reason", "Only IT", "--to", "Sam Patel", "--who", "ann s")
    out = huddle.ok("digest")
    assert out.startswith("# Huddle digest: North assessment team\n")
    assert "Thu 19 Nov 2026 to Wed 25 Nov 2026" in out
    assert "- Ann says the form asks twice\n" in out
    assert short not in out  # named by its words, never its hex id

    target = tmp_path / "week.csv"
    out = huddle.ok("digest", "--since", "last monday", "--out", str(target), "--no-names")
    assert out == f"Digest for Mon 23 Nov to Wed 25 Nov 2026 written to {target}\n"
    written = target.read_bytes()
    assert written.startswith(b"\xef\xbb\xbfsection,date,id,who,text")
    text = written.decode("utf-8-sig")
    for name in ("Ann", "Smith", "Anne", "Jones", "Sam", "Patel"):
        assert not re.search(rf"\b{name}\b", text), name
    assert "[name] says the form asks twice" in text
    assert target.stat().st_mode & 0o777 == 0o600

    as_json = json.loads(huddle.ok("digest", "--format", "json", "--until", "today"))
    assert as_json["since"] == "2026-11-19"  # --until alone: the 7 days up to it

    huddle.today = huddle.today.replace(day=27)
    later = json.loads(huddle.ok("digest", "--format", "json"))
    assert (later["since"], later["until"]) == ("2026-11-26", "2026-11-27")


def test_sending_up_again_says_so_and_where_the_answer_went(huddle_with_team) -> None:
    """An answer that doesn't settle it: sent up again, the CLI said only 'sent up to
    management', as if for the first time, with the answer gone from the blocker unsaid."""
    huddle = huddle_with_team
    short = raised(huddle)
    huddle.ok("escalate", short, "--reason", "Only IT", "--who", "anne")
    huddle.ok("answer", short, "Use the paper form [for now]", "--who", "sam")
    out = huddle.ok("escalate", short, "--reason", "Paper is slower", "--who", "anne")
    assert out == (
        f"Blocker {short} sent up to management again: {TEXT}\n"
        "The answer it had stays in its history: Use the paper form [for now]\n"
    )
    as_json = json.loads(huddle.ok("blockers", "--json"))
    assert (as_json[0]["status"], as_json[0]["answer"]) == ("escalated", None)

    huddle.ok("team", "tiers", "Team manager", "Service manager")
    other = raised(huddle, "No car on Tuesdays")
    out = huddle.ok("escalate", other, "--reason", "Pool cars", "--who", "anne")
    assert out == f"Blocker {other} sent up to Team manager: No car on Tuesdays\n"
    out = huddle.ok("escalate", other, "--reason", "Budget", "--to", "Pat", "--who", "anne")
    assert out == f"Blocker {other} sent higher, to Service manager (Pat): No car on Tuesdays\n"


def test_the_digest_since_a_weekday_looks_back_to_it(huddle_with_team) -> None:
    """On a Wednesday, "--since monday" is this week's Monday, not the coming one (which was
    refused as starting after the digest ends)."""
    huddle = huddle_with_team
    for typed in ("monday", "mon", "this monday"):
        as_json = json.loads(huddle.ok("digest", "--since", typed, "--format", "json"))
        assert (as_json["since"], as_json["until"]) == ("2026-11-23", "2026-11-25"), typed
    as_json = json.loads(
        huddle.ok("digest", "--since", "fri", "--until", "fri", "--format", "json")
    )
    assert (as_json["since"], as_json["until"]) == ("2026-11-20", "2026-11-27")  # to this week's


def test_the_format_follows_the_file_name(huddle_with_team, tmp_path: Path) -> None:
    huddle = huddle_with_team
    huddle.ok("digest", "--out", str(tmp_path / "d.json"))
    assert json.loads((tmp_path / "d.json").read_text())["huddle_digest"] == 1
    result = huddle("digest", "--out", str(tmp_path / "no-such-folder" / "d.md"))
    assert result.exit_code == 1
    assert "can't write" in one_line_error(result.output)


@pytest.mark.parametrize("command", [["blockers", "--json"], ["digest", "--format", "csv"]])
def test_the_shell_commands_never_load_textual(team_file: Path, command: list[str]) -> None:
    code = (
        "import sys\nfrom huddle.cli import main\n"
        f"main(['--db', {str(team_file)!r}, *{command!r}], standalone_mode=False)\n"
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) else 'CLEAN')"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "HUDDLE_TODAY": "2026-11-25"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("CLEAN")


def test_huddle_own_gives_a_blocker_an_owner_then_changes_it(huddle_with_team) -> None:
    huddle = huddle_with_team
    short = raised(huddle)
    out = huddle.ok("own", short[:4], "anne", "--who", "ann s")
    assert out == f"Blocker {short} owned by Anne Jones: {TEXT}\n"
    out = huddle.ok("own", short, "SAM", "--who", "ann s")
    assert out == f"Blocker {short} owned by Sam Patel: {TEXT}\n"
    assert "owned" in huddle.ok("blockers")

    # Mistakes: one line each, nothing changed.
    assert "already owned by Sam Patel" in one_line_error(
        huddle("own", short, "sam", "--who", "ann s").output
    )
    assert "zed" in one_line_error(huddle("own", short, "zed", "--who", "ann s").output)
    assert "not a blocker id" in one_line_error(huddle("own", "zz", "sam", "--who", "ann s").output)
    assert "who" in one_line_error(huddle("own", short, "anne").output).lower()

    store = huddle.open_store()
    try:
        blocker = store.blockers.find(short)
        assert (blocker.status, blocker.owner_name) == (BlockerStatus.OWNED, "Sam Patel")
        notes = [(e.status_from, e.status_to, e.note) for e in store.blockers.history(blocker)]
        assert notes[1:] == [
            (BlockerStatus.OPEN, BlockerStatus.OWNED, "owned by Anne Jones"),
            (
                BlockerStatus.OWNED,
                BlockerStatus.OWNED,
                "owner changed from Anne Jones to Sam Patel",
            ),
        ]
    finally:
        store.close()

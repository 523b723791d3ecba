"""Tiers from a shell: `huddle team tiers` sets them once; `huddle escalate` sends a blocker
to the first tier, and again to the next; at the top, or without tiers while it waits, it
is one line and exit code 1."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from huddle.core.calendar import FixedClock
from huddle.core.store import Store

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle

TEXT = "The referral form asks for the NHS number twice"


def one_line_error(output: str) -> str:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


def raised(huddle: Huddle) -> str:
    out = huddle.ok("block", TEXT, "--who", "anne")
    found = re.search(r"Blocker ([0-9a-f]{6}) raised", out)
    assert found, out
    return found.group(1)


def test_the_team_sets_its_tiers_and_a_blocker_climbs_them(huddle_with_team: Huddle) -> None:
    huddle = huddle_with_team
    assert huddle.ok("team", "tiers") == (
        "Tiers: no tiers: a blocker goes up to whoever is named\n"
    )
    out = huddle.ok("team", "tiers", "Team manager", "Service manager:5", "Director:10")
    assert out == (
        "Tiers: Team manager (answers in 2 huddle days), then Service manager (5),"
        " then Director (10)\n"
    )
    assert "Blockers go up to: Team manager (answers in 2 huddle days)," in huddle.ok("team")
    short = raised(huddle)
    steps = [
        ("Only IT can change it", [], "up to Team manager"),
        (
            "IT need the service's budget",
            ["--to", "Jo Bloggs"],
            "higher, to Service manager (Jo Bloggs)",
        ),
        ("Only the director can fund it", [], "higher, to Director"),
    ]
    for reason, to, where in steps:
        out = huddle.ok("escalate", short, "--reason", reason, *to, "--who", "ann s")
        assert out == f"Blocker {short} sent {where}: {TEXT}\n"
    listed = json.loads(huddle.ok("blockers", "--json"))
    assert [(b["tier"], b["reason"]) for b in listed] == [
        ("Director", "Only the director can fund it")
    ]

    result = huddle("escalate", short, "--reason", "Nobody else", "--who", "ann s")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        f'"{TEXT}" is with Director, the top tier; it can\'t go higher'
        " (resolve it, or the team owns it)"
    )
    store = huddle.open_store()
    try:
        history = store.blockers.history(store.blockers.find(short))
        assert [e.tier for e in history if e.tier] == [
            "Team manager",
            "Service manager",
            "Director",
        ]
    finally:
        store.close()


def test_tiers_renamed_after_sending_up_are_listed_by_their_new_name(
    huddle_with_team: Huddle,
) -> None:
    huddle = huddle_with_team
    huddle.ok("team", "tiers", "Team manager", "Director")
    to_tier, to_person = raised(huddle), raised(huddle)
    huddle.ok("escalate", to_tier, "--reason", "Only IT", "--who", "ann s")
    huddle.ok("escalate", to_person, "--reason", "Only IT", "--to", "Director", "--who", "ann s")
    huddle.ok("team", "tiers", "Line manager", "Head of service")
    listed = {
        b["short_id"]: (b["tier"], b["sent_to"])
        for b in json.loads(huddle.ok("blockers", "--json"))
    }
    assert listed == {to_tier: ("Line manager", None), to_person: ("Line manager", "Director")}
    out = huddle.ok("escalate", to_person, "--reason", "No budget", "--who", "ann s")
    assert out == f"Blocker {to_person} sent higher, to Head of service: {TEXT}\n"


def test_without_tiers_a_waiting_blocker_is_sent_up_once(huddle_with_team: Huddle) -> None:
    huddle = huddle_with_team
    short = raised(huddle)
    out = huddle.ok("escalate", short, "--reason", "Only IT", "--to", "David Marsh", "--who", "ann")
    assert out == f"Blocker {short} sent up to David Marsh: {TEXT}\n"
    result = huddle("escalate", short, "--reason", "Still nothing", "--who", "ann s")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        f'"{TEXT}" is already sent up and waits for an answer'
        " (to send it higher, set the team's tiers: huddle team tiers)"
    )


def test_tiers_typed_wrong_are_one_line(huddle_with_team: Huddle) -> None:
    huddle = huddle_with_team
    result = huddle("team", "tiers", "Team manager", "Director:soon")
    assert result.exit_code == 1
    assert one_line_error(result.output).startswith("'Director:soon' is not a tier")
    result = huddle("team", "tiers", "Director", "--none")
    assert result.exit_code == 2
    assert "give tiers or --none, not both" in result.output
    huddle.ok("team", "tiers", "Team manager", "Director")
    assert huddle.ok("team", "tiers", "--none") == (
        "Tiers: no tiers: a blocker goes up to whoever is named\n"
    )


def test_the_tiers_and_where_each_blocker_is_survive_export_and_import(
    huddle_with_team: Huddle, tmp_path: Path
) -> None:
    huddle = huddle_with_team
    huddle.ok("team", "tiers", "Team manager", "Director:5")
    short = raised(huddle)
    huddle.ok("escalate", short, "--reason", "Only IT", "--who", "ann s")
    huddle.ok("escalate", short, "--reason", "No budget", "--who", "ann s")
    exported = tmp_path / "team.json"
    huddle.ok("export", "--out", str(exported))
    copy = tmp_path / "copy.db"
    huddle.ok("import", str(exported), "--db", str(copy))
    restored = Store.open(copy, clock=FixedClock(datetime(2026, 11, 25, 9).astimezone()))
    try:
        assert [(t.name, t.answer_limit_days) for t in restored.team.tiers()] == [
            ("Team manager", 2),
            ("Director", 5),
        ]
        assert [b.tier_name for b in restored.blockers.open()] == ["Director"]
    finally:
        restored.close()

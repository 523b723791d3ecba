"""`huddle rollup`: many teams' files side by side, read-only, never changed."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from huddle.cli import main
from huddle.core.calendar import Period
from huddle.core.demo import create_demo_file
from huddle.core.models import HuddleError
from huddle.core.rollup import rollup, team_files
from huddle.core.store import Store
from huddle.core.trends import compute_trends
from tests.conftest import clock_at

WEDNESDAY = date(2026, 3, 11)
TEAMS = {"north.db": "North", "south.db": "South", "east.db": "East Hospital Team"}
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def team_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three demo teams, made on three days of one week, so their figures differ."""
    folder = tmp_path_factory.mktemp("service")
    for offset, (name, team) in enumerate(TEAMS.items()):
        path = folder / name
        create_demo_file(path, date(2026, 3, 9 + offset))
        store = Store.open(path, clock=clock_at(WEDNESDAY))
        store.team.update(name=team)
        store.close()
    return folder


@pytest.fixture
def teams(team_folder: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the three files, for a test that may see them changed."""
    folder = tmp_path / "teams"
    shutil.copytree(team_folder, folder)
    yield folder


def _checksums(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _rollup(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["rollup", *args], env={"HUDDLE_TODAY": WEDNESDAY.isoformat()}, prog_name="huddle"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def test_totals_are_the_sum_of_each_teams_own_figures_and_no_file_changes(teams: Path) -> None:
    own = {}
    for name in TEAMS:
        store = Store.open(teams / name, clock=clock_at(WEDNESDAY))
        week = compute_trends(store, Period.WEEK, 1).periods[-1].steps
        waiting = [b for b in store.blockers.all() if b.status.value == "escalated"]
        own[store.team.get().name] = (week.steps, week.taken, week.reviewed, len(waiting))
        store.close()
    before = _checksums(teams)
    assert sorted(before) == sorted(TEAMS)  # no -wal or -shm left by the stores above

    code, out, _ = _rollup(str(teams), "--json")

    assert code == 0
    found = json.loads(out)
    shown = {
        t["team"]: (
            t["week"]["steps"],
            t["week"]["taken"],
            t["week"]["reviewed"],
            t["blockers"]["waiting"],
        )
        for t in found["teams"]
    }
    assert shown == own
    assert len(set(own.values())) > 1  # the teams differ, so the sum below means something
    totals = found["totals"]
    assert totals["teams"] == 3
    assert totals["week"]["steps"] == sum(v[0] for v in own.values())
    assert totals["week"]["taken"] == sum(v[1] for v in own.values())
    assert totals["blockers"]["waiting"] == sum(v[3] for v in own.values())
    assert totals["week"]["done_rate"] == pytest.approx(
        sum(v[1] for v in own.values()) / sum(v[2] for v in own.values())
    )
    assert _checksums(teams) == before  # unchanged, and no -wal or -shm made beside them


def test_markdown_names_every_team_and_the_total(teams: Path) -> None:
    code, out, _ = _rollup(str(teams / "north.db"), str(teams / "south.db"), "--format", "md")
    assert code == 0
    assert out.startswith(
        "# Service view on 11 March 2026\n\nSteps: this week so far (from 9 March 2026)."
    )
    assert "| North |" in out and "| South |" in out and "East" not in out
    assert "| **All 2 teams** |" in out
    _, one, _ = _rollup(str(teams / "north.db"), "--format", "md")
    assert "| **The 1 team** |" in one
    _, letter, _ = _rollup(str(teams / "north.db"), "--format", "text")
    assert "Across the 1 team:" in letter.replace("\n", " ")


def test_blockers_that_come_back_in_two_teams_are_named(teams: Path) -> None:
    found = rollup(team_files([teams]), clock_at(WEDNESDAY))
    assert found.coming_back
    for item in found.coming_back:
        assert len(item.teams) >= 2
    everyone = {team for c in found.coming_back for team in c.teams}
    assert everyone == set(TEAMS.values())


def test_a_file_that_cannot_be_read_is_named_and_the_rest_still_show(teams: Path) -> None:
    (teams / "junk.db").write_text("not a database at all\n" * 50)
    (teams / "empty.db").touch()
    newer = teams / "newer.db"
    shutil.copy(teams / "north.db", newer)
    store = Store.open(newer, clock=clock_at(WEDNESDAY))
    store.db.conn.execute("PRAGMA user_version = 9999")
    store.close()
    before = _checksums(teams)

    code, out, err = _rollup(str(teams), str(teams / "missing.db"), "--format", "md")

    assert code == 0
    assert "| North |" in out and "| South |" in out
    lines = [line for line in err.splitlines() if line.startswith("not read: ")]
    assert len(lines) == 4
    assert any("junk.db is not a Huddle database" in line for line in lines)
    assert any("empty.db is not a Huddle database (it holds no team yet)" in line for line in lines)
    assert any("newer.db was made by a newer Huddle (schema 9999)" in line for line in lines)
    assert any("no database at" in line and "missing.db" in line for line in lines)
    assert "## Not read" in out
    assert _checksums(teams) == before


@pytest.mark.parametrize("version", [10, 5, 1])
def test_a_file_at_an_older_schema_is_read_through_an_upgraded_copy_never_changed(
    tmp_path: Path, version: int
) -> None:
    folder = tmp_path / "older"
    folder.mkdir()
    older = folder / "older.db"
    shutil.copy(FIXTURES / f"schema-{version}.db", older)
    upgraded = tmp_path / "upgraded.db"
    shutil.copy(older, upgraded)
    Store.open(upgraded, clock=clock_at(WEDNESDAY)).close()  # as its team's own Huddle would
    before = _checksums(folder)

    found = rollup([older], clock_at(WEDNESDAY))

    assert found.unread == ()
    [read] = found.teams
    [expected] = rollup([upgraded], clock_at(WEDNESDAY)).teams
    assert read.team == "Northside Assessment Team"
    assert replace(read, path=upgraded) == expected
    assert _checksums(folder) == before  # unchanged, and no -wal, -shm or copy made beside it


def test_an_older_file_read_for_the_service_view_refuses_every_change(tmp_path: Path) -> None:
    older = tmp_path / "older.db"
    shutil.copy(FIXTURES / "schema-10.db", older)
    store = Store.open_for_reading(older, clock=clock_at(WEDNESDAY))
    try:
        member = store.members.all()[0]
        with pytest.raises(HuddleError, match=f"can't save: {older} is read-only"):
            store.steps.add(member, "a step nobody may save", WEDNESDAY)
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["older.db"]


def test_an_older_file_in_the_markdown_is_a_team_like_the_others(teams: Path) -> None:
    shutil.copy(FIXTURES / "schema-10.db", teams / "older.db")
    code, out, err = _rollup(str(teams), "--format", "md")
    assert code == 0
    assert "| Northside Assessment Team |" in out
    assert "not read" not in err


def test_no_readable_file_is_an_error_of_one_line(tmp_path: Path) -> None:
    code, _, err = _rollup(str(tmp_path / "none.db"), "--format", "md")
    assert code == 1
    assert err.splitlines()[-1] == "Error: no team's file could be read"
    code, _, err = _rollup(str(tmp_path), "--json")
    assert code == 1
    assert "no .db files in" in err


def test_a_team_opened_for_reading_refuses_every_change(teams: Path) -> None:
    store = Store.open_for_reading(teams / "north.db", clock=clock_at(WEDNESDAY))
    try:
        member = store.members.all()[0]
        with pytest.raises(HuddleError):
            store.steps.add(member, "a step nobody may save", WEDNESDAY)
    finally:
        store.close()
    assert sorted(p.name for p in teams.iterdir()) == sorted(TEAMS)


def test_answers_awaited_are_counted_by_the_tier_each_blocker_is_with(teams: Path) -> None:
    store = Store.open(teams / "south.db", clock=clock_at(WEDNESDAY))
    store.team.set_tiers([("Team manager", 2), ("Service manager", 5)])
    waiting = [b for b in store.blockers.all() if b.status.value == "escalated"]
    assert waiting
    store.blockers.escalate(waiting[0], "no answer in a week", who="Ann Smith")
    store.close()

    found = json.loads(_rollup(str(teams / "south.db"), "--json")[1])

    by_where = found["teams"][0]["blockers"]["waiting_by_where"]
    assert by_where["Service manager"] == 1
    assert sum(by_where.values()) == len(waiting)
    assert set(by_where) <= {"Team manager", "Service manager"}


def test_the_service_view_as_an_email_a_mail_program_opens(teams: Path, tmp_path: Path) -> None:
    import email
    from email import policy

    out = tmp_path / "week.eml"
    code, said, _ = _rollup(
        str(teams), "--format", "email", "--to", "Sam Lee <sam@example.org>", "--out", str(out)
    )
    assert code == 0
    assert said.strip() == f"Service view of 3 teams written to {out}"
    assert out.stat().st_mode & 0o777 == 0o600
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Service view: 3 teams, 11 March 2026"
    assert message["To"] == "Sam Lee <sam@example.org>"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    page = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    found = json.loads(_rollup(str(teams), "--json")[1])
    for team in found["teams"]:
        assert team["team"] in text and team["team"] in page
        assert f"{team['week']['steps']} small steps" in text
    titles = ["Waiting for you", "Answered, teams to close", "What the teams did"]
    assert [text.index(t) for t in titles] == sorted(text.index(t) for t in titles)
    assert "#" not in text
    waiting = found["totals"]["blockers"]["waiting"]
    assert f"{waiting} blockers waiting for an answer" in " ".join(text.split())


def test_to_is_only_for_an_email(teams: Path) -> None:
    code, _, err = _rollup(str(teams), "--format", "md", "--to", "sam@example.org")
    assert code == 2
    assert "--to is for --format email" in err


def test_ideas_from_people_and_carers_read_as_each_teams_own_trends(teams: Path) -> None:
    from huddle.core.models import Source

    store = Store.open(teams / "north.db", clock=clock_at(WEDNESDAY))
    member = store.members.all()[0]
    for text in ("A carers' drop-in before reviews", "Ring before the visit", "Large print"):
        store.ideas.add(member, text, source=Source.CARER)
    own = compute_trends(store, Period.WEEK, 1).periods[-1]
    store.close()
    assert own.ideas.noted == 3

    found = json.loads(_rollup(str(teams / "north.db"), "--json")[1])
    _, table, _ = _rollup(str(teams / "north.db"), "--format", "md")

    assert found["teams"][0]["week"]["coproduction_share"] == pytest.approx(own.coproduction_share)
    assert f"| {own.coproduction_share:.0%} |\n" in table


def test_two_teams_with_the_same_name_are_shown_apart_by_their_file(teams: Path) -> None:
    store = Store.open(teams / "east.db", clock=clock_at(WEDNESDAY))
    store.team.update(name="North")  # another team, in another file, with the same name
    store.close()

    found = rollup(team_files([teams / "north.db", teams / "east.db"]), clock_at(WEDNESDAY))

    assert [t.shown_as for t in found.teams] == ["North (north.db)", "North (east.db)"]
    assert found.coming_back, "the same blockers in two teams come back across teams"
    for item in found.coming_back:
        assert item.teams == ("North (east.db)", "North (north.db)")
    _, markdown, _ = _rollup(str(teams / "north.db"), str(teams / "east.db"), "--format", "md")
    assert "| North (north.db) |" in markdown and "| North (east.db) |" in markdown
    assert "in 2 teams (North (east.db), North (north.db))" in markdown
    _, letter, _ = _rollup(str(teams / "north.db"), str(teams / "east.db"), "--format", "text")
    assert "North (east.db)" in letter and "North (north.db)" in letter
    _, as_json, _ = _rollup(str(teams / "north.db"), str(teams / "east.db"), "--json")
    shown = json.loads(as_json)
    assert [t["shown_as"] for t in shown["teams"]] == ["North (north.db)", "North (east.db)"]
    # A name no other team has is shown as it is.
    alone = rollup(team_files([teams / "north.db", teams / "south.db"]), clock_at(WEDNESDAY))
    assert [t.shown_as for t in alone.teams] == ["North", "South"]

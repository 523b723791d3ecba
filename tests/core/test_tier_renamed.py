"""The tier a blocker was sent up to is kept apart from a person's name (schema 12): renamed
tiers show their new name everywhere, a person named at sending up stays a person, and a
person named like a tier is never read as one. Older files and exports, where a blocker sent
up to no one by name held its tier's name, are read the same way."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from huddle.core.digest.gather import build_digest
from huddle.core.export import write_export
from huddle.core.import_ import import_into
from huddle.core.models import Blocker
from huddle.core.rollup import read_team
from huddle.core.store import Store

LADDER = [("Team manager", 2), ("Service manager", 3), ("Director", 5)]
RENAMED = [("Line manager", 2), ("Head of service", 3), ("Director", 5)]
FIXTURES = Path(__file__).parents[1] / "fixtures"


def sent_up(team: Store, text: str, to: str | None = None) -> Blocker:
    blocker = team.blockers.raise_blocker(team.members.find("anne"), text)
    return team.blockers.escalate(blocker, "Only IT can change it", who="Ann Smith", to=to)


@pytest.fixture
def laddered(team: Store) -> Store:
    team.team.set_tiers(LADDER)
    return team


def test_renamed_tiers_show_their_new_name_and_a_person_stays_a_person(laddered: Store) -> None:
    to_tier = sent_up(laddered, "The form asks for the NHS number twice")
    to_person = sent_up(laddered, "The printer jams", to="Jo Reid")
    laddered.team.set_tiers(RENAMED)

    to_tier, to_person = (laddered.blockers.get(b.id) for b in (to_tier, to_person))
    assert (to_tier.tier_name, to_tier.escalated_to, to_tier.sent_up_to) == (
        "Line manager",
        "",
        "Line manager",
    )
    assert to_person.sent_up_to == "Line manager (Jo Reid)"
    digest = build_digest(laddered, laddered.today(), laddered.today())
    said = {e.text: (e.tier, e.sent_to, e.with_whom) for e in digest.open_escalations}
    assert said == {
        to_tier.text: ("Line manager", None, "Line manager"),
        to_person.text: ("Line manager", "Jo Reid", "Line manager (Jo Reid)"),
    }


def test_a_person_named_like_a_tier_stays_a_person(laddered: Store) -> None:
    blocker = sent_up(laddered, "The printer jams", to="Director")
    laddered.team.set_tiers(RENAMED)
    blocker = laddered.blockers.get(blocker.id)
    assert (blocker.tier_name, blocker.escalated_to) == ("Line manager", "Director")
    assert blocker.sent_up_to == "Line manager (Director)"


def test_the_rollup_says_the_tiers_new_name(laddered: Store, tmp_path: Path) -> None:
    sent_up(laddered, "The form asks for the NHS number twice")
    laddered.team.set_tiers(RENAMED)
    assert laddered.db.path is not None
    figures = read_team(laddered.db.path, laddered.clock)
    assert [w.to for w in figures.waiting] == ["Line manager"]


def test_with_its_tier_taken_away_a_blocker_says_where_it_was_sent_everywhere(
    laddered: Store,
) -> None:
    blocker = sent_up(laddered, "The printer jams")
    with_person = sent_up(laddered, "The scanner jams", to="Jo Reid")
    laddered.team.set_tiers([])
    assert laddered.blockers.get(blocker.id).sent_up_to == "Team manager (no longer a tier)"
    digest = build_digest(laddered, laddered.today(), laddered.today())
    assert {e.text: e.with_whom for e in digest.open_escalations} == {
        blocker.text: "Team manager (no longer a tier)",
        with_person.text: "Team manager (no longer a tier) (Jo Reid)",
    }
    assert laddered.db.path is not None
    figures = read_team(laddered.db.path, laddered.clock)
    assert sorted(w.to for w in figures.waiting) == ["Team manager (no longer a tier)"] * 2


def _schema_11_file(tmp_path: Path) -> Path:
    """The shipped schema-11 file (tiers: Team manager, Director), its blockers sent up as
    that version stored them: a tier's name where no one was named."""
    path = tmp_path / "team.db"
    shutil.copy(FIXTURES / "schema-11.db", path)
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM blockers ORDER BY id LIMIT 4")]
    for blocker_id, to, tier in zip(
        ids,
        ["Team manager", "director", "Jo Reid", "Team Managers"],
        [1, None, 1, 2],
        strict=True,
    ):
        conn.execute(
            "UPDATE blockers SET escalated_to = ?, tier = ?, status = 'escalated',"
            " escalated_at = coalesce(escalated_at, created_at) WHERE id = ?",
            (to, tier, blocker_id),
        )
    conn.commit()
    conn.close()
    return path


def test_an_older_file_keeps_its_tiers_apart_once_upgraded(tmp_path: Path) -> None:
    path = _schema_11_file(tmp_path)
    store = Store.open(path)
    try:
        rows = store.db.rows("SELECT escalated_to, tier FROM blockers ORDER BY id LIMIT 4")
        assert [tuple(r) for r in rows] == [
            ("", 1),  # the first tier's name: that tier
            ("", 2),  # a tier's name in other letters: that tier too
            ("Jo Reid", 1),  # a person stays a person
            ("Team Managers", 2),  # not a tier's name: a person
        ]
    finally:
        store.close()


def test_an_older_export_is_read_with_its_tiers_apart(laddered: Store, tmp_path: Path) -> None:
    to_tier = sent_up(laddered, "The form asks for the NHS number twice")
    to_person = sent_up(laddered, "The printer jams", to="Director")
    out = io.StringIO()
    write_export(laddered, out)
    current = json.loads(out.getvalue())
    older = json.loads(out.getvalue())  # as schema 11 wrote it: a tier's name, no one named
    older["schema_version"] = 11
    blockers = older["tables"]["blockers"]
    at = blockers["columns"].index("escalated_to")
    for row in blockers["rows"]:
        if row[0] == to_tier.id:
            row[at] = "Team manager"

    def imported(data: dict[str, object], name: str) -> dict[str, tuple[str, str]]:
        restored = Store.open(tmp_path / name, clock=laddered.clock)
        try:
            import_into(restored, io.StringIO(json.dumps(data)))
            return {b.text: (b.escalated_to, b.sent_up_to) for b in restored.blockers.open()}
        finally:
            restored.close()

    assert imported(current, "current.db") == {
        to_tier.text: ("", "Team manager"),
        to_person.text: ("Director", "Team manager (Director)"),  # a person named like a tier
    }
    assert imported(older, "older.db") == {
        to_tier.text: ("", "Team manager"),
        to_person.text: ("", "Director"),  # all an older export could say: that tier
    }


def test_an_export_from_before_blockers_had_a_tier_column_is_read_too(
    laddered: Store, tmp_path: Path
) -> None:
    blocker = sent_up(laddered, "The form asks for the NHS number twice")
    out = io.StringIO()
    write_export(laddered, out)
    data = json.loads(out.getvalue())
    data["schema_version"] = 6
    blockers = data["tables"]["blockers"]
    at = blockers["columns"].index("tier")
    to = blockers["columns"].index("escalated_to")
    blockers["columns"].pop(at)
    for row in blockers["rows"]:
        row[to] = "Team manager" if row[0] == blocker.id else row[to]
        row.pop(at)
    restored = Store.open(tmp_path / "restored.db", clock=laddered.clock)
    try:
        import_into(restored, io.StringIO(json.dumps(data)))
        back = restored.blockers.get(blocker.id)
    finally:
        restored.close()
    assert (back.escalated_to, back.tier, back.sent_up_to) == ("", 1, "Team manager")


def test_a_tier_taken_away_is_still_said_after_export_and_import(
    laddered: Store, tmp_path: Path
) -> None:
    blocker = sent_up(laddered, "The printer jams")
    laddered.team.set_tiers([])
    out = io.StringIO()
    write_export(laddered, out)
    restored = Store.open(tmp_path / "restored.db", clock=laddered.clock)
    try:
        import_into(restored, io.StringIO(out.getvalue()))
        back = restored.blockers.get(blocker.id)
    finally:
        restored.close()
    assert back.sent_up_to == "Team manager (no longer a tier)"

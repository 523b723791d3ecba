"""The team's pulse history survives `huddle export` then `huddle import`: Trends' pulse rows
read the same after a restore, from each week's sums and counts (never one person's answers);
an older export, with only weekly averages, brings back what they can tell."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from huddle.core.demo import create_demo_file, demo_clock
from huddle.core.export import write_export
from huddle.core.store import Store

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle

MONDAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pulse")
    team, out = folder / "demo.db", folder / "team.json"
    create_demo_file(team, MONDAY)
    store = Store.open(team, clock=demo_clock(MONDAY))
    try:
        with out.open("w", encoding="utf-8") as stream:
            write_export(store, stream)
    finally:
        store.close()
    return team, out


def pulse_rows(huddle: Huddle, db: Path, period: str) -> list[dict[str, Any]]:
    huddle.db = db
    found = json.loads(huddle.ok("trends", "--period", period, "--last", "60", "--json"))
    return [
        {key: value for key, value in row.items() if key.startswith("pulse_")}
        for row in found["periods"]
    ]


def pulse_lines(huddle: Huddle, db: Path) -> list[str]:
    huddle.db = db
    return [line for line in huddle.ok("trends").splitlines() if line.startswith("Pulse")]


def test_a_restored_team_keeps_its_pulse_history_in_trends(
    huddle: Huddle, exported: tuple[Path, Path], tmp_path: Path
) -> None:
    team, out = exported
    huddle.today = MONDAY
    restored = tmp_path / "restored.db"
    huddle.db = restored
    assert "pulse" not in huddle.ok("import", str(out)).lower()
    for period in ("week", "month"):
        before = pulse_rows(huddle, team, period)
        assert sum(1 for row in before if row["pulse_answers"]) >= 4
        assert pulse_rows(huddle, restored, period) == before, period
    shown = pulse_lines(huddle, team)
    assert len(shown) == 5 and all(any(c.isdigit() for c in line) for line in shown)
    assert pulse_lines(huddle, restored) == shown


def test_the_export_holds_each_weeks_sums_and_counts_never_one_persons_answers(
    exported: tuple[Path, Path],
) -> None:
    data = json.loads(exported[1].read_text(encoding="utf-8"))
    weeks = data["pulse_tallies"]
    assert weeks and all(week["answers"] >= 3 for week in weeks)
    assert [w["week"] for w in weeks] == [w["week"] for w in data["pulse_averages"]]
    documented = (Path(__file__).parents[1] / "docs" / "export-format.md").read_text()
    for key in weeks[0]:
        assert f"`{key}`" in documented or key.endswith("_n"), key
    assert "`pulse_tallies`" in documented and "_n`" in documented


def test_an_older_export_brings_the_pulse_back_from_its_averages(
    huddle: Huddle, exported: tuple[Path, Path], tmp_path: Path
) -> None:
    team, out = exported
    huddle.today = MONDAY
    data = json.loads(out.read_text(encoding="utf-8"))
    del data["pulse_tallies"]
    data["pulse_averages"][0].pop("answers")  # a week whose count is not known
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    restored = tmp_path / "restored.db"
    huddle.db = restored
    said = huddle.ok("import", str(older)).splitlines()
    assert len(said) == 2, said
    assert said[1] == (
        "The pulse came back from this older export's weekly averages;"
        " 1 week could not (no count of answers)"
    )
    before, after = pulse_rows(huddle, team, "week"), pulse_rows(huddle, restored, "week")
    first = data["pulse_averages"][0]["week"]
    kept = [(b, a) for b, a in zip(before, after, strict=True) if b["pulse_answers"]]
    assert len(kept) > 10
    for b, a in kept[1:]:
        assert a["pulse_answers"] == b["pulse_answers"]
        for key, value in b.items():
            if value is not None and key != "pulse_answers":
                assert a[key] == pytest.approx(value, abs=0.01), key
    assert first and not kept[0][1]["pulse_answers"]


def test_a_pulse_not_in_the_documented_shape_is_one_line_and_writes_nothing(
    huddle: Huddle, exported: tuple[Path, Path], tmp_path: Path
) -> None:
    data = json.loads(exported[1].read_text(encoding="utf-8"))
    data["pulse_tallies"][0]["answers"] = "six"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    huddle.db = tmp_path / "restored.db"
    result = huddle("import", str(bad))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines() == [
        f"Error: can't import {bad}: the pulse of the week of"
        f" {data['pulse_tallies'][0]['week']} is not whole numbers"
    ]
    assert not huddle.db.exists()

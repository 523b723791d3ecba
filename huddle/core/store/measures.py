"""Goal measures and their values, and the team's measure day."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.calendar import day_code_checked
from huddle.core.matching import match_one
from huddle.core.measures import Better, Measure, MeasurePoint, short_day
from huddle.core.models import Goal, HuddleError
from huddle.core.store.db import Db
from huddle.core.text import clean_line

BASELINE_RANGE = (6, 60)
"""The fewest and most points a baseline can have (the paper asks for at least 10 or so)."""

_SELECT = "SELECT m.*, g.title AS goal_title FROM measures m JOIN goals g ON g.id = m.goal_id"


def _measure(row: sqlite3.Row) -> Measure:
    return Measure(
        id=row["id"],
        goal_id=row["goal_id"],
        goal_title=row["goal_title"],
        name=row["name"],
        unit=row["unit"],
        better=Better(row["better"]),
        baseline_points=row["baseline_points"],
        target=row["target"],
    )


class MeasureStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, measure_id: str) -> Measure:
        row = self.db.row(_SELECT + " WHERE m.id = ?", (measure_id,))
        if row is None:
            raise HuddleError("that measure no longer exists")
        return _measure(row)

    def for_goal(self, goal: Goal) -> list[Measure]:
        rows = self.db.rows(_SELECT + " WHERE m.goal_id = ? ORDER BY m.created_at", (goal.id,))
        return [_measure(r) for r in rows]

    def all(self) -> list[Measure]:
        """Every measure of every active goal, goal by goal."""
        rows = self.db.rows(
            _SELECT + " WHERE g.status = 'active' ORDER BY g.created_at, m.created_at"
        )
        return [_measure(r) for r in rows]

    def find(self, goal: Goal, typed: str) -> Measure:
        """The goal's one measure `typed` names, matched as goals are."""
        return match_one(typed, self.for_goal(goal), lambda m: m.name, "measure")

    def add(
        self,
        goal: Goal,
        name: str,
        *,
        unit: str,
        better: Better,
        baseline_points: int = 12,
        target: float | None = None,
    ) -> Measure:
        name = clean_line(name, what="a measure", limit=80)
        unit = " ".join(unit.split())[:20]
        low, high = BASELINE_RANGE
        if not low <= baseline_points <= high:
            raise HuddleError(f"a baseline is from {low} to {high} points")
        with self.db.write() as conn:
            clash = conn.execute(
                "SELECT 1 FROM measures WHERE goal_id = ? AND name = ?", (goal.id, name)
            ).fetchone()
            if clash:
                raise HuddleError(f"{goal.title} already has a measure called {name}")
            measure_id = self.db.new_id()
            conn.execute(
                "INSERT INTO measures (id, goal_id, name, unit, better, baseline_points,"
                " target, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    measure_id,
                    goal.id,
                    name,
                    unit,
                    better.value,
                    baseline_points,
                    target,
                    self.db.stamp(),
                ),
            )
        return self.get(measure_id)

    def record(self, measure: Measure, day: date, value: float) -> float | None:
        """Keep the measure's value for `day`; a value already there is replaced, and
        returned (None when the day had none). A day still to come has no value yet."""
        if day > self.db.today():
            when = short_day(day)
            raise HuddleError(f"{when} is still to come: a value is recorded once it is known")
        with self.db.write() as conn:
            before = conn.execute(
                "SELECT value FROM measure_values WHERE measure_id = ? AND day = ?",
                (measure.id, day.isoformat()),
            ).fetchone()
            conn.execute(
                "INSERT INTO measure_values (measure_id, day, value, recorded_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (measure_id, day)"
                " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at",
                (measure.id, day.isoformat(), value, self.db.stamp()),
            )
        return None if before is None else float(before[0])

    def points(self, measure: Measure) -> list[MeasurePoint]:
        """The measure's values in date order."""
        rows = self.db.rows(
            "SELECT day, value FROM measure_values WHERE measure_id = ? ORDER BY day",
            (measure.id,),
        )
        return [MeasurePoint(date.fromisoformat(r["day"]), float(r["value"])) for r in rows]

    def has_value_between(self, measure: Measure, first: date, last: date) -> bool:
        return bool(
            self.db.value(
                "SELECT 1 FROM measure_values WHERE measure_id = ? AND day BETWEEN ? AND ?",
                (measure.id, first.isoformat(), last.isoformat()),
            )
        )

    def measure_day(self) -> str:
        """The weekday code ("MO") from which Wrap-up asks for the week's values; "" is off."""
        return str(self.db.value("SELECT measure_day FROM team WHERE id = 1") or "")

    def set_measure_day(self, code: str) -> None:
        with self.db.write() as conn:
            conn.execute("UPDATE team SET measure_day = ? WHERE id = 1", (day_code_checked(code),))

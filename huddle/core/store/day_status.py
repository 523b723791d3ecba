"""Day status (the "safety cross"): the measures a team tracks daily and each day's colour."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.matching import match_one
from huddle.core.models import DayColor, DayMeasure, HuddleError
from huddle.core.store.db import Db
from huddle.core.text import clean_line


def _measure(row: sqlite3.Row) -> DayMeasure:
    return DayMeasure(id=row["id"], name=row["name"], active=bool(row["active"]))


class DayStatusStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def measures(self, *, active_only: bool = True) -> list[DayMeasure]:
        """The measures, in the order the team added them; ones no longer tracked when asked."""
        where = "WHERE active = 1" if active_only else ""
        rows = self.db.rows(
            f"SELECT id, name, active FROM day_measures {where} ORDER BY created_at, rowid"  # noqa: S608 fixed filter
        )
        return [_measure(r) for r in rows]

    def find(self, typed: str, *, active_only: bool = True) -> DayMeasure:
        """The one measure `typed` names (case-insensitive, by unique prefix)."""
        return match_one(typed, self.measures(active_only=active_only), lambda m: m.name, "measure")

    def track(self, name: str) -> DayMeasure:
        """Start tracking a measure daily (or again, with its days kept)."""
        name = clean_line(name, what="a measure's name", limit=60)
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT id, name, active FROM day_measures WHERE name = ?", (name,)
            ).fetchone()
            if row is not None:
                measure_id, known_as, active = row
                if active:
                    raise HuddleError(f"{known_as} is already tracked daily")
                conn.execute("UPDATE day_measures SET active = 1 WHERE id = ?", (measure_id,))
                return DayMeasure(measure_id, known_as)
            measure_id = self.db.new_id()
            conn.execute(
                "INSERT INTO day_measures (id, name, active, created_at) VALUES (?, ?, 1, ?)",
                (measure_id, name, self.db.stamp()),
            )
        return DayMeasure(measure_id, name)

    def stop(self, measure: DayMeasure) -> DayMeasure:
        """Stop tracking a measure; its days are kept."""
        with self.db.write() as conn:
            conn.execute("UPDATE day_measures SET active = 0 WHERE id = ?", (measure.id,))
        return DayMeasure(measure.id, measure.name, active=False)

    def set(self, measure: DayMeasure, day: date, color: DayColor | None) -> None:
        """Give `day` its colour on `measure`; None clears it."""
        with self.db.write() as conn:
            if color is None:
                conn.execute(
                    "DELETE FROM day_statuses WHERE measure_id = ? AND day = ?",
                    (measure.id, day.isoformat()),
                )
                return
            conn.execute(
                "INSERT INTO day_statuses (measure_id, day, color, set_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (measure_id, day) DO UPDATE SET color = excluded.color,"
                " set_at = excluded.set_at",
                (measure.id, day.isoformat(), color.value, self.db.stamp()),
            )

    def between(self, first: date, last: date) -> dict[tuple[str, date], DayColor]:
        """Every colour set from `first` to `last`, by (measure id, day)."""
        rows = self.db.rows(
            "SELECT measure_id, day, color FROM day_statuses WHERE day BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        )
        return {(r["measure_id"], date.fromisoformat(r["day"])): DayColor(r["color"]) for r in rows}

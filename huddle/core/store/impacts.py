"""What changes gave: said when a step is done, or a PDSA cycle or an idea adopted."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import Period
from huddle.core.models import HuddleError, Impact
from huddle.core.results import ImpactTotals
from huddle.core.store.db import Db
from huddle.core.store.trends import period_sql
from huddle.core.text import clean_line

_SUMS = (
    "count(*) AS changes, coalesce(sum(minutes_a_week), 0) AS minutes_a_week,"
    " coalesce(sum(visits_avoided), 0) AS visits_avoided,"
    " coalesce(sum(forms_avoided), 0) AS forms_avoided,"
    " coalesce(sum(difference != ''), 0) AS differences"
)


STANDING = (
    "(x.step_id IS NULL OR EXISTS (SELECT 1 FROM steps done WHERE done.id = x.step_id"
    " AND done.status IN ('done', 'partly')))"
    " AND (x.cycle_id IS NULL OR EXISTS (SELECT 1 FROM pdsa_cycles kept"
    " WHERE kept.id = x.cycle_id AND kept.act = 'adopt'))"
    " AND (x.idea_id IS NULL OR EXISTS (SELECT 1 FROM ideas adopted"
    " WHERE adopted.id = x.idea_id AND adopted.status = 'adopted'))"
)
"""What a change gave counts while the change stands: its step still done (or partly), its
cycle adopted, its idea adopted. Marked otherwise since, it is kept but not added up."""


def _totals(row: object) -> ImpactTotals:
    return ImpactTotals(**{k: int(row[k]) for k in ImpactTotals.__dataclass_fields__})  # type: ignore[index]


def _which(step_id: str | None, cycle_id: str | None, idea_id: str | None) -> tuple[str, str]:
    given = [
        (c, v) for c, v in (("step_id", step_id), ("cycle_id", cycle_id), ("idea_id", idea_id)) if v
    ]
    if len(given) != 1:
        raise HuddleError("say what gave it: one step, cycle or idea")
    return given[0]


class ImpactStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def say(
        self,
        impact: Impact,
        *,
        step_id: str | None = None,
        cycle_id: str | None = None,
        idea_id: str | None = None,
    ) -> None:
        """Record what a step, PDSA cycle or idea gave (said again, it replaces what was
        said before)."""
        column, thing = _which(step_id, cycle_id, idea_id)
        difference = clean_line(impact.difference, what="a difference") if impact.difference else ""
        with self.db.write() as conn:
            conn.execute(f"DELETE FROM impacts WHERE {column} = ?", (thing,))  # noqa: S608 a fixed column name
            conn.execute(
                f"INSERT INTO impacts (id, {column}, minutes_a_week, visits_avoided,"  # noqa: S608 a fixed column name
                " forms_avoided, difference, said_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.db.new_id(),
                    thing,
                    max(0, impact.minutes_a_week),
                    max(0, impact.visits_avoided),
                    max(0, impact.forms_avoided),
                    difference,
                    self.db.today().isoformat(),
                    self.db.stamp(),
                ),
            )

    def of(
        self, *, step_id: str | None = None, cycle_id: str | None = None, idea_id: str | None = None
    ) -> Impact | None:
        """What was said a step, cycle or idea gave, if anything was."""
        column, thing = _which(step_id, cycle_id, idea_id)
        row = self.db.row(
            "SELECT minutes_a_week, visits_avoided, forms_avoided, difference"  # noqa: S608 a fixed column name
            f" FROM impacts WHERE {column} = ?",
            (thing,),
        )
        if row is None:
            return None
        return Impact(
            row["minutes_a_week"], row["visits_avoided"], row["forms_avoided"], row["difference"]
        )

    def totals(self, first: date | None = None, end: date | None = None) -> ImpactTotals:
        """Added up over what was said from `first` up to (not including) `end`; all time
        without them."""
        row = self.db.row(
            f"SELECT {_SUMS} FROM impacts x WHERE said_on >= ? AND said_on < ? AND {STANDING}",  # noqa: S608 fixed sums
            ((first or date.min).isoformat(), (end or date.max).isoformat()),
        )
        return _totals(row) if row else ImpactTotals()

    def per_period(self, period: Period, first: date, end: date) -> dict[date, ImpactTotals]:
        """Added up per period from `first` up to (not including) `end`."""
        rows = self.db.rows(
            f"SELECT {period_sql(period, 'said_on')} AS start, {_SUMS} FROM impacts x"  # noqa: S608 fixed period arithmetic and sums
            f" WHERE said_on >= ? AND said_on < ? AND {STANDING} GROUP BY start",
            (first.isoformat(), end.isoformat()),
        )
        return {date.fromisoformat(r["start"]): _totals(r) for r in rows}

    def differences(self, first: date, end: date, limit: int = 5) -> list[tuple[str, str]]:
        """The newest lines on the difference to a person, with the change they came from."""
        rows = self.db.rows(
            "SELECT coalesce(s.text, c.change, i.text) AS change, x.difference FROM impacts x"  # noqa: S608 a fixed condition
            " LEFT JOIN steps s ON s.id = x.step_id LEFT JOIN pdsa_cycles c ON c.id = x.cycle_id"
            " LEFT JOIN ideas i ON i.id = x.idea_id"
            f" WHERE x.difference != '' AND x.said_on >= ? AND x.said_on < ? AND {STANDING}"
            " ORDER BY x.said_on DESC, x.created_at DESC LIMIT ?",
            (first.isoformat(), end.isoformat(), limit),
        )
        return [(r["change"], r["difference"]) for r in rows]

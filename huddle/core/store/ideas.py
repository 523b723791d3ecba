"""Ideas not yet steps: noted with where they came from, then tried, adopted or set aside."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.calendar import Period
from huddle.core.matching import match_one
from huddle.core.models import (
    Ambiguous,
    Goal,
    HuddleError,
    Idea,
    IdeaStatus,
    Member,
    NotFound,
    Source,
)
from huddle.core.results import IdeaCounts
from huddle.core.store.db import Db, is_short_id
from huddle.core.store.trends import period_sql
from huddle.core.text import clean_line

_SELECT = """
SELECT i.id, i.text, i.source, i.raised_by, m.name AS raised_by_name, i.goal_id,
       g.title AS goal_title, i.status, i.raised_on,
       (SELECT count(*) FROM steps s WHERE s.idea_id = i.id) AS steps
FROM ideas i JOIN members m ON m.id = i.raised_by LEFT JOIN goals g ON g.id = i.goal_id
"""

_ORDER = (
    " ORDER BY CASE i.status WHEN 'new' THEN 0 WHEN 'trying' THEN 1 WHEN 'adopted' THEN 2"
    " ELSE 3 END, i.raised_on DESC, i.created_at DESC, i.id"
)
"""New ideas first, then those being tried, adopted, and set aside; newest first in each."""


def _idea(row: sqlite3.Row) -> Idea:
    return Idea(
        id=row["id"],
        text=row["text"],
        source=Source(row["source"]),
        raised_by=row["raised_by"],
        raised_by_name=row["raised_by_name"],
        goal_id=row["goal_id"],
        goal_title=row["goal_title"],
        status=IdeaStatus(row["status"]),
        raised_on=date.fromisoformat(row["raised_on"]),
        steps=row["steps"],
    )


class IdeaStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, idea_id: str) -> Idea:
        row = self.db.row(_SELECT + " WHERE i.id = ?", (idea_id,))
        if row is None:
            raise HuddleError("that idea no longer exists")
        return _idea(row)

    def all(self, *, status: IdeaStatus | None = None) -> list[Idea]:
        """Every idea (or those with one status): new first, then trying, adopted, not for
        now; the newest first within each."""
        where = "" if status is None else " WHERE i.status = ?"
        params = () if status is None else (status.value,)
        return [_idea(r) for r in self.db.rows(_SELECT + where + _ORDER, params)]

    def find(self, typed: str) -> Idea:
        """The idea whose id starts with `typed` (as `huddle ideas` shows it), else the one
        with a word of its text starting so ("duplicate" finds "Drop the duplicate field")."""
        prefix = typed.strip().lower()
        if is_short_id(prefix):
            rows = self.db.rows(_SELECT + " WHERE i.id LIKE ? || '%' LIMIT 6", (prefix,))
            if len(rows) > 1:
                which = ", ".join(r["id"][: len(prefix) + 2] for r in rows[:5])
                raise Ambiguous(f"more than one idea starts {prefix}: type more of it ({which})")
            if rows:
                return _idea(rows[0])
        try:
            return match_one(typed, self.all(), lambda i: i.text, "idea")
        except NotFound:
            raise NotFound(
                f"no idea has an id or a word starting '{typed.strip()[:30]}'"
                " (`huddle ideas` lists them)"
            ) from None

    def add(
        self,
        member: Member,
        text: str,
        *,
        source: Source = Source.PRACTITIONER,
        goal: Goal | None = None,
        idea_id: str | None = None,
    ) -> Idea:
        """Note an idea, today. Saving the same `idea_id` twice saves it once."""
        text = clean_line(text, what="an idea")
        idea_id = idea_id or self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO ideas (id, text, source, raised_by, goal_id, status, raised_on,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    idea_id,
                    text,
                    source.value,
                    member.id,
                    goal.id if goal else None,
                    self.db.today().isoformat(),
                    stamp,
                    stamp,
                ),
            )
        return self.get(idea_id)

    def move(self, idea: Idea, status: IdeaStatus) -> Idea:
        """Move an idea to another state (any to any: a team may change its mind)."""
        with self.db.write() as conn:
            conn.execute(
                "UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, self.db.stamp(), idea.id),
            )
        return self.get(idea.id)

    def set_source(self, idea: Idea, source: Source) -> Idea:
        """Say where an idea came from; the steps made from it say so too."""
        with self.db.write() as conn:
            conn.execute(
                "UPDATE ideas SET source = ?, updated_at = ? WHERE id = ?",
                (source.value, self.db.stamp(), idea.id),
            )
            conn.execute(
                "UPDATE steps SET source = ? WHERE idea_id = ? AND source != ?",
                (source.value, idea.id, source.value),
            )
        return self.get(idea.id)

    def counts(self) -> dict[IdeaStatus, int]:
        """How many ideas stand in each state."""
        rows = self.db.rows("SELECT status, count(*) AS n FROM ideas GROUP BY status")
        found = {r["status"]: int(r["n"]) for r in rows}
        return {status: found.get(status.value, 0) for status in IdeaStatus}

    def per_period(self, period: Period, first: date, end: date) -> dict[date, IdeaCounts]:
        """Ideas noted per period from `first` up to (not including) `end` that no step was
        made from, and how many of them came from people who use services or carers."""
        coproduced = ", ".join(f"'{s.value}'" for s in Source if s.coproduced)
        rows = self.db.rows(
            f"SELECT {period_sql(period, 'raised_on')} AS start, count(*) AS noted,"  # noqa: S608 fixed period arithmetic and values
            f" sum(source IN ({coproduced})) AS coproduced FROM ideas i"
            " WHERE raised_on >= ? AND raised_on < ?"
            " AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.idea_id = i.id) GROUP BY start",
            (first.isoformat(), end.isoformat()),
        )
        return {
            date.fromisoformat(r["start"]): IdeaCounts(int(r["noted"]), int(r["coproduced"]))
            for r in rows
        }

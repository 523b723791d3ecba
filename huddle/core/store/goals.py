"""The team's long-term goals."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.matching import match_one
from huddle.core.models import Goal, GoalStatus, HuddleError
from huddle.core.store.db import Db, as_date
from huddle.core.text import clean_line, clean_text

_COLUMNS = "id, title, why, how_we_know, target_date, status"


def _goal(row: sqlite3.Row) -> Goal:
    return Goal(
        id=row["id"],
        title=row["title"],
        why=row["why"],
        how_we_know=row["how_we_know"],
        target_date=as_date(row["target_date"]),
        status=GoalStatus(row["status"]),
    )


class GoalStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def all(self, *, active_only: bool = True) -> list[Goal]:
        where = "WHERE status = 'active'" if active_only else ""
        rows = self.db.rows(f"SELECT {_COLUMNS} FROM goals {where} ORDER BY created_at, title")  # noqa: S608 fixed column list and filter
        return [_goal(r) for r in rows]

    def get(self, goal_id: str) -> Goal:
        row = self.db.row(f"SELECT {_COLUMNS} FROM goals WHERE id = ?", (goal_id,))  # noqa: S608 fixed column list and filter
        if row is None:
            raise HuddleError("that goal no longer exists")
        return _goal(row)

    def find(self, typed: str) -> Goal:
        """The one active goal `typed` names: case-insensitive, by unique prefix of a word."""
        return match_one(typed, self.all(), lambda g: g.title, "goal")

    def add(
        self, title: str, *, why: str = "", how_we_know: str = "", target_date: date | None = None
    ) -> Goal:
        title = clean_line(title, what="a goal", limit=120)
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM goals WHERE title = ?", (title,)).fetchone():
                raise HuddleError(f"there is already a goal called {title}")
            goal_id = self.db.new_id()
            conn.execute(
                "INSERT INTO goals (id, title, why, how_we_know, target_date, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, 'active', ?)",
                (
                    goal_id,
                    title,
                    clean_text(why),
                    clean_text(how_we_know),
                    target_date.isoformat() if target_date else None,
                    self.db.stamp(),
                ),
            )
        return self.get(goal_id)

    def set_status(self, goal: Goal, status: GoalStatus) -> Goal:
        with self.db.write() as conn:
            conn.execute("UPDATE goals SET status = ? WHERE id = ?", (status.value, goal.id))
        return self.get(goal.id)

    def edit(
        self, goal: Goal, title: str, *, why: str, how_we_know: str, target_date: date | None
    ) -> Goal:
        """Change what a goal says; its steps stay linked to it."""
        title = clean_line(title, what="a goal", limit=120)
        with self.db.write() as conn:
            clash = conn.execute(
                "SELECT 1 FROM goals WHERE title = ? AND id != ?", (title, goal.id)
            ).fetchone()
            if clash:
                raise HuddleError(f"there is already a goal called {title}")
            conn.execute(
                "UPDATE goals SET title = ?, why = ?, how_we_know = ?, target_date = ?"
                " WHERE id = ?",
                (
                    title,
                    clean_text(why),
                    clean_text(how_we_know),
                    target_date.isoformat() if target_date else None,
                    goal.id,
                ),
            )
        return self.get(goal.id)

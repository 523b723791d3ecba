"""Small steps: planned for a huddle day, then looked back on at the next one."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from huddle.core.models import HuddleError, Member, Source, Step, StepStatus
from huddle.core.store.db import Db, as_date, as_datetime
from huddle.core.text import MAX_TEXT, clean_line, clean_text

if TYPE_CHECKING:
    from huddle.core.models import Goal, Idea

_SELECT = """
SELECT s.id, s.member_id, m.name AS member_name, s.goal_id, g.title AS goal_title, s.text,
       s.category, s.source, s.day, s.status, s.learning, s.carried_from, s.created_at,
       s.updated_at, s.reviewed_on, s.idea_id
FROM steps s JOIN members m ON m.id = s.member_id LEFT JOIN goals g ON g.id = s.goal_id
"""


def _step(row: sqlite3.Row) -> Step:
    return Step(
        id=row["id"],
        member_id=row["member_id"],
        member_name=row["member_name"],
        goal_id=row["goal_id"],
        goal_title=row["goal_title"],
        text=row["text"],
        category=row["category"],
        source=Source(row["source"]),
        day=date.fromisoformat(row["day"]),
        status=StepStatus(row["status"]),
        learning=row["learning"],
        carried_from=row["carried_from"],
        created_at=as_datetime(row["created_at"]),
        updated_at=as_datetime(row["updated_at"]),
        reviewed_on=as_date(row["reviewed_on"]),
        idea_id=row["idea_id"],
    )


class StepStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, step_id: str) -> Step:
        row = self.db.row(_SELECT + " WHERE s.id = ?", (step_id,))
        if row is None:
            raise HuddleError("that step no longer exists")
        return _step(row)

    def on_day(self, day: date) -> list[Step]:
        """The steps planned for one huddle day, by person then by when they were added."""
        rows = self.db.rows(
            _SELECT + " WHERE s.day = ? ORDER BY m.name COLLATE NOCASE, s.created_at, s.id",
            (day.isoformat(),),
        )
        return [_step(r) for r in rows]

    def unreviewed_before(self, day: date) -> list[Step]:
        """Steps still only planned from days before `day`: nobody has looked back on them."""
        rows = self.db.rows(
            _SELECT + " WHERE s.status = 'planned' AND s.day < ?"
            " ORDER BY m.name COLLATE NOCASE, s.day, s.created_at, s.id",
            (day.isoformat(),),
        )
        return [_step(r) for r in rows]

    def for_review(self, day: date, previous: date) -> list[Step]:
        """What the huddle of `day` looks back on: every step of the previous huddle day,
        older steps never looked back on, and older ones looked back on at this huddle."""
        rows = self.db.rows(
            _SELECT + " WHERE s.day = :previous OR (s.day < :previous AND"
            " (s.status = 'planned' OR s.reviewed_on = :day))"
            " ORDER BY m.name COLLATE NOCASE, s.day, s.created_at, s.id",
            {"day": day.isoformat(), "previous": previous.isoformat()},
        )
        return [_step(r) for r in rows]

    def add(
        self,
        member: Member,
        text: str,
        day: date,
        *,
        goal: Goal | None = None,
        category: str | None = None,
        source: Source = Source.PRACTITIONER,
        idea: Idea | None = None,
        step_id: str | None = None,
        clear_draft: tuple[str, str] | None = None,
    ) -> Step:
        """Plan a small step for a huddle day. Saving the same `step_id` twice is a no-op.
        A step made from an `idea` carries where it came from, and the idea is then tried.
        `clear_draft`, the draft the step was typed in (whose turn it was, the line as typed),
        goes in the same transaction: only if it still reads so, since another window on the
        file may have typed over it."""
        text = clean_line(text, what="a step")
        step_id = step_id or self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO steps (id, member_id, goal_id, text, category, source, day, status,"
                " learning, created_at, updated_at, idea_id) VALUES (?, ?, ?, ?, ?, ?, ?,"
                " 'planned', '', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    step_id,
                    member.id,
                    goal.id if goal else None,
                    text,
                    clean_line(category, what="a category", limit=60) if category else None,
                    (idea.source if idea else source).value,
                    day.isoformat(),
                    stamp,
                    stamp,
                    idea.id if idea else None,
                ),
            )
            if idea:
                conn.execute(
                    "UPDATE ideas SET status = 'trying', updated_at = ?"
                    " WHERE id = ? AND status IN ('new', 'not for now')",
                    (stamp, idea.id),
                )
            if clear_draft:
                turn, line = clear_draft
                conn.execute(
                    "DELETE FROM drafts WHERE day = ? AND member_id = ? AND text = ?",
                    (day.isoformat(), turn, line[: MAX_TEXT * 2]),
                )
        return self.get(step_id)

    def set_source(self, step: Step, source: Source) -> Step:
        """Say where the step's idea came from (co-production is counted from this)."""
        with self.db.write() as conn:
            conn.execute(
                "UPDATE steps SET source = ?, updated_at = ? WHERE id = ?",
                (source.value, self.db.stamp(), step.id),
            )
        return self.get(step.id)

    def edit(self, step: Step, text: str, *, goal: Goal | None) -> Step:
        text = clean_line(text, what="a step")
        with self.db.write() as conn:
            conn.execute(
                "UPDATE steps SET text = ?, goal_id = ?, updated_at = ? WHERE id = ?",
                (text, goal.id if goal else None, self.db.stamp(), step.id),
            )
        return self.get(step.id)

    def review(
        self,
        step: Step,
        status: StepStatus,
        learning: str | None = None,
        *,
        at_huddle: date | None = None,
    ) -> Step:
        """Mark how a step went (done, partly, not done, dropped), keeping what was learned.
        Made `at_huddle` (its day), the mark is kept as the last at Yesterday, for undo."""
        if status in (StepStatus.PLANNED, StepStatus.CARRIED):
            raise HuddleError(f"a step is not reviewed as {status.value}; carry it instead")
        with self.db.write() as conn:
            if at_huddle is not None:
                self._keep_mark(conn, step, at_huddle, status)
            # Marked again after "not done": the copy carried over goes, if still only planned.
            conn.execute(
                "DELETE FROM steps WHERE carried_from = ? AND status = 'planned'", (step.id,)
            )
            conn.execute(
                "UPDATE steps SET status = ?, learning = coalesce(?, learning), updated_at = ?,"
                " reviewed_on = ? WHERE id = ?",
                (
                    status.value,
                    clean_text(learning) if learning is not None else None,
                    self.db.stamp(),
                    self.db.today().isoformat(),
                    step.id,
                ),
            )
        return self.get(step.id)

    def set_learning(self, step: Step, learning: str) -> Step:
        """The line on what was learned: the Study of Plan-Do-Study-Act."""
        with self.db.write() as conn:
            conn.execute(
                "UPDATE steps SET learning = ?, updated_at = ? WHERE id = ?",
                (clean_text(learning), self.db.stamp(), step.id),
            )
        return self.get(step.id)

    def carry(self, step: Step, to_day: date, *, at_huddle: bool = False) -> Step:
        """Not done: the step is carried over, planned again for `to_day`. Returns the new one.
        With `at_huddle`, the mark is kept as the last at `to_day`'s Yesterday, for undo.

        Carrying a step twice (a retry, or a second screen holding the same step) gives back
        the copy made the first time.
        """
        new_id = self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            # Looked up under the write lock, not from `step`, which may be stale.
            carried = conn.execute(
                "SELECT id FROM steps WHERE carried_from = ?", (step.id,)
            ).fetchone()
            if at_huddle:
                made = None if carried else new_id
                self._keep_mark(conn, step, to_day, StepStatus.CARRIED, made_copy=made)
            conn.execute(
                "UPDATE steps SET status = 'carried', updated_at = ?, reviewed_on = ?"
                " WHERE id = ? AND status != 'carried'",
                (stamp, to_day.isoformat(), step.id),
            )
            if carried:
                new_id = carried[0]
            else:
                conn.execute(
                    "INSERT INTO steps (id, member_id, goal_id, text, category, source, day,"
                    " status, learning, carried_from, created_at, updated_at, idea_id)"
                    " SELECT ?, member_id, goal_id, text, category, source, ?, 'planned', '', id,"
                    " ?, ?, idea_id FROM steps WHERE id = ?",
                    (new_id, to_day.isoformat(), stamp, stamp, step.id),
                )
        return self.get(new_id)

    def _keep_mark(
        self,
        conn: sqlite3.Connection,
        step: Step,
        day: date,
        status: StepStatus,
        *,
        made_copy: str | None = None,
    ) -> None:
        """Keep a mark about to be made as the last at `day`'s Yesterday: the step's status
        before it, and the carried-over copies it takes away (or the one it makes)."""
        from huddle.core.models import Stage  # huddle add never needs these
        from huddle.core.store.undo import keep, row_of, rows_of

        now = row_of(conn, "steps", "id = ?", (step.id,))
        if not now or now["status"] == status.value:
            return  # the same mark again changes nothing: the last change stays the last
        copies = (
            []
            if status is StepStatus.CARRIED
            else rows_of(conn, "steps", "carried_from = ? AND status = 'planned'", (step.id,))
        )
        keep(
            conn,
            self.db,
            day,
            Stage.YESTERDAY,
            "step",
            step.id,
            {"status": now["status"], "reviewed_on": now["reviewed_on"], "copies": copies},
            {"status": status.value, "made_copy": made_copy},
        )

    def drop_planned(self, step: Step, *, at_huddle: date | None = None) -> bool:
        """Drop a step planned for a huddle: one carried over is kept as dropped, a new one
        goes. Made `at_huddle` (its day), the drop is kept as the last change at its Today,
        so `u` brings the step back. False when it was no longer planned (nothing dropped)."""
        from huddle.core.models import Stage  # huddle add never needs these
        from huddle.core.store.undo import keep, row_of

        with self.db.write() as conn:
            before = row_of(conn, "steps", "id = ? AND status = 'planned'", (step.id,))
            if not before:
                return False
            if before["carried_from"]:
                conn.execute(
                    "UPDATE steps SET status = 'dropped', updated_at = ?, reviewed_on = ?"
                    " WHERE id = ?",
                    (self.db.stamp(), self.db.today().isoformat(), step.id),
                )
            else:
                conn.execute("DELETE FROM steps WHERE id = ?", (step.id,))
            if at_huddle is not None:
                after = {"status": "dropped" if before["carried_from"] else None}
                keep(conn, self.db, at_huddle, Stage.TODAY, "dropped", step.id, before, after)
        return True

    def delete(self, step: Step) -> None:
        """Take back a step added by mistake (a reviewed step is dropped instead)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM steps WHERE id = ? AND status = 'planned'", (step.id,))

    def carried_over(self, member: Member) -> list[Step]:
        """A member's steps carried over from an earlier day and still to do, oldest first."""
        rows = self.db.rows(
            _SELECT + " WHERE s.member_id = ? AND s.carried_from IS NOT NULL"
            " AND s.status = 'planned' ORDER BY s.day, s.created_at, s.id",
            (member.id,),
        )
        return [_step(r) for r in rows]

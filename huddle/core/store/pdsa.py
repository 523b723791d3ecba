"""PDSA cycles, the steps that carry them out, and the sustainment checks of adopted ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from huddle.core.calendar import HuddleCalendar, sustainment_check_days
from huddle.core.models import Goal, HuddleError, Stage, Step
from huddle.core.pdsa import Act, PdsaCycle, SustainmentCheck
from huddle.core.store.db import Db, as_date
from huddle.core.store.steps import StepStore
from huddle.core.store.undo import keep, row_of
from huddle.core.text import clean_line, clean_text

_SELECT = """
SELECT c.*, g.title AS goal_title FROM pdsa_cycles c LEFT JOIN goals g ON g.id = c.goal_id
"""


class PdsaStore:
    def __init__(self, db: Db, steps: StepStore) -> None:
        self.db = db
        self.steps = steps

    def _cycle(self, row: sqlite3.Row) -> PdsaCycle:
        step_ids = self.db.rows(
            "SELECT p.step_id FROM pdsa_steps p JOIN steps s ON s.id = p.step_id"
            " WHERE p.cycle_id = ? ORDER BY s.day, s.created_at",
            (row["id"],),
        )
        return PdsaCycle(
            id=row["id"],
            goal_id=row["goal_id"],
            goal_title=row["goal_title"],
            change=row["change"],
            prediction=row["prediction"],
            study=row["study"],
            act=Act(row["act"]) if row["act"] else None,
            act_note=row["act_note"],
            decided_on=as_date(row["decided_on"]),
            adapted_from=row["adapted_from"],
            started_on=date.fromisoformat(row["started_on"]),
            steps=tuple(self.steps.get(r["step_id"]) for r in step_ids),
        )

    def get(self, cycle_id: str) -> PdsaCycle:
        row = self.db.row(_SELECT + " WHERE c.id = ?", (cycle_id,))
        if row is None:
            raise HuddleError("that PDSA cycle no longer exists")
        return self._cycle(row)

    def recent(self, *, goal: Goal | None = None, limit: int = 50) -> list[PdsaCycle]:
        """The newest cycles (of one goal, if given), undecided ones first."""
        where, params = ("WHERE c.goal_id = ?", (goal.id,)) if goal else ("", ())
        rows = self.db.rows(
            _SELECT + f" {where} ORDER BY c.act IS NOT NULL, c.started_on DESC, c.created_at DESC"
            " LIMIT ?",
            (*params, limit),
        )
        return [self._cycle(r) for r in rows]

    def for_step(self, step: Step) -> list[PdsaCycle]:
        rows = self.db.rows(
            _SELECT + " JOIN pdsa_steps p ON p.cycle_id = c.id WHERE p.step_id = ?", (step.id,)
        )
        return [self._cycle(r) for r in rows]

    def recent_steps(self, since: date, *, goal: Goal | None = None, limit: int = 40) -> list[Step]:
        """Steps planned from `since` on (of one goal, if given), newest first: the ones a
        new cycle can be made of."""
        where, params = ("AND goal_id = ?", (goal.id,)) if goal else ("", ())
        rows = self.db.rows(
            f"SELECT id FROM steps WHERE day >= ? {where} ORDER BY day DESC, created_at DESC"  # noqa: S608 a fixed filter; values are bound
            " LIMIT ?",
            (since.isoformat(), *params, limit),
        )
        return [self.steps.get(r["id"]) for r in rows]

    def start(
        self,
        change: str,
        *,
        prediction: str = "",
        steps: Sequence[Step] = (),
        goal: Goal | None = None,
        adapted_from: PdsaCycle | None = None,
    ) -> PdsaCycle:
        """Plan a change to try, with what the team predicts; the steps that carry it out
        may come now or later. Its goal is the first step's unless given."""
        change = clean_line(change, what="the change to try")
        goal_id = goal.id if goal else next((s.goal_id for s in steps if s.goal_id), None)
        cycle_id = self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO pdsa_cycles (id, goal_id, change, prediction, adapted_from,"
                " started_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    cycle_id,
                    goal_id,
                    change,
                    clean_text(prediction),
                    adapted_from.id if adapted_from else None,
                    self.db.today().isoformat(),
                    stamp,
                    stamp,
                ),
            )
            self._link(conn, cycle_id, steps)
        return self.get(cycle_id)

    def add_steps(self, cycle: PdsaCycle, steps: Sequence[Step]) -> PdsaCycle:
        """Do: more small steps that carry the change out, while it is still being tried."""
        decided = self.get(cycle.id).act
        if decided is not None:
            raise HuddleError(
                f"this change was decided ({decided.value}): steps go to a cycle still being tried"
            )
        with self.db.write() as conn:
            self._link(conn, cycle.id, steps)
        return self.get(cycle.id)

    def _link(self, conn: sqlite3.Connection, cycle_id: str, steps: Sequence[Step]) -> None:
        conn.executemany(
            "INSERT INTO pdsa_steps (cycle_id, step_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(cycle_id, s.id) for s in steps],
        )

    def plan(self, cycle: PdsaCycle, change: str, prediction: str) -> PdsaCycle:
        """Change the plan: the change and the prediction."""
        self._update(
            cycle,
            change=clean_line(change, what="the change to try"),
            prediction=clean_text(prediction),
        )
        return self.get(cycle.id)

    def write_study(self, cycle: PdsaCycle, study: str) -> PdsaCycle:
        """Study: what happened, against the prediction."""
        self._update(cycle, study=clean_text(study))
        return self.get(cycle.id)

    def decide(
        self, cycle: PdsaCycle, act: Act, calendar: HuddleCalendar, note: str = ""
    ) -> PdsaCycle:
        """Act: adopt (checks 30, 60 and 90 days on are planned, and the ideas its steps came
        from are adopted), adapt (a new cycle is planned from this one) or abandon. Returns
        the new cycle when adapting."""
        if cycle.act is not None:
            raise HuddleError(f"this cycle was already decided: {cycle.act.value}")
        today = self.db.today()
        new_id = self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            conn.execute(
                "UPDATE pdsa_cycles SET act = ?, act_note = ?, decided_on = ?, updated_at = ?"
                " WHERE id = ? AND act IS NULL",
                (act.value, clean_text(note), today.isoformat(), stamp, cycle.id),
            )
            if act is Act.ADOPT:
                conn.executemany(
                    "INSERT INTO sustainment_checks (cycle_id, after_days, due_on)"
                    " VALUES (?, ?, ?)",
                    [
                        (cycle.id, after, due.isoformat())
                        for after, due in sustainment_check_days(today, calendar)
                    ],
                )
                # The ideas its steps were made from are adopted with it.
                conn.execute(
                    "UPDATE ideas SET status = 'adopted', updated_at = ? WHERE id IN"
                    " (SELECT s.idea_id FROM pdsa_steps p JOIN steps s ON s.id = p.step_id"
                    " WHERE p.cycle_id = ?)",
                    (stamp, cycle.id),
                )
            if act is Act.ADAPT:
                conn.execute(
                    "INSERT INTO pdsa_cycles (id, goal_id, change, prediction, adapted_from,"
                    " started_on, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, ?)",
                    (
                        new_id,
                        cycle.goal_id,
                        cycle.change,
                        cycle.id,
                        today.isoformat(),
                        stamp,
                        stamp,
                    ),
                )
        return self.get(new_id if act is Act.ADAPT else cycle.id)

    def _update(self, cycle: PdsaCycle, **changes: str) -> None:
        columns = ", ".join(f"{name} = ?" for name in changes)
        with self.db.write() as conn:
            conn.execute(
                f"UPDATE pdsa_cycles SET {columns}, updated_at = ? WHERE id = ?",  # noqa: S608 names are this module's own keys; values are bound
                (*changes.values(), self.db.stamp(), cycle.id),
            )

    def checks(self, cycle: PdsaCycle) -> list[SustainmentCheck]:
        rows = self.db.rows(
            "SELECT k.*, c.change FROM sustainment_checks k JOIN pdsa_cycles c"
            " ON c.id = k.cycle_id WHERE k.cycle_id = ? ORDER BY k.after_days",
            (cycle.id,),
        )
        return [_check(r) for r in rows]

    def checks_due(self, day: date) -> list[SustainmentCheck]:
        """Checks due on `day` or before that nobody has answered yet, oldest first: at the
        Yesterday stage the team says whether each change is still in place."""
        rows = self.db.rows(
            "SELECT k.*, c.change FROM sustainment_checks k JOIN pdsa_cycles c"
            " ON c.id = k.cycle_id WHERE k.checked_on IS NULL AND k.due_on <= ?"
            " ORDER BY k.due_on, c.change",
            (day.isoformat(),),
        )
        return [_check(r) for r in rows]

    def checks_at(self, day: date) -> list[SustainmentCheck]:
        """The checks `day`'s huddle asks: those due and not yet answered, and those answered
        at that huddle (shown with their answer, so they can be counted and changed)."""
        rows = self.db.rows(
            "SELECT k.*, c.change FROM sustainment_checks k JOIN pdsa_cycles c"
            " ON c.id = k.cycle_id WHERE (k.checked_on IS NULL AND k.due_on <= :day)"
            " OR k.checked_on = :day ORDER BY k.due_on, c.change",
            {"day": day.isoformat()},
        )
        return [_check(r) for r in rows]

    def answer_check(
        self,
        check: SustainmentCheck,
        in_place: bool,
        note: str = "",
        *,
        at_huddle: date | None = None,
    ) -> SustainmentCheck:
        """Still in place (or not), said at a huddle. Said `at_huddle` (its day), the answer
        is kept as the last change at Yesterday, for undo."""
        with self.db.write() as conn:
            if at_huddle is not None:
                where = "cycle_id = ? AND after_days = ?"
                now = row_of(conn, "sustainment_checks", where, (check.cycle_id, check.after_days))
                if now and now["in_place"] != int(in_place):
                    keep(
                        conn,
                        self.db,
                        at_huddle,
                        Stage.YESTERDAY,
                        "check",
                        f"{check.cycle_id}:{check.after_days}",
                        {k: now[k] for k in ("in_place", "checked_on", "note")},
                        {"in_place": int(in_place)},
                    )
            conn.execute(
                "UPDATE sustainment_checks SET in_place = ?, checked_on = ?, note = ?"
                " WHERE cycle_id = ? AND after_days = ?",
                (
                    int(in_place),
                    self.db.today().isoformat(),
                    clean_text(note),
                    check.cycle_id,
                    check.after_days,
                ),
            )
        row = self.db.row(
            "SELECT k.*, c.change FROM sustainment_checks k JOIN pdsa_cycles c"
            " ON c.id = k.cycle_id WHERE k.cycle_id = ? AND k.after_days = ?",
            (check.cycle_id, check.after_days),
        )
        assert row is not None  # noqa: S101 narrows the type; no check relies on it
        return _check(row)


def _check(row: sqlite3.Row) -> SustainmentCheck:
    return SustainmentCheck(
        cycle_id=row["cycle_id"],
        change=row["change"],
        after_days=row["after_days"],
        due_on=date.fromisoformat(row["due_on"]),
        in_place=None if row["in_place"] is None else bool(row["in_place"]),
        checked_on=as_date(row["checked_on"]),
        note=row["note"],
    )

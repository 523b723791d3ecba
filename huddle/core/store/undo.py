"""The last change made at each stage of a huddle, kept so `u` can take it back, after a
restart too. One level: a change replaces the one kept before it.

The stores that make an undoable change (a step marked, or dropped at Today, a "still in
place?" answered, a blocker owned, sent up or resolved) call `keep()` inside their own
write, so the change and what it replaced are committed together. `LastChangeStore.undo()`
puts back what was there, in one write; a blocker's history gets a line saying so (it is
never rewritten)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from huddle.core.models import BlockerStatus, HuddleError, Stage
from huddle.core.store.blocker_rows import record_event
from huddle.core.store.db import Db


class NothingToUndo(HuddleError):
    """No change at this stage of this huddle is kept to take back."""


@dataclass(frozen=True)
class Undone:
    """What `undo()` took back, for the words that say so."""

    kind: str
    """"step" (a mark), "dropped" (a step dropped at Today), "check" or "blocker"."""
    target: str
    """The step's or blocker's id; a check's "<cycle id>:<days after>"."""
    name: str
    """Whose step; who raised the blocker; "" for a check."""
    text: str
    """The step's or blocker's words, or the adopted change a check asks about."""
    back_to: str
    """The status it is back at (a StepStatus or BlockerStatus value); for a check
    "" (not answered), "yes" or "no"."""
    owner: str = ""
    """A blocker's owner it is back to, if any."""


def keep(
    conn: sqlite3.Connection,
    db: Db,
    day: date,
    stage: Stage,
    kind: str,
    target: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """Keep a change just made (inside its write) as the last one of `stage` at `day`'s
    huddle: `before` is what to put back, `after` what it must still be for that."""
    conn.execute(
        "INSERT INTO last_changes (day, stage, kind, target, before, after, made_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, stage) DO UPDATE SET"
        " kind = excluded.kind, target = excluded.target, before = excluded.before,"
        " after = excluded.after, made_at = excluded.made_at",
        (
            day.isoformat(),
            stage.value,
            kind,
            target,
            json.dumps(before, ensure_ascii=False),
            json.dumps(after, ensure_ascii=False),
            db.stamp(),
        ),
    )


def row_of(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> dict[str, Any]:
    """One row as a dict of its columns (to keep it, and to put it back as it was).
    `table` and `where` are fixed text of the store's own; values are bound."""
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", params)  # noqa: S608 fixed names, values bound
    names = [c[0] for c in cursor.description]
    found = cursor.fetchone()
    return dict(zip(names, found, strict=True)) if found else {}


def rows_of(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> list[dict[str, Any]]:
    """Each row, as `row_of` gives one."""
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", params)  # noqa: S608 fixed names, values bound
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _known(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """`row` with only the columns `table` has: the names come back from the file, so they
    are checked against the table's own before they go into SQL."""
    columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    return {name: value for name, value in row.items() if name in columns}


UNDONE = "undone: "
"""The start of the line a blocker's history gets when a move is taken back."""

_CHANGED = "it has been changed since (on another screen?), so it is left as it is"


class _Changed(Exception):
    """The thing was changed again after the change kept: it is not undone."""


class LastChangeStore:
    """The last change at each stage of a huddle, and taking it back."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def has_last(self, day: date, stage: Stage) -> bool:
        return bool(
            self.db.value(
                "SELECT 1 FROM last_changes WHERE day = ? AND stage = ?",
                (day.isoformat(), stage.value),
            )
        )

    def undo(self, day: date, stage: Stage, *, who: str) -> Undone:
        """Put back what the last change at `stage` of `day`'s huddle replaced, and forget
        it (one level). Refused, and forgotten, when the thing has changed again since."""
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT kind, target, before, after FROM last_changes WHERE day = ? AND stage = ?",
                (day.isoformat(), stage.value),
            ).fetchone()
            if row is None:
                raise NothingToUndo("nothing to undo here yet")
            kind, target, before, after = row[0], row[1], json.loads(row[2]), json.loads(row[3])
            conn.execute(
                "DELETE FROM last_changes WHERE day = ? AND stage = ?",
                (day.isoformat(), stage.value),
            )
            try:
                if kind == "step":
                    return self._step(conn, target, before, after)
                if kind == "dropped":
                    return self._dropped(conn, target, before, after)
                if kind == "check":
                    return self._check(conn, target, before, after)
                return self._blocker(conn, target, before, after, who)
            except _Changed as changed:
                refused = changed  # forgotten all the same: committed, then said
        raise HuddleError(str(refused))

    def _step(
        self, conn: sqlite3.Connection, step_id: str, before: dict[str, Any], after: dict[str, Any]
    ) -> Undone:
        now = row_of(conn, "steps", "id = ?", (step_id,))
        if not now or now["status"] != after["status"]:
            raise _Changed(f"can't undo the mark: {_CHANGED}")
        if after.get("made_copy"):
            conn.execute(
                "DELETE FROM steps WHERE id = ? AND status = 'planned'", (after["made_copy"],)
            )
        for kept in before.get("copies", []):
            copy = _known(conn, "steps", kept)
            columns = ", ".join(copy)
            marks = ", ".join("?" for _ in copy)
            conn.execute(
                f"INSERT INTO steps ({columns}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",  # noqa: S608 checked column names
                list(copy.values()),
            )
        conn.execute(
            "UPDATE steps SET status = ?, reviewed_on = ?, updated_at = ? WHERE id = ?",
            (before["status"], before["reviewed_on"], self.db.stamp(), step_id),
        )
        name = conn.execute("SELECT name FROM members WHERE id = ?", (now["member_id"],))
        return Undone("step", step_id, name.fetchone()[0], now["text"], before["status"])

    def _dropped(
        self, conn: sqlite3.Connection, step_id: str, before: dict[str, Any], after: dict[str, Any]
    ) -> Undone:
        """A step dropped at Today: planned again as it was (a new one made again, ids and
        all; one carried over is no longer dropped)."""
        now = row_of(conn, "steps", "id = ?", (step_id,))
        if (now["status"] if now else None) != after["status"]:
            raise _Changed(f"can't undo the drop: {_CHANGED}")
        if now:
            conn.execute(
                "UPDATE steps SET status = ?, reviewed_on = ?, updated_at = ? WHERE id = ?",
                (before["status"], before["reviewed_on"], self.db.stamp(), step_id),
            )
        else:
            row = _known(conn, "steps", {**before, "updated_at": self.db.stamp()})
            columns, marks = ", ".join(row), ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT INTO steps ({columns}) VALUES ({marks})",  # noqa: S608 checked column names
                list(row.values()),
            )
        name = conn.execute("SELECT name FROM members WHERE id = ?", (before["member_id"],))
        return Undone("dropped", step_id, name.fetchone()[0], before["text"], before["status"])

    def _check(
        self, conn: sqlite3.Connection, target: str, before: dict[str, Any], after: dict[str, Any]
    ) -> Undone:
        cycle_id, after_days = target.rsplit(":", 1)
        where = "cycle_id = ? AND after_days = ?"
        now = row_of(conn, "sustainment_checks", where, (cycle_id, int(after_days)))
        if not now or now["in_place"] != after["in_place"]:
            raise _Changed(f"can't undo the answer: {_CHANGED}")
        conn.execute(
            "UPDATE sustainment_checks SET in_place = ?, checked_on = ?, note = ?"
            " WHERE cycle_id = ? AND after_days = ?",
            (before["in_place"], before["checked_on"], before["note"], cycle_id, int(after_days)),
        )
        change = conn.execute("SELECT change FROM pdsa_cycles WHERE id = ?", (cycle_id,))
        answer = {None: "", 1: "yes", 0: "no"}[before["in_place"]]
        return Undone("check", target, "", change.fetchone()[0], answer)

    def _blocker(
        self,
        conn: sqlite3.Connection,
        blocker_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
        who: str,
    ) -> Undone:
        now = row_of(conn, "blockers", "id = ?", (blocker_id,))
        if not now or any(
            now[key] != after[key] for key in ("status", "owner_id", "tier") if key in after
        ):
            raise _Changed(f"can't undo it: {_CHANGED}")
        changes = _known(conn, "blockers", {**before, "updated_at": self.db.stamp()})
        columns = ", ".join(f"{column} = ?" for column in changes)
        conn.execute(
            f"UPDATE blockers SET {columns} WHERE id = ?",  # noqa: S608 checked column names
            [*changes.values(), blocker_id],
        )
        record_event(
            conn,
            self.db,
            blocker_id,
            who,
            BlockerStatus(now["status"]),
            BlockerStatus(before["status"]),
            f"{UNDONE}{after['note']}",
        )
        names = conn.execute(
            "SELECT r.name, o.name FROM blockers b JOIN members r ON r.id = b.raised_by"
            " LEFT JOIN members o ON o.id = b.owner_id WHERE b.id = ?",
            (blocker_id,),
        ).fetchone()
        return Undone(
            "blocker", blocker_id, names[0], now["text"], before["status"], names[1] or ""
        )

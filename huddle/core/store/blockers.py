"""Blockers: what stops a step, owned by the team or sent up to management."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.matching import match_one
from huddle.core.models import (
    BLOCKER_MOVES,
    Blocker,
    BlockerEvent,
    BlockerStatus,
    HuddleError,
    InvalidMove,
    Member,
)
from huddle.core.store.db import Db, as_datetime
from huddle.core.text import clean_line, clean_text

_SELECT = """
SELECT b.*, r.name AS raised_by_name, o.name AS owner_name
FROM blockers b JOIN members r ON r.id = b.raised_by LEFT JOIN members o ON o.id = b.owner_id
"""


def _blocker(row: sqlite3.Row) -> Blocker:
    return Blocker(
        id=row["id"],
        raised_by=row["raised_by"],
        raised_by_name=row["raised_by_name"],
        text=row["text"],
        category=row["category"],
        status=BlockerStatus(row["status"]),
        owner_id=row["owner_id"],
        owner_name=row["owner_name"],
        escalation_reason=row["escalation_reason"],
        escalated_to=row["escalated_to"],
        answer=row["answer"],
        answered_by=row["answered_by"],
        resolution=row["resolution"],
        raised_on=date.fromisoformat(row["raised_on"]),
        created_at=as_datetime(row["created_at"]),
        updated_at=as_datetime(row["updated_at"]),
    )


class BlockerStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, blocker_id: str) -> Blocker:
        row = self.db.row(_SELECT + " WHERE b.id = ?", (blocker_id,))
        if row is None:
            raise HuddleError("that blocker no longer exists")
        return _blocker(row)

    def open(self) -> list[Blocker]:
        """Every blocker not yet resolved, oldest first."""
        rows = self.db.rows(
            _SELECT + " WHERE b.status != 'resolved' ORDER BY b.raised_on, b.created_at"
        )
        return [_blocker(r) for r in rows]

    def find(self, typed: str) -> Blocker:
        """The blocker whose id starts with what was typed."""
        prefix = typed.strip().lower()
        rows = self.db.rows(_SELECT + " WHERE b.id LIKE ? || '%' LIMIT 6", (prefix,))
        return match_one(prefix, [_blocker(r) for r in rows], lambda b: b.id, "blocker")

    def raise_blocker(
        self,
        member: Member,
        text: str,
        *,
        category: str | None = None,
        blocker_id: str | None = None,
    ) -> Blocker:
        """Record what stops a step; it stays open until it is resolved."""
        text = clean_line(text, what="a blocker")
        blocker_id = blocker_id or self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            inserted = conn.execute(
                "INSERT INTO blockers (id, raised_by, text, category, status, raised_on,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    blocker_id,
                    member.id,
                    text,
                    clean_line(category, what="a category", limit=60) if category else None,
                    self.db.today().isoformat(),
                    stamp,
                    stamp,
                ),
            )
            if inserted.rowcount:
                self._record(conn, blocker_id, member.name, None, BlockerStatus.OPEN, text)
        return self.get(blocker_id)

    def history(self, blocker: Blocker) -> list[BlockerEvent]:
        """Every change to the blocker, oldest first."""
        rows = self.db.rows(
            "SELECT at, who, status_from, status_to, note FROM blocker_events"
            " WHERE blocker_id = ? ORDER BY at, rowid",
            (blocker.id,),
        )
        return [
            BlockerEvent(
                at=as_datetime(r["at"]),
                who=r["who"],
                status_from=BlockerStatus(r["status_from"]) if r["status_from"] else None,
                status_to=BlockerStatus(r["status_to"]),
                note=r["note"],
            )
            for r in rows
        ]

    def take_ownership(self, blocker: Blocker, owner: Member, *, who: str) -> Blocker:
        """The team owns it: one of its members will deal with it."""
        return self._move(
            blocker,
            BlockerStatus.OWNED,
            who=who,
            note=f"owned by {owner.name}",
            changes={"owner_id": owner.id},
        )

    def escalate(
        self, blocker: Blocker, reason: str, *, who: str, to: str = "management"
    ) -> Blocker:
        """Send it up to management; a reason is required."""
        reason = clean_line(reason, what="the reason for sending it up")
        to = clean_line(to, what="who it goes to", limit=80)
        return self._move(
            blocker,
            BlockerStatus.ESCALATED,
            who=who,
            note=reason,
            changes={
                "escalation_reason": reason,
                "escalated_to": to,
                "escalated_at": self.db.stamp(),
                "answer_seen_at": None,
            },
        )

    def answer(self, blocker: Blocker, answer: str, *, who: str) -> Blocker:
        """Management's answer to an escalated blocker; it stays open until resolved."""
        answer = clean_line(answer, what="the answer")
        who = clean_line(who, what="who answered", limit=80)
        return self._move(
            blocker,
            BlockerStatus.ANSWERED,
            who=who,
            note=answer,
            changes={"answer": answer, "answered_by": who, "answered_at": self.db.stamp()},
        )

    def resolve(self, blocker: Blocker, note: str, *, who: str) -> Blocker:
        """Closed, with a note on how: nothing is closed by silence."""
        note = clean_line(note, what="a note on how it was resolved")
        return self._move(
            blocker,
            BlockerStatus.RESOLVED,
            who=who,
            note=note,
            changes={"resolution": note, "resolved_at": self.db.stamp()},
        )

    def reopen(self, blocker: Blocker, note: str, *, who: str) -> Blocker:
        """It came back: open again, its history kept."""
        return self._move(
            blocker,
            BlockerStatus.OPEN,
            who=who,
            note=clean_text(note),
            changes={"resolved_at": None},
        )

    def _move(
        self,
        blocker: Blocker,
        to: BlockerStatus,
        *,
        who: str,
        note: str,
        changes: dict[str, object],
    ) -> Blocker:
        with self.db.write() as conn:
            # Read the status under the write lock: another screen may have moved it.
            current = BlockerStatus(
                conn.execute("SELECT status FROM blockers WHERE id = ?", (blocker.id,)).fetchone()[
                    0
                ]
            )
            if to not in BLOCKER_MOVES[current]:
                raise InvalidMove(
                    f"blocker {blocker.short_id} is {current.value}; it can't become {to.value}"
                    f" (it can become {', '.join(sorted(s.value for s in BLOCKER_MOVES[current]))})"
                )
            changes = {**changes, "status": to.value, "updated_at": self.db.stamp()}
            columns = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(
                f"UPDATE blockers SET {columns} WHERE id = ?", [*changes.values(), blocker.id]
            )
            self._record(conn, blocker.id, who, current, to, note)
        return self.get(blocker.id)

    def _record(
        self,
        conn: sqlite3.Connection,
        blocker_id: str,
        who: str,
        status_from: BlockerStatus | None,
        status_to: BlockerStatus,
        note: str = "",
    ) -> None:
        """Append one line to the blocker's history (which is never rewritten)."""
        conn.execute(
            "INSERT INTO blocker_events (id, blocker_id, at, who, status_from, status_to, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.db.new_id(),
                blocker_id,
                self.db.stamp(),
                who,
                status_from.value if status_from else None,
                status_to.value,
                note,
            ),
        )

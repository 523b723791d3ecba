"""Who is away or off shift, and when: they are not marked present by default."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.models import Absence, HuddleError, Member
from huddle.core.store.db import Db
from huddle.core.text import clean_line

_SELECT = """
SELECT a.id, a.member_id, m.name AS member_name, a.first_day, a.last_day, a.reason
FROM absences a JOIN members m ON m.id = a.member_id
"""


def _absence(row: sqlite3.Row) -> Absence:
    return Absence(
        id=row["id"],
        member_id=row["member_id"],
        member_name=row["member_name"],
        first_day=date.fromisoformat(row["first_day"]),
        last_day=date.fromisoformat(row["last_day"]),
        reason=row["reason"],
    )


class AbsenceStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def add(
        self, member: Member, first_day: date, last_day: date | None = None, reason: str = ""
    ) -> Absence:
        """Record that `member` is away from `first_day` to `last_day` (one day if not given)."""
        last_day = last_day or first_day
        if last_day < first_day:
            raise HuddleError("an absence can't end before it starts")
        reason = clean_line(reason, what="a reason", limit=120) if reason.strip() else ""
        absence_id = self.db.new_id()
        with self.db.write() as conn:
            clash = conn.execute(
                "SELECT first_day, last_day FROM absences"
                " WHERE member_id = ? AND first_day <= ? AND last_day >= ?"
                " ORDER BY first_day LIMIT 1",
                (member.id, last_day.isoformat(), first_day.isoformat()),
            ).fetchone()
            if clash:
                then = _span(date.fromisoformat(clash[0]), date.fromisoformat(clash[1]))
                raise HuddleError(
                    f"{member.name} is already away {then}; cancel that first to change it"
                )
            conn.execute(
                "INSERT INTO absences (id, member_id, first_day, last_day, reason, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    absence_id,
                    member.id,
                    first_day.isoformat(),
                    last_day.isoformat(),
                    reason,
                    self.db.stamp(),
                ),
            )
        return Absence(absence_id, member.id, member.name, first_day, last_day, reason)

    def on(self, day: date) -> list[Absence]:
        """Every absence that covers `day`, by member name."""
        rows = self.db.rows(
            _SELECT + " WHERE a.first_day <= :day AND a.last_day >= :day"
            " ORDER BY m.name COLLATE NOCASE, a.first_day",
            {"day": day.isoformat()},
        )
        return [_absence(r) for r in rows]

    def remove(self, absence: Absence) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM absences WHERE id = ?", (absence.id,))

    def upcoming(self, today: date) -> list[Absence]:
        """Absences that have not ended by `today`, soonest first (for team set-up)."""
        rows = self.db.rows(
            _SELECT + " WHERE a.last_day >= ? ORDER BY a.first_day, m.name COLLATE NOCASE, a.id",
            (today.isoformat(),),
        )
        return [_absence(r) for r in rows]

    def of_member(self, member: Member) -> list[Absence]:
        """Every time `member` is (or was) away, earliest first."""
        rows = self.db.rows(_SELECT + " WHERE a.member_id = ? ORDER BY a.first_day", (member.id,))
        return [_absence(r) for r in rows]

    def covering(self, member: Member, day: date) -> Absence | None:
        """The absence of `member` that covers `day`, if any."""
        row = self.db.row(
            _SELECT + " WHERE a.member_id = ? AND a.first_day <= ? AND a.last_day >= ?",
            (member.id, day.isoformat(), day.isoformat()),
        )
        return _absence(row) if row else None


def _span(first: date, last: date) -> str:
    """Days away as an error says them: Mon 7 Dec 2026 to Fri 11 Dec 2026, or on Mon 7 Dec."""
    if first == last:
        return f"on {first:%a} {first.day} {first:%b %Y}"
    return f"{first:%a} {first.day} {first:%b %Y} to {last:%a} {last.day} {last:%b %Y}"

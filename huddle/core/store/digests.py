"""What the digest for management reads (a period's steps and huddles), and the log of
digests written, so the next one starts where the last one ended."""

from __future__ import annotations

import sqlite3
from datetime import date

from huddle.core.models import DigestRecord, Step
from huddle.core.store.db import Db, as_datetime
from huddle.core.store.steps import _SELECT as _STEPS_SELECT
from huddle.core.store.steps import _step


class DigestStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def steps_between(self, first: date, last: date) -> list[Step]:
        """The steps planned for huddle days from `first` to `last` (both included), by day,
        then by person."""
        rows = self.db.rows(
            _STEPS_SELECT + " WHERE s.day BETWEEN ? AND ?"
            " ORDER BY s.day, m.name COLLATE NOCASE, s.created_at, s.id",
            (first.isoformat(), last.isoformat()),
        )
        return [_step(r) for r in rows]

    def people_named(self) -> list[str]:
        """Who blockers were sent up to, who answered them, and who moved them on, as typed:
        people who may not be members, whose names --no-names must also leave out. The
        team's tiers are not people (a blocker sent up to no one by name goes to its tier)."""
        rows = self.db.rows(
            "SELECT escalated_to FROM blockers UNION SELECT answered_by FROM blockers"
            " UNION SELECT who FROM blocker_events"
            " EXCEPT SELECT name FROM tiers EXCEPT SELECT tier FROM blocker_events"
        )
        return [r[0] for r in rows if r[0]]

    def attendance_between(self, first: date, last: date) -> dict[date, dict[str, bool]]:
        """For each huddle held from `first` to `last`: who was there (True) or away (False),
        by member id. A huddle with nobody marked is still listed."""
        held = self.db.rows(
            "SELECT day FROM huddles WHERE started_at IS NOT NULL AND day BETWEEN ? AND ?"
            " ORDER BY day",
            (first.isoformat(), last.isoformat()),
        )
        found: dict[date, dict[str, bool]] = {date.fromisoformat(r["day"]): {} for r in held}
        rows = self.db.rows(
            "SELECT a.day, a.member_id, a.present FROM attendance a"
            " JOIN huddles h ON h.day = a.day"
            " WHERE h.started_at IS NOT NULL AND a.day BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        )
        for row in rows:
            found[date.fromisoformat(row["day"])][row["member_id"]] = bool(row["present"])
        return found

    def last(self) -> DigestRecord | None:
        """The digest written most recently, if any."""
        return self._record(
            self.db.row("SELECT * FROM digests ORDER BY written_at DESC, rowid DESC LIMIT 1")
        )

    def furthest(self) -> DigestRecord | None:
        """The digest that covered the latest days (up to the day it was written: one that
        ran ahead covered no more), the most recent of those; a look back at an old period
        written since is not it."""
        return self._record(
            self.db.row(
                "SELECT * FROM digests ORDER BY min(until, substr(written_at, 1, 10)) DESC,"
                " written_at DESC, rowid DESC LIMIT 1"
            )
        )

    @staticmethod
    def _record(row: sqlite3.Row | None) -> DigestRecord | None:
        if row is None:
            return None
        return DigestRecord(
            since=date.fromisoformat(row["since"]),
            until=date.fromisoformat(row["until"]),
            format=row["format"],
            names_left_out=bool(row["names_left_out"]),
            written_to=row["written_to"],
            written_at=as_datetime(row["written_at"]),
        )

    def record(
        self, since: date, until: date, *, format: str, names_left_out: bool, written_to: str = ""
    ) -> DigestRecord:
        """Note that a digest for this period was written (to a file, or "" for the screen).
        A read-only file still gives its digest: only the note is left out."""
        stamp = self.db.stamp()
        if self.db.read_only:
            return DigestRecord(
                since, until, format, names_left_out, written_to, as_datetime(stamp)
            )
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO digests (id, since, until, format, names_left_out, written_to,"
                " written_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self.db.new_id(),
                    since.isoformat(),
                    until.isoformat(),
                    format,
                    int(names_left_out),
                    written_to,
                    stamp,
                ),
            )
        return DigestRecord(since, until, format, names_left_out, written_to, as_datetime(stamp))

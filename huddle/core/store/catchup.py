"""Reads for the catch-up card: what changed between two huddle days."""

from __future__ import annotations

from datetime import date

from huddle.core.models import Member
from huddle.core.results import BlockerAnswered, StepDone
from huddle.core.store.db import Db


class CatchUpStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def last_present(self, member: Member, *, before: date) -> date | None:
        """The last huddle day before `before` the member was marked present."""
        found = self.db.value(
            "SELECT max(day) FROM attendance WHERE member_id = ? AND present = 1 AND day < ?",
            (member.id, before.isoformat()),
        )
        return date.fromisoformat(found) if found else None

    def last_present_all(self, *, before: date) -> dict[str, date]:
        """Each member's last huddle day before `before` marked present, by member id."""
        rows = self.db.rows(
            "SELECT member_id, max(day) AS day FROM attendance"
            " WHERE present = 1 AND day < ? GROUP BY member_id",
            (before.isoformat(),),
        )
        return {r["member_id"]: date.fromisoformat(r["day"]) for r in rows}

    def steps_done(
        self, since: date, until: date, *, limit: int
    ) -> tuple[int, int, list[StepDone]]:
        """Steps done or partly done planned for days after `since` and before `until`:
        how many done, how many partly done, and the newest few of either."""
        bounds = (since.isoformat(), until.isoformat())
        counts = self.db.rows(
            "SELECT coalesce(sum(done), 0) AS done, coalesce(sum(partly), 0) AS partly"
            " FROM day_tallies WHERE day > ? AND day < ?",
            bounds,
        )[0]
        rows = self.db.rows(
            "SELECT m.name, s.text FROM steps s JOIN members m ON m.id = s.member_id"
            " WHERE s.status IN ('done', 'partly') AND s.day > ? AND s.day < ?"
            " ORDER BY s.day DESC, s.updated_at DESC LIMIT ?",
            (*bounds, limit),
        )
        examples = [StepDone(r["name"], r["text"]) for r in rows]
        return int(counts["done"]), int(counts["partly"]), examples

    def blockers_answered(
        self, since: date, until: date, *, limit: int
    ) -> tuple[list[BlockerAnswered], int]:
        """Blockers management answered after `since`, up to and including `until`."""
        where = (
            "answered_at IS NOT NULL AND substr(answered_at, 1, 10) > ?"
            " AND substr(answered_at, 1, 10) <= ?"
        )
        bounds = (since.isoformat(), until.isoformat())
        rows = self.db.rows(
            f"SELECT text, answer, status FROM blockers WHERE {where}"  # noqa: S608 a fixed filter; dates are bound
            " ORDER BY answered_at DESC LIMIT ?",
            (*bounds, limit),
        )
        count = self.db.value(f"SELECT count(*) FROM blockers WHERE {where}", bounds)  # noqa: S608 a fixed filter; dates are bound
        return [
            BlockerAnswered(r["text"], r["answer"], r["status"] == "resolved") for r in rows
        ], int(count)

    def goals_added(self, since: date, until: date) -> list[str]:
        """Titles of goals added after `since`, up to and including `until`."""
        rows = self.db.rows(
            "SELECT title FROM goals WHERE substr(created_at, 1, 10) > ?"
            " AND substr(created_at, 1, 10) <= ? ORDER BY created_at",
            (since.isoformat(), until.isoformat()),
        )
        return [r["title"] for r in rows]

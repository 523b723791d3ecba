"""Reads for the wins of the week on the board: the small steps taken."""

from __future__ import annotations

from datetime import date

from huddle.core.store.db import Db


class WinStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def steps_taken(
        self, first: date, last: date, *, limit: int
    ) -> tuple[int, list[tuple[str, str, str]]]:
        """Steps done or partly done, looked back on from `first` to `last`: how many, and
        the newest `limit` (those with a learning line first each day) as (who, the step,
        what was learned)."""
        # +status: through the index on reviewed_on (a week), not the one on status (years).
        where = "+s.status IN ('done', 'partly') AND s.reviewed_on BETWEEN ? AND ?"
        bounds = (first.isoformat(), last.isoformat())
        query = (
            "SELECT m.name, s.text, s.learning FROM steps s JOIN members m ON m.id = s.member_id"  # noqa: S608 a fixed filter; dates are bound
            f" WHERE {where} ORDER BY s.reviewed_on DESC, s.learning = '', s.updated_at DESC"
            " LIMIT ?"
        )
        rows = self.db.rows(query, (*bounds, limit))
        count = self.db.value(f"SELECT count(*) FROM steps s WHERE {where}", bounds)  # noqa: S608 a fixed filter; dates are bound
        return int(count), [(r[0], r[1], r[2]) for r in rows]

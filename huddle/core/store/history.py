"""Reading past huddles: which days have a record, and what happened on one of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from huddle.core.models import Blocker, BlockerEvent, BlockerStatus
from huddle.core.store.blocker_rows import _SELECT as _BLOCKER_SELECT
from huddle.core.store.blocker_rows import _blocker
from huddle.core.store.db import Db, as_datetime


@dataclass(frozen=True)
class BlockerMove:
    """A blocker moved on a day (owned, sent up, answered, resolved), with what it is."""

    blocker_id: str
    blocker_text: str
    event: BlockerEvent


@dataclass(frozen=True)
class Attendance:
    present: list[str]
    away: list[str]
    """Names, in alphabetical order."""


class HistoryStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def _edge(self, sql_op: str, day: date, agg: str) -> date | None:
        """The nearest day with a huddle or steps, in one direction (each side uses an index)."""
        found = [
            self.db.value(
                f"SELECT {agg}(day) FROM {table} WHERE day {sql_op} ?",  # noqa: S608 fixed table, operator and aggregate; the day is bound
                (day.isoformat(),),
            )
            for table in ("huddles", "steps")
        ]
        days = [date.fromisoformat(d) for d in found if d]
        if not days:
            return None
        return max(days) if agg == "max" else min(days)

    def day_before(self, day: date) -> date | None:
        """The last day before `day` that has a huddle or small steps."""
        return self._edge("<", day, "max")

    def day_after(self, day: date) -> date | None:
        """The first day after `day` that has a huddle or small steps."""
        return self._edge(">", day, "min")

    def on_or_before(self, day: date) -> date | None:
        return self._edge("<=", day, "max")

    def on_or_after(self, day: date) -> date | None:
        return self._edge(">=", day, "min")

    def last_huddle(self, today: date) -> date | None:
        """The last day, up to `today`, whose huddle was started."""
        found = self.db.value(
            "SELECT max(day) FROM huddles WHERE day <= ? AND started_at IS NOT NULL",
            (today.isoformat(),),
        )
        return date.fromisoformat(found) if found else None

    def first_day(self) -> date | None:
        return self.on_or_after(date.min)

    def attendance(self, day: date) -> Attendance:
        rows = self.db.rows(
            "SELECT m.name, a.present FROM attendance a JOIN members m ON m.id = a.member_id"
            " WHERE a.day = ? ORDER BY m.name COLLATE NOCASE",
            (day.isoformat(),),
        )
        return Attendance(
            present=[r["name"] for r in rows if r["present"]],
            away=[r["name"] for r in rows if not r["present"]],
        )

    def facilitator(self, day: date) -> str | None:
        return self.db.value(  # type: ignore[no-any-return]
            "SELECT m.name FROM huddles h JOIN members m ON m.id = h.facilitator_id"
            " WHERE h.day = ?",
            (day.isoformat(),),
        )

    def blockers_raised(self, day: date) -> list[Blocker]:
        rows = self.db.rows(
            _BLOCKER_SELECT + " WHERE b.raised_on = ? ORDER BY b.created_at, b.id",
            (day.isoformat(),),
        )
        return [_blocker(r) for r in rows]

    def blocker_moves(self, day: date) -> list[BlockerMove]:
        """Every change to a blocker made on `day`, other than raising it."""
        start = day.isoformat()
        end = (day + timedelta(days=1)).isoformat()
        rows = self.db.rows(
            "SELECT e.blocker_id, b.text, e.at, e.who, e.status_from, e.status_to, e.note"
            " FROM blocker_events e JOIN blockers b ON b.id = e.blocker_id"
            " WHERE e.at >= ? AND e.at < ? AND e.status_from IS NOT NULL"
            " ORDER BY e.at, e.rowid",
            (start, end),
        )
        return [
            BlockerMove(
                blocker_id=r["blocker_id"],
                blocker_text=r["text"],
                event=BlockerEvent(
                    at=as_datetime(r["at"]),
                    who=r["who"],
                    status_from=BlockerStatus(r["status_from"]),
                    status_to=BlockerStatus(r["status_to"]),
                    note=r["note"],
                ),
            )
            for r in rows
        ]

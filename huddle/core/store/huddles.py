"""The huddle of one day: when it started and ended, and where it is."""

from __future__ import annotations

from datetime import date

from huddle.core.models import Huddle, Member, Stage
from huddle.core.store.db import Db, as_datetime


class HuddleStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, day: date) -> Huddle | None:
        row = self.db.row(
            "SELECT day, started_at, ended_at, facilitator_id, stage FROM huddles WHERE day = ?",
            (day.isoformat(),),
        )
        if row is None:
            return None
        return Huddle(
            day=date.fromisoformat(row["day"]),
            started_at=as_datetime(row["started_at"]) if row["started_at"] else None,
            ended_at=as_datetime(row["ended_at"]) if row["ended_at"] else None,
            facilitator_id=row["facilitator_id"],
            stage=Stage(row["stage"]),
        )

    def has_ended(self, day: date) -> bool:
        return bool(
            self.db.value(
                "SELECT 1 FROM huddles WHERE day = ? AND ended_at IS NOT NULL", (day.isoformat(),)
            )
        )

    def start(self, day: date, facilitator: Member | None = None) -> Huddle:
        """Open the day's huddle, or give back the one already open (one per day)."""
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO huddles (day, started_at, facilitator_id, stage) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (day) DO NOTHING",
                (
                    day.isoformat(),
                    self.db.stamp(),
                    facilitator.id if facilitator else None,
                    Stage.WHO.value,
                ),
            )
        found = self.get(day)
        assert found is not None
        return found

    def set_stage(self, day: date, stage: Stage) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE huddles SET stage = ? WHERE day = ?", (stage.value, day.isoformat())
            )

    def end(self, day: date) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE huddles SET ended_at = coalesce(ended_at, ?), stage = ? WHERE day = ?",
                (self.db.stamp(), Stage.WRAP_UP.value, day.isoformat()),
            )

    def mark_attendance(self, day: date, member: Member, present: bool) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO attendance (day, member_id, present) VALUES (?, ?, ?)"
                " ON CONFLICT (day, member_id) DO UPDATE SET present = excluded.present",
                (day.isoformat(), member.id, int(present)),
            )

    def attendance(self, day: date) -> dict[str, bool]:
        """Who was marked present (True) or away (False) on a day, by member id."""
        rows = self.db.rows(
            "SELECT member_id, present FROM attendance WHERE day = ?", (day.isoformat(),)
        )
        return {r["member_id"]: bool(r["present"]) for r in rows}

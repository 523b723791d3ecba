"""The huddle of one day: when it started and ended, and where it is."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from huddle.core import models  # models.X: loaded when used; `huddle add` needs none here
from huddle.core.store.db import Db, as_datetime


class HuddleStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, day: date) -> models.Huddle | None:
        row = self.db.row(
            "SELECT day, started_at, ended_at, facilitator_id, stage FROM huddles WHERE day = ?",
            (day.isoformat(),),
        )
        if row is None:
            return None
        return models.Huddle(
            day=date.fromisoformat(row["day"]),
            started_at=as_datetime(row["started_at"]) if row["started_at"] else None,
            ended_at=as_datetime(row["ended_at"]) if row["ended_at"] else None,
            facilitator_id=row["facilitator_id"],
            stage=models.Stage(row["stage"]),
        )

    def count_before(self, day: date) -> int:
        """How many huddles were held before `day`."""
        return int(self.db.value("SELECT count(*) FROM huddles WHERE day < ?", (day.isoformat(),)))

    def has_ended(self, day: date) -> bool:
        return bool(
            self.db.value(
                "SELECT 1 FROM huddles WHERE day = ? AND ended_at IS NOT NULL", (day.isoformat(),)
            )
        )

    def start(
        self,
        day: date,
        facilitator: models.Member | None = None,
        *,
        attendance: Mapping[str, bool] | None = None,
    ) -> models.Huddle:
        """Open the day's huddle, or give back the one already open (one per day).
        `attendance` (present or not, by member id) is recorded only by the first start."""
        with self.db.write() as conn:
            started = conn.execute(
                "INSERT INTO huddles (day, started_at, facilitator_id, stage) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (day) DO NOTHING",
                (
                    day.isoformat(),
                    self.db.stamp(),
                    facilitator.id if facilitator else None,
                    models.Stage.WHO.value,
                ),
            )
            if started.rowcount and attendance:
                conn.executemany(
                    "INSERT INTO attendance (day, member_id, present) VALUES (?, ?, ?)"
                    " ON CONFLICT (day, member_id) DO NOTHING",
                    [(day.isoformat(), who, int(here)) for who, here in attendance.items()],
                )
        found = self.get(day)
        assert found is not None  # noqa: S101 narrows the type; no check relies on it
        return found

    def set_stage(self, day: date, stage: models.Stage) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE huddles SET stage = ? WHERE day = ?", (stage.value, day.isoformat())
            )

    def end(self, day: date) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE huddles SET ended_at = coalesce(ended_at, ?), stage = ? WHERE day = ?",
                (self.db.stamp(), models.Stage.WRAP_UP.value, day.isoformat()),
            )

    def mark_attendance(self, day: date, member: models.Member, present: bool) -> None:
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

    def timer(self, day: date) -> models.HuddleTimer:
        """The timebox as last saved: zero for a huddle not started."""
        row = self.db.row(
            "SELECT timer_seconds, timer_paused FROM huddles WHERE day = ?", (day.isoformat(),)
        )
        stages = self.db.rows(
            "SELECT stage, seconds FROM stage_times WHERE day = ?", (day.isoformat(),)
        )
        return models.HuddleTimer(
            seconds=float(row["timer_seconds"]) if row else 0.0,
            paused=bool(row["timer_paused"]) if row else False,
            stage_seconds={models.Stage(r["stage"]): float(r["seconds"]) for r in stages},
        )

    def save_timer(
        self,
        day: date,
        seconds: float,
        *,
        paused: bool,
        stage_seconds: Mapping[models.Stage, float],
        stage: models.Stage | None = None,
    ) -> None:
        """Keep the time used so far (and the stage the huddle is at, when given), so a
        huddle opened again goes on from there."""
        with self.db.write() as conn:
            conn.execute(
                "UPDATE huddles SET timer_seconds = ?, timer_paused = ?,"
                " stage = coalesce(?, stage) WHERE day = ?",
                (round(seconds, 1), int(paused), stage.value if stage else None, day.isoformat()),
            )
            conn.executemany(
                "INSERT INTO stage_times (day, stage, seconds) VALUES (?, ?, ?)"
                " ON CONFLICT (day, stage) DO UPDATE SET seconds = excluded.seconds",
                [(day.isoformat(), s.value, round(t, 1)) for s, t in stage_seconds.items()],
            )

"""How the team splits its timebox across the huddle's stages."""

from __future__ import annotations

from huddle.core.models import Stage
from huddle.core.store.db import Db
from huddle.core.timebox import DEFAULT_SPLIT, check_split, stage_seconds


class TimeboxStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def split(self) -> dict[Stage, int]:
        """Minutes per stage as last set; the default split while none is set."""
        rows = self.db.rows("SELECT stage, minutes FROM stage_minutes")
        saved = {Stage(r["stage"]): int(r["minutes"]) for r in rows}
        if not saved:
            return dict(DEFAULT_SPLIT)
        return {stage: saved.get(stage, 0) for stage in Stage}

    def set_split(self, split: dict[Stage, int]) -> dict[Stage, int]:
        """Set the minutes per stage; the team's timebox becomes their total."""
        total = check_split(split)
        with self.db.write() as conn:
            conn.executemany(
                "INSERT INTO stage_minutes (stage, minutes) VALUES (?, ?)"
                " ON CONFLICT (stage) DO UPDATE SET minutes = excluded.minutes",
                [(stage.value, split[stage]) for stage in Stage],
            )
            conn.execute("UPDATE team SET timebox_minutes = ? WHERE id = 1", (total,))
        return self.split()

    def seconds(self) -> dict[Stage, float]:
        """Seconds each stage may take, scaled to the team's timebox."""
        minutes = int(self.db.value("SELECT timebox_minutes FROM team WHERE id = 1"))
        return stage_seconds(minutes, self.split())

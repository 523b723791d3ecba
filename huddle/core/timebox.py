"""The huddle's timebox: the countdown (time counts while the huddle is open and not paused)
and its split across the stages (e.g. 15 minutes: 1 to see who is here, 4 for yesterday, 5
for today, 4 for blockers, 1 to wrap up)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from huddle.core.models import HuddleError, HuddleTimer, Stage

AMBER_SECONDS = 120
"""The timebox turns amber with this much time left."""

DEFAULT_SPLIT: dict[Stage, int] = {
    Stage.WHO: 1,
    Stage.YESTERDAY: 4,
    Stage.TODAY: 5,
    Stage.BLOCKERS: 4,
    Stage.WRAP_UP: 1,
}
"""Minutes per stage for the default 15-minute huddle."""


def check_split(split: dict[Stage, int]) -> int:
    """The total of a split, in minutes; refused when a stage is missing or it can't be a
    timebox (every stage 0 to 120 minutes, 1 to 120 in all)."""
    missing = [stage.value for stage in Stage if stage not in split]
    if missing:
        raise HuddleError(f"give minutes for every stage (missing: {', '.join(missing)})")
    if any(not 0 <= minutes <= 120 for minutes in split.values()):
        raise HuddleError("each stage takes from 0 to 120 minutes")
    total = sum(split.values())
    if not 1 <= total <= 120:
        raise HuddleError(f"the stages add up to {total} minutes; the timebox is 1 to 120")
    return total


def stage_seconds(timebox_minutes: int, split: dict[Stage, int]) -> dict[Stage, float]:
    """Seconds for each stage: the split, scaled to the timebox (which may have been changed
    since the split was set, e.g. by `huddle team timebox 20`)."""
    total = sum(split.values())
    if total <= 0:
        split, total = DEFAULT_SPLIT, sum(DEFAULT_SPLIT.values())
    return {stage: timebox_minutes * 60 * split.get(stage, 0) / total for stage in Stage}


class TimeLeft(enum.StrEnum):
    OK = "ok"
    AMBER = "amber"
    OVER = "over"


@dataclass
class Timebox:
    """The huddle's countdown: time counts while the huddle is open and not paused; it
    never stops the team from finishing."""

    limit_seconds: float
    seconds: float = 0.0
    paused: bool = False
    stage: Stage = Stage.WHO
    stage_seconds: dict[Stage, float] = field(default_factory=dict)
    _last: datetime | None = None

    @classmethod
    def resume(cls, saved: HuddleTimer, *, limit_minutes: int, stage: Stage) -> Timebox:
        """The timebox as it was saved, counting again from the next tick."""
        return cls(
            limit_seconds=limit_minutes * 60,
            seconds=saved.seconds,
            paused=saved.paused,
            stage=stage,
            stage_seconds=dict(saved.stage_seconds),
        )

    def tick(self, now: datetime) -> None:
        """Count the time since the last tick (a clock going back counts nothing)."""
        if self._last is not None and not self.paused:
            delta = (now - self._last).total_seconds()
            if delta > 0:
                self.seconds += delta
                self.stage_seconds[self.stage] = self.stage_seconds.get(self.stage, 0.0) + delta
        self._last = now

    def move_to(self, stage: Stage, now: datetime) -> None:
        self.tick(now)
        self.stage = stage

    def toggle_pause(self, now: datetime) -> None:
        self.tick(now)
        self.paused = not self.paused

    def halt(self, now: datetime) -> None:
        """Stop counting (the screen is left); the next tick starts counting again."""
        self.tick(now)
        self._last = None

    @property
    def remaining(self) -> float:
        return self.limit_seconds - self.seconds

    @property
    def state(self) -> TimeLeft:
        if self.remaining < 0:
            return TimeLeft.OVER
        if self.remaining <= AMBER_SECONDS:
            return TimeLeft.AMBER
        return TimeLeft.OK

    def in_stage(self, stage: Stage) -> float:
        return self.stage_seconds.get(stage, 0.0)


def clock_text(seconds: float) -> str:
    """Seconds as a countdown shows them: "4:05", "12:00", "1:02:03"."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"

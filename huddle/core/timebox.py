"""The huddle's timebox and its split across the stages (e.g. 15 minutes: 1 to see who is
here, 4 for yesterday, 5 for today, 4 for blockers, 1 to wrap up)."""

from __future__ import annotations

from huddle.core.models import HuddleError, Stage

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

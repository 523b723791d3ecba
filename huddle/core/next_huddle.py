"""When the next huddle is and how far it has got: one answer for `huddle team` and the
home screen, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huddle.core.calendar import format_day
from huddle.core.models import Stage
from huddle.core.store import Store


@dataclass(frozen=True)
class NextHuddle:
    day: date
    """Today while today's huddle has not ended (on a huddle day), else the next huddle day."""
    stage: Stage | None
    """Where the huddle is, when it has started and not ended; None before it starts."""
    words: str
    """As both the CLI and the app say it: "today, not started", "today, in progress: at
    Yesterday", "tomorrow", "Mon 30 Nov"."""


def next_huddle(store: Store) -> NextHuddle:
    """The coming huddle: its day, its stage if it is under way, and the words for it."""
    today = store.today()
    day = store.coming_huddle_day()
    huddle = store.huddles.get(day)
    stage = huddle.stage if huddle and huddle.started_at and not huddle.ended_at else None
    words = format_day(day, today)
    if day == today:
        state = f"in progress: at {stage_title(stage)}" if stage else "not started"
        words = f"{words}, {state}"
    return NextHuddle(day, stage, words)


def stage_title(stage: Stage) -> str:
    """A stage's title, from the rules of the huddle: loaded only once a huddle is under
    way (the home screen's first paint has no use for the rest of them)."""
    from huddle.core.flow import STAGE_TITLES

    return STAGE_TITLES[stage]

"""The demo team's day status (the board's "safety cross"): two measures it tracks daily,
coloured on each huddle day of the last two months. Seeded chance of its own, drawn after
everything else, so adding it moves nothing else in the demo."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from huddle.core.calendar import FixedClock
from huddle.core.models import DayColor
from huddle.core.store import Store

MEASURES = (("Missed visits", 0.12, 0.03), ("Urgent referrals seen in a day", 0.18, 0.06))
"""(name, chance of amber, chance of red) on a day."""


def add_day_status(store: Store, clock: FixedClock, today: date, days: Sequence[date]) -> None:
    """Each measure's colour on the huddle days since the start of last month, before today."""
    rng = random.Random(f"huddle-demo-board-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
    zone = clock.now().tzinfo
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    clock.at = datetime.combine(days[0], time(8, 40), tzinfo=zone)
    measures = [(store.day_status.track(name), amber, red) for name, amber, red in MEASURES]
    for day in days:
        if not start <= day < today:
            continue
        clock.at = datetime.combine(day, time(16, 30), tzinfo=zone)
        for measure, amber, red in measures:
            roll = rng.random()
            color = (
                DayColor.RED if roll < red else DayColor.AMBER if roll < amber else DayColor.GREEN
            )
            store.day_status.set(measure, day, color)

"""Who speaks in what order at Today: the team's choice of alphabetical, rotating (the
first speaker one further along each huddle) or random (shuffled by the date, so the order
stays the same all day)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from huddle.core.flow import who_is_here
from huddle.core.models import Member, SpeakerOrder
from huddle.core.store import Store


def in_speaking_order(
    team: Sequence[Member],
    here: Sequence[Member],
    order: SpeakerOrder,
    day: date,
    huddles_before: int,
) -> list[Member]:
    """The people `here`, in `order`. The order is worked out over the whole `team` and
    then the people not here are left out, so one person's day off moves nobody else."""
    roster = sorted(team, key=lambda m: (m.name.casefold(), m.id))
    if order is SpeakerOrder.ROTATING and roster:
        start = huddles_before % len(roster)
        roster = roster[start:] + roster[:start]
    elif order is SpeakerOrder.RANDOM:
        random.Random(f"huddle-speakers-{day.isoformat()}").shuffle(roster)  # noqa: S311 a fair order for the day, not a secret
    present = {m.id for m in here}
    return [m for m in roster if m.id in present]


def speaking_order(store: Store, day: date) -> list[Member]:
    """The members who get a turn at `day`'s Today, in the team's speaker order."""
    return team_and_speakers(store, day)[1]


def team_and_speakers(store: Store, day: date) -> tuple[list[Member], list[Member]]:
    """The team (every active member, by name) and `speaking_order`, from one read of it."""
    everyone = who_is_here(store, day)
    team = [p.member for p in everyone]
    here = [p.member for p in everyone if p.present]
    order = store.team.get().speaker_order
    return team, in_speaking_order(team, here, order, day, store.huddles.count_before(day))

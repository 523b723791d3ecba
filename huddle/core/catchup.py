"""The catch-up card: what changed while a member was away for two or more huddle days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core.models import Member
from huddle.core.results import BlockerAnswered, StepDone

if TYPE_CHECKING:
    from huddle.core.store import Store

AWAY_DAYS = 2
"""Huddle days missed in a row before a member gets a catch-up card."""
EXAMPLES = 3
"""How many of each kind of change the card names; the rest are counted."""


@dataclass(frozen=True)
class CatchUp:
    member: Member
    last_here: date
    huddle_days_away: int
    steps_done: int
    """Steps done or partly done, planned for the days away."""
    steps_partly: int
    """Of those, the steps only partly done (the card never calls them done)."""
    step_examples: list[StepDone]
    blockers_answered: list[BlockerAnswered]
    blockers_answered_count: int
    goals_added: list[str]

    @property
    def is_empty(self) -> bool:
        return not (self.steps_done or self.blockers_answered_count or self.goals_added)


def catch_up(store: Store, member: Member, day: date) -> CatchUp | None:
    """What changed since `member` was last at a huddle, if they have missed two or more
    huddle days since; None if they were here lately, or have never been marked present."""
    last_here = store.catchup.last_present(member, before=day)
    if last_here is None:
        return None
    return _Changes(store, day).card(member, last_here)


def catch_ups(store: Store, members: Iterable[Member], day: date) -> dict[str, CatchUp]:
    """The catch-up card of each of `members` who has one, by member id: a few reads for
    the whole team, whatever its size (everyone last here on the same day missed the same)."""
    last = store.catchup.last_present_all(before=day)
    changes = _Changes(store, day)
    cards = ((m.id, changes.card(m, last[m.id])) for m in members if m.id in last)
    return {member_id: card for member_id, card in cards if card is not None}


class _Changes:
    """What changed between a day someone was last here and `day`, read once a last day."""

    def __init__(self, store: Store, day: date) -> None:
        self.store, self.day = store, day
        self.calendar = store.calendar()
        self.since: dict[date, CatchUp | None] = {}
        """The card (for whoever it is) for each last day here, once read."""

    def card(self, member: Member, last_here: date) -> CatchUp | None:
        if last_here not in self.since:
            self.since[last_here] = self._read(member, last_here)
        found = self.since[last_here]
        return None if found is None else replace(found, member=member)

    def _read(self, member: Member, last_here: date) -> CatchUp | None:
        store, day = self.store, self.day
        away = self.calendar.huddle_days(last_here + timedelta(days=1), day - timedelta(days=1))
        days_away = sum(1 for _ in away)
        if days_away < AWAY_DAYS:
            return None
        done, partly, examples = store.catchup.steps_done(last_here, day, limit=EXAMPLES)
        answered, answered_count = store.catchup.blockers_answered(last_here, day, limit=EXAMPLES)
        return CatchUp(
            member=member,
            last_here=last_here,
            huddle_days_away=days_away,
            steps_done=done + partly,
            steps_partly=partly,
            step_examples=examples,
            blockers_answered=answered,
            blockers_answered_count=answered_count,
            goals_added=store.catchup.goals_added(last_here, day),
        )

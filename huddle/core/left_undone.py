"""What a huddle stage leaves undone when the team goes on: Yesterday's steps (and "Still in
place?" checks) not marked, people here without a step for today, lines typed at Today and
not saved, blockers raised today that the team has neither owned nor sent up. The screen
says it in one line before it lets the huddle go on; a complete huddle never hears it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huddle.core.flow import present_members, steps_for, yesterday
from huddle.core.models import BlockerStatus, Stage
from huddle.core.store import Store


@dataclass(frozen=True)
class LeftUndone:
    """What is left at a stage; empty (false) when nothing is."""

    not_marked: int = 0
    """Steps of people here, and sustainment checks, that Yesterday has not marked."""
    without_step: tuple[str, ...] = ()
    """The names of the people here with no step for today (and no line typed for one)."""
    not_saved: tuple[str, ...] = ()
    """The names of the people here whose line for today was typed and not saved (a draft)."""
    not_decided: int = 0
    """Blockers raised today still open: the team has neither owned them nor sent them up."""

    def __bool__(self) -> bool:
        return bool(self.not_marked or self.without_step or self.not_saved or self.not_decided)

    def __str__(self) -> str:
        """E.g. "3 not marked, 2 people without a step"."""
        parts: list[str] = []
        if self.not_marked:
            parts.append(f"{self.not_marked} not marked")
        if self.without_step:
            count = len(self.without_step)
            parts.append(
                f"{self.without_step[0]} has no step"
                if count == 1
                else f"{count} people without a step"
            )
        if self.not_saved:
            count = len(self.not_saved)
            parts.append(
                f"{self.not_saved[0]}'s line is not saved"
                if count == 1
                else f"{count} lines typed and not saved"
            )
        if self.not_decided:
            count = self.not_decided
            parts.append(f"{count} new blocker{'s' * (count != 1)} not owned or sent up")
        return ", ".join(parts)


def left_undone(store: Store, day: date, stage: Stage) -> LeftUndone:
    """What leaving `stage` of `day`'s huddle would leave undone: Yesterday's marks at
    Yesterday, steps for today (and lines typed for them) at Today, today's blockers not yet
    owned or sent up at Blockers, all at Wrap-up (the end); nothing at Who's here."""
    not_marked = 0
    without_step: tuple[str, ...] = ()
    not_saved: tuple[str, ...] = ()
    if stage in (Stage.YESTERDAY, Stage.WRAP_UP):
        present = {m.id for m in present_members(store, day)}
        not_marked = sum(
            not step.status.reviewed
            for group in yesterday(store, day, present)
            if group.present
            for step in group.steps
        ) + len(store.pdsa.checks_due(day))
    if stage in (Stage.TODAY, Stage.WRAP_UP):
        planned, typed = steps_for(store, day), store.drafts.on(day)
        here = present_members(store, day)
        without_step = tuple(m.name for m in here if not planned.get(m.id) and m.id not in typed)
        not_saved = tuple(m.name for m in here if typed.get(m.id))  # (whom Today can reach)
    not_decided = 0
    if stage in (Stage.BLOCKERS, Stage.WRAP_UP):
        raised = store.blockers.raised_between(day, day)
        not_decided = sum(blocker.status is BlockerStatus.OPEN for blocker in raised)
    return LeftUndone(not_marked, without_step, not_saved, not_decided)

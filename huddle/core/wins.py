"""The wins Wrap-up celebrates: the steps done that the huddle looked back on, what management
and the team did about blockers in the last seven days ("you said, we did": a Monday huddle
still hears what was answered on Friday), and the milestones of the
running total of small steps and of the streak, with how far the next one is.

Milestones: small steps taken at 100, 250 and 500, then 1,000, 2,500, 5,000, 10,000 and so
on; huddle days in a row at 10, 50 and 100, then 250, 500, 1,000 and so on. One is reached
today when this huddle's looking back (or this huddle itself, for the streak) carries the
count over it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from huddle.core.flow import WrapUp, yesterday
from huddle.core.models import BlockerStatus, StepStatus
from huddle.core.store import Store

STEP_MILESTONES = (100, 250, 500)
"""The first milestones of the running total of small steps taken (then 1,000, 2,500, ...)."""
WE_DID_DAYS = 7
"""How far back "you said, we did" looks, `day` included: a week."""
STREAK_MILESTONES = (10, 50, 100)
"""The first milestones of the streak, in huddle days in a row (then 250, 500, 1,000, ...)."""


def milestones(first: tuple[int, ...]) -> Iterator[int]:
    """`first`, then on past the last of them by 1, 2.5 and 5 times the powers of ten."""
    yield from first
    power = 1
    while True:
        for value in (power, power * 5 // 2, power * 5):
            if value > first[-1]:
                yield value
        power *= 10


@dataclass(frozen=True)
class Milestones:
    """A running count against its milestones."""

    count: int
    """The count now, this huddle included."""
    reached: int | None
    """The milestone this huddle carried the count to or past, if any."""
    next: int
    """The next milestone above the count."""
    unit: str
    """What is counted, in the plural: "small steps", "huddle days in a row"."""

    @property
    def to_go(self) -> int:
        return self.next - self.count

    def reached_words(self, *, brief: bool = False) -> str:
        """ "500 small steps taken: a milestone reached today" ("a milestone today!" when
        `brief`, beside the count), or "" when none was reached today."""
        if self.reached is None:
            return ""
        if brief:
            return "a milestone today!"
        taken = " taken" if self.unit == "small steps" else ""
        return f"{self.reached:,} {self.unit}{taken}: a milestone reached today"

    def next_words(self, *, brief: bool = False) -> str:
        """ "next milestone 1,000: 382 to go" ("next 1,000: 382 to go" when `brief`)."""
        return f"next{'' if brief else ' milestone'} {self.next:,}: {self.to_go:,} to go"


def count_milestones(before: int, now: int, first: tuple[int, ...], unit: str) -> Milestones:
    """Where a count that went from `before` to `now` today stands against its milestones."""
    reached: int | None = None
    for value in milestones(first):
        if value > now:
            return Milestones(now, reached, value, unit)
        if value > before:
            reached = value
    raise AssertionError("unreachable: the milestones go on for ever")  # pragma: no cover


@dataclass(frozen=True)
class StepDone:
    """A step looked back on at this huddle and done (or partly), with what was learned."""

    member_name: str
    text: str
    status: StepStatus
    learning: str
    goal_title: str | None


@dataclass(frozen=True)
class WeDid:
    """A blocker answered by management or resolved lately: what the team said, and what
    was done about it."""

    said: str
    did: str
    resolved: bool
    """Resolved (else answered by management and still open)."""
    by: str
    on: date


@dataclass(frozen=True)
class Wins:
    """What Wrap-up celebrates."""

    done: tuple[StepDone, ...]
    we_did: tuple[WeDid, ...]
    steps: Milestones
    streak: Milestones


def steps_done(store: Store, day: date) -> list[StepDone]:
    """The steps `day`'s huddle looked back on that were done or partly done, by person."""
    return [
        StepDone(step.member_name, step.text, step.status, step.learning, step.goal_title)
        for group in yesterday(store, day)
        for step in group.steps
        if step.reviewed_on == day and step.status in (StepStatus.DONE, StepStatus.PARTLY)
    ]


def we_did_lately(store: Store, day: date) -> list[WeDid]:
    """The blockers answered or resolved in the WE_DID_DAYS up to `day`, oldest first; one
    answered and then resolved is told once, as resolved."""
    first = day - timedelta(days=WE_DID_DAYS - 1)
    found: dict[str, WeDid] = {}
    for status in (BlockerStatus.ANSWERED, BlockerStatus.RESOLVED):
        for event in store.blockers.events_between(first, day, to=status):
            blocker = store.blockers.get(event.blocker_id)
            resolved = status is BlockerStatus.RESOLVED
            did = blocker.resolution if resolved else blocker.answer
            if did:
                by = event.who if resolved else blocker.answered_by or event.who
                found[blocker.id] = WeDid(blocker.text, did, resolved, by, event.at.date())
    return sorted(found.values(), key=lambda w: w.on)


def wins(store: Store, day: date, summary: WrapUp) -> Wins:
    """The wins of `day`'s huddle, from the numbers Wrap-up already has (`summary`)."""
    done = steps_done(store, day)
    taken_now = summary.steps_taken_total
    held_today = day in store.trends.held_days(day, day, ending=day)
    streak_before = summary.streak - 1 if held_today and summary.streak else summary.streak
    return Wins(
        done=tuple(done),
        we_did=tuple(we_did_lately(store, day)),
        steps=count_milestones(taken_now - len(done), taken_now, STEP_MILESTONES, "small steps"),
        streak=count_milestones(
            streak_before, summary.streak, STREAK_MILESTONES, "huddle days in a row"
        ),
    )

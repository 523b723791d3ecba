"""A realistic, deterministic demo team: about 90 huddle days of an adult social care
assessment team, for trying Huddle out, screenshots and training.

Everything is written through the store's own methods, with the clock moved through the
history, so the demo data is exactly what real use would leave behind.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta

from huddle.core.calendar import FixedClock
from huddle.core.demo_blockers import BLOCKERS, Move
from huddle.core.demo_board import add_day_status
from huddle.core.demo_ideas import add_ideas_and_impact
from huddle.core.demo_kaizen import add_pulse_and_cycles
from huddle.core.demo_measures import add_measures
from huddle.core.demo_steps import (
    CATEGORY_WEIGHTS,
    LEARNED_CARRIED,
    LEARNED_DONE,
    LEARNED_DROPPED,
    LEARNED_FROM,
    LEARNED_NOT_DONE,
    LEARNED_NOT_DONE_AWAY,
    LEARNED_PARTLY,
    STEPS,
    Idea,
)
from huddle.core.demo_team import FACILITATORS, GOALS, PART_TIMER, PEOPLE, history
from huddle.core.models import Blocker, Goal, HuddleError, Member, Role, Source, Step, StepStatus
from huddle.core.store import Store

HISTORY_DAYS = 90
"""Huddle days of history, today included when today is a huddle day."""

TEAM_NAME = "Northside Assessment Team"
TIMEBOX_MINUTES = 15


@dataclass(frozen=True)
class DemoSummary:
    """What the demo put in the file, for the one line the CLI prints."""

    members: int
    goals: int
    steps: int
    blockers: int
    huddle_days: int
    """Huddle days in the history, today included when it is one."""
    first_day: date


# --- Deterministic clock and ids ------------------------------------------------------


def _team_zone() -> tzinfo:
    """UK time, so 09:05 reads as 09:05 in summer too; UTC if the zone data is missing."""
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:
        return UTC


def demo_clock(today: date) -> FixedClock:
    """A clock fixed at the morning of `today`, for opening a store to build the demo in."""
    return FixedClock(datetime.combine(today, time(8, 0), tzinfo=_team_zone()))


def demo_ids(today: date) -> Callable[[], str]:
    """An id maker giving the same 32-hex ids in the same order for the same `today`."""
    rng = random.Random(f"huddle-demo-ids-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
    return lambda: f"{rng.getrandbits(128):032x}"


def create_demo_file(path: Path, today: date) -> DemoSummary:
    """Write the demo team into the file at `path` (made if missing) and close it.

    The clock and ids are fixed, so the same `today` always gives the same file contents.
    """
    store = Store.open(path, clock=demo_clock(today), ids=demo_ids(today))
    try:
        return build_demo(store, today)
    finally:
        store.close()


# --- Building -------------------------------------------------------------------------


def build_demo(store: Store, today: date) -> DemoSummary:
    """Fill an empty store with about 90 huddle days of a team's history, ending on `today`.

    Today's huddle is not started: the last huddle day's steps wait to be reviewed and a
    few steps are already planned for today. Raises HuddleError if the store has members.
    When the store's clock is a FixedClock it is moved through the history and left at
    the morning of `today`; any other clock is put back as it was.
    """
    if not store.is_empty():
        raise HuddleError("the demo only goes into a new, empty file: this one has a team")
    original = store.db.clock
    morning = datetime.combine(today, time(9)).astimezone()
    clock = original if isinstance(original, FixedClock) else FixedClock(morning)
    store.db.clock = clock
    try:
        return _Builder(store, clock, today).build()
    finally:
        store.db.clock = original


class _Builder:
    """One demo build: the store, a clock to move, and a seeded source of chance."""

    def __init__(self, store: Store, clock: FixedClock, today: date) -> None:
        self.store = store
        self.clock = clock
        self.zone = clock.now().tzinfo
        self.today = today
        self.rng = random.Random(f"huddle-demo-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
        self.members: dict[str, Member] = {}
        self.goals: dict[str, Goal] = {}
        self.decks: dict[str, list[Idea]] = {}
        self.blockers: dict[int, Blocker] = {}

    def at(self, day: date, hour: int, minute: int, second: int = 0) -> None:
        """Set the clock, so what is written next is stamped then."""
        self.clock.at = datetime.combine(day, time(hour, minute, second), tzinfo=self.zone)

    def build(self) -> DemoSummary:
        days, holidays = history(self.today, HISTORY_DAYS)
        first = days[0]
        # The team was set up the morning of its first huddle.
        self.at(first, 8, 30)
        self.store.team.update(name=TEAM_NAME, timebox_minutes=TIMEBOX_MINUTES)
        for holiday, name in holidays:
            self.store.team.add_holiday(holiday, name)
        for name, role, _job in PEOPLE:
            self.members[name] = self.store.members.add(name, role)
        for key, title, why, how_we_know, months in GOALS:
            target = self.today + relativedelta(months=months, day=1)
            self.goals[key] = self.store.goals.add(
                title, why=why, how_we_know=how_we_know, target_date=target
            )
        calendar = self.store.calendar()
        # The history was planned on the same weekdays and holidays the store now holds.
        assert list(calendar.huddle_days(first, self.today)) == days  # noqa: S101 a self-check of the demo's own calendar
        today_is_huddle = calendar.is_huddle_day(self.today)
        past = days[:-1] if today_is_huddle else days
        # Worked out over every day, today too, so nobody away today plans a step for it.
        away = self._absences(days)
        for index in range(len(past)):
            self._huddle(index, past, away)
        if today_is_huddle:
            self._before_today(away.get(len(past), set()))
        add_pulse_and_cycles(self.store, self.clock, self.today, days)
        add_ideas_and_impact(self.store, self.clock, self.today)
        add_measures(self.store, self.clock, self.today)
        add_day_status(self.store, self.clock, self.today, days)
        self.at(self.today, 8, 55)
        return DemoSummary(
            members=len(self.members),
            goals=len(self.goals),
            steps=int(self.store.db.value("SELECT count(*) FROM steps")),
            blockers=int(self.store.db.value("SELECT count(*) FROM blockers")),
            huddle_days=len(days),
            first_day=first,
        )

    # People away: leave, sickness, off shift.

    def _absences(self, days: Sequence[date]) -> dict[int, set[str]]:
        """Who is away on each huddle day, by the day's index."""
        away: dict[int, set[str]] = {}
        last = len(days) - 1
        people = [name for name, role, _job in PEOPLE if role is not Role.MANAGER]
        for name in people:
            # A week of annual leave each, at different times, and the odd day off.
            start = self.rng.randrange(2, max(3, last - 8))
            for index in range(start, min(start + 5, last)):
                away.setdefault(index, set()).add(name)
            for index, day in enumerate(days):
                if name == PART_TIMER and day.weekday() == 4:
                    away.setdefault(index, set()).add(name)
                # Off sick for a day or three now and then.
                elif self.rng.random() < 0.012:
                    for sick in range(index, min(index + self.rng.randint(1, 3), last + 1)):
                        away.setdefault(sick, set()).add(name)
                # A day's leave; court, training or an urgent visit at huddle time.
                elif self.rng.random() < 0.035:
                    away.setdefault(index, set()).add(name)
        return away

    # One past huddle day, start to end.

    def _huddle(self, index: int, past: Sequence[date], away: dict[int, set[str]]) -> None:
        day = past[index]
        gone = away.get(index, set())
        facilitator = self._facilitator(gone)
        minute = self.rng.randint(0, 3)
        self.at(day, 9, minute)
        self.store.huddles.start(day, facilitator=self.members[facilitator])
        manager_in = self.rng.random() < 0.1
        for name, member in self.members.items():
            if member.role is Role.MANAGER:
                # The manager drops in now and then; not on the list otherwise.
                if manager_in:
                    self.store.huddles.mark_attendance(day, member, True)
                continue
            self.store.huddles.mark_attendance(day, member, name not in gone)
        carried_to_today: set[str] = set()
        if index > 0:
            self.at(day, 9, minute + 1)
            carried_to_today = self._review(past[index - 1], day, gone)
        self.at(day, 9, minute + 5)
        for name, member in self.members.items():
            if member.role is Role.MANAGER or name in gone or name in carried_to_today:
                continue
            self._plan(member, day)
            self.clock.advance(seconds=self.rng.randint(15, 30))
        self.at(day, 9, minute + 10)
        # The blockers stage opens with management's answers ("You said, we did").
        heard = self.store.blockers.unseen_answers()
        if heard:
            self.store.blockers.mark_answers_seen(heard, who=facilitator)
        self._blockers(len(past) - 1 - index, day, gone, afternoon=False)
        self.at(day, 9, minute + 12 + self.rng.randint(0, 3))
        self.store.huddles.end(day)
        self._blockers(len(past) - 1 - index, day, gone, afternoon=True)

    def _review(self, previous: date, day: date, gone: set[str]) -> set[str]:
        """Look back on the previous huddle day's steps; returns who has a step carried in."""
        carried: set[str] = set()
        for step in self.store.steps.on_day(previous):
            if step.status is not StepStatus.PLANNED:
                continue
            present = step.member_name not in gone
            outcome = self._outcome(step, present=present)
            if outcome is StepStatus.CARRIED:
                if self.rng.random() < 0.35:
                    step = self.store.steps.set_learning(step, self.rng.choice(LEARNED_CARRIED))
                self.store.steps.carry(step, day)
                carried.add(step.member_name)
            else:
                learning = self._learning(step, outcome, present=present)
                self.store.steps.review(step, outcome, learning)
            self.clock.advance(seconds=self.rng.randint(10, 20))
        return carried

    def _outcome(self, step: Step, *, present: bool) -> StepStatus:
        """Roughly 60% done, 15% partly, 12% carried, 5% dropped, a few left not done."""
        roll = self.rng.random()
        if roll < 0.64:
            return StepStatus.DONE
        if roll < 0.80:
            return StepStatus.PARTLY
        if roll < 0.93:
            # Carried only to someone here to take it on, and only once.
            if present and step.carried_from is None:
                return StepStatus.CARRIED
            return StepStatus.NOT_DONE if not present else StepStatus.DROPPED
        if roll < 0.975:
            return StepStatus.DROPPED
        return StepStatus.NOT_DONE

    def _learning(self, step: Step, outcome: StepStatus, *, present: bool) -> str | None:
        """A line on what was learned, for a good share of reviews (None: no line)."""
        chance = {
            StepStatus.DONE: 0.5,
            StepStatus.PARTLY: 0.75,
            StepStatus.DROPPED: 1.0,
            StepStatus.NOT_DONE: 0.6,
        }[outcome]
        if self.rng.random() >= chance:
            return None
        category = step.category or "process"
        if outcome is StepStatus.DONE:
            specific = LEARNED_FROM.get(step.text)
            if specific and self.rng.random() < 0.75:
                return specific
            return self.rng.choice(LEARNED_DONE)
        if outcome is StepStatus.PARTLY:
            return self.rng.choice(LEARNED_PARTLY)
        if outcome is StepStatus.DROPPED:
            return self.rng.choice(LEARNED_DROPPED[category])
        return self.rng.choice(LEARNED_NOT_DONE if present else LEARNED_NOT_DONE_AWAY)

    def _plan(self, member: Member, day: date) -> Step:
        """One small step for `day`: usually linked to a goal, sometimes to none."""
        category = self.rng.choices(
            list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values())
        )[0]
        text, goal_key, idea_source = self._draw(category)
        # An idea a person or carer could give is still often the practitioner's own.
        source = idea_source if self.rng.random() < 0.6 else Source.PRACTITIONER
        # Some steps are worth doing without serving a goal; people don't always link one.
        goal = self.goals[goal_key] if goal_key and self.rng.random() < 0.95 else None
        return self.store.steps.add(member, text, day, goal=goal, category=category, source=source)

    def _draw(self, category: str) -> Idea:
        """The next idea from the category's shuffled deck, so repeats are spread out."""
        deck = self.decks.get(category)
        if not deck:
            deck = list(STEPS[category])
            self.rng.shuffle(deck)
            self.decks[category] = deck
        return deck.pop()

    def _blockers(self, ago: int, day: date, gone: set[str], *, afternoon: bool) -> None:
        """Raise and move the scripted blockers due on this day (answers in the afternoon)."""
        lead = self.members[FACILITATORS[0]]
        manager = next(m for m in self.members.values() if m.role is Role.MANAGER)
        if afternoon:
            self.at(day, 14, self.rng.randint(0, 50))
        for number, plan in enumerate(BLOCKERS):
            if not afternoon and plan.ago == ago:
                # Someone away that day has it raised for them by whoever runs the huddle.
                by = plan.by if plan.by not in gone else self._facilitator(gone)
                self.blockers[number] = self.store.blockers.raise_blocker(
                    self.members[by], plan.text, category=plan.category
                )
                self.clock.advance(seconds=20)
            for move in plan.moves:
                if move.ago != ago or (move.kind == "answer") != afternoon:
                    continue
                self.blockers[number] = self._move(self.blockers[number], move, lead, manager)
                self.clock.advance(seconds=20)

    def _move(self, blocker: Blocker, move: Move, lead: Member, manager: Member) -> Blocker:
        who = move.who or lead.name
        blockers = self.store.blockers
        if move.kind == "own":
            return blockers.take_ownership(blocker, self.members[who], who=lead.name)
        if move.kind == "escalate":
            return blockers.escalate(blocker, move.note, who=lead.name, to=manager.name)
        if move.kind == "answer":
            return blockers.answer(blocker, move.note, who=manager.name)
        if move.kind == "resolve":
            return blockers.resolve(blocker, move.note, who=who)
        if move.kind == "reopen":
            return blockers.reopen(blocker, move.note, who=who)
        raise ValueError(f"unknown blocker move {move.kind}")

    def _facilitator(self, gone: set[str]) -> str:
        """The lead, or her deputy (then the next) when she is away."""
        return next((n for n in FACILITATORS if n not in gone), FACILITATORS[0])

    def _before_today(self, away_today: set[str]) -> None:
        """A few people plan today's step before the huddle, from their own desks."""
        here = [
            m
            for name, m in self.members.items()
            if m.role is Role.PRACTITIONER and name not in away_today
        ]
        early = self.rng.sample(here, k=min(3, len(here)))
        self.at(self.today, 8, 31)
        for member in sorted(early, key=lambda m: m.name):
            self._plan(member, self.today)
            self.clock.advance(minutes=self.rng.randint(3, 7))

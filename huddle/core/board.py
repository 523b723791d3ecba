"""The board on the wall between huddles (`huddle board`): what each of its panels shows,
gathered from the store in one go. The screen only draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from huddle.core.blockers import AgeFlag, huddle_days_old, waiting_for_answer
from huddle.core.calendar import Period, period_start
from huddle.core.day_status import DayStrip, month_strips
from huddle.core.flow import streak
from huddle.core.models import Blocker, BlockerStatus, Goal, Step
from huddle.core.results import StepCounts
from huddle.core.store import Store
from huddle.core.wins import (
    STEP_MILESTONES,
    STREAK_MILESTONES,
    Milestones,
    WeDid,
    count_milestones,
    we_did_lately,
)

PANELS: tuple[tuple[str, str], ...] = (
    ("steps", "Small steps"),
    ("blockers", "Blockers"),
    ("goals", "Goals"),
    ("wins", "Wins this week"),
    ("day-status", "Day status"),
)
"""The board's panels in the order they take turns: (key, title)."""

COLUMNS: tuple[tuple[BlockerStatus, str], ...] = (
    (BlockerStatus.OPEN, "Open"),
    (BlockerStatus.OWNED, "Owned"),
    (BlockerStatus.ESCALATED, "Sent up"),
    (BlockerStatus.ANSWERED, "Answered"),
)
"""The blockers panel's columns, by where each blocker stands, in the team's words."""

WINS_SHOWN = 40
"""The most steps taken the wins panel lists (the count says how many in all)."""


@dataclass(frozen=True)
class PersonSteps:
    name: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class BlockerCard:
    """One open blocker on the board."""

    text: str
    huddle_days_old: int
    """Huddle days since it was raised, as its card at the Blockers stage counts them."""
    where: str
    """Where it stands in words: "owned by Ann Smith", "sent up: waiting 3 huddle days"."""
    flag: AgeFlag
    answer: str


@dataclass(frozen=True)
class BoardGoal:
    """A goal on the board: its steps this week and how it is going in all."""

    goal_id: str
    title: str
    target: date | None
    this_week: int
    """Small steps towards it planned this week."""
    taken: int
    """Small steps towards it taken, ever."""
    done_rate: float | None


@dataclass(frozen=True)
class WeekWins:
    """The wins of the week so far, for the wall (Wrap-up has a huddle's: core/wins.py)."""

    since: date
    taken: int
    """Small steps taken (done or partly) looked back on this week."""
    steps_taken: tuple[tuple[str, str, str], ...]
    """The newest of them: (who, the step, what was learned)."""
    we_did: tuple[WeDid, ...]
    """ "You said, we did": blockers answered or resolved in the last seven days."""
    taken_in_all: Milestones
    streak: Milestones


@dataclass(frozen=True)
class Board:
    today: date
    steps_day: date
    """The huddle day whose steps are shown: today, or the next huddle day."""
    people: tuple[PersonSteps, ...]
    columns: tuple[tuple[str, tuple[BlockerCard, ...]], ...]
    goals: tuple[BoardGoal, ...]
    wins: WeekWins
    strips: tuple[DayStrip, ...]
    every_goal: tuple[Goal, ...]
    """Every goal, retired ones too, in the order they were made (so each keeps its colour)."""


def steps_day(store: Store, today: date) -> date:
    """Today if it is a huddle day, else the next huddle day."""
    calendar = store.calendar()
    return today if calendar.is_huddle_day(today) else calendar.next_huddle_day(today)


def _card(blocker: Blocker, store: Store, today: date, limit: int) -> BlockerCard:
    waiting = waiting_for_answer(blocker, store.calendar(), today, limit)
    where = blocker.status_words
    if waiting is not None:
        where = f"{where}: {waiting.describe()}"
    return BlockerCard(
        text=blocker.text,
        huddle_days_old=huddle_days_old(blocker, store.calendar(), today),
        where=where,
        flag=waiting.flag if waiting else AgeFlag.NONE,
        answer=blocker.answer if blocker.status is BlockerStatus.ANSWERED else "",
    )


def gather_board(store: Store) -> Board:
    """Everything the board's panels show, as of the store's today."""
    today = store.today()
    day = steps_day(store, today)
    by_person: dict[str, list[Step]] = {}
    for step in store.steps.on_day(day):
        by_person.setdefault(step.member_name, []).append(step)
    limit = store.team.get().answer_limit_days
    open_blockers = store.blockers.open()
    columns = tuple(
        (title, tuple(_card(b, store, today, limit) for b in open_blockers if b.status is status))
        for status, title in COLUMNS
    )
    monday = period_start(today, Period.WEEK)
    week_end = max(monday, day) + timedelta(days=1)
    goals = store.goals.all()
    progress = []
    for goal in goals:
        total = store.trends.goal_total(goal.id)
        week = store.trends.step_counts(Period.WEEK, monday, week_end, goal_id=goal.id)
        progress.append(
            BoardGoal(
                goal_id=goal.id,
                title=goal.title,
                target=goal.target_date,
                this_week=week.get(monday, StepCounts()).steps,
                taken=total.taken,
                done_rate=total.done_rate,
            )
        )
    taken, newest = store.wins.steps_taken(monday, today, limit=WINS_SHOWN)
    in_all, held = store.trends.total_taken(), streak(store, today)
    wins = WeekWins(
        since=monday,
        taken=taken,
        steps_taken=tuple(newest),
        we_did=tuple(reversed(we_did_lately(store, today))),
        taken_in_all=count_milestones(in_all, in_all, STEP_MILESTONES, "small steps"),
        streak=count_milestones(held, held, STREAK_MILESTONES, "huddle days in a row"),
    )
    return Board(
        today=today,
        steps_day=day,
        people=tuple(
            PersonSteps(name, tuple(steps))
            for name, steps in sorted(by_person.items(), key=lambda kv: kv[0].casefold())
        ),
        columns=columns,
        goals=tuple(progress),
        wins=wins,
        strips=tuple(month_strips(store, today)),
        every_goal=tuple(store.goals.all(active_only=False)),
    )

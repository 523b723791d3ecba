"""Trends: how the small steps add up, per week, month, quarter or year.

The counting is done in SQL (store/trends.py); this module turns the counts into the
rates people read, and names each number once for the Trends screen and `huddle trends`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core.calendar import (
    HuddleCalendar,
    Period,
    add_periods,
    period_label,
    recent_periods,
)
from huddle.core.impact import impact_as_dict
from huddle.core.models import Goal
from huddle.core.pulse import QUESTIONS
from huddle.core.results import (
    AttendanceCounts,
    BlockerCounts,
    IdeaCounts,
    ImpactTotals,
    LearningLine,
    PulseAverages,
    StepCounts,
    coproduction_share,
)

if TYPE_CHECKING:
    from huddle.core.store import Store

DEFAULT_PERIODS = {Period.WEEK: 12, Period.MONTH: 12, Period.QUARTER: 8, Period.YEAR: 5}
"""How many periods a trend shows unless asked for more or fewer."""


@dataclass(frozen=True)
class PeriodTrend:
    """All the numbers of one week, month, quarter or year."""

    start: date
    period: Period
    steps: StepCounts = field(default_factory=StepCounts)
    blockers: BlockerCounts = field(default_factory=BlockerCounts)
    attendance: AttendanceCounts = field(default_factory=AttendanceCounts)
    pulse: PulseAverages = field(default_factory=PulseAverages)
    ideas: IdeaCounts = field(default_factory=IdeaCounts)
    """Ideas noted and not made into a step (a step made from one counts as a new step)."""
    impact: ImpactTotals = field(default_factory=ImpactTotals)
    """What the changes said in the period gave."""

    @property
    def coproduction_share(self) -> float | None:
        """Of the new ideas (new steps, and ideas noted but not made into a step), the share
        from people who use services or their carers."""
        return coproduction_share(self.steps, self.ideas)

    @property
    def label(self) -> str:
        return period_label(self.start, self.period)

    @property
    def short_label(self) -> str:
        return period_label(self.start, self.period, short=True)


@dataclass(frozen=True)
class SoFar:
    """The current period so far, against the same days of the period before: like with
    like, never a part week against a full one."""

    first: date
    last: date
    """The current period's first day, and today."""
    label: str
    """ "so far: Mon-Wed", "so far: 1-2 Dec"."""
    before: PeriodTrend
    """The same days of the period before (its first as many days), counted alone."""
    before_last: date
    """The last of those days (a short month gives what it has: 28 February for 31 March)."""


@dataclass(frozen=True)
class Trends:
    period: Period
    periods: list[PeriodTrend]
    """Oldest first; the current (unfinished) period last."""
    streak: int
    """Huddle days held in a row, up to the last huddle day (today's if held)."""
    total_taken: int
    """The running total of small steps taken, all time."""
    impact: ImpactTotals = field(default_factory=ImpactTotals)
    """What every change the team said gave something gave, added up, all time."""
    so_far: SoFar | None = None
    """The current period so far against the same days before (None: no periods)."""


def so_far_label(period: Period, first: date, last: date) -> str:
    """ "so far: Mon-Wed" for a week, "so far: 1-2 Dec" for a month, and so on."""
    if period is Period.WEEK:
        span = f"{first:%a}" if first == last else f"{first:%a}-{last:%a}"
    elif first == last:
        span = f"{last.day} {last:%b}"
    elif first.month == last.month:
        span = f"{first.day}-{last.day} {last:%b}"
    else:
        span = f"{first.day} {first:%b}-{last.day} {last:%b}"
    return f"so far: {span}"


NO_DAYS = (StepCounts(), AttendanceCounts())
"""A period with no day counted: no steps, no huddle."""


def _counted(store: Store, period: Period, starts: list[date], end: date) -> list[PeriodTrend]:
    """Every number of each period starting at `starts`, counting days up to `end`."""
    first = starts[0]
    days = store.trends.day_counts(period, first, end)
    blockers = store.trends.blocker_counts(period, first, end)
    pulse = store.trends.pulse_averages(period, first, end)
    ideas = store.ideas.per_period(period, first, end)
    impact = store.impacts.per_period(period, first, end)
    return [
        PeriodTrend(
            start=start,
            period=period,
            steps=days.get(start, NO_DAYS)[0],
            blockers=blockers.get(start, BlockerCounts()),
            attendance=days.get(start, NO_DAYS)[1],
            pulse=pulse.get(start, PulseAverages()),
            ideas=ideas.get(start, IdeaCounts()),
            impact=impact.get(start, ImpactTotals()),
        )
        for start in starts
    ]


def same_days_before(store: Store, period: Period, today: date) -> SoFar:
    """The current period up to today, and the same days of the period before it: as many
    days from its start (a short month gives what it has)."""
    first = add_periods(today, period, 0)
    before_start = add_periods(today, period, -1)
    days = (today - first).days + 1
    before_end = min(before_start + timedelta(days=days), first)
    (before,) = _counted(store, period, [before_start], before_end)
    label = so_far_label(period, first, today)
    return SoFar(first, today, label, before, before_end - timedelta(days=1))


def compute_trends(store: Store, period: Period, count: int | None = None) -> Trends:
    """The team's trends over the last `count` periods, up to today."""
    count = DEFAULT_PERIODS[period] if count is None else count
    if count < 1:
        raise ValueError("count must be at least 1")
    today = store.today()
    starts = recent_periods(today, period, count)
    return Trends(
        period=period,
        periods=_counted(store, period, starts, add_periods(today, period, 1)),
        so_far=same_days_before(store, period, today),
        impact=store.impacts.totals(),
        streak=current_streak(
            store.calendar(), store.trends.held_days, today, store.trends.first_held_day()
        ),
        total_taken=store.trends.total_taken(),
    )


def current_streak(
    calendar: HuddleCalendar,
    held_days: Callable[[date, date], set[date]],
    today: date,
    first_held: date | None,
) -> int:
    """Huddle days held in a row, back from today. Today counts if its huddle was held, and
    does not break the streak if it is still to come. Read back in growing windows, so a
    short streak never reads the whole history."""
    streak = 0
    last = today
    span = 60
    while first_held is not None and last >= first_held:
        first = max(last - timedelta(days=span), first_held)
        held = held_days(first, last)
        for day in reversed(list(calendar.huddle_days(first, last))):
            if day in held:
                streak += 1
            elif day != today:
                return streak
        last = first - timedelta(days=1)
        span *= 4
    return streak


# --- Naming each number once, for the screen and the command line ------------------------


@dataclass(frozen=True)
class Metric:
    """One number of a period's trend, as shown."""

    key: str
    label: str
    kind: str
    """"count", "rate" (0 to 1), "days" or "score" (1 to 5)."""
    value: Callable[[PeriodTrend], float | int | None]


METRICS: tuple[Metric, ...] = (
    Metric("steps", "Small steps planned", "count", lambda p: p.steps.steps),
    Metric("taken", "Small steps taken", "count", lambda p: p.steps.taken),
    Metric("done_rate", "Done rate", "rate", lambda p: p.steps.done_rate),
    Metric("carry_over_rate", "Carry-over rate", "rate", lambda p: p.steps.carry_over_rate),
    Metric("learning_lines", "Learning lines", "count", lambda p: p.steps.learned),
    Metric("success_rate", "Success (done or learned)", "rate", lambda p: p.steps.success_rate),
    Metric(
        "coproduction_share",
        "Ideas from people & carers",
        "rate",
        lambda p: p.coproduction_share,
    ),
    Metric("blockers_opened", "Blockers raised", "count", lambda p: p.blockers.opened),
    Metric("blockers_resolved", "Blockers resolved", "count", lambda p: p.blockers.resolved),
    Metric(
        "median_calendar_days_to_answer",
        "Median calendar days to an answer",
        "days",
        lambda p: p.blockers.median_calendar_days_to_answer,
    ),
    Metric(
        "median_calendar_days_to_resolve",
        "Median calendar days to resolve",
        "days",
        lambda p: p.blockers.median_calendar_days_to_resolve,
    ),
    Metric("huddles_held", "Huddles held", "count", lambda p: p.attendance.huddles_held),
    Metric("attendance_rate", "Attendance", "rate", lambda p: p.attendance.attendance_rate),
    *(
        Metric(
            f"pulse_{q.factor}",
            f"Pulse: {q.name.lower()}",
            "score",
            lambda p, factor=q.factor: p.pulse.averages.get(factor),  # type: ignore[misc]
        )
        for q in QUESTIONS
    ),
)


def format_value(value: float | int | None, kind: str) -> str:
    """A number as shown: "75%", "2.5d", "3.8", "12"; "-" when there is nothing to show."""
    if value is None:
        return "-"
    if kind == "rate":
        return f"{value * 100:.0f}%"
    if kind == "days":
        return f"{value:g}d" if value == int(value) else f"{value:.1f}d"
    if kind == "score":
        return f"{value:.1f}"
    return str(int(value))


def trends_as_dict(trends: Trends) -> dict[str, object]:
    """The trends as plain data, for JSON: rates from 0 to 1, None where there is no data."""
    so_far = trends.so_far
    return {
        "period": trends.period.value,
        "so_far": None
        if so_far is None
        else {
            "label": so_far.label,
            "first": so_far.first.isoformat(),
            "last": so_far.last.isoformat(),
            "same_days_before": {
                "start": so_far.before.start.isoformat(),
                **{metric.key: metric.value(so_far.before) for metric in METRICS},
                "pulse_answers": so_far.before.pulse.answers,
                "ideas_noted": so_far.before.ideas.noted,
                "impact": impact_as_dict(so_far.before.impact),
            },
        },
        "streak": trends.streak,
        "total_taken": trends.total_taken,
        "impact": impact_as_dict(trends.impact),
        "periods": [
            {
                "start": p.start.isoformat(),
                "label": p.label,
                **{metric.key: metric.value(p) for metric in METRICS},
                "pulse_answers": p.pulse.answers,
                "ideas_noted": p.ideas.noted,
                "impact": impact_as_dict(p.impact),
            }
            for p in trends.periods
        ],
    }


# --- Goals' progress --------------------------------------------------------------------


@dataclass(frozen=True)
class GoalProgress:
    """How a goal's small steps add up: per week, in all, and what they taught."""

    goal: Goal | None
    """None for the steps with no goal."""
    weeks: list[tuple[date, StepCounts]]
    """The last weeks, oldest first."""
    total: StepCounts
    learning: list[LearningLine]


def goal_progress(store: Store, goal: Goal | None, weeks: int = 12) -> GoalProgress:
    """A goal's progress (or, with None, the steps linked to no goal)."""
    today = store.today()
    starts = recent_periods(today, Period.WEEK, weeks)
    goal_id = goal.id if goal else ""
    per_week = store.trends.step_counts(
        Period.WEEK, starts[0], add_periods(today, Period.WEEK, 1), goal_id=goal_id
    )
    return GoalProgress(
        goal=goal,
        weeks=[(start, per_week.get(start, StepCounts())) for start in starts],
        total=store.trends.goal_total(goal_id),
        learning=store.trends.latest_learning(goal.id if goal else None),
    )

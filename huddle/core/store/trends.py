"""Reads for trends and goals' progress. Every count is a GROUP BY in SQL over a period
expression, on the tallies the triggers keep (schema.DAY_TALLIES a day, STEP_TALLIES a day
and goal, PULSE_TALLIES a week), so no query here ever reads every step, mark or answer."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import Period
from huddle.core.results import (
    AttendanceCounts,
    BlockerCounts,
    LearningLine,
    PulseAverages,
    StepCounts,
)
from huddle.core.schema import DAY_TALLIES, PULSE_FACTORS, STEP_TALLIES
from huddle.core.store.db import Db

_PERIOD_SQL = {
    Period.WEEK: "date({day}, '-6 days', 'weekday 1')",
    Period.MONTH: "substr({day}, 1, 7) || '-01'",
    Period.QUARTER: "substr({day}, 1, 5)"
    " || printf('%02d', (CAST(substr({day}, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01'",
    Period.YEAR: "substr({day}, 1, 4) || '-01-01'",
}


def period_sql(period: Period, column: str) -> str:
    """SQL for the first day of the period a date or timestamp column falls in, as stored
    (a timestamp's own date: its offset is not turned into UTC)."""
    return _PERIOD_SQL[period].format(day=f"substr({column}, 1, 10)")


_SUMS = ", ".join(f"sum({name}) AS {name}" for name in STEP_TALLIES)
_DAY_SUMS = ", ".join(f"sum({name}) AS {name}" for name in DAY_TALLIES)

PULSE_MIN_ANSWERS = 3
"""Fewer answers than this in a period and its averages are not shown: with one or two,
an average would give away a person's own answers."""


def _median_sql(period: Period, moment: str, days: str, where: str) -> str:
    """Per period of `moment`: how many rows and the median of `days`, with window functions."""
    return f"""
        WITH spans AS (
            SELECT {period_sql(period, moment)} AS start, {days} AS days
            FROM blockers WHERE {where}
        ), ranked AS (
            SELECT start, days,
                   row_number() OVER (PARTITION BY start ORDER BY days) AS place,
                   count(*) OVER (PARTITION BY start) AS total
            FROM spans
        )
        SELECT start, max(total) AS total, avg(days) AS median FROM ranked
        WHERE place IN ((total + 1) / 2, (total + 2) / 2)
        GROUP BY start
    """  # noqa: S608 fixed period arithmetic; `days` and `where` are callers' fixed SQL


class TrendStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def step_counts(
        self, period: Period, first: date, end: date, *, goal_id: str | None = None
    ) -> dict[date, StepCounts]:
        """Steps counted per period from `first` up to (not including) `end`; with
        `goal_id`, only that goal's ('' for steps with no goal)."""
        if goal_id is None:
            return {
                start: steps for start, (steps, _) in self.day_counts(period, first, end).items()
            }
        rows = self.db.rows(
            f"SELECT {period_sql(period, 'day')} AS start, {_SUMS} FROM step_tallies"  # noqa: S608 fixed period arithmetic and column lists; values are bound
            " WHERE day >= ? AND day < ? AND goal_id = ? GROUP BY start",
            (first.isoformat(), end.isoformat(), goal_id),
        )
        return {
            date.fromisoformat(r["start"]): StepCounts(**{k: r[k] for k in STEP_TALLIES})
            for r in rows
        }

    def day_counts(
        self, period: Period, first: date, end: date
    ) -> dict[date, tuple[StepCounts, AttendanceCounts]]:
        """The steps, huddles held and attendance marks per period from `first` up to (not
        including) `end`: one read of the day tallies."""
        rows = self.db.rows(
            f"SELECT {period_sql(period, 'day')} AS start, {_DAY_SUMS} FROM day_tallies"  # noqa: S608 fixed period arithmetic and column lists; values are bound
            " WHERE day >= ? AND day < ? GROUP BY start",
            (first.isoformat(), end.isoformat()),
        )
        return {
            date.fromisoformat(r["start"]): (
                StepCounts(**{k: r[k] for k in STEP_TALLIES}),
                AttendanceCounts(huddles_held=r["held"], marked=r["marked"], present=r["present"]),
            )
            for r in rows
        }

    def goal_total(self, goal_id: str) -> StepCounts:
        """All-time counts for one goal ('' for the steps with no goal)."""
        row = self.db.row(f"SELECT {_SUMS} FROM step_tallies WHERE goal_id = ?", (goal_id,))  # noqa: S608 fixed period arithmetic and column lists; values are bound
        return StepCounts(**{k: (row[k] or 0) if row else 0 for k in STEP_TALLIES})

    def total_taken(self) -> int:
        """The running total of small steps taken (done or partly), all time."""
        return int(self.db.value("SELECT coalesce(sum(done + partly), 0) FROM day_tallies"))

    def blocker_counts(self, period: Period, first: date, end: date) -> dict[date, BlockerCounts]:
        """Blockers raised, answered and resolved per period, and the median calendar days from
        being sent up to management's answer, and from being raised to resolution."""
        bounds = (first.isoformat(), end.isoformat())
        found: dict[date, dict[str, float | int | None]] = {}

        def put(start: str, **values: float | int | None) -> None:
            found.setdefault(date.fromisoformat(start), {}).update(values)

        for r in self.db.rows(
            f"SELECT {period_sql(period, 'raised_on')} AS start, count(*) AS n FROM blockers"  # noqa: S608 fixed period arithmetic and column lists; values are bound
            " WHERE raised_on >= ? AND raised_on < ? GROUP BY start",
            bounds,
        ):
            put(r["start"], opened=r["n"])
        answered = _median_sql(
            period,
            "answered_at",
            "julianday(substr(answered_at, 1, 10)) - julianday(substr(escalated_at, 1, 10))",
            "answered_at IS NOT NULL AND escalated_at IS NOT NULL AND answered_at >= escalated_at"
            " AND substr(answered_at, 1, 10) >= ? AND substr(answered_at, 1, 10) < ?",
        )
        for r in self.db.rows(answered, bounds):
            put(r["start"], answered=r["total"], median_calendar_days_to_answer=r["median"])
        resolved = _median_sql(
            period,
            "resolved_at",
            "julianday(substr(resolved_at, 1, 10)) - julianday(raised_on)",
            "resolved_at IS NOT NULL"
            " AND substr(resolved_at, 1, 10) >= ? AND substr(resolved_at, 1, 10) < ?",
        )
        for r in self.db.rows(resolved, bounds):
            put(r["start"], resolved=r["total"], median_calendar_days_to_resolve=r["median"])
        return {start: BlockerCounts(**values) for start, values in found.items()}  # type: ignore[arg-type]

    def attendance_counts(
        self, period: Period, first: date, end: date
    ) -> dict[date, AttendanceCounts]:
        """Huddles held, and attendance marks (present or away), per period."""
        return {
            start: attendance
            for start, (_, attendance) in self.day_counts(period, first, end).items()
            if attendance != AttendanceCounts()
        }

    def held_days(self, first: date, last: date, *, ending: date | None = None) -> set[date]:
        """The days from `first` to `last` (both included) on which a huddle was held: one
        that ended with no step looked back on and none planned was not really held. The
        huddle of `ending` is taken as ending now."""
        span = (first.isoformat(), last.isoformat())
        return {
            date.fromisoformat(r["day"])
            for r in self.db.rows(
                # Steps planned: the day's tally. Looked back on: one index lookup
                # (steps_by_reviewed_on), only for a day that planned none.
                "SELECT h.day FROM huddles h LEFT JOIN day_tallies d ON d.day = h.day"
                " WHERE h.started_at IS NOT NULL AND h.day BETWEEN ? AND ?"
                " AND ((h.ended_at IS NULL AND h.day IS NOT ?) OR d.steps > 0"
                "  OR EXISTS (SELECT 1 FROM steps s WHERE s.reviewed_on = h.day))",
                (*span, ending.isoformat() if ending else None),
            )
        }

    def first_held_day(self) -> date | None:
        """The first day a huddle was held, if any was."""
        found = self.db.value("SELECT min(day) FROM huddles WHERE started_at IS NOT NULL")
        return date.fromisoformat(found) if found else None

    def pulse_averages(self, period: Period, first: date, end: date) -> dict[date, PulseAverages]:
        """The team's average answer to each pulse question per period (by the week the
        answer was given in). An average of fewer than PULSE_MIN_ANSWERS answers is None."""
        summed = ", ".join(f"sum({n}) AS {n}, sum({n}_n) AS {n}_n" for n in PULSE_FACTORS)
        rows = self.db.rows(
            f"SELECT {period_sql(period, 'week')} AS start, sum(answers) AS answers, {summed}"  # noqa: S608 fixed period arithmetic and column lists; values are bound
            " FROM pulse_tallies WHERE week >= ? AND week < ? AND answers > 0 GROUP BY start",
            (first.isoformat(), end.isoformat()),
        )
        return {
            date.fromisoformat(r["start"]): PulseAverages(
                answers=r["answers"],
                averages={
                    n: r[n] / r[f"{n}_n"] if r[f"{n}_n"] >= PULSE_MIN_ANSWERS else None
                    for n in PULSE_FACTORS
                },
            )
            for r in rows
        }

    def latest_learning(self, goal_id: str | None, limit: int = 3) -> list[LearningLine]:
        """The newest lines on what was learned from a goal's steps (None: steps with no goal)."""
        where = "s.goal_id IS NULL" if goal_id is None else "s.goal_id = ?"
        params: tuple[object, ...] = () if goal_id is None else (goal_id,)
        rows = self.db.rows(
            "SELECT s.day, m.name AS member_name, s.text, s.learning, s.status"  # noqa: S608 a fixed filter; values are bound
            " FROM steps s JOIN members m ON m.id = s.member_id"
            f" WHERE {where} AND s.learning != '' ORDER BY s.day DESC, s.updated_at DESC"
            " LIMIT ?",
            (*params, limit),
        )
        return [
            LearningLine(
                day=date.fromisoformat(r["day"]),
                member_name=r["member_name"],
                step=r["text"],
                learning=r["learning"],
                status=r["status"],
            )
            for r in rows
        ]

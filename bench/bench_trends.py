"""How fast every trend is on a big team: 5 years of history for 50 people (~260,000 steps).

Target: each trend computed in at most 50 ms, and no screen loads every row. Each
measurement runs several times, interleaved with the baseline, a plain
`SELECT count(*) FROM steps` on the same file in the same process, so machine noise hits
both alike. Part of `python bench/run.py`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from harness import Row, cached, interleaved, table, working_copy
from teams import GENERATOR, PEOPLE, STEPS_A_DAY, TODAY, YEARS, build_history

from huddle.core.calendar import FixedClock, Period
from huddle.core.catchup import catch_up
from huddle.core.store import Store
from huddle.core.trends import compute_trends, goal_progress

TARGET_MS = 50.0


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def timed_ms(action: Callable[[], object]) -> Callable[[], float]:
    return lambda: timed(action)


def run(quick: bool, folder: Path) -> str:
    people, years, repeat = (3, 1, 2) if quick else (PEOPLE, YEARS, 20)
    if quick:
        path = folder / "trends-quick.db"
        build_history(path, people, years)
    else:
        path = working_copy(cached(f"history-{people}p", GENERATOR, build_history), folder)
    store = Store.open(path, clock=FixedClock(datetime(2026, 11, 27, 9).astimezone()))
    count = store.db.value("SELECT count(*) FROM steps")
    trends, db = store.trends, store.db
    first = TODAY - timedelta(days=365 * years + 7)
    end = TODAY + timedelta(days=1)
    goal = store.goals.find("Goal 1")
    member = store.members.find("Person 01")
    baseline = "SELECT count(*) FROM steps"
    cases: dict[str, Callable[[], object]] = {
        baseline: lambda: db.value("SELECT count(*) FROM steps"),
        **{
            f"Trends screen, per {p.value} (default periods)": (
                lambda p=p: compute_trends(store, p)
            )
            for p in Period
        },
        f"Trends per week, all {years} years": lambda: compute_trends(
            store, Period.WEEK, 52 * years + 1
        ),
        f"Trends per month, all {years} years": lambda: compute_trends(
            store, Period.MONTH, 12 * years + 1
        ),
        f"steps per year, {years} years (step_tallies)": lambda: trends.step_counts(
            Period.YEAR, first, end
        ),
        f"blockers per year with medians, {years} years": lambda: trends.blocker_counts(
            Period.YEAR, first, end
        ),
        f"attendance per year, {years} years": lambda: trends.attendance_counts(
            Period.YEAR, first, end
        ),
        f"pulse averages per year, {years} years": lambda: trends.pulse_averages(
            Period.YEAR, first, end
        ),
        "running total of steps taken": trends.total_taken,
        "the streak (every huddle held)": lambda: compute_trends(store, Period.YEAR, 1).streak,
        "Goals screen: one goal's progress": lambda: goal_progress(store, goal),
        "Goals screen: all 6 goals and no goal": lambda: [
            goal_progress(store, g) for g in [*store.goals.all(), None]
        ],
        "Sustainment checks due today": lambda: store.pdsa.checks_due(TODAY),
        "Catch-up card for one member": lambda: catch_up(store, member, TODAY),
        "(for scale, no target) steps per year straight from steps": lambda: db.rows(
            "SELECT substr(day, 1, 4), count(*), sum(status = 'done'),"
            " sum(learning != '') FROM steps GROUP BY 1"
        ),
    }
    times = interleaved({name: timed_ms(action) for name, action in cases.items()}, repeat)
    store.close()
    rows = [
        Row(
            name,
            values,
            baseline=times[baseline],
            baseline_name=baseline,
            target=None if name.startswith("(") else TARGET_MS,
            absolute=True,
        )
        for name, values in times.items()
        if name != baseline
    ]
    return (
        "## Trends on a big team (bench/bench_trends.py)\n\n"
        f"{count:,} steps: {people} people, {STEPS_A_DAY} steps a day each, {years} years of"
        f" huddle days. {repeat} runs each, interleaved; the ratio is against"
        f" `{baseline}` on the same file. Target: every trend at most {TARGET_MS:.0f} ms."
        f" Python {sys.version.split()[0]}.\n\n" + table(rows, quick)
    )

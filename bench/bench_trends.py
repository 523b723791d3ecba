"""How fast every trend is on a big team: 5 years of history for 50 people (~260,000 steps).

Target: each trend computed in at most 50 ms, and no screen loads every row. The data set
is written straight into a temporary file (executemany, one transaction; the schema's
triggers keep the day tallies as the app would). Each measurement runs REPEAT times,
interleaved with the baseline, a plain `SELECT count(*) FROM steps` on the same file in
the same process, so machine noise hits both alike. Results go to bench/RESULTS.md.

    python bench/bench_trends.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from results import write_section  # bench/results.py: run as python bench/<name>.py

from huddle.core.calendar import FixedClock, Period
from huddle.core.catchup import catch_up
from huddle.core.pdsa import Act
from huddle.core.schema import PULSE_FACTORS
from huddle.core.store import Store
from huddle.core.trends import compute_trends, goal_progress

REPEAT = 20
TARGET_MS = 50.0
PEOPLE = 50
STEPS_A_DAY = 4
"""Per person: 50 people x 4 x ~1,300 huddle days is ~260,000 steps."""
YEARS = 5
TODAY = date(2026, 11, 27)


def build(path: Path) -> tuple[Store, int]:
    """The big team's file; returns the store and how many steps it holds."""
    clock = FixedClock(datetime(2026, 11, 27, 9).astimezone())
    store = Store.open(path, clock=clock)
    rnd = random.Random(6)
    calendar = store.calendar()
    days = list(calendar.huddle_days(TODAY - timedelta(days=365 * YEARS), TODAY))
    stamp = "2026-11-27T09:00:00+00:00"
    members = [(f"m{i:02d}", f"Person {i:02d}", "practitioner", 1, stamp) for i in range(PEOPLE)]
    goals = [(f"g{i}", f"Goal {i}", "", "", None, "active", stamp) for i in range(6)]
    statuses = ["done"] * 6 + ["partly"] * 2 + ["carried", "not done", "dropped"]
    sources = ["practitioner"] * 17 + ["person supported", "carer", "manager"]
    steps, huddles, attendance, blockers, answers, taken = [], [], [], [], [], []
    number = 0
    for day in days:
        iso = day.isoformat()
        at = f"{iso}T09:00:00+00:00"
        huddles.append((iso, at, f"{iso}T09:14:00+00:00", "wrap-up"))
        for person, *_ in members:
            attendance.append((iso, person, int(rnd.random() < 0.9)))
            for _ in range(STEPS_A_DAY):
                number += 1
                status = "planned" if day == TODAY else rnd.choice(statuses)
                learning = "learned a thing" if rnd.random() < 0.4 and status != "planned" else ""
                goal = None if rnd.random() < 0.15 else rnd.choice(goals)[0]
                steps.append(
                    (f"s{number:07d}", person, goal, "Prepare the visit questions", None,
                     rnd.choice(sources), iso, status, learning, None, at, at)
                )  # fmt: skip
        if rnd.random() < 0.25:
            escalated, answered = day + timedelta(days=1), day + timedelta(days=rnd.randint(1, 9))
            resolved = answered + timedelta(days=rnd.randint(0, 20))
            done = resolved <= TODAY
            blockers.append(
                (f"b{len(blockers):05d}", "m00", "The form asks twice", "resolved" if done else
                 "answered", iso, f"{escalated}T10:00:00+00:00", f"{answered}T10:00:00+00:00",
                 f"{resolved}T10:00:00+00:00" if done else None, at, at)
            )  # fmt: skip
        if day.weekday() == 4:
            week = (day - timedelta(days=4)).isoformat()
            for person, *_ in members[:40]:
                taken.append((week, person))
                answers.append(
                    (week, f"p{len(answers):06d}", *(rnd.randint(1, 5) for _ in PULSE_FACTORS))
                )
    with store.db.write() as conn:
        conn.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?)", members)
        conn.executemany(
            "INSERT INTO goals (id, title, why, how_we_know, target_date, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            goals,
        )
        conn.executemany(
            "INSERT INTO steps (id, member_id, goal_id, text, category, source, day, status,"
            " learning, carried_from, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            steps,
        )
        conn.executemany(
            "INSERT INTO huddles (day, started_at, ended_at, stage) VALUES (?, ?, ?, ?)", huddles
        )
        conn.executemany("INSERT INTO attendance VALUES (?, ?, ?)", attendance)
        conn.executemany(
            "INSERT INTO blockers (id, raised_by, text, status, raised_on, escalated_at,"
            " answered_at, resolved_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            blockers,
        )
        conn.executemany(
            f"INSERT INTO pulse_answers (week, id, {', '.join(PULSE_FACTORS)})"
            f" VALUES (?, ?, {', '.join('?' for _ in PULSE_FACTORS)})",
            answers,
        )
        conn.executemany("INSERT INTO pulse_taken VALUES (?, ?)", taken)
    for i in range(30):
        cycle = store.pdsa.start(f"Change {i}", prediction="better")
        store.pdsa.decide(cycle, Act.ADOPT, calendar)
    return store, len(steps)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store, count = build(Path(folder) / "big.db")
        built = time.perf_counter() - started
        trends, db = store.trends, store.db
        first = TODAY - timedelta(days=365 * YEARS + 7)
        end = TODAY + timedelta(days=1)
        goal = store.goals.find("Goal 1")
        member = store.members.find("Person 07")
        cases: dict[str, Callable[[], object]] = {
            "SELECT count(*) FROM steps (baseline)": lambda: db.value("SELECT count(*) FROM steps"),
            **{
                f"Trends screen, per {p.value} (default periods)": (
                    lambda p=p: compute_trends(store, p)
                )
                for p in Period
            },
            "Trends per week, all 5 years (261 weeks)": lambda: compute_trends(
                store, Period.WEEK, 261
            ),
            "Trends per month, all 5 years (61 months)": lambda: compute_trends(
                store, Period.MONTH, 61
            ),
            "  steps per year, 5 years (step_tallies)": lambda: trends.step_counts(
                Period.YEAR, first, end
            ),
            "  blockers per year with medians, 5 years": lambda: trends.blocker_counts(
                Period.YEAR, first, end
            ),
            "  attendance per year, 5 years": lambda: trends.attendance_counts(
                Period.YEAR, first, end
            ),
            "  pulse averages per year, 5 years": lambda: trends.pulse_averages(
                Period.YEAR, first, end
            ),
            "  running total of steps taken": trends.total_taken,
            "  the streak (5 years of huddles held)": lambda: (
                compute_trends(store, Period.YEAR, 1).streak
            ),
            "Goals screen: one goal's progress": lambda: goal_progress(store, goal),
            "Goals screen: all 6 goals and no goal": lambda: [
                goal_progress(store, g) for g in [*store.goals.all(), None]
            ],
            "Sustainment checks due today": lambda: store.pdsa.checks_due(TODAY),
            "Catch-up card for one member": lambda: catch_up(store, member, TODAY),
            "(for scale) steps per year straight from steps, no tallies": lambda: db.rows(
                "SELECT substr(day, 1, 4), count(*), sum(status = 'done'),"
                " sum(learning != '') FROM steps GROUP BY 1"
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(REPEAT):
            for name, action in cases.items():
                times[name].append(timed(action))
        store.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["SELECT count(*) FROM steps (baseline)"]
    lines = [
        "## Trends on a big team (bench/bench_trends.py)",
        "",
        f"{count:,} steps: {PEOPLE} people, {STEPS_A_DAY} steps a day each, {YEARS} years of"
        f" huddle days; built in {built:.1f} s. Median of {REPEAT} runs each, interleaved;"
        f" ratio against `SELECT count(*) FROM steps` on the same file. Target: every trend"
        f" at most {TARGET_MS:.0f} ms. Python {sys.version.split()[0]}.",
        "",
        "| what | median ms | × baseline | within target |",
        "|---|---:|---:|:---:|",
    ]
    for name, median in medians.items():
        within = (
            ""
            if name.startswith("(") or "baseline" in name
            else ("yes" if median <= TARGET_MS else "NO")
        )
        lines.append(f"| {name.strip()} | {median:.1f} | {median / baseline:.2f} | {within} |")
    text = "\n".join(lines) + "\n"
    print(text)
    write_section(text)


if __name__ == "__main__":
    main()

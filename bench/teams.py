"""The teams the benchmarks run on, built straight into a file and cached (bench/harness.py):
a long history (5 years of 50 people is ~260,000 steps; 200 people ~1,000,000) and a crowd
(10,000 members and 500 goals on one day). Bump GENERATOR when what they hold changes."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from huddle.core.calendar import FixedClock
from huddle.core.pdsa import Act
from huddle.core.schema import PULSE_FACTORS
from huddle.core.store import Store

GENERATOR = 1
PEOPLE = 50
STEPS_A_DAY = 4
"""Per person: 50 people x 4 x ~1,300 huddle days is ~260,000 steps."""
YEARS = 5
TODAY = date(2026, 11, 27)
"""The history team's today: a Friday."""
CROWD_TODAY = date(2026, 11, 30)
"""The crowd's today: a Monday, with Friday's steps to look back on."""


def build_history(path: Path, people: int = PEOPLE, years: int = YEARS) -> int:
    """A team with `years` of history for `people` (4 steps a day each); returns how many
    steps it holds. Written straight into the file (executemany, one transaction; the
    schema's triggers keep the day tallies as the app would)."""
    clock = FixedClock(datetime(2026, 11, 27, 9).astimezone())
    store = Store.open(path, clock=clock)
    rnd = random.Random(6)
    calendar = store.calendar()
    days = list(calendar.huddle_days(TODAY - timedelta(days=365 * years), TODAY))
    stamp = "2026-11-27T09:00:00+00:00"
    members = [(f"m{i:02d}", f"Person {i:02d}", "practitioner", 1, stamp) for i in range(people)]
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
        conn.executemany(
            "INSERT INTO members (id, name, role, active, created_at) VALUES (?, ?, ?, ?, ?)",
            members,
        )
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
        conn.executemany(
            "INSERT INTO attendance (day, member_id, present) VALUES (?, ?, ?)", attendance
        )
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
        conn.executemany("INSERT INTO pulse_taken (week, member_id) VALUES (?, ?)", taken)
    for i in range(30):
        cycle = store.pdsa.start(f"Change {i}", prediction="better")
        store.pdsa.decide(cycle, Act.ADOPT, calendar)
    store.close()
    return len(steps)


def build_crowd(path: Path, members: int = 10_000, goals: int = 500) -> int:
    """A team of `members` and `goals`: each member had a step on Friday (to look back on)
    and a third have one planned for Monday, today. Returns how many steps it holds."""
    clock = FixedClock(datetime(2026, 11, 30, 9).astimezone())
    store = Store.open(path, clock=clock)
    stamp = "2026-11-27T09:00:00+00:00"
    friday = (CROWD_TODAY - timedelta(days=3)).isoformat()
    people = [(f"m{i:05d}", f"Person {i:05d}", "practitioner", 1, stamp) for i in range(members)]
    aims = [(f"g{i:03d}", f"Goal {i:03d}", "", "", None, "active", stamp) for i in range(goals)]
    steps = [
        (f"f{i:05d}", person, aims[i % goals][0], f"Step {i} of Friday", None, "practitioner",
         friday, "planned", "", None, stamp, stamp)
        for i, (person, *_) in enumerate(people)
    ] + [
        (f"t{i:05d}", person, aims[i % goals][0], f"Step {i} for today", None, "practitioner",
         CROWD_TODAY.isoformat(), "planned", "", None, stamp, stamp)
        for i, (person, *_) in enumerate(people[::3])
    ]  # fmt: skip
    with store.db.write() as conn:
        conn.executemany(
            "INSERT INTO members (id, name, role, active, created_at) VALUES (?, ?, ?, ?, ?)",
            people,
        )
        conn.executemany(
            "INSERT INTO goals (id, title, why, how_we_know, target_date, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            aims,
        )
        conn.executemany(
            "INSERT INTO steps (id, member_id, goal_id, text, category, source, day, status,"
            " learning, carried_from, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            steps,
        )
        conn.execute(
            "INSERT INTO huddles (day, started_at, ended_at, stage) VALUES (?, ?, ?, ?)",
            (friday, f"{friday}T09:00:00+00:00", f"{friday}T09:14:00+00:00", "wrap-up"),
        )
        conn.executemany(
            "INSERT INTO attendance (day, member_id, present) VALUES (?, ?, 1)",
            [(friday, p[0]) for p in people],
        )
    store.close()
    return len(steps)

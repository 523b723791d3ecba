"""The service view on many teams: 20 teams' files of a year each, read side by side.

Target: all 20 read in under a second. The ratio is against reading one of the same files
in the same process, taking turns with it. Part of `python bench/run.py`.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from harness import Row, cached, interleaved, table, working_copy
from teams import GENERATOR, build_history

from huddle.core.calendar import FixedClock
from huddle.core.rollup import read_team, rollup

TARGET_MS = 1000.0
TEAMS = 20
PEOPLE = 12


def timed_ms(action: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        action()
        return (time.perf_counter() - started) * 1000

    return run


def run(quick: bool, folder: Path) -> str:
    teams, people, repeat = (3, 2, 2) if quick else (TEAMS, PEOPLE, 7)
    if quick:
        one = folder / "rollup-quick.db"
        build_history(one, people, 1)
    else:
        one = working_copy(
            cached(f"history-{people}p-1y", GENERATOR, lambda p: build_history(p, people, 1)),
            folder / "rollup-source",
        )
    service = folder / "service"
    service.mkdir(exist_ok=True)
    paths = []
    for i in range(teams):
        path = service / f"team-{i:02d}.db"
        shutil.copyfile(one, path)
        paths.append(path)
    clock = FixedClock(datetime(2026, 11, 27, 9).astimezone())
    steps = rollup(paths[:1], clock).teams[0].total_taken
    times = interleaved(
        {
            "one team": timed_ms(lambda: read_team(paths[0], clock)),
            "all": timed_ms(lambda: rollup(paths, clock)),
        },
        repeat,
    )
    rows = [
        Row(
            f"huddle rollup: {teams} teams, read and added up",
            times["all"],
            baseline=times["one team"],
            baseline_name="one team's file",
            target=TARGET_MS,
            absolute=True,
        )
    ]
    return (
        "## The service view (bench/bench_rollup.py)\n\n"
        f"{teams} copies of a team of {people} people with a year of history ({steps:,} small"
        f" steps taken each), opened read-only and read as `huddle rollup` does, against one"
        f" of them; {repeat} runs, interleaved. Target: all at most {TARGET_MS:.0f} ms.\n\n"
        + table(rows, quick)
    )

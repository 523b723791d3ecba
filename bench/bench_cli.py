"""How fast `huddle add` is from a shell, against Python starting and importing sqlite3.

Practitioners run `huddle add` many times a day, so it must start in a blink: it loads
neither Textual nor the parts of the store it does not use. Each command runs several
times, taking turns with the baselines so machine noise hits all alike. Part of
`python bench/run.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import BENCH, Row, bench_env, cached, interleaved, run_python, table, working_copy
from teams import GENERATOR, build_history

TARGET = 3.0
"""`huddle add TEXT --who NAME` at most 3x `python -c "import sqlite3"`."""
ADD = "huddle add TEXT --who ann"
"""The figure the target is for: a team's small file, as in the demo."""
YEAR_TEAM = 12
"""People in the team whose year of history `huddle add` is also timed on (no target): a
write checks the whole file first (PRAGMA quick_check), so the figure grows with the file."""


def year_of_a_team(quick: bool, folder: Path) -> Path:
    """A year of a team's history (the rollup's team), as a working copy."""
    if quick:
        path = folder / "cli-year-quick.db"
        build_history(path, 2, 1)
        return path
    source = cached(f"history-{YEAR_TEAM}p-1y", GENERATOR, lambda p: build_history(p, YEAR_TEAM, 1))
    return working_copy(source, folder / "cli-year")


def run(quick: bool, folder: Path) -> str:
    db = str(folder / "cli.db")
    env = bench_env(HUDDLE_CONFIG=str(folder / "cli-settings.json"))
    subprocess.run(
        [sys.executable, "-m", "huddle", "--db", db, "team", "add", "Ann Smith"],
        check=True,
        capture_output=True,
        env=env,
    )
    baseline = 'python -c "import sqlite3"'
    commands = {
        baseline: ["-c", "import sqlite3"],
        "python -c pass": ["-c", "pass"],
        "python -c 'import textual.app' (what add avoids)": ["-c", "import textual.app"],
        "the floor: click + sqlite3 + one write (bench/floor_add.py)": [
            str(BENCH / "floor_add.py"), "--db", str(folder / "floor.db"),
            "add", "Prepare", "--who", "ann",
        ],
        ADD: [
            "-m", "huddle", "--db", db, "add", "Prepare the questions", "--who", "ann"
        ],
        "huddle block TEXT --who ann": [
            "-m", "huddle", "--db", db, "block", "The form is broken", "--who", "ann"
        ],
        "huddle mine --who ann": ["-m", "huddle", "--db", db, "mine", "--who", "ann"],
        f"huddle add TEXT --who NAME on a year of a team of {YEAR_TEAM} (no target)": [
            "-m", "huddle", "--db", str(year_of_a_team(quick, folder)),
            "add", "Prepare the questions", "--who", "person 00",
        ],
    }  # fmt: skip
    cpu: dict[str, list[float]] = {name: [] for name in commands}

    def timed(name: str, args: list[str]) -> float:
        wall, used = run_python(args, env)
        cpu[name].append(used * 1000)
        return wall * 1000

    times = interleaved(
        {name: lambda n=name, a=args: timed(n, a) for name, args in commands.items()},
        2 if quick else 15,
    )
    rows = [
        Row(
            name,
            values,
            baseline=times[baseline],
            baseline_name="import sqlite3",
            target=TARGET if name == ADD else None,
        )
        for name, values in times.items()
        if name != baseline
    ] + [
        Row(
            f"{name}: CPU (user + system), less hit by a busy machine",
            cpu[name],
            baseline=cpu[baseline],
            baseline_name="import sqlite3, CPU",
        )
        for name in commands
        if name.startswith(("the floor", "huddle"))
    ]
    return (
        "## CLI start-up (bench/bench_cli.py)\n\n"
        "Whole process, start to exit (the figure), and its CPU time; the ratio is against"
        ' `python -c "import sqlite3"` in the same run. Target: `huddle add` at most'
        f" {TARGET:g}x. The floor is what any click command that writes one row pays (import"
        " click and sqlite3, parse, open in WAL mode, commit with fsync, close). `huddle add TEXT`"
        " runs without click (huddle/cli/entry.py), so it can come in under it; `huddle block`"
        " and `huddle mine` are parsed by click.\n\n" + table(rows, quick)
    )

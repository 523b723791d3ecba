"""First paint and memory: `huddle` from process start until its home screen is drawn in a
pseudo-terminal (120x36), against a bare Textual app (Header, Static, Footer) to its first
paint, in the same run. Peak memory (VmHWM) is read at that moment. Part of
`python bench/run.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from harness import (
    BENCH,
    DEMO_TODAY,
    Row,
    bench_env,
    cached,
    demo_team,
    first_paint,
    table,
    working_copy,
)
from teams import GENERATOR, build_history

from huddle.core.store.db import SCHEMA_VERSION

TARGET_PAINT = 1.3
TARGET_MEMORY = 1.3
HOME = ("Open blockers (", "Raised by", "palette")
"""Drawn only once the home screen holds its data: the blockers' title, the blockers table
(its last column's label: a table not yet filled is drawn blank), and its footer (which
ends "^p palette")."""
BARE = ("Hello bench", "Quit")


def run(quick: bool, folder: Path) -> str:
    demo = working_copy(demo_team(folder), folder / "paint")
    teams: dict[str, tuple[Path, str]] = {"demo team": (demo, DEMO_TODAY)}
    if quick:
        tiny = folder / "paint-tiny.db"
        if not tiny.exists():
            build_history(tiny, 3, 1)
        teams["3 people, 1 year"] = (tiny, "2026-11-27")
    else:
        for people, label in ((50, "260k steps"), (200, "1M steps")):
            source = cached(
                f"history-{people}p", GENERATOR, lambda p, n=people: build_history(p, n)
            )
            teams[label] = (working_copy(source, folder), "2026-11-27")
    repeat = 1 if quick else 7
    bare_args = [sys.executable, str(BENCH / "bare_app.py")]
    paints: dict[str, list[float]] = {"bare": [], **{name: [] for name in teams}}
    memory: dict[str, list[float]] = {"bare": [], **{name: [] for name in teams}}
    settings = str(folder / "paint-settings.json")
    for _ in range(repeat):
        for name in paints:
            if name == "bare":
                paint = first_paint(bare_args, BARE, bench_env())
            else:
                path, today = teams[name]
                args = [sys.executable, "-m", "huddle", "--db", str(path)]
                env = bench_env(HUDDLE_TODAY=today, HUDDLE_CONFIG=settings)
                paint = first_paint(args, HOME, env)
            paints[name].append(paint.seconds * 1000)
            memory[name].append(paint.peak_mb)
    rows = [
        Row(f"first paint, {name}", paints[name], baseline=paints["bare"],
            baseline_name="bare app", target=TARGET_PAINT)
        for name in teams
    ] + [
        Row(f"peak memory at first paint, {name}", memory[name], unit="MB",
            baseline=memory["bare"], baseline_name="bare app", target=TARGET_MEMORY)
        for name in teams
    ]  # fmt: skip
    return (
        "## First paint and memory (bench/bench_paint.py)\n\n"
        "`huddle --db FILE` in a 120x36 pseudo-terminal, from process start until the home"
        " screen is drawn with its data (the texts 'Open blockers (', the blockers table's"
        " 'Raised by' and its footer), against"
        " bench/bare_app.py (Header, Static, Footer) until its text and footer are drawn;"
        " peak memory (VmHWM) read then. Runs interleaved. Targets: at most"
        f" {TARGET_PAINT:g}x the bare app's time and {TARGET_MEMORY:g}x its memory."
        f" Schema {SCHEMA_VERSION}.\n\n" + table(rows, quick)
    )

"""How fast `huddle add` is from a shell, against a bare Python start-up in the same run.

Practitioners run `huddle add` many times a day, so it must not load Textual. Each command
runs REPEAT times, alternating with the baseline so machine noise hits both alike; the
result is the ratio of medians, written to bench/RESULTS.md.

    python bench/bench_cli.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import write_section  # bench/results.py: run as python bench/<name>.py

REPEAT = 15


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        subprocess.run(
            [python, "-m", "huddle", "--db", db, "team", "add", "Ann Smith"],
            check=True,
            capture_output=True,
        )
        commands = {
            "python -c pass (baseline)": [python, "-c", "pass"],
            "python -c 'import textual.app' (what add avoids)": [
                python,
                "-c",
                "import textual.app",
            ],
            "huddle add TEXT --who ann": [
                python,
                "-m",
                "huddle",
                "--db",
                db,
                "add",
                "Prepare the questions",
                "--who",
                "ann",
            ],
            "huddle block TEXT --who ann": [
                python,
                "-m",
                "huddle",
                "--db",
                db,
                "block",
                "The form is broken",
                "--who",
                "ann",
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(REPEAT):
            for name, args in commands.items():
                times[name].append(timed(args))
    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians["python -c pass (baseline)"]
    lines = [
        "## CLI start-up (bench/bench_cli.py)",
        "",
        f"Median of {REPEAT} runs each, interleaved; ratio against a bare Python start-up.",
        "",
        "| command | median ms | × baseline |",
        "|---|---:|---:|",
    ]
    for name, median in medians.items():
        lines.append(f"| {name} | {median * 1000:.0f} | {median / baseline:.1f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    write_section(text)


if __name__ == "__main__":
    main()

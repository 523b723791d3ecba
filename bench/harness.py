"""What every benchmark shares: interleaved timing, first paint in a pseudo-terminal,
the result rows, and the big teams (built once and cached by generator version)."""

from __future__ import annotations

import fcntl
import functools
import os
import re
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).parent
CACHE = Path(os.environ.get("HUDDLE_BENCH_CACHE", Path.home() / ".cache" / "huddle-bench"))
"""Where the big teams are kept between runs: outside git, rebuilt when their generator
changes version (a newer schema is applied to the working copy, not timed)."""


@dataclass
class Row:
    """One line of a RESULTS.md table: a figure against its baseline in the same run."""

    what: str
    values: list[float]
    unit: str = "ms"
    baseline: list[float] | None = None
    baseline_name: str = ""
    target: float | None = None
    """The most the ratio (or, with absolute=True, the median) may be."""
    absolute: bool = False
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        base = statistics.median(self.baseline)
        return self.median / base if base else None

    @property
    def judged(self) -> float | None:
        return self.median if self.absolute else self.ratio

    def met(self, quick: bool) -> str:
        if quick or self.target is None or self.judged is None:
            return ""
        if self.judged <= self.target:
            return "yes"
        return f"**NO**: missed by {(self.judged / self.target - 1) * 100:.0f}%"

    def cells(self, quick: bool) -> list[str]:
        fmt = _fmt(self.unit)
        spread = f"{fmt(min(self.values))}-{fmt(max(self.values))}"
        base = (
            f"{fmt(statistics.median(self.baseline))} {self.unit} ({self.baseline_name})"
            if self.baseline
            else ""
        )
        ratio = f"{self.ratio:.2f}x" if self.ratio is not None else ""
        if self.target is None:
            target = ""
        elif self.absolute:
            target = f"<= {_fmt(self.unit)(self.target)} {self.unit}"
        else:
            target = f"<= {self.target:g}x"
        what = self.what + (f" ({self.note})" if self.note else "")
        return [
            what,
            f"{fmt(self.median)} {self.unit}",
            spread,
            str(len(self.values)),
            base,
            ratio,
            target,
            self.met(quick),
        ]


def _fmt(unit: str) -> Callable[[float], str]:
    if unit == "MB":
        return lambda v: f"{v:.1f}"
    return lambda v: f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def table(rows: Sequence[Row], quick: bool) -> str:
    head = "| figure | median | range | runs | baseline (median) | ratio | target | met |"
    lines = [head, "|---|---:|---:|---:|---|---:|---|---|"]
    lines += ["| " + " | ".join(row.cells(quick)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def interleaved(actions: dict[str, Callable[[], float]], repeat: int) -> dict[str, list[float]]:
    """Each action `repeat` times, taking turns, so machine noise hits them all alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            times[name].append(action())
    return times


# --- Processes and first paint -------------------------------------------------------------

_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=$ ]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
"""Terminal escape sequences (CSI, OSC, DCS and two-byte ones), dropped to find the text."""


@dataclass
class Paint:
    seconds: float
    peak_mb: float


def peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@functools.cache
def installed_bytecode() -> None:
    """Huddle's modules compiled to bytecode, as an install leaves them (pip compiles them;
    an editable install writes them on its first run). Where PYTHONDONTWRITEBYTECODE is set,
    every timed run would otherwise compile all of Huddle from source, and the baselines,
    from installed packages, nothing."""
    import compileall

    import huddle

    compileall.compile_dir(Path(huddle.__file__).parent, quiet=1)


def bench_env(**extra: str) -> dict[str, str]:
    installed_bytecode()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "HUDDLE", "PYTEST"))}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", **extra)
    return env


def first_paint(
    args: list[str], markers: Sequence[str], env: dict[str, str], size: tuple[int, int] = (120, 36)
) -> Paint:
    """Start `args` in a pseudo-terminal of `size`; time until every marker text has been
    drawn (the first full frame), and the peak memory then. The process is killed after."""
    master, slave = os.openpty()
    cols, lines = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    wanted = [m.encode() for m in markers]
    raw = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                raise RuntimeError(f"no first paint from {args}: {_text(raw)[-400:]!r}")
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{args} ended before painting: {_text(raw)[-400:]!r}")
            raw += chunk
            text = _ESCAPES.sub(b"", raw)
            if all(m in text for m in wanted):
                seconds = time.perf_counter() - started
                return Paint(seconds, peak_mb(proc.pid))
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)


def _text(raw: bytes) -> str:
    return _ESCAPES.sub(b"", raw).decode(errors="replace")


def run_python(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds for `python ARGS` to run to its end: on the clock, and of CPU (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


# --- Teams ---------------------------------------------------------------------------------


def cached(name: str, version: int, build: Callable[[Path], object]) -> Path:
    """The file `name` from the cache, built by `build` when missing or of an old version."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-g{version}.db"
    if not path.exists():
        print(f"building {path.name} (once; cached in {CACHE}) ...", file=sys.stderr, flush=True)
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        build(partial)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def working_copy(source: Path, folder: Path) -> Path:
    """A copy to run the app on, so the cached file stays as built; brought up to this
    schema here (opening it migrates), so no timed run pays for that."""
    from huddle.core.store import Store

    target = folder / source.name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        Store.open(target).close()
    return target


DEMO_TODAY = "2026-11-30"


def demo_team(folder: Path) -> Path:
    """The demo team (`huddle demo`) on Monday 30 November 2026, made once per run."""
    from datetime import date

    from huddle.core.demo import create_demo_file

    path = folder / "demo.db"
    if not path.exists():
        create_demo_file(path, date.fromisoformat(DEMO_TODAY))
    return path

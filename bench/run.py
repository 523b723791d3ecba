"""Every benchmark of Huddle in one command, each figure a ratio against a baseline measured
in the same run, written to bench/RESULTS.md (see bench/README.md).

    python bench/run.py             # the whole suite (the big teams are built once, cached)
    python bench/run.py --quick     # a smoke at tiny sizes, no targets; RESULTS.md untouched
    python bench/run.py cli paint   # only some parts
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import BENCH, CACHE

PARTS = {
    "cli": "bench_cli",
    "paint": "bench_paint",
    "keys": "bench_keys",
    "lock": "bench_lock",
    "trends": "bench_trends",
    "live": "bench_live",
    "rollup": "bench_rollup",
}
RESULTS = BENCH / "RESULTS.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", choices=[[], *PARTS], help="default: all")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, no targets")
    parser.add_argument("--out", type=Path, help="write the results here instead")
    args = parser.parse_args(argv)
    chosen = args.parts or list(PARTS)
    sections: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="huddle-bench-") as folder:
        for part in chosen:
            started = time.perf_counter()
            print(f"== {part} ...", file=sys.stderr, flush=True)
            module = importlib.import_module(PARTS[part])
            sections[part] = module.run(args.quick, Path(folder))
            print(sections[part], flush=True)
            print(f"   ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    out = args.out or (None if args.quick else RESULTS)
    if out is not None:
        write(out, sections, args.quick)
    return 0


def write(out: Path, sections: dict[str, str], quick: bool) -> None:
    """The results file: the parts run now replace theirs; the others are kept."""
    old = split(out.read_text(encoding="utf-8")) if out.exists() and not quick else {}
    merged = {**{k: v for k, v in old.items() if k in PARTS}, **sections}
    head = (
        "# Benchmark results\n\n"
        "Written by `python bench/run.py` (bench/README.md). Every figure is a median of"
        " several runs, with its range, and a ratio against a baseline measured in the same"
        f" run; big teams are cached in {CACHE.name}/ outside git. Machine: {platform.machine()},"
        f" Python {platform.python_version()}. A target missed says by how much.\n"
    )
    body = [merged[part].rstrip("\n") for part in PARTS if part in merged]
    out.write_text("\n\n".join([head.rstrip("\n"), *body]) + "\n", encoding="utf-8")


def split(text: str) -> dict[str, str]:
    """The sections of a results file, by the part that wrote them (its bench_*.py name)."""
    found = {}
    for chunk in text.split("\n## ")[1:]:
        for part, module in PARTS.items():
            if f"({module.replace('bench_', 'bench/bench_')}.py)" in chunk.splitlines()[0]:
                found[part] = "## " + chunk
    return found


if __name__ == "__main__":
    raise SystemExit(main())

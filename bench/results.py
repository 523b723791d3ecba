"""bench/RESULTS.md: each benchmark owns one `## ` section and rewrites only its own."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def write_section(section: str) -> None:
    """Replace this benchmark's section of RESULTS.md (by its heading); keep the others."""
    heading = section.splitlines()[0]
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    parts = old.split("\n## ")
    kept = [parts[0].rstrip("\n")] + [
        "## " + part.rstrip("\n") for part in parts[1:] if not ("## " + part).startswith(heading)
    ]
    RESULTS.write_text("\n\n".join([*kept, section.rstrip("\n")]) + "\n", encoding="utf-8")

"""Damage a team's file as a failing disk might, for the tests of what Huddle does then."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def corrupt_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` with junk."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with path.open("r+b") as file:
        file.seek((root[0] - 1) * page_size)
        file.write(b"\xde\xad" * (page_size // 2))

"""What Blockers and Wrap-up look like on the TV (200x50) and on a small terminal (80x24),
for the demo team on Monday 30 November 2026.

Update after a deliberate change:
pytest tests/ui/test_blockers_wrapup_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from huddle.core.demo import create_demo_file, demo_clock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

DEMO_MONDAY = date(2026, 11, 30)
SIZES = {"tv": (200, 50), "small": (80, 24)}


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    """A fresh `huddle demo` file, opened on the morning of its day."""
    path = tmp_path / "demo.db"
    create_demo_file(path, DEMO_MONDAY)
    opened = Store.open(path, clock=demo_clock(DEMO_MONDAY))
    yield opened
    opened.close()


@pytest.mark.parametrize("size", SIZES)
def test_blockers(snap_compare, demo: Store, size: str) -> None:
    """On the TV a column for each place a blocker stands; the second card of the sent-up
    column is picked."""
    keys = ["h", "4"] + (["right", "right", "down"] if size == "tv" else ["down"])
    app = HuddleApp(demo, clock=demo.clock)
    assert snap_compare(app, terminal_size=SIZES[size], press=keys)

"""Fixtures for the app's tests: a fixed clock, a small seeded team, stable snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.demo import create_demo_file, demo_clock
from huddle.core.models import Role
from huddle.core.store import Store

MONDAY_MORNING = datetime(2026, 11, 30, 9, 0).astimezone()
"""Tests' "now": Monday 30 November 2026, 09:00, so "yesterday's huddle" is Friday's."""
DEMO_DAY = date(2026, 11, 30)
"""The demo team's "today" (as in the screenshots): Monday, looking back on Friday."""


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop the Input cursor blinking, so snapshots do not depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-user settings in a temporary file, never the developer's own."""
    monkeypatch.setenv("HUDDLE_CONFIG", str(tmp_path / "settings.json"))


@pytest.fixture(autouse=True)
def bugs_fail_the_test(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The app shows a bug in a store call as one line and runs on (HuddleApp.guarded); in a
    test that would hide it, so a bug the app caught fails the test after all."""
    from huddle.core.models import HuddleError
    from huddle.ui.app import HuddleApp

    caught: list[BaseException] = []
    refusal = HuddleApp.refusal  # every error the app shows as one line comes through here

    def noting(app: HuddleApp, error: BaseException) -> str:
        if not isinstance(error, HuddleError):
            caught.append(error)
        return refusal(app, error)

    monkeypatch.setattr(HuddleApp, "refusal", noting)
    yield
    if caught and request.node.get_closest_marker("shows_a_bug") is None:
        pytest.fail(f"the app caught a bug: {caught[0]!r}", pytrace=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_MORNING)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[Store]:
    """A team of four with two goals, in a file, on Monday morning."""
    opened = Store.open(tmp_path / "team.db", clock=clock)
    opened.team.update(name="Northside Assessment Team")
    opened.members.add("Ann Smith", Role.LEAD)
    opened.members.add("Bea Jones")
    opened.members.add("Sam Okafor")
    opened.members.add("Pat Reid", Role.MANAGER)
    opened.goals.add("Cut the wait for a care assessment")
    opened.goals.add("More strengths-based assessments")
    yield opened
    opened.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    """A fresh `huddle demo` file, opened on the morning of its day."""
    path = tmp_path / "demo.db"
    create_demo_file(path, DEMO_DAY)
    opened = Store.open(path, clock=demo_clock(DEMO_DAY))
    yield opened
    opened.close()

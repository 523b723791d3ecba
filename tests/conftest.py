"""Shared fixtures: a fixed "today", a team's file on disk, and the `huddle` command.

Test modules take what they need as fixtures rather than importing from here: a second
conftest.py (tests/ui) would shadow this one as the module `conftest`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from huddle.cli import main
from huddle.core.calendar import FixedClock, SystemClock
from huddle.core.models import Role
from huddle.core.store import Store

WEDNESDAY = date(2026, 11, 25)
"""The "today" of most tests: a plain Wednesday in late November 2026."""


def clock_at(day: date, hour: int = 9) -> FixedClock:
    """A clock stopped on `day` at `hour`, in the machine's time zone."""
    return FixedClock(datetime.combine(day, time(hour)).astimezone())


@pytest.fixture
def clock() -> FixedClock:
    return clock_at(WEDNESDAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "team.db"


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    """A new team's file on disk, with nobody in it yet."""
    opened = Store.open(db_path, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def memory_store(clock: FixedClock) -> Iterator[Store]:
    opened = Store.memory(clock=clock)
    yield opened
    opened.close()


def add_assessment_team(store: Store) -> None:
    """Three people, two of them called Ann-something, and two goals."""
    store.team.update(name="North assessment team")
    store.members.add("Ann Smith", Role.LEAD)
    store.members.add("Anne Jones")
    store.members.add("Sam Patel", Role.MANAGER)
    store.goals.add(
        "Cut the wait for a care assessment",
        why="People wait weeks for a first visit",
        how_we_know="Median wait under 14 days",
    )
    store.goals.add("More strengths-based assessments")


@pytest.fixture
def team(store: Store) -> Store:
    """The store, with a small assessment team in it."""
    add_assessment_team(store)
    return store


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    """A closed file holding the small assessment team, for other processes to open."""
    path = tmp_path / "team-file.db"
    with_team = Store.open(path, clock=clock_at(WEDNESDAY))
    try:
        add_assessment_team(with_team)
    finally:
        with_team.close()
    return path


@dataclass
class Huddle:
    """The `huddle` command, run in-process on one team's file, as if today were `today`."""

    runner: CliRunner
    db: Path
    today: date

    def __call__(
        self, *args: str, env: dict[str, str] | None = None, input: str | None = None
    ) -> Result:
        return self.runner.invoke(
            main,
            ["--db", str(self.db), *args],
            prog_name="huddle",
            env={"HUDDLE_TODAY": self.today.isoformat(), **(env or {})},
            input=input,
            catch_exceptions=True,
        )

    def ok(self, *args: str) -> str:
        """Run a command that must succeed; its output."""
        result = self(*args)
        assert result.exit_code == 0, result.output
        assert result.exception is None
        return result.output

    def open_store(self) -> Store:
        return Store.open(self.db, clock=clock_at(self.today))


@pytest.fixture
def huddle(tmp_path: Path) -> Huddle:
    return Huddle(CliRunner(), tmp_path / "t.db", WEDNESDAY)


@pytest.fixture
def huddle_with_team(huddle: Huddle) -> Huddle:
    """The command, on a file that already holds the small assessment team."""
    with_team = huddle.open_store()
    try:
        add_assessment_team(with_team)
    finally:
        with_team.close()
    return huddle


StepsOn = Callable[[date], list[tuple[str, str, str | None]]]


@pytest.fixture
def steps_on(huddle: Huddle) -> StepsOn:
    """What the file holds for a day: (who, text, goal) for each step."""

    def read(day: date) -> list[tuple[str, str, str | None]]:
        reader = huddle.open_store()
        try:
            return [(s.member_name, s.text, s.goal_title) for s in reader.steps.on_day(day)]
        finally:
            reader.close()

    return read


@pytest.fixture(autouse=True)
def nobody_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own `huddle whoami` or $HUDDLE_WHO."""
    monkeypatch.setenv("HUDDLE_CONFIG", str(tmp_path / "settings.json"))
    monkeypatch.delenv("HUDDLE_WHO", raising=False)


class RealClockRead(AssertionError):
    """A test read the machine's clock: its result would depend on the day it runs."""


@pytest.fixture(autouse=True)
def no_real_clock(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    """`SystemClock` fails inside tests, so no result depends on the day the suite runs.
    A test that needs the real clock says so with `@pytest.mark.real_clock`. A read that
    the code swallows still fails the test when it ends. Yields the reads so far."""
    reads: list[str] = []
    if request.node.get_closest_marker("real_clock"):
        yield reads
        return

    def refuse(_clock: SystemClock) -> datetime:
        where = "".join(traceback.format_stack(limit=6)[:-1])
        reads.append(where)
        raise RealClockRead(
            "this test read the real clock (SystemClock); give the code a FixedClock, "
            "or mark the test @pytest.mark.real_clock\n" + where
        )

    monkeypatch.setattr(SystemClock, "now", refuse)
    yield reads
    if reads:
        pytest.fail("the real clock was read:\n" + reads[0], pytrace=False)

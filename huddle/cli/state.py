"""What every command shares that needs no click: the team's file opened once, today's date,
a date as typed, and the one line a user's mistake is shown as. `huddle add TEXT` runs on
these alone (huddle.cli.entry), without loading click."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from huddle.core.calendar import Clock, RunningClock, SystemClock, Towards, parse_day
from huddle.core.models import HuddleError
from huddle.core.store import Store
from huddle.core.store.db import BUSY_TIMEOUT_MS
from huddle.paths import database_path

if TYPE_CHECKING:
    from pathlib import Path

TODAY_ENV = "HUDDLE_TODAY"
"""Set to YYYY-MM-DD to make the commands act as if that were today (tests, screenshots)."""


def clock_from_env() -> Clock:
    """The machine's clock; or, when $HUDDLE_TODAY=YYYY-MM-DD is set, a clock that starts
    at 09:00 that day and runs. The variable is read here and nowhere else."""
    fixed = os.environ.get(TODAY_ENV, "").strip()
    if not fixed:
        return SystemClock()
    try:
        day = date.fromisoformat(fixed)
    except ValueError:
        raise HuddleError(
            f"${TODAY_ENV} is '{fixed[:40]}'; set it as YYYY-MM-DD, or unset it"
        ) from None
    return RunningClock(datetime.combine(day, time(9, 0)).astimezone())


def error_line(error: Exception) -> str | None:
    """The one line a command's error is shown as ("Error: ..." and exit code 1), never a
    traceback; None for a pipe closed early (`huddle export | head`), which says nothing.
    Errors other than these are bugs, and are raised."""
    if isinstance(error, HuddleError):
        return str(error)
    if isinstance(error, sqlite3.Error):  # a problem with the file the store did not foresee
        return f"the database said: {error}"
    if isinstance(error, OSError):  # mostly the output: a full disk, a pipe closed early
        _quiet_stdout()
        if isinstance(error, BrokenPipeError):
            return None
        return f"can't write: {error.strerror or error}"
    raise error


def _quiet_stdout() -> None:
    """Point standard output at nothing, so what is left in its buffer, flushed on the way
    out, cannot fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test runner's): nothing to quiet
        pass


class State:
    """The options of the `huddle` group, and the store once a command opens it.

    `starts_a_team`: whether the command may make a new file (it sets a team up, or opens the
    app, whose first screen does); None asks click's context which command is running."""

    def __init__(self, db: str | None = None, *, starts_a_team: bool | None = None) -> None:
        self.db_option = db
        self.starts_a_team = starts_a_team
        self._store: Store | None = None

    @property
    def path(self) -> Path:
        from pathlib import Path  # for the commands that handle the file itself; not `add`

        return Path(database_path(self.db_option))

    def store(self) -> Store:
        if self._store is None:
            path = database_path(self.db_option)
            if not self._may_start_a_team() and not os.path.lexists(os.path.expanduser(path)):
                # A mistyped --db must not start an empty team and report its nothing.
                raise HuddleError(
                    f"no team's file at {path}: check the path, or run `huddle --db {path}`"
                    " to start a team there"
                )
            self._store = Store.open(path, clock=clock_from_env(), waiting=waiting_for(path))
        return self._store

    def _may_start_a_team(self) -> bool:
        if self.starts_a_team is not None:
            return self.starts_a_team
        from huddle.cli.common import starts_a_team  # a click command: click is loaded

        return starts_a_team()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def waiting_for(path: str | os.PathLike[str]) -> Callable[[], None]:
    """What a command says when a save waits for a file another process is saving to."""

    def say() -> None:
        print(
            f"Waiting: {path} is busy, someone else is saving (up to"
            f" {BUSY_TIMEOUT_MS // 1000} s)...",
            file=sys.stderr,
            flush=True,
        )

    return say


def read_day(store: Store, text: str, towards: Towards = Towards.NEAREST) -> date:
    """A date as typed, read in the team's date order (without a year, `towards` today's
    past, future or nearest)."""
    return parse_day(text, store.today(), store.team.get().date_order, towards=towards)

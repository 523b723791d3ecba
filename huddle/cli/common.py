"""What every command shares: the database option, opening the store, clean errors."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, TypeVar

import click

from huddle.core.calendar import Clock, RunningClock, SystemClock, Towards, parse_day
from huddle.core.models import HuddleError
from huddle.core.store import Store
from huddle.core.store.db import BUSY_TIMEOUT_MS
from huddle.paths import database_path

if TYPE_CHECKING:
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])

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


class HuddleGroup(click.Group):
    """A click group that shows a user's mistake as one line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HuddleError as error:
            raise click.ClickException(str(error)) from None
        except sqlite3.Error as error:  # a problem with the file the store did not foresee
            raise click.ClickException(f"the database said: {error}") from None
        except OSError as error:  # mostly the output: a full disk, a pipe closed early
            _quiet_stdout()
            if isinstance(error, BrokenPipeError):  # `huddle export | head`: nothing to say
                ctx.exit(1)
            raise click.ClickException(f"can't write: {error.strerror or error}") from None


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
    """The options of the `huddle` group, and the store once a command opens it."""

    def __init__(self, db: str | None = None) -> None:
        self.db_option = db
        self._store: Store | None = None

    @property
    def path(self) -> Path:
        from pathlib import Path  # for the commands that handle the file itself; not `add`

        return Path(database_path(self.db_option))

    def store(self) -> Store:
        if self._store is None:
            path = database_path(self.db_option)
            if not _starts_a_team() and not os.path.lexists(os.path.expanduser(path)):
                # A mistyped --db must not start an empty team and report its nothing.
                raise HuddleError(
                    f"no team's file at {path}: check the path, or run `huddle --db {path}`"
                    " to start a team there"
                )
            self._store = Store.open(path, clock=clock_from_env(), waiting=waiting_for(path))
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def waiting_for(path: str | os.PathLike[str]) -> Callable[[], None]:
    """What a command says when a save waits for a file another process is saving to."""

    def say() -> None:
        click.echo(
            f"Waiting: {path} is busy, someone else is saving (up to"
            f" {BUSY_TIMEOUT_MS // 1000} s)...",
            err=True,
        )

    return say


pass_state = click.make_pass_decorator(State)

STARTS_A_TEAM = frozenset({"team", "serve", "board", "manage"})
"""The commands that may make a new file (with the app itself): they set a team up, or open
the app, whose first screen does. The others need a team's file to be there."""


def _starts_a_team() -> bool:
    context = click.get_current_context(silent=True)
    if context is None or context.parent is None:
        return True  # the app itself (no command)
    while context.parent is not None and context.parent.parent is not None:
        context = context.parent  # `huddle team add`: `team`
    return context.info_name in STARTS_A_TEAM


def needs_a_terminal() -> None:
    """The full-screen app draws on a terminal: into a pipe or a file (`huddle board | tail`,
    a cron job) it would draw for ever at full speed, so it is refused in one line."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise HuddleError(
            "the app needs a terminal to draw on; its output goes to a pipe or a file"
        )


def open_app(state: State, *, served: bool = False, first_screen: Any = None) -> None:
    """Open the full-screen app on the team's file (`served`: for one browser session, whose
    screen is the browser's; `first_screen`: the screen it opens on, else home)."""
    store = state.store()  # a file that can't be opened is said first, terminal or not
    if not served:
        needs_a_terminal()
    from huddle.ui.app import HuddleApp  # here, so shell commands never load Textual

    HuddleApp(store, served=served, first_screen=first_screen).run()


def db_option(command: F) -> F:
    """`--db PATH` on a subcommand too, so `huddle demo --db x.db` reads naturally."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            ctx.ensure_object(State).db_option = value

    return click.option(
        "--db",
        "db",
        type=click.Path(),
        expose_value=False,
        callback=remember,
        help="The team's database file (else $HUDDLE_DB, else your data folder).",
    )(command)


def read_day(store: Store, text: str, towards: Towards = Towards.NEAREST) -> date:
    """A date as typed, read in the team's date order (without a year, `towards` today's
    past, future or nearest)."""
    return parse_day(text, store.today(), store.team.get().date_order, towards=towards)


def _complete(
    ctx: click.Context, incomplete: str, names: Callable[[Store], list[str]]
) -> list[str]:
    """Shell completion from the database the command would open; silent when it can't."""
    state = ctx.find_object(State)
    try:
        store = Store.open(database_path(state.db_option if state else None))
    except (HuddleError, OSError):
        return []
    try:
        found = names(store)
    finally:
        store.close()
    return [name for name in found if name.casefold().startswith(incomplete.casefold())]


def complete_member(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda store: [m.name for m in store.members.all()])


def complete_goal(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda store: [g.title for g in store.goals.all()])


def complete_day_measure(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda store: [m.name for m in store.day_status.measures()])

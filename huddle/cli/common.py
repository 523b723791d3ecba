"""What every click command shares: the database option, completion, clean errors. The
parts that need no click (the state, today's date, error lines) are in huddle.cli.state."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from huddle.cli.state import State, clock_from_env, error_line, read_day, waiting_for
from huddle.core.models import HuddleError
from huddle.core.store import Store
from huddle.paths import database_path

F = TypeVar("F", bound=Callable[..., Any])


class HuddleGroup(click.Group):
    """A click group that shows a user's mistake as one line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (HuddleError, OSError, sqlite3.Error) as error:
            line = error_line(error)
            if line is None:  # `huddle export | head`: nothing to say
                ctx.exit(1)
            raise click.ClickException(line) from None


pass_state = click.make_pass_decorator(State)

STARTS_A_TEAM = frozenset({"team", "serve", "board", "manage"})
"""The commands that may make a new file (with the app itself): they set a team up, or open
the app, whose first screen does. The others need a team's file to be there."""


def starts_a_team() -> bool:
    """Whether the running command may make a new file (see STARTS_A_TEAM)."""
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


__all__ = [  # State, clock_from_env, read_day, waiting_for: from huddle.cli.state, shared here
    "F",
    "HuddleGroup",
    "State",
    "clock_from_env",
    "complete_day_measure",
    "complete_goal",
    "complete_member",
    "db_option",
    "needs_a_terminal",
    "open_app",
    "pass_state",
    "read_day",
    "starts_a_team",
    "waiting_for",
]

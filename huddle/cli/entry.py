"""Where the `huddle` command starts. `huddle add TEXT` with its usual options, the command
practitioners run many times a day, is read here and run at once, without loading click (a
third of its start-up, issue 12); every other command line, and anything unusual in this
one (help, a repeated option, a value starting with -), goes to the click group, which
parses it as it always has. A test keeps both readings of `add` the same.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from typing import NamedTuple

ADD_OPTIONS = {"--who": "who", "--goal": "goal", "--for": "for_day", "--from": "source"}
"""`huddle add`'s options that take a value, by their names on the command line (and --db)."""

COMPLETING = "_HUDDLE_COMPLETE"
"""Set by the shell while it completes a word: click answers."""


class QuickAdd(NamedTuple):
    """`huddle [--db PATH] add TEXT [--who NAME] [--goal GOAL] [--for DATE] [--from SOURCE]`."""

    text: str
    db: str | None = None
    who: str | None = None
    goal: str | None = None
    for_day: str | None = None
    source: str | None = None


def read_quick_add(args: list[str]) -> QuickAdd | None:
    """The command line as a QuickAdd when it is plainly `huddle add TEXT` with options
    given once, each with a value not starting with -; else None (click reads it)."""
    given: dict[str, str] = {}
    text: str | None = None
    at = 0
    while at < len(args) and args[at] != "add":  # the group's own options: only --db
        option = _option(args, at, given, {"--db": "group_db"})
        if option is None:
            return None
        at = option
    if at == len(args):
        return None
    at += 1
    while at < len(args):
        if args[at].startswith("-"):
            option = _option(args, at, given, {**ADD_OPTIONS, "--db": "db"})
            if option is None:
                return None
            at = option
        elif text is None:
            text = args[at]
            at += 1
        else:
            return None  # a second TEXT: click says what is wrong
    if text is None:
        return None  # the form opens: click and Textual are loaded anyway
    group_db = given.pop("group_db", None)
    return QuickAdd(text, given.pop("db", None) or group_db, **given)  # add's --db wins


def _option(args: list[str], at: int, given: dict[str, str], known: dict[str, str]) -> int | None:
    """Read `--name VALUE` or `--name=VALUE` at `at` into `given`; where the next argument
    starts, or None when the option is unknown, repeated, or its value empty or an option."""
    name, equals, value = args[at].partition("=")
    if name not in known or known[name] in given:
        return None
    if not equals:
        if at + 1 == len(args):
            return None
        value = args[at + 1]
        at += 1
    if not value or value.startswith("-"):
        return None
    given[known[name]] = value
    return at + 1


def run_quick_add(quick: QuickAdd) -> int:
    """Save the line and say so, as the click command would: the exit code."""
    from huddle.cli.adding import add_line
    from huddle.cli.state import State, error_line
    from huddle.core.models import HuddleError

    state = State(quick.db, starts_a_team=False)
    try:
        try:
            said = add_line(
                state,
                quick.text,
                who=quick.who,
                goal=quick.goal,
                for_day=quick.for_day,
                source=quick.source,
            )
            print(said, flush=True)
        finally:
            state.close()
    except (HuddleError, OSError, sqlite3.Error) as error:
        line = error_line(error)
        if line is not None:
            print(f"Error: {line}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr, flush=True)  # as click says it
        return 1
    return 0


def main() -> None:
    """The `huddle` command (and `python -m huddle`)."""
    quick = None if COMPLETING in os.environ else read_quick_add(sys.argv[1:])
    if quick is not None:
        sys.exit(run_quick_add(quick))
    from huddle.cli.group import main as huddle

    huddle()

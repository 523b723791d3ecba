"""`huddle add TEXT`, the command practitioners run most, as plain functions: the click
command (huddle.cli.steps) and the quick start without click (huddle.cli.entry) both call
`add_line`, so a line means the same whichever way it came in."""

from __future__ import annotations

from datetime import date

from huddle.cli.state import State, read_day
from huddle.config import remembered_who
from huddle.core.calendar import Towards, format_day
from huddle.core.entries import describe_saved, resolve_entry, save_entry
from huddle.core.models import HuddleError
from huddle.core.shorthand import parse_entry, read_from
from huddle.core.store import Store

NOBODY = (
    "who are you? Add --who NAME (or @name first or last in the line), "
    "or tell Huddle once with: huddle whoami NAME"
)


def huddle_day(store: Store, typed: str) -> date:
    """The day typed for --for, refused when it is not a huddle day, or has gone by (no
    huddle would ever look back on a step planned for it)."""
    day = read_day(store, typed, Towards.FUTURE)
    if day < store.today():
        raise HuddleError(
            f"{format_day(day, store.today())} has gone by:"
            " a step is for the coming huddle or a huddle day after it"
        )
    calendar = store.calendar()
    if not calendar.is_huddle_day(day):
        nearest = format_day(calendar.next_huddle_day(day), store.today())
        raise HuddleError(
            f"{format_day(day, store.today())} is not a huddle day; the next one is {nearest}"
        )
    return day


def add_line(
    state: State,
    text: str,
    *,
    who: str | None = None,
    goal: str | None = None,
    for_day: str | None = None,
    source: str | None = None,
) -> str:
    """Save a typed line (a step, or with ! a blocker, with !! an idea) and say what was
    saved, in one line. Raises HuddleError with what to do instead."""
    store = state.store()
    remembered = remembered_who(who)
    entry = parse_entry(text)
    if entry.is_blocker and for_day:
        raise HuddleError("a blocker is raised today; --for is only for steps")
    if entry.is_idea and for_day:
        raise HuddleError("an idea is noted today; --for is only for steps")
    day = huddle_day(store, for_day) if for_day else None
    resolved = resolve_entry(
        store,
        entry,
        who=remembered[0] if remembered else None,
        goal=goal,
        nobody=NOBODY,
        source=read_from(source) if source else None,
    )
    return describe_saved(save_entry(store, resolved, day=day), store.today())

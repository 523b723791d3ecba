"""`huddle add` and `huddle block`: a practitioner's step or blocker from a shell."""

from __future__ import annotations

import click

from huddle.cli.common import State, complete_goal, complete_member, db_option, pass_state, read_day
from huddle.core.calendar import format_day
from huddle.core.models import HuddleError


@click.command()
@click.argument("text")
@click.option(
    "--who", required=True, shell_complete=complete_member, help="Whose step (a name or its start)."
)
@click.option(
    "--goal", shell_complete=complete_goal, help="The team goal it serves (a title or its start)."
)
@click.option(
    "--for",
    "for_day",
    metavar="DATE",
    help='The huddle day, e.g. "tomorrow", "fri", "1/12". Default: the coming huddle.',
)
@db_option
@pass_state
def add(state: State, text: str, who: str, goal: str | None, for_day: str | None) -> None:
    """Add your small step for the coming huddle.

    \b
    Example:
      huddle add "Prepare the visit questions the day before" --who ann --goal wait
    """
    store = state.store()
    member = store.members.find(who)
    linked = store.goals.find(goal) if goal else None
    if for_day:
        day = read_day(store, for_day)
        calendar = store.calendar()
        if not calendar.is_huddle_day(day):
            nearest = format_day(calendar.next_huddle_day(day), store.today())
            raise HuddleError(
                f"{format_day(day, store.today())} is not a huddle day; the next one is {nearest}"
            )
    else:
        day = store.coming_huddle_day()
    step = store.steps.add(member, text, day, goal=linked)
    goal_note = f" (goal: {step.goal_title})" if step.goal_title else ""
    click.echo(f"Added for {format_day(day, store.today())}, {member.name}: {step.text}{goal_note}")


@click.command()
@click.argument("text")
@click.option("--who", required=True, shell_complete=complete_member, help="Who raises it.")
@click.option("--category", help="e.g. forms, computer systems, process, oversight.")
@db_option
@pass_state
def block(state: State, text: str, who: str, category: str | None) -> None:
    """Raise a blocker: what stops a step. It stays open until it is resolved.

    \b
    Example:
      huddle block "The referral form asks for the NHS number twice" --who sam
    """
    store = state.store()
    member = store.members.find(who)
    blocker = store.blockers.raise_blocker(member, text, category=category)
    click.echo(f"Blocker {blocker.short_id} raised by {member.name}: {blocker.text}")

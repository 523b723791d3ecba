"""`huddle goals ...`: the team's long-term goals from a shell: list them with their small
steps and done rate, edit one, mark one achieved or retire it. A goal is named by the start
of a word of its title, as everywhere (`huddle goals edit wait --target 31/3/2027`).
A goal is added with `huddle team goal TITLE`."""

from __future__ import annotations

import json

import click

from huddle.cli.common import HuddleGroup, State, complete_goal, db_option, pass_state, read_day
from huddle.core.calendar import Towards
from huddle.core.goals import find_any_goal, goal_totals, goals_as_json, goals_as_text
from huddle.core.models import GoalStatus


@click.group(cls=HuddleGroup, invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@db_option
@click.pass_context
def goals(ctx: click.Context, as_json: bool) -> None:
    """The team's long-term goals: each with its small steps in all and its done rate.

    \b
    With --json, one object:
      {"goals": [{"id", "title", "status", "why", "how_we_know", "target_date",
                  "steps", "taken", "done_rate", "learning_lines"}],
       "no_goal": {"steps", "taken", "done_rate", "learning_lines"}}
    "status" is active, achieved or retired; "target_date" is YYYY-MM-DD or null;
    "done_rate" is from 0 to 1 (null before any step was looked back on). A step counts
    again on each huddle day it is planned for, as on the Trends screen.

    \b
    Examples:
      huddle goals
      huddle team goal "Fewer forms" --why "We write the same thing twice"
      huddle goals edit forms --target 31/3/2027
      huddle goals achieved forms
    """
    if ctx.invoked_subcommand is not None:
        if as_json:
            raise click.UsageError("--json lists the goals; it goes without a command")
        return
    state = ctx.find_object(State)
    assert state is not None  # noqa: S101 narrows the type; no check relies on it
    found = goal_totals(state.store())
    if as_json:
        click.echo(json.dumps(goals_as_json(found), indent=2, ensure_ascii=False))
    else:
        click.echo(goals_as_text(found))


@goals.command()
@click.argument("goal", shell_complete=complete_goal)
@click.option("--title", help="What the team aims for.")
@click.option("--why", help="Why it matters.")
@click.option("--how", "how_we_know", help="How the team will know it is getting there.")
@click.option("--target", metavar="DATE", help="When the team aims to get there; none clears it.")
@db_option
@pass_state
def edit(
    state: State,
    goal: str,
    title: str | None,
    why: str | None,
    how_we_know: str | None,
    target: str | None,
) -> None:
    """Change what a goal says; only what is given changes, and its steps stay linked.

    \b
    Example:
      huddle goals edit wait --how "The median wait is under 14 days" --target 31/3/2027
    """
    if title is None and why is None and how_we_know is None and target is None:
        raise click.UsageError("say what to change: --title, --why, --how or --target")
    store = state.store()
    found = find_any_goal(store, goal)
    if target is None:
        target_date = found.target_date
    elif target.strip().lower() in ("", "none"):
        target_date = None
    else:
        target_date = read_day(store, target, Towards.FUTURE)
    edited = store.goals.edit(
        found,
        found.title if title is None else title,
        why=found.why if why is None else why,
        how_we_know=found.how_we_know if how_we_know is None else how_we_know,
        target_date=target_date,
    )
    click.echo(f"Saved the goal: {edited.title}")


def _set_status(state: State, goal: str, status: GoalStatus, undo: bool) -> None:
    store = state.store()
    found = find_any_goal(store, goal)
    wanted = GoalStatus.ACTIVE if undo else status
    if found.status is wanted:
        click.echo(f"{found.title} is already {wanted.value}")
        return
    if undo and found.status is not status:
        raise click.ClickException(f"{found.title} is {found.status.value}, not {status.value}")
    changed = store.goals.set_status(found, wanted)
    if undo:
        click.echo(f"{changed.title} is active again")
    elif status is GoalStatus.ACHIEVED:
        click.echo(f"Achieved: {changed.title}. Its steps keep their link.")
    else:
        click.echo(f"Retired: {changed.title}. Its steps keep their link.")


@goals.command()
@click.argument("goal", shell_complete=complete_goal)
@click.option("--undo", is_flag=True, help="Make a retired goal active again.")
@db_option
@pass_state
def retire(state: State, goal: str, undo: bool) -> None:
    """Retire a goal the team no longer works towards; it leaves the huddle's choices,
    its history stays."""
    _set_status(state, goal, GoalStatus.RETIRED, undo)


@goals.command()
@click.argument("goal", shell_complete=complete_goal)
@click.option("--undo", is_flag=True, help="Make it active again.")
@db_option
@pass_state
def achieved(state: State, goal: str, undo: bool) -> None:
    """Mark a goal achieved: the team got there. It leaves the huddle's choices."""
    _set_status(state, goal, GoalStatus.ACHIEVED, undo)

"""`huddle demo`: a realistic demo team with months of history, to try Huddle out."""

from __future__ import annotations

import click

from huddle.cli.common import State, clock_from_env, db_option, open_app, pass_state
from huddle.core.calendar import today
from huddle.core.models import HuddleError


@click.command()
@click.option("--no-open", is_flag=True, help="Only write the file; don't open the app.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@db_option
@pass_state
def demo(state: State, no_open: bool, force: bool) -> None:
    """Create a demo team (an adult social care assessment team) and open it.

    \b
    Example:
      huddle demo --db /tmp/demo.db
    """
    from huddle.core.demo import create_demo_file

    path = state.path
    if path.exists() and not force:
        raise HuddleError(f"{path} exists; use --force to replace it, or --db to pick another file")
    if force:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    click.echo(f"Writing the demo team to {path} ...", err=True)
    summary = create_demo_file(path, today(clock_from_env()))
    click.echo(
        f"Demo team ready: {summary.members} members, {summary.goals} goals, "
        f"{summary.huddle_days} huddle days, {summary.steps} steps, {summary.blockers} blockers."
    )
    if not no_open:
        open_app(state)

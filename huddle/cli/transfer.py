"""`huddle export` and `huddle import`: the whole team as JSON, and back into a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from huddle.cli.common import State, clock_from_env, db_option, pass_state, waiting_for
from huddle.core.text import plural


@click.command("export")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="The export's format.",
)
@click.option(
    "--out",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write to FILE (readable by you alone), not the screen.",
)
@db_option
@pass_state
def export(state: State, format_: str, out: str | None) -> None:
    """Write the whole team as JSON: members, goals, steps, blockers with their history,
    huddles, attendance, PDSA cycles, and the pulse's weekly team averages, sums and
    counts (never one person's answers). The shape is in docs/export-format.md;
    `huddle import` reads it back.

    \b
    Examples:
      huddle export --out team.json
      huddle export | jq '.tables.steps.rows | length'
    """
    from huddle.core.export import write_export
    from huddle.core.files import private_output

    store = state.store()
    if out is None:
        write_export(store, sys.stdout)
        return
    with private_output(out) as stream:
        counts = write_export(store, stream)
    click.echo(
        f"Exported {plural(counts['members'], 'member')}, {plural(counts['steps'], 'step')}"
        f" and {plural(counts['blockers'], 'blocker')} to {out}",
        err=True,
    )


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--merge",
    is_flag=True,
    help="Into a file that already has a team: add only what is not there yet (by id).",
)
@db_option
@pass_state
def import_(state: State, file: Path, merge: bool) -> None:
    """Put a team exported by `huddle export` into the team's file (--db), ids and all.

    The file must be new or empty, unless --merge: then rows already there are kept as
    they are and only the missing ones are added, so importing twice adds nothing. A bad
    export changes nothing.

    \b
    Examples:
      huddle import team.json --db restored.db
      huddle import other-laptop.json --merge
    """
    from huddle.core.import_ import import_file

    result = import_file(
        file, state.path, merge=merge, clock=clock_from_env(), waiting=waiting_for(state.path)
    )
    added = result.loaded.added
    total = sum(added.values())
    there = sum(result.loaded.already_there.values())
    also = f" ({there} already there)" if merge else ""
    click.echo(
        f"Imported {plural(added.get('members', 0), 'member')},"
        f" {plural(added.get('steps', 0), 'step')}"
        f" and {plural(added.get('blockers', 0), 'blocker')}"
        f" ({plural(total, 'row')} in all){also} into {state.path}"
    )
    for note in result.loaded.notes:
        click.echo(note)

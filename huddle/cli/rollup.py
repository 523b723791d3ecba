"""`huddle rollup`: many teams' files side by side, for a service manager."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from huddle.cli.common import clock_from_env

if TYPE_CHECKING:
    from huddle.core.rollup import Unread


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["md", "json"]),
    help="Print the roll-up (Markdown or JSON) instead of opening the service view.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option("--last-week", is_flag=True, help="Count last week's steps, not this week's so far.")
def rollup(files: tuple[Path, ...], format_: str | None, as_json: bool, last_week: bool) -> None:
    """Every team side by side, from their files, read-only: steps this week, done rate,
    streak, blockers and answers waiting, and what comes back across teams. A folder stands
    for every Huddle file in it. The files are never changed.

    \b
    Example:
      huddle rollup teams/                      # the service view
      huddle rollup north.db south.db --format md > week.md
    """
    from huddle.core.rollup import rollup as read_all
    from huddle.core.rollup import team_files

    paths = team_files(files)
    if not paths:
        raise click.ClickException("no .db files in " + ", ".join(str(f) for f in files))
    clock = clock_from_env()
    found = read_all(paths, clock, last_week=last_week)
    format_ = "json" if as_json else format_
    if format_ is None:
        if not found.teams:
            _say_unread(found.unread)
            raise click.ClickException("no team's file could be read")
        from huddle.ui.service import run_service_view

        run_service_view(paths, clock, last_week=last_week)
        return
    from huddle.core.rollup_report import as_json as json_text
    from huddle.core.rollup_report import as_markdown

    click.echo(json_text(found) if format_ == "json" else as_markdown(found), nl=False)
    if format_ == "json":
        click.echo("")
    _say_unread(found.unread)
    if not found.teams:
        raise click.ClickException("no team's file could be read")


def _say_unread(unread: Iterable[Unread]) -> None:
    for item in unread:
        click.echo(f"not read: {item.reason}", err=True)

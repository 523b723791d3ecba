"""`huddle rollup`: many teams' files side by side, for a service manager."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from huddle.cli.common import clock_from_env

if TYPE_CHECKING:
    from huddle.core.rollup import Rollup, Unread


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["md", "json", "text", "email"]),
    help="Print the roll-up (md, json, text, or email: a message for a mail program, with"
    " --out F.eml) instead of opening the service view.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option("--to", metavar="ADDR", help="Who the email is for: pat@example.org.")
@click.option(
    "--out", metavar="FILE", type=click.Path(dir_okay=False), help="Write to FILE, not the screen."
)
@click.option("--last-week", is_flag=True, help="Count last week's steps, not this week's so far.")
def rollup(
    files: tuple[Path, ...],
    format_: str | None,
    as_json: bool,
    to: str | None,
    out: str | None,
    last_week: bool,
) -> None:
    """Every team side by side, from their files, read-only: steps this week, done rate,
    streak, blockers and answers waiting, and what comes back across teams. A folder stands
    for every Huddle file in it. The files are never changed. Into a pipe or a file it
    prints the Markdown.

    \b
    Example:
      huddle rollup teams/                      # the service view
      huddle rollup north.db south.db --format md > week.md
      huddle rollup teams/ --format email --to sam@example.org --out week.eml
    """
    from huddle.core.rollup import rollup as read_all
    from huddle.core.rollup import team_files

    paths = team_files(files)
    if not paths:
        raise click.ClickException("no .db files in " + ", ".join(str(f) for f in files))
    clock = clock_from_env()
    found = read_all(paths, clock, last_week=last_week)
    format_ = "json" if as_json else format_
    if to and format_ != "email":
        raise click.UsageError("--to is for --format email")
    if format_ is None and not out and not (sys.stdin.isatty() and sys.stdout.isatty()):
        format_ = "md"  # into a pipe or a file: the service view can't be drawn there
    if format_ is None:
        if out:
            raise click.UsageError("--out needs a --format")
        if not found.teams:
            _say_unread(found.unread)
            raise click.ClickException("no team's file could be read")
        from huddle.ui.service import run_service_view

        run_service_view(paths, clock, last_week=last_week)
        return
    text = _render(found, format_, to)
    _say_unread(found.unread)
    if not found.teams:
        raise click.ClickException("no team's file could be read")
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from huddle.core.files import private_output

    with private_output(out) as written:
        written.write(text)
    click.echo(f"Service view of {len(found.teams)} teams written to {out}")


def _render(found: Rollup, format_: str, to: str | None) -> str:
    if format_ in ("text", "email"):
        from huddle.core.digest.as_email import letter_email, letter_text
        from huddle.core.rollup_letter import service_letter

        letter = service_letter(found)
        if format_ == "text":
            return letter_text(letter)
        return letter_email(letter, made_on=found.today, to=to)
    from huddle.core.rollup_report import as_json, as_markdown

    return as_json(found) + "\n" if format_ == "json" else as_markdown(found)


def _say_unread(unread: Iterable[Unread]) -> None:
    for item in unread:
        click.echo(f"not read: {item.reason}", err=True)

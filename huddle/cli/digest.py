"""`huddle digest`: what management needs to know about a period, as Markdown, CSV or JSON."""

from __future__ import annotations

import click

from huddle.cli.common import State, db_option, pass_state
from huddle.core.digest import FORMATS, build_digest, format_for, read_period, write_digest


@click.command()
@click.option("--since", metavar="DATE", help="First day, e.g. 'last monday', '1/11'.")
@click.option("--until", metavar="DATE", help="Last day (default today).")
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    help="md (for an email), csv (for a spreadsheet) or json. Default: from --out, else md.",
)
@click.option(
    "--out", metavar="FILE", type=click.Path(dir_okay=False), help="Write to FILE, not the screen."
)
@click.option(
    "--no-names", is_flag=True, help="Leave out every person's name, and what they are called."
)
@db_option
@pass_state
def digest(
    state: State,
    since: str | None,
    until: str | None,
    format_: str | None,
    out: str | None,
    no_names: bool,
) -> None:
    """The digest for management: blockers sent up and still open, answers given,
    blockers resolved, steps done and what was learned, steps per goal, attendance.

    The period starts the day after the last digest's, or a week ago; both days are
    included. The JSON shape is in docs/digest.md.

    \b
    Examples:
      huddle digest --out week.md
      huddle digest --since 1/11 --until 30/11 --format csv --out november.csv
      huddle digest --format json --no-names
    """
    store = state.store()
    first, last = read_period(store, since, until)
    fmt = format_for(out, format_)
    made = build_digest(store, first, last, names=not no_names)
    text = write_digest(store, made, fmt, out)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        click.echo(f"Digest for {first:%a %d %b} to {last:%a %d %b %Y} written to {out}")

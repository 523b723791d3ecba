"""`huddle digest`: what management needs to know about a period, as Markdown, CSV, JSON,
or an email."""

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
    help="md, csv (for a spreadsheet), json, email (a message to open in a mail program:"
    " --out F.eml) or text (the email's words). Default: from --out, else md.",
)
@click.option("--to", metavar="ADDR", help="Who the email is for: pat@example.org.")
@click.option(
    "--attendance-names",
    is_flag=True,
    help="In the email and text: each person's attendance, not only the team's total.",
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
    to: str | None,
    attendance_names: bool,
) -> None:
    """The digest for management: blockers sent up and still open, answers given,
    blockers resolved, steps done and what was learned, steps per goal, attendance.

    The period starts the day after the last digest's, or a week ago; both days are
    included. The JSON shape is in docs/digest.md.

    The email reads in a manager's order: waiting for you (oldest first, with the tier and
    the days waiting), answered and for the team to close, what the team did, what is
    coming back, and attendance as the team's total.

    \b
    Examples:
      huddle digest --out week.md
      huddle digest --format email --to pat@example.org --out week.eml
      huddle digest --since 1/11 --until 30/11 --format csv --out november.csv
      huddle digest --format json --no-names
    """
    store = state.store()
    first, last = read_period(store, since, until)
    fmt = format_for(out, format_)
    made = build_digest(store, first, last, names=not no_names)
    if to and fmt != "email":
        raise click.UsageError("--to is for --format email")
    text = write_digest(store, made, fmt, out, to=to, attendance_names=attendance_names)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        click.echo(
            f"Digest for {first:%a} {first.day} {first:%b} to {last:%a} {last.day} {last:%b %Y}"
            f" written to {out}"
        )

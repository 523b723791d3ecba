"""`huddle day-status` (the colour of a day on a measure tracked daily) and `huddle board`."""

from __future__ import annotations

import click

from huddle.cli.common import (
    State,
    complete_day_measure,
    db_option,
    open_app,
    pass_state,
    read_day,
)
from huddle.core.calendar import Towards, format_date
from huddle.core.day_status import DayStrip, month_strips, set_day_status
from huddle.core.models import DayColor

_LETTER = {DayColor.GREEN: "G", DayColor.AMBER: "A", DayColor.RED: "R"}


def strip_lines(strip: DayStrip) -> list[str]:
    """The month as two lines of text: day numbers, then G/A/R (or '.' when not set)."""
    numbers = " ".join(f"{d.day:>2}" for d, _ in strip.days)
    colors = " ".join(f"{_LETTER[c] if c else '.':>2}" for _, c in strip.days)
    return [numbers, colors]


@click.command("day-status")
@click.argument("measure", required=False, shell_complete=complete_day_measure)
@click.argument("color", required=False)
@click.option("--on", "on", metavar="DATE", help="The day (default: today).")
@db_option
@pass_state
def day_status(state: State, measure: str | None, color: str | None, on: str | None) -> None:
    """Give a day a colour on a measure the team tracks daily (the board's "safety
    cross"): green, amber or red (or clear). With no MEASURE, shows this month.

    \b
    Examples:
      huddle day-status "missed visits" green
      huddle day-status missed red --on yesterday
      huddle team track "urgent referrals"
    """
    store = state.store()
    day = read_day(store, on, Towards.PAST) if on else store.today()
    if measure is None:
        strips = month_strips(store, day)
        if not strips:
            click.echo('No measures are tracked daily yet: huddle team track "missed visits"')
            return
        click.echo(f"Day status, {day:%B %Y} (G green, A amber, R red, . not set):")
        for strip in strips:
            click.echo(f"\n{strip.measure.name}")
            for line in strip_lines(strip):
                click.echo(f"  {line}")
        return
    if color is None:
        raise click.UsageError("say the colour: green, amber, red or clear")
    strip = set_day_status(store, measure, color, day)
    said = next(c for d, c in strip.days if d == day)
    click.echo(
        f"{strip.measure.name}: {format_date(day, '%a %d %b')}"
        f" is {said.value if said else 'not set'}"
        f" ({strip.count(DayColor.GREEN)} green, {strip.count(DayColor.AMBER)} amber,"
        f" {strip.count(DayColor.RED)} red in {day:%B})"
    )


@click.command()
@db_option
@pass_state
def board(state: State) -> None:
    """Open the app on the board: the wall between huddles. Its panels (today's steps,
    blockers by where they stand, goals, the week's wins, day status) take turns every
    `huddle team board-seconds` (20); the arrows stay on one."""
    from huddle.ui.screens.board import BoardScreen

    open_app(state, first_screen=BoardScreen)

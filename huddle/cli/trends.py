"""`huddle trends`: the numbers of the Trends screen, for a shell or a script."""

from __future__ import annotations

import json

import click

from huddle.cli.common import State, db_option, pass_state
from huddle.core.calendar import Period, format_day
from huddle.core.impact import impact_sentence
from huddle.core.trends import (
    METRICS,
    compute_trends,
    format_value,
    so_far_label,
    trends_as_dict,
)


@click.command()
@click.option(
    "--period",
    type=click.Choice([p.value for p in Period]),
    default=Period.WEEK.value,
    show_default=True,
    help="Count per week, month, quarter or year.",
)
@click.option(
    "--last",
    "count",
    type=click.IntRange(1, 520),
    default=6,
    show_default=True,
    help="How many periods, back from the current one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (rates from 0 to 1).")
@db_option
@pass_state
def trends(state: State, period: str, count: int, as_json: bool) -> None:
    """How the small steps add up: steps, done and carry-over rates, learning, blockers,
    attendance, co-production (ideas from people who use services and carers), what changes
    gave (minutes a week saved, visits and forms avoided) and the Kaizen pulse, per period
    (the current one last). JSON: "impact" holds the all-time totals, each period its own.

    \b
    Example:
      huddle trends --period month --last 12
      huddle trends --json | jq '.periods[-1].done_rate'
    """
    store = state.store()
    found = compute_trends(store, Period(period), count)
    if as_json:
        click.echo(json.dumps(trends_as_dict(found), indent=2))
        return
    today = store.today()
    click.echo(f"Trends per {period}, up to {format_day(today, today)} ({today.day} {today:%b %Y})")
    click.echo(
        f"Streak: {found.streak} huddle day{'s' * (found.streak != 1)} held in a row."
        f"  Small steps taken in all: {found.total_taken:,}."
    )
    if found.impact.changes:
        click.echo(f"What the changes gave: {impact_sentence(found.impact)}.")
    heads = [p.short_label if found.period is Period.WEEK else p.label for p in found.periods]
    shown = list(found.periods)
    if found.so_far is not None:  # like with like: the same days of the period before
        heads.append("before*")
        shown.append(found.so_far.before)
    width = max(8, *(len(h) for h in heads))
    label_width = max(len(m.label) for m in METRICS)
    click.echo("")
    click.echo(" " * label_width + "".join(f" {h:>{width}}" for h in heads))
    for metric in METRICS:
        cells = "".join(f" {format_value(metric.value(p), metric.kind):>{width}}" for p in shown)
        click.echo(f"{metric.label:<{label_width}}{cells}")
    if found.so_far is not None:
        so_far = found.so_far
        before = so_far_label(found.period, so_far.before.start, so_far.before_last)
        click.echo(
            f"\n* The last {period} is {so_far.label}; before* counts the same days of the"
            f" {period} before it: {before.removeprefix('so far: ')}."
        )

"""`huddle measure ...`: a goal's measures from a shell: add one, record its values, read
its run chart in words or as JSON. A goal and a measure are named by the start of a word,
as everywhere (`huddle measure record wait weeks 6.5`)."""

from __future__ import annotations

import json

import click

from huddle.cli.common import HuddleGroup, State, complete_goal, db_option, pass_state, read_day
from huddle.core.calendar import Towards, weekly_day
from huddle.core.goals import find_any_goal
from huddle.core.measure_chart import chart_as_json, chart_as_text, chart_of
from huddle.core.measures import DEFAULT_BASELINE, Better, read_value, recorded_words


@click.group(cls=HuddleGroup)
def measure() -> None:
    """A goal's measures, each read as a run chart: the median of its first values (the
    baseline), then the IHI run-chart rules (shift, trend, runs, astronomical point).

    \b
    Examples:
      huddle measure add wait "Weeks to first visit" --unit weeks --better lower --target 4
      huddle measure record wait weeks 6.5 --on 30/11
      huddle measure show wait
      huddle measure day mon
    """


@measure.command()
@click.argument("goal", shell_complete=complete_goal)
@click.argument("name")
@click.option("--unit", required=True, help="What it is counted in: weeks, %, visits.")
@click.option(
    "--better",
    type=click.Choice([b.value for b in Better]),
    required=True,
    help="Which way is an improvement.",
)
@click.option("--target", metavar="X", help="Where the team aims to get to.")
@click.option(
    "--baseline",
    type=int,
    default=DEFAULT_BASELINE,
    show_default=True,
    help="How many first values the median is taken from, before it is frozen.",
)
@db_option
@pass_state
def add(
    state: State, goal: str, name: str, unit: str, better: str, target: str | None, baseline: int
) -> None:
    """Add a measure to a goal."""
    store = state.store()
    found = find_any_goal(store, goal)
    made = store.measures.add(
        found,
        name,
        unit=unit,
        better=Better(better),
        baseline_points=baseline,
        target=read_value(target, unit) if target is not None else None,
    )
    click.echo(f"Added the measure {made.name} to {found.title}")


@measure.command(context_settings={"ignore_unknown_options": True})  # -0.5 is a value
@click.argument("goal", shell_complete=complete_goal)
@click.argument("name", metavar="MEASURE")
@click.argument("value")
@click.option("--on", "on", metavar="DATE", help="The day it is for (default today).")
@db_option
@pass_state
def record(state: State, goal: str, name: str, value: str, on: str | None) -> None:
    """Record a measure's value for a day (weekly or daily values); a day already recorded
    gets the new value."""
    store = state.store()
    found = store.measures.find(find_any_goal(store, goal), name)
    number = read_value(value, found.unit)
    day = read_day(store, on, Towards.PAST) if on else store.today()
    before = store.measures.record(found, day, number)
    click.echo(recorded_words(found, day, number, before))


@measure.command()
@click.argument("goal", shell_complete=complete_goal)
@click.argument("name", metavar="[MEASURE]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@db_option
@pass_state
def show(state: State, goal: str, name: str | None, as_json: bool) -> None:
    """A goal's measures (or one): the values, the median and what the rules read.

    \b
    With --json, one object:
      {"goal", "measures": [{"name", "unit", "better", "target", "baseline_points",
        "median", "median_frozen", "points": [{"n", "day", "value"}],
        "changes": [{"day", "change"}], "runs": {"runs", "useful", "lower", "upper"},
        "signals": {"shift": [...], "trend": [...], "runs": [...], "astronomical": [...]}}]}
    Each signal is {"from", "to", "first_day", "last_day", "direction", "points",
    "better"}: points n "from" to "to" (1 is the first value); "direction" is up or down
    (runs: "too few" or "too many", with "points" the runs counted); "better" is true or
    false (null for runs). "median" is of the first baseline_points values (all of them
    until there are that many); "lower" and "upper" are null under 10 points off the median.
    """
    store = state.store()
    found = find_any_goal(store, goal)
    measures = [store.measures.find(found, name)] if name else store.measures.for_goal(found)
    charts = [chart_of(store, m) for m in measures]
    if as_json:
        shape = {"goal": found.title, "measures": [chart_as_json(c) for c in charts]}
        click.echo(json.dumps(shape, indent=2, ensure_ascii=False))
        return
    click.echo(found.title)
    if not charts:
        click.echo(f'  no measures yet: huddle measure add {goal} "NAME" --unit U --better lower')
    for chart in charts:
        click.echo(chart_as_text(chart))


@measure.command()
@click.argument("day", metavar="DAY|off")
@db_option
@pass_state
def day(state: State, day: str) -> None:
    """Ask for the week's values at Wrap-up from this weekday on (e.g. mon), or turn it off."""
    code, name = weekly_day(day)
    state.store().measures.set_measure_day(code)
    if not code:
        click.echo("Wrap-up no longer asks for measures")
        return
    click.echo(f"Wrap-up asks for the week's measures from {name}")

"""`huddle pdsa`: the team's PDSA cycles from a shell, with each one's stage and the next
sustainment check of an adopted change. Cycles are planned, studied and decided in the app
(g, then p): the steps a cycle is made of have no short id a person could type."""

from __future__ import annotations

import json

import click

from huddle.cli.common import State, complete_goal, db_option, pass_state
from huddle.core.pdsa_report import cycles_as_json, cycles_as_text, list_cycles


@click.command()
@click.option("--goal", metavar="GOAL", shell_complete=complete_goal, help="Only this goal's.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@db_option
@pass_state
def pdsa(state: State, goal: str | None, as_json: bool) -> None:
    """PDSA cycles: each change the team is trying, its stage (Plan, Do, Study, or the Act
    decision: adopt, adapt or abandon) and, once adopted, its next check that it is still
    in place (30, 60 and 90 days on). Undecided cycles first, then the newest.

    \b
    With --json, a list of objects:
      {"id", "short_id", "stage", "change", "prediction", "goal", "started_on",
       "steps": [{"id", "day", "who", "text", "status", "learning"}],
       "study", "act", "act_note", "decided_on", "adapted_from",
       "next_check": {"after_days", "due_on", "due"} or null,
       "checks": [{"after_days", "due_on", "in_place", "checked_on", "note"}]}
    "stage" is plan, do, study or act; "act" is adopt, adapt, abandon or null. Dates
    are YYYY-MM-DD; anything not yet known is null.

    \b
    Examples:
      huddle pdsa
      huddle pdsa --goal wait --json | jq '.[] | select(.next_check.due)'
    """
    store = state.store()
    chosen = store.goals.find(goal) if goal else None
    found = list_cycles(store, chosen)
    today = store.today()
    if as_json:
        click.echo(json.dumps(cycles_as_json(found, today), indent=2, ensure_ascii=False))
    else:
        click.echo(cycles_as_text(found, today))

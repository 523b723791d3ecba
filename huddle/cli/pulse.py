"""`huddle pulse`: the week's Kaizen pulse rated from one's own terminal, so nobody in
the room sees the ratings. Kept as the wrap-up keeps them: the ratings with no name, and
apart from them only that this person has answered this week."""

from __future__ import annotations

import click

from huddle.cli.common import State, complete_member, db_option, pass_state
from huddle.config import remembered_who
from huddle.core.models import HuddleError
from huddle.core.pulse import QUESTIONS, PulseAnswers, has_ratings, week_of, why_not_asked

NOBODY = "who are you? Add --who NAME, or tell Huddle once with: huddle whoami NAME"


@click.command()
@click.option(
    "--who",
    shell_complete=complete_member,
    help="Who rates (a name or its start). Default: $HUDDLE_WHO, else `huddle whoami`.",
)
@db_option
@pass_state
def pulse(state: State, who: str | None) -> None:
    """Rate this week's Kaizen pulse here, in private: five questions, each 1 to 5.

    Open from the team's pulse day to the end of that week, once each; managers are not
    asked. Enter skips a question. Only the team's averages are ever shown (huddle trends).

    \b
    Example:
      huddle pulse --who sam
    """
    store = state.store()
    remembered = remembered_who(who)
    if remembered is None:
        raise HuddleError(NOBODY)
    member = store.members.find(remembered[0])
    today = store.today()
    refused = why_not_asked(store, member, today)
    if refused:
        raise HuddleError(refused)
    click.echo(f"Kaizen pulse for {member.name}: 1 is low, 5 is high; Enter skips a question.")
    answers: PulseAnswers = {}
    for number, question in enumerate(QUESTIONS, start=1):
        click.echo(f"\n{question.name} ({number} of {len(QUESTIONS)}): {question.question}")
        click.echo(f"  1 = {question.low}   ...   5 = {question.high}")
        answers[question.factor] = _rating()
    if not has_ratings(answers):
        click.echo("\nNothing rated, nothing kept: run huddle pulse again this week to rate.")
        return
    store.pulse.record(member, week_of(today), answers)
    click.echo(
        f"\nThank you, {member.name}. Your ratings are kept without your name; only the "
        "team's averages are shown (huddle trends)."
    )


def _rating() -> int | None:
    """One rating typed at the prompt: 1 to 5, or nothing to skip; asked again otherwise."""
    while True:
        typed = str(click.prompt("  Your rating", default="", show_default=False)).strip()
        if not typed:
            return None
        if typed in {"1", "2", "3", "4", "5"}:
            return int(typed)
        click.echo("  1 to 5, or Enter to skip it")

"""`huddle add` and `huddle block`: a practitioner's step or blocker from a shell.

Both read the same shorthand as every input in the app (#goal, @name, a leading ! for a
blocker) through huddle.core.entries. `huddle add` with no text opens a small form under
the prompt; only then is Textual loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from huddle.cli.adding import NOBODY, add_line, huddle_day
from huddle.cli.common import F, State, complete_goal, complete_member, db_option, pass_state
from huddle.config import WHO_SETTING, SettingsError, remembered_who, save_setting
from huddle.core.entries import describe_saved, resolve_entry, save_entry
from huddle.core.models import HuddleError
from huddle.core.shorthand import parse_entry
from huddle.core.store import Store


def who_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--who",
        shell_complete=complete_member,
        help=f"{help_text} (a name or its start). Default: $HUDDLE_WHO, else `huddle whoami`.",
    )


@click.command()
@click.argument("text", required=False)
@who_option("Whose step")
@click.option(
    "--goal", shell_complete=complete_goal, help="The team goal it serves (a title or its start)."
)
@click.option(
    "--for",
    "for_day",
    metavar="DATE",
    help='The huddle day, e.g. "tomorrow", "fri", "1/12". Default: the coming huddle.',
)
@click.option(
    "--from",
    "source",
    metavar="SOURCE",
    help="Where the idea came from: person, carer, family, partner, manager (same as +carer).",
)
@db_option
@pass_state
def add(
    state: State,
    text: str | None,
    who: str | None,
    goal: str | None,
    for_day: str | None,
    source: str | None,
) -> None:
    """Add your small step for the coming huddle; with no TEXT, a small form opens.

    In TEXT, #goal links a goal, @name says whose step it is (for a lead typing for
    someone), +carer (+person, +family, +partner) where its idea came from, a leading ! makes
    it a blocker instead of a step, and a leading !! an idea, not yet a step.

    \b
    Examples:
      huddle whoami sam                      (once: who you are)
      huddle add "Prepare the visit questions the day before #wait"
      huddle add "Ring the carer to agree a time" --for fri
      huddle add "! The referral form asks for the NHS number twice"
      huddle add "Chase the OT report @bea"
      huddle add "Offer a call back instead of a visit +carer"
      huddle add                              (the form: Tab completes #goal, Enter saves)
    """
    if text is None:
        store = state.store()
        remembered = remembered_who(who)
        ask_in_a_form(store, remembered[0] if remembered else None, goal, for_day)
        return
    click.echo(add_line(state, text, who=who, goal=goal, for_day=for_day, source=source))


def ask_in_a_form(store: Store, who: str | None, goal: str | None, for_day: str | None) -> None:
    """`huddle add` with no text: the inline form under the prompt."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise HuddleError('no step given: huddle add "TEXT" (the form needs a terminal)')
    day = huddle_day(store, for_day) if for_day else None
    from huddle.ui.add_form import ask_for_step  # only here: `huddle add TEXT` stays fast

    added = ask_for_step(store, who=who, goal=goal, day=day)
    if added is None:
        click.echo("Nothing saved.", err=True)
        raise click.exceptions.Exit(1)
    click.echo(describe_saved(added.saved, store.today()))
    if who is None and added.typist is not None:
        try:
            save_setting(WHO_SETTING, added.typist.name)
        except SettingsError as error:
            click.echo(f"(Not remembered who you are: {error})", err=True)
            return
        click.echo(f"(Remembered: you are {added.typist.name}. Change it: huddle whoami NAME)")


@click.command()
@click.argument("text")
@who_option("Who raises it")
@click.option("--category", help="e.g. forms, computer systems, process, oversight.")
@db_option
@pass_state
def block(state: State, text: str, who: str | None, category: str | None) -> None:
    """Raise a blocker: what stops a step. It stays open until it is resolved.

    Same as `huddle add "! TEXT"`; @name in TEXT says who raises it.

    \b
    Example:
      huddle block "The referral form asks for the NHS number twice" --who sam
    """
    store = state.store()
    remembered = remembered_who(who)
    entry = parse_entry(text)
    if entry.is_idea:
        raise HuddleError("a blocker is not an idea; leave out the leading !! (or: huddle idea)")
    entry = entry._replace(is_blocker=True)
    resolved = resolve_entry(store, entry, who=remembered[0] if remembered else None, nobody=NOBODY)
    click.echo(describe_saved(save_entry(store, resolved, category=category), store.today()))

"""`huddle idea TEXT` notes an idea (not yet a step) and where it came from; `huddle ideas`
lists them and moves one between its states: new, trying (a step made from it), adopted, not
for now. An idea is named by the start of its id or of a word of its text."""

from __future__ import annotations

import json

import click

from huddle.cli.adding import NOBODY, huddle_day
from huddle.cli.common import HuddleGroup, State, complete_goal, db_option, pass_state
from huddle.cli.steps import who_option
from huddle.config import remembered_who
from huddle.core.entries import describe_saved, resolve_entry, save_entry
from huddle.core.ideas import (
    ideas_as_json,
    ideas_as_text,
    move_idea,
    moved_words,
    read_status,
    try_idea,
)
from huddle.core.impact import IMPACT_HINT, impact_words, parse_impact
from huddle.core.models import HuddleError, IdeaStatus
from huddle.core.shorthand import parse_entry, read_from

SOURCES_HELP = "Where it came from: person, carer, family, partner, manager or practitioner."


@click.command()
@click.argument("text")
@click.option("--from", "source", metavar="SOURCE", help=SOURCES_HELP)
@click.option("--goal", shell_complete=complete_goal, help="The team goal it would serve.")
@who_option("Who notes it")
@db_option
@pass_state
def idea(state: State, text: str, source: str | None, goal: str | None, who: str | None) -> None:
    """Note an idea that is not yet a step: where it came from counts (co-production).

    TEXT reads the same shorthand as `huddle add`: #goal, @name, +carer (or +person,
    +family, +partner), so `--from` and `--goal` are the same as typing them.

    \b
    Examples:
      huddle idea "A carers' drop-in before each review" --from carer --who sam
      huddle idea "Send the questions with the appointment letter +person #wait"
      huddle ideas                              (the list, and how to move one on)
    """
    store = state.store()
    remembered = remembered_who(who)
    entry = parse_entry(text)
    if entry.is_blocker:
        raise HuddleError("an idea is not a blocker; leave out the leading !")
    resolved = resolve_entry(
        store,
        entry._replace(is_idea=True),
        who=remembered[0] if remembered else None,
        goal=goal,
        nobody=NOBODY,
        source=read_from(source) if source else None,
    )
    click.echo(describe_saved(save_entry(store, resolved), store.today()))


@click.group(cls=HuddleGroup, invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@click.option(
    "--status", metavar="STATE", help="Only ideas in one state: new, trying, adopted, not-now."
)
@db_option
@click.pass_context
def ideas(ctx: click.Context, as_json: bool, status: str | None) -> None:
    """The team's ideas, new first, then trying, adopted and not for now.

    \b
    Move one on (IDEA: the start of its id, or of a word of its text):
      huddle ideas try IDEA --who sam      a step from it at the coming huddle
      huddle ideas adopt IDEA --gave "30 min a week"
      huddle ideas not-now IDEA            set aside (huddle ideas new IDEA: back)
      huddle ideas from IDEA carer         where it came from

    \b
    With --json, one object:
      {"ideas": [{"id", "text", "status", "source", "coproduced", "raised_by",
                  "raised_on", "goal", "steps", "gave"}],
       "counts": {"new", "trying", "adopted", "not for now"}}
    "status" is new, trying, adopted or "not for now"; "source" is practitioner,
    "person supported", carer (or family), partner, manager or other; "coproduced" is true
    for a person who uses services or a carer; "gave" is null or {"minutes_a_week_saved",
    "visits_avoided", "forms_avoided", "difference"}.
    """
    if ctx.invoked_subcommand is not None:
        if as_json or status:
            raise click.UsageError("--json and --status list the ideas; they go without a command")
        return
    state = ctx.find_object(State)
    assert state is not None  # noqa: S101 narrows the type; no check relies on it
    store = state.store()
    found = store.ideas.all(status=read_status(status) if status else None)
    if as_json:
        click.echo(json.dumps(ideas_as_json(found, store), indent=2, ensure_ascii=False))
    else:
        click.echo(ideas_as_text(found, store.today(), store))


@ideas.command(name="try")
@click.argument("idea_named", metavar="IDEA")
@who_option("Whose step")
@click.option("--for", "for_day", metavar="DATE", help="The huddle day. Default: the coming one.")
@db_option
@pass_state
def try_(state: State, idea_named: str, who: str | None, for_day: str | None) -> None:
    """Try an idea: a small step made from it, at the coming huddle (or --for a day)."""
    store = state.store()
    remembered = remembered_who(who)
    if remembered is None:
        raise HuddleError(NOBODY)
    found = store.ideas.find(idea_named)
    step = try_idea(
        store,
        found,
        store.members.find(remembered[0]),
        huddle_day(store, for_day) if for_day else None,
    )
    click.echo(describe_saved(step, store.today()))
    click.echo(moved_words(store.ideas.get(found.id)))


@ideas.command()
@click.argument("idea_named", metavar="IDEA")
@click.option("--gave", metavar="LINE", help=f"What it gave, {IMPACT_HINT}.")
@db_option
@pass_state
def adopt(state: State, idea_named: str, gave: str | None) -> None:
    """The team keeps the change: the idea is adopted (--gave says what it gave)."""
    store = state.store()
    impact = parse_impact(gave) if gave else None
    moved = move_idea(store, store.ideas.find(idea_named), IdeaStatus.ADOPTED, impact)
    click.echo(moved_words(moved))
    said = impact_words(impact) if impact else ""
    if said:
        click.echo(f"It gave: {said}")


def _move(state: State, idea_named: str, status: IdeaStatus) -> None:
    store = state.store()
    click.echo(moved_words(move_idea(store, store.ideas.find(idea_named), status)))


@ideas.command(name="not-now")
@click.argument("idea_named", metavar="IDEA")
@db_option
@pass_state
def not_now(state: State, idea_named: str) -> None:
    """Set an idea aside: not for now (it stays in the list)."""
    _move(state, idea_named, IdeaStatus.NOT_NOW)


@ideas.command(name="new")
@click.argument("idea_named", metavar="IDEA")
@db_option
@pass_state
def new(state: State, idea_named: str) -> None:
    """Bring an idea back to new."""
    _move(state, idea_named, IdeaStatus.NEW)


@ideas.command(name="from")
@click.argument("idea_named", metavar="IDEA")
@click.argument("source", metavar="SOURCE")
@db_option
@pass_state
def from_(state: State, idea_named: str, source: str) -> None:
    """Say where an idea came from: person, carer, family, partner, manager, practitioner."""
    store = state.store()
    changed = store.ideas.set_source(store.ideas.find(idea_named), read_from(source))
    click.echo(f'"{changed.text}" came from {changed.source.said}')

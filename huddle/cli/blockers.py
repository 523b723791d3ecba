"""`huddle blockers`, `escalate`, `answer`, `resolve` and `manage`: the blockers sent up to
management, from a shell. A blocker is named by its short id (or any unique start of it),
as `huddle blockers` shows it."""

from __future__ import annotations

import json
from typing import Any

import click

from huddle.cli.adding import NOBODY
from huddle.cli.common import State, db_option, open_app, pass_state
from huddle.cli.steps import who_option
from huddle.config import remembered_who
from huddle.core.blockers import AgeFlag, describe_age, huddle_days_old, waiting_for_answer
from huddle.core.models import Blocker, BlockerStatus, HuddleError, Member
from huddle.core.store import Store

STATUS_CHOICES = ["open", "owned", "escalated", "answered", "resolved", "sent-up", "all"]
"""`open` is every blocker not resolved; `sent-up` every one with management, answered or not."""

FLAG_MARK = {AgeFlag.NONE: "", AgeFlag.AMBER: "overdue", AgeFlag.RED: "OVERDUE"}


def _member(store: Store, who: str | None) -> Member:
    remembered = remembered_who(who)
    if remembered is None:
        raise HuddleError(NOBODY.replace(" (or @name first or last in the line)", ""))
    return store.members.find(remembered[0])


def _listed(store: Store, status: str) -> list[Blocker]:
    if status == "open":
        return store.blockers.open()
    if status == "all":
        return store.blockers.all()
    if status == "sent-up":
        return store.blockers.escalated()
    return store.blockers.all(BlockerStatus(status))


def blocker_as_json(store: Store, blocker: Blocker) -> dict[str, Any]:
    """One blocker for scripts, in the shape `huddle blockers --help` documents."""
    today = store.today()
    team = store.team.get()
    waiting = waiting_for_answer(blocker, store.calendar(), today, team.answer_limit_days)
    return {
        "id": blocker.id,
        "short_id": blocker.short_id,
        "text": blocker.text,
        "category": blocker.category,
        "status": blocker.status.value,
        "raised_on": blocker.raised_on.isoformat(),
        "raised_by": blocker.raised_by_name,
        "age_days": (today - blocker.raised_on).days,
        "age_huddle_days": huddle_days_old(blocker, store.calendar(), today),
        "owner": blocker.owner_name,
        "sent_up_on": blocker.escalated_at.date().isoformat() if blocker.escalated_at else None,
        "sent_to": blocker.escalated_to or None,
        "reason": blocker.escalation_reason or None,
        "waiting_huddle_days": waiting.huddle_days if waiting else None,
        "flag": (waiting.flag if waiting else AgeFlag.NONE).value,
        "answer": blocker.answer or None,
        "answered_by": blocker.answered_by or None,
        "answered_on": blocker.answered_at.date().isoformat() if blocker.answered_at else None,
        "resolution": blocker.resolution or None,
        "tier": blocker.tier_name,
        "tier_gone": blocker.tier_gone,
    }


def age_cell(data: dict[str, Any]) -> str:
    """A blocker's age in the list: huddle days, as on the screens."""
    return describe_age(data["age_huddle_days"])


@click.command()
@click.option(
    "--status",
    type=click.Choice(STATUS_CHOICES),
    default="open",
    show_default=True,
    help="Which: open (not resolved), one status, sent-up (with management), or all.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@db_option
@pass_state
def blockers(state: State, status: str, as_json: bool) -> None:
    """List blockers with their short id, age and status; overdue answers are flagged.

    \b
    With --json, a list of objects:
      {"id", "short_id", "text", "category", "status", "raised_on", "raised_by",
       "age_days", "age_huddle_days", "owner", "sent_up_on", "sent_to", "reason",
       "waiting_huddle_days", "flag", "answer", "answered_by", "answered_on", "resolution",
       "tier", "tier_gone"}
    Dates are YYYY-MM-DD; anything not yet known is null. "age_days" counts calendar days
    since it was raised, "age_huddle_days" the team's huddle days (as shown). "tier" is the
    team's tier it is with (null without tiers); "tier_gone" the tier it was sent to when
    the team has taken that tier away since (else null). "flag" is none, amber (no answer
    after the limit of huddle days: its tier's, else the team's) or red (twice the limit).

    \b
    Example:
      huddle blockers --status sent-up
    """
    store = state.store()
    found = _listed(store, status)
    if as_json:
        click.echo(
            json.dumps([blocker_as_json(store, b) for b in found], indent=2, ensure_ascii=False)
        )
        return
    if not found:
        click.echo(
            f"No {status.replace('-', ' ')} blockers." if status != "all" else "No blockers."
        )
        return
    rows = []
    for b in found:
        data = blocker_as_json(store, b)
        flag = FLAG_MARK[AgeFlag(data["flag"])]
        cells = (b.short_id, age_cell(data), b.status.said, flag)
        rows.append((cells, f"{b.text}  ({b.raised_by_name})"))
    widths = [max(len(cells[i]) for cells, _ in rows) for i in range(4)]
    for cells, text in rows:
        shown = [cell.ljust(width) for cell, width in zip(cells, widths, strict=True) if width]
        click.echo("  ".join([*shown, text]))


@click.command()
@click.argument("blocker_id", metavar="ID")
@click.option("--reason", required=True, help="Why the team can't fix it itself.")
@click.option(
    "--to",
    "to",
    default=None,
    help="Who it goes to (default: management; with tiers, who at that tier).",
)
@who_option("Who sends it up")
@db_option
@pass_state
def escalate(state: State, blocker_id: str, reason: str, to: str | None, who: str | None) -> None:
    """Send a blocker up to management, with the reason the team can't fix it.

    With the team's tiers (`huddle team tiers`), it goes to the first tier; run again on a
    blocker already sent up, it goes one tier higher with its own reason (refused at the
    top tier). Without tiers it goes to --to, once.

    \b
    Example:
      huddle escalate 3fa2c1 --reason "Only IT can change the form" --to "David Marsh"
    """
    store = state.store()
    member = _member(store, who)
    found = store.blockers.find(blocker_id)
    blocker = store.blockers.escalate(found, reason, who=member.name, to=to)
    if found.status not in (BlockerStatus.ESCALATED, BlockerStatus.ANSWERED):
        where = f"up to {blocker.sent_up_to}"
    elif blocker.tier_said is None:
        where = f"up to {blocker.sent_up_to} again"
    elif found.tier_gone:
        where = f"to {blocker.sent_up_to}, the top tier now"
    else:
        where = f"higher, to {blocker.sent_up_to}"
    click.echo(f"Blocker {blocker.short_id} sent {where}: {blocker.text}")
    if found.status is BlockerStatus.ANSWERED:
        click.echo(f"The answer it had stays in its history: {found.answer}")


@click.command()
@click.argument("blocker_id", metavar="ID")
@click.argument("text")
@who_option("Who gives the answer")
@db_option
@pass_state
def answer(state: State, blocker_id: str, text: str, who: str | None) -> None:
    """Record management's answer to a blocker sent up; the team hears it at the next huddle.

    \b
    Example:
      huddle answer 3fa2c1 "IT will change the form in the March release" --who david
    """
    store = state.store()
    member = _member(store, who)
    blocker = store.blockers.answer(store.blockers.find(blocker_id), text, who=member.name)
    click.echo(f"Answer recorded for blocker {blocker.short_id} ({blocker.text}): {blocker.answer}")


@click.command()
@click.argument("blocker_id", metavar="ID")
@click.argument("text")
@who_option("Who resolved it")
@db_option
@pass_state
def resolve(state: State, blocker_id: str, text: str, who: str | None) -> None:
    """Close a blocker, with a note on how it was resolved.

    \b
    Example:
      huddle resolve 3fa2c1 "The duplicate field is gone" --who ann
    """
    store = state.store()
    member = _member(store, who)
    blocker = store.blockers.resolve(store.blockers.find(blocker_id), text, who=member.name)
    click.echo(f"Blocker {blocker.short_id} resolved: {blocker.text}")


@click.command()
@click.argument("blocker_id", metavar="ID")
@click.argument("name")
@who_option("Who makes the change")
@db_option
@pass_state
def own(state: State, blocker_id: str, name: str, who: str | None) -> None:
    """Give a blocker to someone in the team to deal with, or change who owns it.

    NAME matches by the start of a word of the member's name, in any case.

    \b
    Example:
      huddle own 3fa2c1 tom --who sarah
    """
    store = state.store()
    member = _member(store, who)
    owner = store.members.find(name)
    blocker = store.blockers.take_ownership(store.blockers.find(blocker_id), owner, who=member.name)
    click.echo(f"Blocker {blocker.short_id} owned by {owner.name}: {blocker.text}")


@click.command()
@db_option
@pass_state
def manage(state: State) -> None:
    """Open the app on the Management view: every blocker sent up, its age and history."""
    from huddle.ui.screens.manage import ManageScreen

    open_app(state, first_screen=ManageScreen)

"""`huddle away`: who is away (leave, off shift, training), so the huddle starts with them
marked not here and gives their turn to the people who are."""

from __future__ import annotations

from datetime import date

import click

from huddle.cli.common import State, complete_member, db_option, pass_state, read_day
from huddle.core.calendar import format_day, parse_span
from huddle.core.models import Absence, HuddleError
from huddle.core.store import Store

USAGE = "huddle away NAME --from DATE [--to DATE] [--reason TEXT]"


@click.command()
@click.argument("name", required=False, shell_complete=complete_member)
@click.option("--from", "first", metavar="DATE", help="The first day away.")
@click.option("--to", "last", metavar="DATE", help="The last day away (default: --from).")
@click.option("--reason", default="", help="Why, if you want to say: leave, training, ...")
@click.option("--list", "listing", is_flag=True, help="List who is away, today and ahead.")
@click.option("--all", "everything", is_flag=True, help="With --list: past absences too.")
@click.option("--cancel", metavar="DATE", help="Cancel NAME's time away that covers DATE.")
@db_option
@pass_state
def away(
    state: State,
    name: str | None,
    first: str | None,
    last: str | None,
    reason: str,
    listing: bool,
    everything: bool,
    cancel: str | None,
) -> None:
    """Say who is away (leave, off shift, training): the huddle starts with them marked
    not here. Dates as you would say them (fri, next monday, 7/12, 2026-12-07), read in
    the team's date order.

    With no NAME, lists who is away today and ahead; with only NAME, that person's.

    \b
    Examples:
      huddle away bea --from "next mon" --to fri --reason "annual leave"
      huddle away sam --from 3/12 --reason training
      huddle away --list
      huddle away bea --cancel 8/12
    """
    store = state.store()
    if first is not None and cancel is not None:
        raise HuddleError("--from adds time away and --cancel removes it; use one")
    if (first is not None or cancel is not None) and name is None:
        raise HuddleError(f"whose time away? {USAGE}")
    if last is not None and first is None:
        raise HuddleError(f"--to needs --from too: {USAGE}")
    if listing and (first is not None or cancel is not None):
        raise HuddleError("--list only lists; leave out --from and --cancel")
    if first is not None and name is not None:
        add_absence(store, name, first, last, reason)
    elif cancel is not None and name is not None:
        cancel_absence(store, name, cancel)
    else:
        list_absences(store, name, everything=everything)


def add_absence(store: Store, name: str, first: str, last: str | None, reason: str) -> None:
    member = store.members.find(name)
    first_day, last_day = parse_span(first, last, store.today(), store.team.get().date_order)
    absence = store.absences.add(member, first_day, last_day, reason)
    today = store.today()
    days = len(list(store.calendar().huddle_days(absence.first_day, absence.last_day)))
    counted = f"{days} huddle day{'s' * (days != 1)}"
    if absence.last_day == absence.first_day:
        when = on_day(absence.first_day, today)
    else:
        when = f"from {span(absence, today)}"
    click.echo(f"{member.name} is away {when} ({counted}){why(absence)}")
    huddle = store.huddles.get(today)
    if absence.first_day <= today <= absence.last_day and huddle and huddle.started_at:
        click.echo(
            "Today's huddle has started: mark them not here at Who's here (space).", err=True
        )


def cancel_absence(store: Store, name: str, typed: str) -> None:
    member = store.members.find(name, active_only=False)
    day = read_day(store, typed)
    today = store.today()
    absence = store.absences.covering(member, day)
    if absence is None:
        raise HuddleError(f"{member.name} is not away {on_day(day, today)}")
    store.absences.remove(absence)
    click.echo(f"Cancelled: {member.name} away {span(absence, today)}{why(absence)}")


def list_absences(store: Store, name: str | None, *, everything: bool) -> None:
    today = store.today()
    when = "" if everything else ", today and ahead"
    if name is not None:
        member = store.members.find(name, active_only=False)
        found = [a for a in store.absences.of_member(member) if everything or a.last_day >= today]
        nobody, heading = f"{member.name} is not away", f"{member.name} away{when}"
    else:
        found = store.absences.upcoming(date.min if everything else today)
        nobody, heading = "Nobody is away", f"Away{when}"
    if not found:
        later = "" if everything else " today or ahead"
        click.echo(f"{nobody}{later}. To add: {USAGE}")
        return
    click.echo(f"{heading}:")
    names = max(len(a.member_name) for a in found)
    spans = max(len(span(a, today)) for a in found)
    for absence in found:
        line = f"  {absence.member_name:<{names}}  {span(absence, today):<{spans}}"
        click.echo(f"{line}  {absence.reason}".rstrip())


def span(absence: Absence, today: date) -> str:
    """Days away as people say them: tomorrow, or Mon 7 Dec to Fri 11 Dec."""
    first = format_day(absence.first_day, today)
    if absence.last_day == absence.first_day:
        return first
    return f"{first} to {format_day(absence.last_day, today)}"


def on_day(day: date, today: date) -> str:
    """A day as a sentence says it: tomorrow, or on Wed 9 Dec."""
    said = format_day(day, today)
    return said if said in ("today", "tomorrow", "yesterday") else f"on {said}"


def why(absence: Absence) -> str:
    return f": {absence.reason}" if absence.reason else ""

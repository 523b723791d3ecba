"""`huddle team ...`: members, goals, huddle days, holidays and settings."""

from __future__ import annotations

import click

from huddle.cli.common import HuddleGroup, State, complete_member, db_option, pass_state, read_day
from huddle.core.calendar import (
    Towards,
    days_of_rule,
    format_date,
    format_day,
    format_target,
    rule_from_days,
    weekly_day,
)
from huddle.core.models import DateOrder, Role, SpeakerOrder
from huddle.core.next_huddle import next_huddle
from huddle.core.store.team import BOARD_SECONDS


@click.group(cls=HuddleGroup, invoke_without_command=True)
@db_option
@click.pass_context
def team(ctx: click.Context) -> None:
    """Set up the team: members, goals, huddle days and holidays.

    With no command, shows the team.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@team.command()
@db_option
@pass_state
def show(state: State) -> None:
    """Show the team, its members, goals and huddle days."""
    store = state.store()
    settings = store.team.get()
    today = store.today()
    click.echo(f"Team: {settings.name or '(no name yet: huddle team name NAME)'}")
    click.echo(f"Database: {state.path}")
    click.echo(
        f"Huddle days: {', '.join(days_of_rule(settings.huddle_days))}"
        f"; next huddle: {next_huddle(store).words}"
        f"; timebox {settings.timebox_minutes} min; dates {settings.date_order.value}"
    )
    tracked = [m.name for m in store.day_status.measures()]
    click.echo(
        f"Speakers: {settings.speaker_order.value}; board panels: {settings.board_seconds} s"
        f"; tracked daily: {', '.join(tracked) if tracked else 'nothing'}"
    )
    tiers = store.team.tiers()
    if tiers:
        from huddle.core.tiers import tiers_said

        click.echo(f"Blockers go up to: {tiers_said(tiers)}")
    members = store.members.all(active_only=False)
    click.echo(f"\nMembers ({sum(m.active for m in members)}):")
    for member in members:
        retired = "" if member.active else "  (retired)"
        called = f" (also {', '.join(member.aliases)})" if member.aliases else ""
        click.echo(f"  {member.name}{called}  {member.role.value}{retired}")
    if not members:
        click.echo('  none yet: huddle team add "Ann Smith" --role lead')
    goals = store.goals.all()
    click.echo(f"\nGoals ({len(goals)}):")
    for goal in goals:
        target = f"  (by {format_target(goal.target_date)})" if goal.target_date else ""
        click.echo(f"  {goal.title}{target}")
    if not goals:
        click.echo('  none yet: huddle team goal "Cut the wait for a care assessment"')
    holidays = [h for h in store.team.holidays() if h.day >= today]
    if holidays:
        click.echo("\nHolidays ahead:")
        for holiday in holidays:
            click.echo(f"  {format_day(holiday.day, today)}  {holiday.name}".rstrip())


@team.command()
@click.argument("name")
@db_option
@pass_state
def name(state: State, name: str) -> None:
    """Name the team."""
    settings = state.store().team.update(name=name)
    click.echo(f"The team is called {settings.name}")


@team.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.PRACTITIONER.value,
    show_default=True,
)
@db_option
@pass_state
def add_member(state: State, name: str, role: str) -> None:
    """Add a member to the team."""
    member = state.store().members.add(name, Role(role))
    click.echo(f"Added {member.name} ({member.role.value})")


@team.command()
@click.argument("who", shell_complete=complete_member)
@click.argument("new_name")
@db_option
@pass_state
def rename(state: State, who: str, new_name: str) -> None:
    """Rename a member; their steps stay theirs."""
    store = state.store()
    member = store.members.find(who, active_only=False)
    renamed = store.members.rename(member, new_name)
    click.echo(f"{member.name} is now {renamed.name}")


@team.command()
@click.argument("who", shell_complete=complete_member)
@click.argument("aliases", nargs=-1, metavar="[ALIAS]...")
@click.option("--clear", is_flag=True, help="They are called by their name alone.")
@db_option
@pass_state
def alias(state: State, who: str, aliases: tuple[str, ...], clear: bool) -> None:
    """Other names a member is called by (Gaz, Em): `@gaz` then names them, and
    `huddle digest --no-names` leaves these out too. Replaces the ones before; with no
    ALIAS, shows them.

    \b
    Examples:
      huddle team alias gareth Gaz
      huddle team alias emma Em Emmy
      huddle team alias emma --clear
    """
    store = state.store()
    member = store.members.find(who, active_only=False)
    if aliases or clear:
        if aliases and clear:
            raise click.UsageError("give names or --clear, not both")
        member = store.members.set_aliases(member, aliases)
    if member.aliases:
        click.echo(f"{member.name} is also called {', '.join(member.aliases)}")
    else:
        click.echo(f"{member.name} is called by their name alone")


@team.command()
@click.argument("who", shell_complete=complete_member)
@click.option("--undo", is_flag=True, help="Bring a retired member back.")
@db_option
@pass_state
def retire(state: State, who: str, undo: bool) -> None:
    """Retire a member who has left; their history is kept."""
    store = state.store()
    member = store.members.set_active(store.members.find(who, active_only=False), undo)
    click.echo(f"{member.name} is {'back in the team' if member.active else 'retired'}")


@team.command()
@click.argument("title")
@click.option("--why", default="", help="Why it matters.")
@click.option(
    "--how", "how_we_know", default="", help="How the team will know it is getting there."
)
@click.option("--target", metavar="DATE", help="When the team aims to get there.")
@db_option
@pass_state
def goal(state: State, title: str, why: str, how_we_know: str, target: str | None) -> None:
    """Add a long-term team goal."""
    store = state.store()
    target_date = read_day(store, target, Towards.FUTURE) if target else None
    added = store.goals.add(title, why=why, how_we_know=how_we_know, target_date=target_date)
    click.echo(f"Added the goal: {added.title}")


@team.command()
@click.argument("days")
@db_option
@pass_state
def days(state: State, days: str) -> None:
    """Set the huddle days, e.g. mon,tue,wed,thu,fri."""
    settings = state.store().team.update(huddle_days=rule_from_days(days.split(",")))
    click.echo(f"Huddle days: {', '.join(days_of_rule(settings.huddle_days))}")


@team.command()
@click.argument("day", metavar="DATE")
@click.argument("name", default="")
@click.option("--remove", is_flag=True, help="It is a huddle day after all.")
@db_option
@pass_state
def holiday(state: State, day: str, name: str, remove: bool) -> None:
    """Mark a holiday (no huddle that day), e.g. huddle team holiday 25/12 "Christmas Day"."""
    store = state.store()
    when = read_day(store, day)
    shown = format_date(when, "%a %d %b %Y")
    if remove:
        store.team.remove_holiday(when)
        click.echo(f"{shown} is no longer a holiday")
    else:
        added = store.team.add_holiday(when, name)
        click.echo(f"{shown} is a holiday{': ' + added.name if added.name else ''}")


@team.command()
@click.argument("minutes", type=click.IntRange(1, 120))
@db_option
@pass_state
def timebox(state: State, minutes: int) -> None:
    """Set how long the huddle should take, in minutes."""
    state.store().team.update(timebox_minutes=minutes)
    click.echo(f"The huddle's timebox is {minutes} minutes")


@team.command("date-order")
@click.argument("order", type=click.Choice([o.value for o in DateOrder]))
@db_option
@pass_state
def date_order(state: State, order: str) -> None:
    """How to read 1/12: day-first (1 December) or month-first (January 12)."""
    state.store().team.update(date_order=DateOrder(order))
    click.echo(f"Dates like 1/12 are read {order}")


@team.command("answer-limit")
@click.argument("days", type=click.IntRange(1, 60))
@db_option
@pass_state
def answer_limit(state: State, days: int) -> None:
    """Huddle days management has to answer a blocker sent up: after DAYS with no answer
    it is flagged amber, after twice that red (default 2)."""
    state.store().team.update(answer_limit_days=days)
    click.echo(
        f"Blockers sent up are flagged amber after {days} huddle day{'s' if days != 1 else ''}"
        f" with no answer, red after {2 * days}"
    )


@team.command("tiers")
@click.argument("tiers", nargs=-1, metavar="[TIER[:DAYS]]...")
@click.option("--none", "no_tiers", is_flag=True, help="No tiers: --to names who it goes to.")
@db_option
@pass_state
def tiers(state: State, tiers: tuple[str, ...], no_tiers: bool) -> None:
    """The tiers a blocker goes up through, first to last, each with the huddle days it has
    to answer (after the colon; the team's answer limit if not given). With none given,
    shows them.

    Sending a blocker up goes to the first tier; `huddle escalate` on one already sent up
    moves it to the next, with its own reason. --to then names who at that tier.

    \b
    Example:
      huddle team tiers "Team manager:2" "Service manager:5" "Director:10"
    """
    from huddle.core.tiers import read_tiers, tiers_said

    store = state.store()
    if tiers and no_tiers:
        raise click.UsageError("give tiers or --none, not both")
    if tiers or no_tiers:
        store.team.set_tiers(read_tiers(tiers, store.team.get().answer_limit_days))
    click.echo(f"Tiers: {tiers_said(store.team.tiers())}")


@team.command("backups")
@click.argument("count", type=click.IntRange(1, 365))
@db_option
@pass_state
def backups(state: State, count: int) -> None:
    """How many dated backups `huddle backup` and the app keep (default 14): older ones
    are removed when a new one is made."""
    state.store().team.update(backups_kept=count)
    click.echo(f"The last {count} backup{'s' if count != 1 else ''} are kept")


@team.command()
@click.argument("day", metavar="DAY|off")
@db_option
@pass_state
def pulse(state: State, day: str) -> None:
    """Ask the weekly Kaizen pulse at wrap-up from this weekday on (e.g. fri), or turn it off."""
    code, name = weekly_day(day)
    state.store().pulse.set_pulse_day(code)
    if not code:
        click.echo("The weekly Kaizen pulse is off")
        return
    click.echo(f"The Kaizen pulse is asked at wrap-up once a week, from {name}")


@team.command("board-seconds")
@click.argument("seconds", type=click.IntRange(*BOARD_SECONDS))
@db_option
@pass_state
def board_seconds(state: State, seconds: int) -> None:
    """How long `huddle board` shows each panel before the next one (default 20)."""
    state.store().team.update(board_seconds=seconds)
    click.echo(f"The board shows each panel for {seconds} seconds")


@team.command("speaker-order")
@click.argument("order", type=click.Choice([o.value for o in SpeakerOrder]))
@db_option
@pass_state
def speaker_order(state: State, order: str) -> None:
    """Who speaks first at Today: alphabetical, rotating (one further each huddle) or
    random (shuffled by the date, the same all day)."""
    state.store().team.update(speaker_order=SpeakerOrder(order))
    click.echo(f"People speak in {order} order at Today")


@team.command()
@click.argument("measure", required=False)
@click.option("--stop", is_flag=True, help="Stop tracking it; its days are kept.")
@db_option
@pass_state
def track(state: State, measure: str | None, stop: bool) -> None:
    """Track a measure day by day with a colour (the board's day-status strip), e.g.
    "missed visits"; with no MEASURE, lists the ones tracked.

    \b
    Examples:
      huddle team track "missed visits"
      huddle team track "missed visits" --stop
    """
    store = state.store()
    if measure is None:
        tracked = store.day_status.measures()
        if not tracked:
            click.echo('No measures are tracked daily yet: huddle team track "missed visits"')
        for each in tracked:
            click.echo(each.name)
        return
    if stop:
        stopped = store.day_status.stop(store.day_status.find(measure))
        click.echo(f"{stopped.name} is no longer tracked daily (its days are kept)")
        return
    added = store.day_status.track(measure)
    click.echo(f'{added.name} is tracked daily: huddle day-status "{added.name}" green')

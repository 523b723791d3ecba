"""`huddle whoami` and `huddle mine`: who is at this keyboard, and what they have on."""

from __future__ import annotations

import click

from huddle.cli.adding import NOBODY
from huddle.cli.common import State, complete_member, db_option, pass_state
from huddle.cli.steps import who_option
from huddle.config import (
    WHO_ENV,
    WHO_SETTING,
    SettingsError,
    config_path,
    remembered_who,
    save_setting,
)
from huddle.core.mine import mine_as_json, mine_as_text, read_mine
from huddle.core.models import HuddleError


@click.command()
@click.argument("name", required=False, shell_complete=complete_member)
@click.option("--forget", is_flag=True, help="Forget who you are on this computer.")
@db_option
@pass_state
def whoami(state: State, name: str | None, forget: bool) -> None:
    """Say who you are, once: `huddle add` and `huddle mine` then need no --who.

    With no NAME, prints who Huddle thinks you are. The name is kept in your own settings
    file (not in the team's file); $HUDDLE_WHO, when set, wins over it.

    \b
    Example:
      huddle whoami sam
    """
    if forget:
        save_setting(WHO_SETTING, None)
        click.echo("Forgotten; tell Huddle again with: huddle whoami NAME")
        return
    if name is None:
        remembered = remembered_who()
        if remembered is None:
            raise HuddleError("nobody yet; tell Huddle once with: huddle whoami NAME")
        click.echo(remembered[0])
        return
    member = state.store().members.find(name)
    try:
        save_setting(WHO_SETTING, member.name)
    except SettingsError as error:
        raise HuddleError(f"{error}; for now: export {WHO_ENV}='{member.name}'") from None
    click.echo(f"You are {member.name} (kept in {config_path()})")
    overridden = remembered_who()
    if overridden and overridden[1] == f"${WHO_ENV}":
        click.echo(f"Note: ${WHO_ENV} is set to {overridden[0]}, and it wins.", err=True)


@click.command()
@who_option("Whose")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (shape below).")
@db_option
@pass_state
def mine(state: State, who: str | None, as_json: bool) -> None:
    """My steps for the coming huddle, my carried-over steps and my open blockers.

    \b
    With --json, one object:
      {"member": "Sam Okafor", "huddle_day": "2026-11-30",
       "steps":    [{"id", "text", "goal", "day", "status", "carried_from"}],
       "carried":  [ same fields as steps; carried_from is the earlier step's id ],
       "blockers": [{"id", "short_id", "text", "status", "raised_on",
                     "age_days", "raised_by", "owner"}]}
    Dates are YYYY-MM-DD; "goal" and "owner" may be null. "steps" are the ones for
    huddle_day; "carried" are still to do, carried over from an earlier day; "blockers"
    are open ones you raised or own.
    """
    store = state.store()
    remembered = remembered_who(who)
    if remembered is None:
        raise HuddleError(NOBODY.replace(" (or @name first or last in the line)", ""))
    found = read_mine(store, store.members.find(remembered[0]))
    if as_json:
        import json  # only for --json: `huddle mine` stays light

        click.echo(json.dumps(mine_as_json(found), indent=2, ensure_ascii=False))
    else:
        click.echo(mine_as_text(found))

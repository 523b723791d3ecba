"""The click group of the `huddle` command and its subcommands, each loaded lazily. Textual is
imported only by the commands that open the app, so `huddle block` starts in a blink."""

from __future__ import annotations

import importlib

import click

from huddle import __version__
from huddle.cli.common import HuddleGroup, State, open_app

COMMANDS = {
    "add": "steps:add",
    "block": "steps:block",
    "idea": "ideas:idea",
    "ideas": "ideas:ideas",
    "demo": "demo:demo",
    "team": "team:team",
    "whoami": "me:whoami",
    "mine": "me:mine",
    "serve": "serve:serve",
    "trends": "trends:trends",
    "blockers": "blockers:blockers",
    "escalate": "blockers:escalate",
    "answer": "blockers:answer",
    "own": "blockers:own",
    "resolve": "blockers:resolve",
    "manage": "blockers:manage",
    "digest": "digest:digest",
    "away": "away:away",
    "goals": "goals:goals",
    "pdsa": "pdsa:pdsa",
    "measure": "measures:measure",
    "pulse": "pulse:pulse",
    "export": "transfer:export",
    "backup": "file:backup",
    "check": "file:check",
    "import": "transfer:import_",
    "day-status": "day_status:day_status",
    "rollup": "rollup:rollup",
    "board": "day_status:board",
}
"""Each subcommand and its module:function in huddle/cli, imported only when that command runs (or
--help lists them all), so `huddle add` loads nothing it does not use."""


class LazyGroup(HuddleGroup):
    """click's lazily loaded subcommands ("Lazily loading subcommands" in click's docs)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, function = COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(f"huddle.cli.{module}"), function)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(),
    help="The team's database file (else $HUDDLE_DB, else your data folder).",
)
@click.option("--served", is_flag=True, hidden=True, help="Run for one `huddle serve` session.")
@click.version_option(__version__, prog_name="huddle")
@click.pass_context
def main(ctx: click.Context, db: str | None, served: bool) -> None:
    """Huddle: the daily Kaizen huddle on one shared screen.

    With no command, opens the app on the team's database.
    """
    state = ctx.ensure_object(State)
    state.db_option = state.db_option or db
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:
        open_app(state, served=served)


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]), default="bash")
def completion(shell: str) -> None:
    """Print the shell completion script, e.g. `eval "$(huddle completion bash)"`."""
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # noqa: S101 narrows the type; no check relies on it
    click.echo(completer(main, {}, "huddle", "_HUDDLE_COMPLETE").source())

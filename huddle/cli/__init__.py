"""The `huddle` command. Textual is imported only by the command that opens the app,
so `huddle add` and `huddle block` start in a blink."""

from __future__ import annotations

import click

from huddle import __version__
from huddle.cli.away import away
from huddle.cli.blockers import answer, blockers, escalate, manage, own, resolve
from huddle.cli.common import HuddleGroup, State, db_option, open_app, pass_state
from huddle.cli.demo import demo
from huddle.cli.digest import digest
from huddle.cli.file import backup, check
from huddle.cli.goals import goals
from huddle.cli.me import mine, whoami
from huddle.cli.pdsa import pdsa
from huddle.cli.serve import serve
from huddle.cli.steps import add, block
from huddle.cli.team import team
from huddle.cli.transfer import export, import_
from huddle.cli.trends import trends


@click.group(
    cls=HuddleGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(),
    help="The team's database file (else $HUDDLE_DB, else your data folder).",
)
@click.version_option(__version__, prog_name="huddle")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Huddle: the daily Kaizen huddle on one shared screen.

    With no command, opens the app on the team's database.
    """
    state = ctx.ensure_object(State)
    state.db_option = state.db_option or db
    ctx.call_on_close(state.close)
    if ctx.invoked_subcommand is None:
        open_app(state)


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]), default="bash")
def completion(shell: str) -> None:
    """Print the shell completion script, e.g. `eval "$(huddle completion bash)"`."""
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # noqa: S101 narrows the type; no check relies on it
    click.echo(completer(main, {}, "huddle", "_HUDDLE_COMPLETE").source())


main.add_command(add)
main.add_command(block)
main.add_command(demo)
main.add_command(team)
main.add_command(whoami)
main.add_command(mine)
main.add_command(serve)
main.add_command(trends)
main.add_command(blockers)
main.add_command(escalate)
main.add_command(answer)
main.add_command(own)
main.add_command(resolve)
main.add_command(manage)
main.add_command(digest)
main.add_command(away)
main.add_command(goals)
main.add_command(pdsa)
main.add_command(backup)
main.add_command(check)
main.add_command(export)
main.add_command(import_)

__all__ = ["db_option", "main", "pass_state"]

"""`huddle serve`: the app in a web browser, for members who join the huddle remotely.

Needs the optional extra: pip install 'huddle[serve]' (textual-serve). Each browser tab
runs its own `huddle` process on the same file; they see each other's writes live.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

import click

from huddle.cli.common import State, db_option, pass_state
from huddle.core.models import HuddleError

MISSING = "huddle serve needs textual-serve: pip install 'huddle[serve]'"


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach `host`."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
@pass_state
def serve(state: State, host: str, port: int) -> None:
    """Show the app in a web browser, for members who join remotely.

    Listens on this computer only (127.0.0.1) unless --host says otherwise. There is no
    password: anyone who can reach the address can use the app and read the team's file.

    \b
    Example:
      huddle serve --port 8000        then open http://127.0.0.1:8000
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise HuddleError(MISSING) from None
    path = state.path.resolve()
    state.store()  # refuse a file that is not a Huddle database before serving it
    state.close()
    if not is_loopback(host):
        click.echo(
            f"Warning: listening on {host}:{port}. Anyone who can reach this port can use "
            "the app and read the team's data; there is no password.",
            err=True,
        )
    command = shlex.join([sys.executable, "-m", "huddle", "--db", str(path)])
    click.echo(f"Serving Huddle at http://{host}:{port} (Ctrl+C to stop)", err=True)
    Server(command, host=host, port=port, title="Huddle").serve()

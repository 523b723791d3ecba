"""`huddle serve`: the app in a web browser, for members who join the huddle remotely.

Needs the optional extra: pip install 'huddle[serve]' (textual-serve). Each browser tab
runs its own `huddle` process on the same file; they see each other's writes live. Nothing
is served without the secret (huddle/web.py says how it is checked).
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shlex
import sys

import click

from huddle.cli.common import State, db_option, pass_state
from huddle.core.models import HuddleError

MISSING = "huddle serve needs textual-serve: pip install 'huddle[serve]'"
PASSWORD_ENV = "HUDDLE_SERVE_PASSWORD"  # noqa: S105 the variable's name, not a password
SHORTEST_PASSWORD = 12


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach `host`."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_every_address(host: str) -> bool:
    """0.0.0.0 or ::, which no browser can name: only requests to one address are served."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def chosen_password() -> str | None:
    """The password from $HUDDLE_SERVE_PASSWORD, if set; taken out of the environment so the
    app's own processes never see it."""
    password = os.environ.pop(PASSWORD_ENV, "")
    if not password:
        return None
    if len(password) < SHORTEST_PASSWORD:
        raise HuddleError(
            f"${PASSWORD_ENV} is too short to guard the team's data: use at least "
            f"{SHORTEST_PASSWORD} characters, or unset it for a link with a random token"
        )
    return password


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use, when it is not --host:--port "
    "(behind a TLS proxy: https://huddle.example.org).",
)
@db_option
@pass_state
def serve(state: State, host: str, port: int, public_url: str | None) -> None:
    """Show the app in a web browser, for members who join remotely.

    Listens on this computer only (127.0.0.1) unless --host says otherwise. Nothing is
    served without a secret: the link printed here carries a random token, new each time;
    or set $HUDDLE_SERVE_PASSWORD and the browser asks for it. Each browser session starts
    by asking who is there. Plain HTTP: across a network, put it behind TLS (see README).

    \b
    Example:
      huddle serve --port 8000        then open the link it prints
    """
    try:
        from huddle.web import GuardedServer, local_url
    except ImportError:
        raise HuddleError(MISSING) from None
    password = chosen_password()
    path = state.path.resolve()
    state.store()  # refuse a file that is not a Huddle database before serving it
    state.close()
    if public_url and not public_url.startswith(("http://", "https://")):
        raise HuddleError(f"--public-url '{public_url[:60]}' should start with https://")
    if is_every_address(host) and not public_url:
        raise HuddleError(
            f"--host {host} listens on every address: add --public-url with the one browsers "
            f"will use, e.g. http://team-pc.local:{port}"
        )
    address = (public_url or local_url(host, port)).rstrip("/")
    secret = password or secrets.token_urlsafe(18)
    command = shlex.join([sys.executable, "-m", "huddle", "--db", str(path), "--served"])
    server = GuardedServer(
        command,
        host=host,
        port=port,
        secret=secret,
        password=bool(password),
        public_url=public_url and address,
    )
    server.check_can_listen()
    if not is_loopback(host):
        click.echo(
            f"Warning: listening on {host}:{port} in plain HTTP. Anyone on the network can "
            "see what is typed; put it behind TLS (see README).",
            err=True,
        )
    if password:
        click.echo(f"Serving Huddle at {address}/ with the password in ${PASSWORD_ENV}", err=True)
        click.echo("Only those with the password can use it. Ctrl+C to stop.", err=True)
    else:
        click.echo(f"Serving Huddle at {address}/?token={secret}", err=True)
        click.echo("Only those with this link can use it. Ctrl+C to stop.", err=True)
    server.serve()

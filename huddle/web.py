"""The web server behind `huddle serve`: textual-serve, locked with a secret.

A browser gets in with the secret once (the `?token=` of the printed URL, or the password as
HTTP Basic auth); it then holds a session cookie (HttpOnly, SameSite=Strict). Every request
without it gets a one-line page and nothing else: no app, no scripts, no team. The WebSocket
that drives the app also needs the page's Origin to be the server's own address, so a page on
another site cannot open it; and every request must name the server's own host:port (Host),
so a DNS-rebound name cannot reach it either.

Loaded only by `huddle serve`; needs the `serve` extra (textual-serve, aiohttp).
"""

from __future__ import annotations

import base64
import binascii
import errno
import hmac
import secrets
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from huddle.core.models import HuddleError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

REFUSED = "Huddle: this address needs the link printed by `huddle serve`, with its token.\n"
"""The whole page a browser gets without the secret: it names no one."""

PASSWORD_REFUSED = "Huddle: this address needs the password set in HUDDLE_SERVE_PASSWORD.\n"  # noqa: S105 a page, not a password
WRONG_ORIGIN = "Huddle: refused, this page is not from the Huddle server's own address.\n"
WRONG_HOST = "Huddle: refused, this request is not for the Huddle server's own address.\n"


def local_url(host: str, port: int) -> str:
    """The address the server listens on, as a browser types it."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, as a browser sends it in the Origin header."""
    parts = urlsplit(url.lower())
    default = {"http": ":80", "https": ":443"}.get(parts.scheme, "")
    return f"{parts.scheme}://{parts.netloc.removesuffix(default)}"


class GuardedServer(Server):
    """textual-serve's server with a secret, an Origin check and a Host check in front."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        secret: str,
        password: bool = False,
        public_url: str | None = None,
    ) -> None:
        own = local_url(host, port)
        super().__init__(
            command, host=host, port=port, title="Huddle", public_url=public_url or own
        )
        self.secret = secret
        """The token in the printed URL, or the password from HUDDLE_SERVE_PASSWORD."""
        self.password = password
        """Whether the secret is a password (then the browser is asked for it)."""
        self.session = secrets.token_urlsafe(32)
        """What a browser's cookie holds once it gave the secret; new each time serve starts."""
        self.cookie = f"huddle_session_{port}"
        self.origins = {origin_of(self.public_url), origin_of(own)}
        """The Origins a WebSocket may come from: the server's own address(es)."""
        self.hosts = {urlsplit(origin).netloc for origin in self.origins}
        """The host:port a request may name: the same addresses."""

    def check_can_listen(self) -> None:
        """Refuse in one line, before the link is printed, an address this server can't
        listen on: the port taken (another `huddle serve`), an address not this computer's.
        Before, the link and textual-serve's banner were printed, then 'can't write: ...'."""
        try:
            found = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
            for family, kind, proto, _name, where in found:
                with socket.socket(family, kind, proto) as probe:
                    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp
                    probe.bind(where)
        except OSError as error:
            why = {
                errno.EADDRINUSE: f"the port is in use (another huddle serve?); try --port "
                f"{self.port + 1 if self.port < 65535 else 8000}",
                errno.EADDRNOTAVAIL: "that address is not this computer's",
                errno.EACCES: "not allowed (a port below 1024 needs an administrator)",
            }.get(error.errno or 0, error.strerror or str(error))
            raise HuddleError(f"can't listen on {self.host}:{self.port}: {why}") from None

    async def _make_app(self) -> web.Application:
        app: web.Application = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    def gave_secret(self, request: web.Request) -> bool:
        """Whether this request carries the secret: as `?token=`, or as a Basic password."""
        if self._same(request.query.get("token", "")):
            return True
        scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return self._same(decoded.partition(":")[2])

    def has_session(self, request: web.Request) -> bool:
        return hmac.compare_digest(
            request.cookies.get(self.cookie, "").encode(), self.session.encode()
        )

    def _same(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.secret.encode())

    def refused(self) -> web.Response:
        """The one-line page for a request without the secret."""
        if self.password:
            return web.Response(
                status=401,
                text=PASSWORD_REFUSED,
                headers={"WWW-Authenticate": 'Basic realm="Huddle", charset="UTF-8"'},
            )
        return web.Response(status=403, text=REFUSED)

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host.lower() not in self.hosts:
            return web.Response(status=403, text=WRONG_HOST)
        has_session = self.has_session(request)
        if not (has_session or self.gave_secret(request)):
            return self.refused()
        if request.path == "/ws" and request.headers.get("Origin", "").lower() not in self.origins:
            return web.Response(status=403, text=WRONG_ORIGIN)
        if request.path == "/" and "token" in request.query:
            # Take the token out of the address bar and the browser's history.
            query = {k: v for k, v in request.query.items() if k != "token"}
            location = str(request.rel_url.with_query(query))
            response: web.StreamResponse = web.Response(status=303, headers={"Location": location})
        else:
            response = await handler(request)
        if not has_session and not response.prepared:
            # A cookie for the next requests: the scripts, and the WebSocket.
            response.set_cookie(
                self.cookie,
                self.session,
                httponly=True,
                samesite="Strict",
                secure=self.public_url.startswith("https:"),
            )
        return response

"""`huddle serve`, locked: a real server on loopback, asked by aiohttp as a browser (or a page
on another site) would ask it. Nothing is served without the secret; the WebSocket that runs
the app takes only the server's own Origin."""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from huddle.cli import main
from huddle.core.models import Role
from huddle.core.store import Store

aiohttp = pytest.importorskip("aiohttp", reason="huddle serve needs the serve extra")
pytest.importorskip("textual_serve", reason="huddle serve needs the serve extra")

NAMES = ("Ann Smith", "Bea Jones", "Sam Okafor")
TEAM = "Northside Assessment Team"
PASSWORD = "correct horse battery"
PROXY = "https://huddle.example.org"


@dataclass
class Served:
    """A `huddle serve` running on loopback, and the link it printed."""

    link: str
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def team_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "team.db"
    store = Store.open(path)
    store.team.update(name=TEAM)
    store.members.add(NAMES[0], Role.LEAD)
    for name in NAMES[1:]:
        store.members.add(name)
    store.goals.add("Cut the wait for a care assessment")
    store.close()
    return path


def start_serving(db: Path, *args: str, **env: str) -> Iterator[Served]:
    """`huddle serve` in its own process on a free loopback port; stopped when done."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("HUDDLE_")}
    full_env |= {"HUDDLE_TODAY": "2026-11-25", "HUDDLE_CONFIG": str(db.parent / "s.json"), **env}
    server = subprocess.Popen(
        [sys.executable, "-m", "huddle", "--db", str(db), "serve", "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=full_env,
    )
    try:
        assert server.stderr is not None
        said = [server.stderr.readline() for _ in range(2)]
        link = said[0].split(" at ", 1)[1].split()[0]
        for _ in range(400):  # until it accepts connections, or it has died
            assert server.poll() is None, said
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield Served(link, port)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def served(team_db: Path) -> Iterator[Served]:
    yield from start_serving(team_db)


@pytest.fixture(scope="module")
def served_with_password(team_db: Path) -> Iterator[Served]:
    yield from start_serving(team_db, HUDDLE_SERVE_PASSWORD=PASSWORD)


@pytest.fixture(scope="module")
def served_behind_a_proxy(team_db: Path) -> Iterator[Served]:
    yield from start_serving(team_db, "--public-url", PROXY)


def browser() -> aiohttp.ClientSession:
    """A client that keeps cookies for an IP address, as a browser does."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def assert_refused_in_one_line(status: int, body: str, expected: int = 403) -> None:
    assert status == expected
    assert len(body.strip().splitlines()) == 1, body
    assert not any(name.split()[0] in body for name in (*NAMES, TEAM))


def test_the_printed_link_carries_a_token(served: Served) -> None:
    assert served.link.startswith(f"http://127.0.0.1:{served.port}/?token=")
    assert len(served.link.split("token=")[1]) >= 20


@pytest.mark.parametrize(
    "path", ["/", "/?token=guess", "/ws", "/static/js/textual.js", "/download/x"]
)
async def test_without_the_token_nothing_is_served_but_one_line(served: Served, path: str) -> None:
    async with browser() as session, session.get(served.base + path) as response:
        assert_refused_in_one_line(response.status, await response.text())
        assert "needs the link printed by `huddle serve`" in await response.text()


async def test_a_page_on_another_site_cannot_open_the_websocket(served: Served) -> None:
    async with browser() as session:
        async with session.get(served.link) as response:
            assert response.status == 200  # the browser itself is let in
        for origin in ({"Origin": "http://evil.example"}, {}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(served.base + "/ws", headers=origin)
            assert refused.value.status == 403


async def test_a_rebound_host_name_is_refused_even_with_the_token(served: Served) -> None:
    async with (
        browser() as session,
        session.get(served.link, headers={"Host": f"evil.example:{served.port}"}) as response,
    ):
        assert_refused_in_one_line(response.status, await response.text())


async def test_the_link_lets_a_browser_in_and_runs_the_app(served: Served) -> None:
    async with browser() as session:
        async with session.get(served.link) as page:
            assert page.status == 200
            assert str(page.url) == served.base + "/"  # the token is out of the address bar
            assert f"ws://127.0.0.1:{served.port}/ws" in await page.text()
        async with session.get(served.base + "/static/js/textual.js") as script:
            assert script.status == 200
        ws = await session.ws_connect(
            served.base + "/ws?width=100&height=30", headers={"Origin": served.base}
        )
        try:
            shown = await read_until(ws, NAMES[1].encode())  # the app asks who is there
        finally:
            await ws.close()
    assert b"Who are you?" in shown


async def read_until(ws: aiohttp.ClientWebSocketResponse, wanted: bytes) -> bytes:
    """What the app sends, until `wanted` is in it (at most a minute, on a busy machine)."""
    seen = b""
    async with asyncio.timeout(60):
        async for message in ws:
            if message.type is aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type is not aiohttp.WSMsgType.TEXT:
                break
            if wanted in seen:
                break
    return seen


async def test_with_a_password_the_browser_is_asked_for_it(served_with_password: Served) -> None:
    served = served_with_password
    assert served.link == served.base + "/"
    async with browser() as session:
        async with session.get(served.base) as response:
            assert_refused_in_one_line(response.status, await response.text(), 401)
            assert response.headers["WWW-Authenticate"].startswith("Basic")
        for password, status in (("guess", 401), (PASSWORD, 200)):
            token = base64.b64encode(f"ann:{password}".encode()).decode()
            headers = {"Authorization": f"Basic {token}"}
            async with session.get(served.base, headers=headers) as response:
                assert response.status == status


async def test_behind_a_tls_proxy_its_public_address_is_the_one_let_in(
    served_behind_a_proxy: Served,
) -> None:
    """What Caddy passes on for https://huddle.example.org: that Host, that Origin."""
    served = served_behind_a_proxy
    assert served.link.startswith(PROXY + "/?token=")
    token = served.link.split("token=")[1]
    proxied = {"Host": "huddle.example.org"}
    async with browser() as session:
        # The browser keeps the cookie for https only; the proxy passes it on.
        let_in = f"{served.base}/?token={token}"
        async with session.get(let_in, headers=proxied, allow_redirects=False) as first:
            assert first.status == 303
            [cookie] = first.cookies.values()
            assert cookie["secure"]
        proxied["Cookie"] = f"{cookie.key}={cookie.value}"
        async with session.get(served.base, headers=proxied) as page:
            assert page.status == 200
            assert "wss://huddle.example.org/ws" in await page.text()
        refused = {**proxied, "Origin": "https://evil.example"}
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(served.base + "/ws", headers=refused)
        ws = await session.ws_connect(served.base + "/ws", headers={**proxied, "Origin": PROXY})
        await ws.close()


# The command itself, in-process: what it says before it starts serving.


@pytest.fixture
def serve_started(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """`GuardedServer.serve` records the server instead of serving."""
    from huddle.web import GuardedServer

    started: list[object] = []
    monkeypatch.setattr(GuardedServer, "serve", lambda self: started.append(self))
    monkeypatch.setattr(GuardedServer, "check_can_listen", lambda self: None)
    return started


def run_serve(db: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), "serve", *args], env=env)


def test_serve_listens_on_this_computer_only_by_default(
    team_db: Path, serve_started: list[object]
) -> None:
    result = run_serve(team_db)
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    [server] = serve_started
    assert (server.host, server.port) == ("127.0.0.1", 8000)  # type: ignore[attr-defined]
    assert server.command.endswith(f"-m huddle --db {team_db.resolve()} --served")  # type: ignore[attr-defined]


def test_serve_on_another_address_warns_to_put_it_behind_tls(
    team_db: Path, serve_started: list[object]
) -> None:
    result = run_serve(team_db, "--host", "192.168.1.20", "--port", "8765")
    assert result.exit_code == 0, result.output
    assert "Warning: listening on 192.168.1.20:8765 in plain HTTP" in result.output
    assert "Serving Huddle at http://192.168.1.20:8765/?token=" in result.output


def test_every_address_needs_the_address_browsers_will_use(
    team_db: Path, serve_started: list[object]
) -> None:
    result = run_serve(team_db, "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: --host 0.0.0.0 listens on every address: add --public-url with the one"
        " browsers will use, e.g. http://team-pc.local:8000"
    )
    result = run_serve(team_db, "--host", "0.0.0.0", "--public-url", "http://team-pc.local:8000")
    assert "Serving Huddle at http://team-pc.local:8000/?token=" in result.output


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "::1", "127.0.0.2"])
def test_loopback_addresses_do_not_warn(
    team_db: Path, serve_started: list[object], host: str
) -> None:
    assert "Warning" not in run_serve(team_db, "--host", host).output


def test_a_public_url_must_be_a_web_address(team_db: Path, serve_started: list[object]) -> None:
    result = run_serve(team_db, "--public-url", "huddle.example.org")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: --public-url 'huddle.example.org' should start with https://"
    )


def test_the_password_is_kept_from_the_apps_processes(
    team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huddle.web import GuardedServer

    seen: list[str | None] = []
    monkeypatch.setattr(
        GuardedServer, "serve", lambda self: seen.append(os.environ.get("HUDDLE_SERVE_PASSWORD"))
    )
    monkeypatch.setattr(GuardedServer, "check_can_listen", lambda self: None)
    result = run_serve(team_db, env={"HUDDLE_SERVE_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert seen == [None]  # each browser's app process gets a copy of this environment
    assert PASSWORD not in result.output


def test_a_short_password_is_refused_in_one_line(
    team_db: Path, serve_started: list[object]
) -> None:
    result = run_serve(team_db, env={"HUDDLE_SERVE_PASSWORD": "letmein"})
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: $HUDDLE_SERVE_PASSWORD is too short to guard the team's data: use at least"
        " 12 characters, or unset it for a link with a random token"
    ]
    assert serve_started == []


def test_a_port_in_use_is_refused_in_one_line_before_any_link(team_db: Path) -> None:
    """Before: the link was printed, then textual-serve's banner ('Serving ... Press Ctrl+C
    to quit'), then 'Error: can't write: error while attempting to bind'."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_serve(team_db, "--port", str(port))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: can't listen on 127.0.0.1:{port}: the port is in use (another huddle serve?);"
        f" try --port {port + 1}"
    ]
    result = run_serve(team_db, "--host", "192.0.2.1", "--port", str(port))  # not this computer
    assert result.output.strip().splitlines() == [
        f"Error: can't listen on 192.0.2.1:{port}: that address is not this computer's"
    ]


def test_serve_without_the_extra_says_how_to_install_it(
    team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in ("textual_serve", "textual_serve.server", "huddle.web"):
        monkeypatch.setitem(sys.modules, module, None)
    result = run_serve(team_db)
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: huddle serve needs textual-serve: pip install 'huddle[serve]'"
    )

"""Render the README's pictures: every main screen and each huddle stage, from the demo team,
with a frozen clock, as SVG and PNG, into screenshots/.

    .venv/bin/python scripts/screenshots.py            # all of them
    .venv/bin/python scripts/screenshots.py home today # only these

PNGs need `rsvg-convert` (Debian/Ubuntu: apt install librsvg2-bin fonts-firacode); without
it the SVGs are still written and the script says so.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
TODAY = date(2026, 11, 30)
"""A Monday, so Yesterday looks back on a Friday."""
NOW = time(9, 4)
"""The huddle has just begun."""
SIZE = (120, 36)
WIDE = (200, 50)

sys.path.insert(0, str(ROOT))
# Never the user's own settings (their theme, their name): a private file for this run.
os.environ["HUDDLE_CONFIG"] = str(Path(tempfile.mkdtemp(prefix="huddle-shots-")) / "s.json")

from rich.cells import cell_len  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input, TabbedContent  # noqa: E402

from huddle.core.calendar import FixedClock  # noqa: E402
from huddle.core.demo import create_demo_file  # noqa: E402
from huddle.core.store import Store  # noqa: E402
from huddle.ui.app import HuddleApp  # noqa: E402

Steps = Callable[[Pilot[None]], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    name: str
    """The file name, without .svg/.png."""
    keys: tuple[str, ...] = ()
    """Keys pressed on the home screen before the picture is taken."""
    size: tuple[int, int] = SIZE
    theme: str | None = None
    then: Steps | None = field(default=None, compare=False)
    """More to do after the keys (e.g. choose a tab)."""
    service: bool = False
    """The service view (`huddle rollup`) over three copies of the demo, not the team's app."""


def tab(name: str) -> Steps:
    async def choose(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one(TabbedContent).active = name
        await pilot.pause()

    return choose


async def type_text(pilot: Pilot[None]) -> None:
    """A line half typed at the shared keyboard, as in a real huddle."""
    box = pilot.app.screen.query_one("TodayStage Input", Input)
    box.value = "Ring the carer before the visit to check the time still works #wait"
    await pilot.pause()


async def look_back_then_wrap_up(pilot: Pilot[None]) -> None:
    """Friday's first steps looked back on (one with what was learned), then Wrap-up."""
    await pilot.press("2", "l")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = "Asking the day before saves a wasted visit"
    await pilot.press("enter", "d", "d", "p", "5")
    await pilot.pause()
    await pilot.press("5")  # again: the steps not marked are left for later
    await pilot.pause()


SHOTS = (
    Shot("home"),
    Shot("home-wide", size=WIDE),
    Shot("huddle-who", ("h", "1")),
    Shot("huddle-yesterday", ("h", "2")),
    Shot("huddle-today", ("h", "3")),
    Shot("huddle-blockers", ("h", "4")),
    Shot("huddle-wrap-up", ("h", "5")),
    Shot("huddle-yesterday-wide", ("h", "2", "d", "p"), size=WIDE),
    Shot("huddle-today-wide", ("h", "3"), size=WIDE, then=type_text),
    Shot("huddle-blockers-wide", ("h", "4", "right", "right", "down"), size=WIDE),
    Shot("huddle-wrap-up-wide", ("h",), size=WIDE, then=look_back_then_wrap_up),
    Shot("goals", ("g",)),
    Shot("pdsa", ("g", "down", "down", "p")),
    Shot("measures", ("g", "down", "down", "m")),
    Shot("measures-wide", ("g", "down", "down", "m"), size=WIDE),
    Shot("trends", ("t",)),
    Shot("ideas", ("i",)),
    Shot("management", ("m",)),
    Shot("digest", ("d",)),
    Shot("history", ("p",)),
    Shot("search", ("p", "slash", *"carer", "enter")),
    Shot("team-set-up", ("f2",)),
    Shot("team-set-up-timebox", ("f2",), then=tab("timebox-tab")),
    Shot("help", ("p", "question_mark")),
    Shot("curtain", ("ctrl+k",)),
    Shot("board-wide", ("b",), size=WIDE),
    Shot("board-blockers-wide", ("b", "right"), size=WIDE),
    Shot("service-view", service=True),
    # Last: the theme chosen is remembered (in this run's own settings file) by every shot after.
    Shot("high-contrast", ("p",), theme="huddle-high-contrast"),
)
SERVICE_TEAMS = ("Northside Assessment Team", "Hospital Discharge Team", "Reablement South")


def demo_copy(master: Path, into: Path) -> Path:
    """A fresh copy of the demo file, so each picture starts from the same data."""
    copy = into / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(master, copy)
    return copy


async def take(shot: Shot, db: Path) -> Path:
    clock = FixedClock(datetime.combine(TODAY, NOW).astimezone())
    if shot.service:
        return await take_service(shot, db, clock)
    store = Store.open(db, clock=clock)
    app = HuddleApp(store, clock=clock)
    if shot.theme:
        app.theme = shot.theme
    try:
        async with app.run_test(size=shot.size) as pilot:
            await pilot.pause()
            for key in shot.keys:
                await pilot.press(key)
                await pilot.pause()
            if shot.then is not None:
                await shot.then(pilot)
            await pilot.pause(0.3)
            app.clear_notifications()
            await pilot.pause()
            return Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT)))
    finally:
        store.close()


async def take_service(shot: Shot, db: Path, clock: FixedClock) -> Path:
    from huddle.ui.service import ServiceApp

    paths = []
    for number, name in enumerate(SERVICE_TEAMS):
        path = db.with_name(f"team-{number}.db")
        shutil.copyfile(db, path)
        store = Store.open(path, clock=clock)
        store.team.update(name=name)
        store.close()
        paths.append(path)
    app = ServiceApp(paths, clock)
    async with app.run_test(size=shot.size) as pilot:
        while app.found is None:  # read in a thread
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        return Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT)))


def for_rsvg(svg: Path) -> None:
    """Keep every space: librsvg drops leading spaces of a text run unless told not to."""
    text = svg.read_text(encoding="utf-8")
    if 'xml:space="preserve"' not in text:
        svg.write_text(re.sub(r"<svg ", '<svg xml:space="preserve" ', text, count=1), "utf-8")


_RUN = re.compile(
    r'(<text [^>]*?)x="([0-9.]+)"( y="[0-9.]+") textLength="([0-9.]+)"([^>]*>)([^<]*)</text>'
)
_UNIT = re.compile(r"&[#\w]+;|.", re.DOTALL)


def one_cell_each(svg_text: str) -> str:
    """Every character at its own cell's x. librsvg ignores `textLength`, so a long run of
    box-drawing glyphs (drawn by a font with a slightly wider advance) overshoots the cells
    after it: a panel's right border looked doubled, sticking out past the screen's edge.
    Only the copy turned into a PNG is changed; the SVG keeps Textual's runs."""

    def split(found: re.Match[str]) -> str:
        head, x, y, length, tail, text = found.groups()
        units = _UNIT.findall(text)
        widths = [cell_len(html.unescape(unit)) for unit in units]
        total = sum(widths)
        if len(units) < 2 or total == 0:
            return found.group(0)
        cell = float(length) / total
        parts, at = [], float(x)
        for unit, width in zip(units, widths, strict=True):
            if unit not in ("&#160;", " "):
                parts.append(
                    f'{head}x="{at:.1f}"{y} textLength="{cell * width:.1f}"{tail}{unit}</text>'
                )
            at += cell * width
        return "".join(parts)

    return _RUN.sub(split, svg_text)


def to_png(svg: Path, converter: str) -> Path:
    png = svg.with_suffix(".png")
    with tempfile.TemporaryDirectory(prefix="huddle-png-") as tmp:
        cells = Path(tmp) / svg.name
        cells.write_text(one_cell_each(svg.read_text(encoding="utf-8")), "utf-8")
        subprocess.run([converter, "--format=png", "-o", str(png), str(cells)], check=True)
    return png


def main(names: list[str]) -> int:
    shots = [s for s in SHOTS if not names or s.name in names]
    unknown = set(names) - {s.name for s in SHOTS}
    if unknown:
        print(f"no such picture: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    converter = shutil.which("rsvg-convert")
    if converter is None:
        print(
            "rsvg-convert is missing, so only SVGs will be written. For PNGs install it:\n"
            "  sudo apt install librsvg2-bin fonts-firacode",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="huddle-shots-") as tmp:
        work = Path(tmp)
        master = work / "master.db"
        create_demo_file(master, TODAY)
        for shot in shots:
            svg = asyncio.run(take(shot, demo_copy(master, work)))
            for_rsvg(svg)
            made = [svg.name]
            if converter is not None:
                made.append(to_png(svg, converter).name)
            print(f"{shot.name:22} {shot.size[0]}x{shot.size[1]}  {'  '.join(made)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""CPU per key: what a key costs the app (time.process_time around a Pilot press and the
app settling), headless at 120x36. Typing on the Today stage is compared with the same
letters typed into a bare app holding an Input and a DataTable, in the same run; History's
day back and forward, and keys on a team of 10,000 members and 500 goals, against a target
in milliseconds. Part of `python bench/run.py`.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path

from harness import Row, cached, demo_team, table, working_copy
from teams import CROWD_TODAY, GENERATOR, build_crowd
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.cards import CardBoard

TARGET_TYPING = 1.5
"""Typing on Today: at most 1.5x the bare Input + DataTable app."""
TARGET_HISTORY_MS = 30.0
TARGET_CROWD_MS = 50.0
TARGET_FIRST_BUILD_MS = 500.0
"""A stage's first build on the big team: it reads the whole team once (the speaking order
needs everyone here), and draws only what it shows."""
LETTERS = "prepare the visit questions"
SIZE = (120, 36)
TV = (200, 50)
"""The TV: Today shows the board of everyone's steps as cards."""


class BareTyping(App[None]):
    """The baseline: an Input above a DataTable of a few rows."""

    def compose(self) -> ComposeResult:
        yield Input()
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Who", "Small step", "Goal")
        for n in range(9):
            table.add_row(f"Person {n}", f"Step {n}", "Cut the wait")
        self.query_one(Input).focus()


def key_name(letter: str) -> str:
    return "space" if letter == " " else letter


async def cpu_per_key(pilot: Pilot[None], keys: list[str]) -> list[float]:
    """Milliseconds of CPU for each key, from the press until the app has settled."""
    spent = []
    for key in keys:
        started = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        spent.append((time.process_time() - started) * 1000)
    return spent


async def settle(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    for _ in range(600):
        if condition():
            return
        await pilot.pause(0.05)
    raise RuntimeError("the app never got there")


def in_app(
    app: App[None],
    steps: Callable[[Pilot[None]], Awaitable[list[float]]],
    size: tuple[int, int] = SIZE,
) -> list[float]:
    async def go() -> list[float]:
        async with app.run_test(size=size) as pilot:
            return await steps(pilot)

    return asyncio.run(go())


def huddle_app(path: Path, today: date) -> HuddleApp:
    clock = FixedClock(datetime.combine(today, datetime.min.time()).replace(hour=9).astimezone())
    return HuddleApp(Store.open(path, clock=clock))


def typing_on_today(path: Path, today: date, letters: str) -> list[float]:
    app = huddle_app(path, today)

    async def steps(pilot: Pilot[None]) -> list[float]:
        await pilot.press("h", "3")
        await settle(pilot, lambda: isinstance(app.focused, Input))
        return await cpu_per_key(pilot, [key_name(c) for c in letters])

    try:
        return in_app(app, steps)
    finally:
        app.store.close()


def typing_bare(letters: str) -> list[float]:
    app = BareTyping()

    async def steps(pilot: Pilot[None]) -> list[float]:
        await settle(pilot, lambda: isinstance(app.focused, Input))
        return await cpu_per_key(pilot, [key_name(c) for c in letters])

    return in_app(app, steps)


def history_days(path: Path, today: date, moves: int) -> list[float]:
    app = huddle_app(path, today)

    async def steps(pilot: Pilot[None]) -> list[float]:
        await pilot.press("p")
        await settle(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        return await cpu_per_key(pilot, ["left"] * moves + ["right"] * moves)

    try:
        return in_app(app, steps)
    finally:
        app.store.close()


def crowd_keys(path: Path, moves: int, letters: str) -> tuple[list[float], list[float]]:
    app = huddle_app(path, CROWD_TODAY)
    found: dict[str, list[float]] = {}

    async def steps(pilot: Pilot[None]) -> list[float]:
        await pilot.press("h", "1")
        await settle(pilot, lambda: type(app.screen).__name__ == "HuddleScreen")
        found["who"] = await cpu_per_key(pilot, ["down"] * moves + ["space"] * 2)
        await pilot.press("3")
        await settle(pilot, lambda: isinstance(app.focused, Input))
        found["today"] = await cpu_per_key(pilot, [key_name(c) for c in letters] + ["down"] * 2)
        return []

    try:
        in_app(app, steps)
    finally:
        app.store.close()
    return found["who"], found["today"]


def tv_downs(path: Path, moves: int) -> list[float]:
    """Down (the next person) on Today at the TV's size, the board of cards showing."""
    app = huddle_app(path, CROWD_TODAY)

    async def steps(pilot: Pilot[None]) -> list[float]:
        await pilot.press("h", "3")
        await settle(pilot, lambda: bool(app.screen.query("#today-board-cards")))
        await pilot.pause()
        return await cpu_per_key(pilot, ["down"] * moves)

    try:
        return in_app(app, steps, TV)
    finally:
        app.store.close()


def tv_first_build(path: Path) -> float:
    """Today's first build on the TV: 3 from Who's here, until the board shows the speaker's
    card (the stage reads the team and draws its page of cards), in ms of CPU."""
    app = huddle_app(path, CROWD_TODAY)

    def speaker_shown() -> bool:
        boards = app.screen.query("#today-board-cards")
        return bool(boards) and "▶" in boards.first(CardBoard).text()

    async def steps(pilot: Pilot[None]) -> list[float]:
        await pilot.press("h", "1")
        await settle(pilot, lambda: type(app.screen).__name__ == "HuddleScreen")
        await pilot.pause()
        started = time.process_time()
        await pilot.press("3")
        await settle(pilot, speaker_shown)
        await pilot.pause()
        return [(time.process_time() - started) * 1000]

    try:
        return in_app(app, steps, TV)[0]
    finally:
        app.store.close()


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def run(quick: bool, folder: Path) -> str:
    os.environ["HUDDLE_CONFIG"] = str(folder / "keys-settings.json")
    demo = demo_team(folder)
    letters = LETTERS[:6] if quick else LETTERS
    rounds = 1 if quick else 3
    today, bare = [], []
    for _ in range(rounds):  # taking turns, so machine noise hits both alike
        work = working_copy(demo, folder / f"today-{len(today)}")
        today += typing_on_today(work, date(2026, 11, 30), letters)
        bare += typing_bare(letters)
    history_file = working_copy(demo, folder / "history")
    history = history_days(history_file, date(2026, 11, 30), 3 if quick else 10)
    if quick:
        crowd = folder / "crowd-quick.db"
        build_crowd(crowd, 30, 5)
    else:
        crowd = working_copy(cached("crowd-10000m", GENERATOR, build_crowd), folder)
    who, crowd_today = crowd_keys(crowd, 2 if quick else 5, letters[: 3 if quick else 5])
    tv = tv_downs(crowd, 2 if quick else 5)
    source = crowd if quick else cached("crowd-10000m", GENERATOR, build_crowd)
    built = [  # each on a fresh copy: the huddle not yet started
        tv_first_build(working_copy(source, folder / f"first-build-{n}"))
        for n in range(1 if quick else 3)
    ]
    size = "30 members, 5 goals" if quick else "10,000 members, 500 goals"
    rows = [
        Row("typing on Today, demo team, per key", today, baseline=bare,
            baseline_name="bare Input + DataTable", target=TARGET_TYPING),
        Row("History, a day back or forward (left/right), demo team", history, baseline=bare,
            baseline_name="bare typing", target=TARGET_HISTORY_MS, absolute=True,
            note=f"p95 {p95(history):.0f} ms"),
        Row(f"Who's here, down and space (here/away), {size}", who, baseline=bare,
            baseline_name="bare typing",
            target=TARGET_CROWD_MS, absolute=True),
        Row(f"Today, typing and down (next person), {size}", crowd_today, baseline=bare,
            baseline_name="bare typing", target=TARGET_CROWD_MS, absolute=True),
        Row(f"Today on the TV ({TV[0]}x{TV[1]}), down (next person), {size}", tv,
            baseline=bare, baseline_name="bare typing", target=TARGET_CROWD_MS, absolute=True),
        Row(f"Today on the TV, its first build (3 from Who's here until the board shows the"
            f" speaker), {size}", built, baseline=bare, baseline_name="bare typing",
            target=TARGET_FIRST_BUILD_MS, absolute=True),
    ]  # fmt: skip
    return (
        "## CPU per key (bench/bench_keys.py)\n\n"
        "Headless (Pilot) at 120x36; CPU time (`process_time`) from a key press until the app"
        f" has settled, per key. Typing: '{letters}' on the Today stage"
        f" ({rounds} rounds, taking turns with the bare app). Targets: typing at most"
        f" {TARGET_TYPING:g}x the bare app; History at most {TARGET_HISTORY_MS:.0f} ms median;"
        f" a key on the big team at most {TARGET_CROWD_MS:.0f} ms; Today's first build on the TV at"
        f" most {TARGET_FIRST_BUILD_MS:.0f} ms. Median bare key:"
        f" {statistics.median(bare):.1f} ms.\n\n" + table(rows, quick)
    )

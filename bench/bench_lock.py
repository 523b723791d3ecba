"""The app while another process holds the write lock: how late a frame can be.

Headless on the demo team: a probe in the app's event loop wakes every 10 ms and notes how
late it woke. Someone saves (a step typed on the Today stage; a new goal from its form; a
blocker raised through its dialog, paused on long enough for its draft to be saved) while a
second process holds SQLite's write lock for HOLD seconds; the same is done with no lock,
as the baseline. Target: never a frame late by more than 100 ms. Part of `python bench/run.py`.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from harness import Row, demo_team, table, working_copy
from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialog_draft import DRAFT_SAVE_SECONDS

TARGET_MS = 100.0
TICK = 0.01
LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


async def step_on_today(pilot: Pilot[None]) -> Callable[[], Awaitable[None]]:
    await pilot.press("h", "3")
    await until(pilot, lambda: isinstance(pilot.app.focused, Input))
    return lambda: pilot.press(*"a step", "enter")


async def goal_from_its_form(pilot: Pilot[None]) -> Callable[[], Awaitable[None]]:
    await pilot.press("escape", "g", "a")
    await until(pilot, lambda: isinstance(pilot.app.focused, Input))
    return lambda: pilot.press(*"a goal", "enter")


async def blocker_from_its_dialog(pilot: Pilot[None]) -> Callable[[], Awaitable[None]]:
    await pilot.press("h", "4", "b", "enter")  # raise, for the first person listed
    await until(pilot, lambda: isinstance(pilot.app.focused, Input))

    async def save() -> None:
        await pilot.press(*"a blocker")
        await asyncio.sleep(DRAFT_SAVE_SECONDS + 0.2)  # its draft is being saved, under the lock
        await pilot.press("enter")

    return save


SCENARIOS: dict[str, Callable[[Pilot[None]], Awaitable[Callable[[], Awaitable[None]]]]] = {
    "saving a step": step_on_today,
    "a goal saved from its form": goal_from_its_form,
    "a blocker given in its dialog": blocker_from_its_dialog,
}


async def worst_lateness(path: Path, hold: float, scenario: str = "saving a step") -> float:
    """Milliseconds of the latest wake-up while something is saved (under a lock if hold > 0)."""
    clock = FixedClock(datetime(2026, 11, 30, 9).astimezone())
    store = Store.open(path, clock=clock)
    app = HuddleApp(store)
    loop = asyncio.get_running_loop()
    late: list[float] = []
    stop = asyncio.Event()

    async def probe() -> None:
        last = loop.time()
        while not stop.is_set():
            await asyncio.sleep(TICK)
            now = loop.time()
            late.append(now - last - TICK)
            last = now

    try:
        async with app.run_test(size=(120, 36)) as pilot:
            save = await SCENARIOS[scenario](pilot)
            locker = None
            if hold:
                locker = subprocess.Popen(
                    [sys.executable, "-c", LOCKER, str(path), str(hold)],
                    stdout=subprocess.PIPE,
                    text=True,
                )
                assert locker.stdout is not None
                await asyncio.to_thread(locker.stdout.readline)
            watching = asyncio.create_task(probe())
            await save()
            await asyncio.sleep(hold + 0.5)
            stop.set()
            await watching
            if locker is not None:
                locker.wait()
    finally:
        store.close()
    return max(late) * 1000


async def until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    for _ in range(600):
        if condition():
            return
        await pilot.pause(0.05)


def run(quick: bool, folder: Path) -> str:
    demo = demo_team(folder)
    hold = 0.2 if quick else 3.0
    rows = []
    for at, scenario in enumerate(SCENARIOS):
        locked, free = [], []
        for n in range(1 if quick else 3):
            copy = working_copy(demo, folder / f"free{at}-{n}")
            free.append(asyncio.run(worst_lateness(copy, 0, scenario)))
            copy = working_copy(demo, folder / f"lock{at}-{n}")
            locked.append(asyncio.run(worst_lateness(copy, hold, scenario)))
        rows.append(
            Row(f"worst frame lateness, {scenario} while the lock is held {hold:g} s", locked,
                baseline=free, baseline_name="the same, no lock", target=TARGET_MS, absolute=True)
        )  # fmt: skip
    return (
        "## The app while another process holds the write lock (bench/bench_lock.py)\n\n"
        f"Demo team, headless; a probe wakes every {TICK * 1000:.0f} ms in the app's event loop"
        " and the latest wake-up is the figure. Target: never a frame late by more than"
        f" {TARGET_MS:.0f} ms.\n\n" + table(rows, quick)
    )

"""The guided huddle's Today line reads the same shorthand as `huddle add`: a lead types a step
for someone who is away with @name, and a leading ! raises a blocker; and the stage stays live
while practitioners add their steps from their own terminals."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.today import StepInput, TodayStage

from .screen_helpers import wait_until

MONDAY = date(2026, 11, 30)
ROOT = Path(__file__).resolve().parents[2]


def huddle_from_another_terminal(store: Store, *args: str) -> subprocess.CompletedProcess[str]:
    """`huddle --db FILE ARGS...` in a second process, on the tests' Monday."""
    assert store.db.path is not None
    env = {**os.environ, "HUDDLE_TODAY": MONDAY.isoformat(), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "huddle", "--db", str(store.db.path), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def type_line(pilot: Pilot[None], text: str) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.pause()


async def test_at_name_saves_the_step_for_that_person_and_keeps_the_turn(
    store: Store, clock: FixedClock
) -> None:
    sam = store.members.find("sam")
    store.drafts.save(MONDAY, {sam.id: "Sam's own half-typed line"})
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert "Ann Smith - your small step for today" in await shown(pilot)
        await type_line(pilot, "Chase the OT report @sam #cut")
        assert "a step for Sam Okafor towards: Cut the wait" in await shown(pilot)
        await pilot.press("enter")

        # Still Ann's turn: she has not said her own step yet.
        assert "Ann Smith - your small step for today" in await shown(pilot)
        assert app.screen.query_one(StepInput).value == ""
        assert [(s.member_name, s.text) for s in store.steps.on_day(MONDAY)] == [
            ("Sam Okafor", "Chase the OT report")
        ]
        # Sam's own draft is his, untouched.
        assert store.drafts.on(MONDAY).get(sam.id) == "Sam's own half-typed line"


async def test_an_at_name_inside_the_sentence_stays_in_the_step_of_the_person_speaking(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Visit flat 3 Elm Road with @bea before 10")
        assert "a step, @bea kept as typed" in await shown(pilot)
        await pilot.press("enter")
        assert "Bea Jones - your small step for today" in await shown(pilot)
        assert [(s.member_name, s.text) for s in store.steps.on_day(MONDAY)] == [
            ("Ann Smith", "Visit flat 3 Elm Road with @bea before 10")
        ]


async def test_a_bang_on_the_today_line_raises_a_blocker(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "! The referral form asks twice @bea")
        assert "a blocker for Bea Jones" in await shown(pilot)
        await pilot.press("enter")
        assert [(b.raised_by_name, b.text) for b in store.blockers.open()] == [
            ("Bea Jones", "The referral form asks twice")
        ]
        assert store.steps.on_day(MONDAY) == []


async def test_a_step_added_from_a_desk_shows_in_the_today_stage_while_someone_types(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Half of Ann's line")
        entry = app.screen.query_one(StepInput)

        done = await asyncio.to_thread(
            huddle_from_another_terminal,
            store,
            "add",
            "Ann's step from her desk",
            "--who",
            "ann",
        )
        assert done.returncode == 0, done.stderr

        stage = app.screen.query_one(TodayStage)
        assert await wait_until(
            pilot,
            lambda: (
                [s.text for s in stage.steps.get(store.members.find("ann").id, [])]
                == ["Ann's step from her desk"]
            ),
        )
        assert "Ann's step from her desk" in await shown(pilot)
        assert entry.has_focus
        assert entry.value == "Half of Ann's line"

"""The shared screen stays live: a step added from someone's own terminal shows up without
anyone pressing a key, with a notice saying who added it, and nobody at the shared keyboard
loses their place or what they were typing."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.widgets import DataTable, Input
from textual.widgets._toast import Toast

from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.base import LiveScreen

from .screen_helpers import screen_text, wait_until
from .test_file_trouble_app import fill_the_disk

ROOT = Path(__file__).resolve().parents[2]


def huddle_from_another_terminal(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`huddle --db FILE ARGS...` in a second process, on the tests' Monday."""
    env = {**os.environ, "HUDDLE_TODAY": "2026-11-30", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "huddle", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def column(table: DataTable[object], index: int) -> list[str]:
    return [str(table.get_row(row.key)[index]) for row in table.ordered_rows]


def notices(app: HuddleApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def db_path(store: Store) -> Path:
    assert store.db.path is not None
    return store.db.path


async def test_a_step_added_from_another_terminal_appears_on_the_shared_screen(
    store: Store,
) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        steps = app.screen.query_one("#steps", DataTable)
        assert column(steps, 1) == []

        done = await asyncio.to_thread(
            huddle_from_another_terminal,
            db_path(store),
            "add",
            "Ring the carer from my desk [today] #wait",
            "--who",
            "sam",
        )
        assert done.returncode == 0, done.stderr

        assert await wait_until(
            pilot, lambda: "Ring the carer from my desk [today]" in column(steps, 1)
        )
        assert column(steps, 0) == ["Sam Okafor"]
        assert column(steps, 2) == ["Cut the wait for a care assessment"]
        assert await wait_until(pilot, lambda: "Sam Okafor added a step" in notices(app))


async def test_a_step_added_for_a_later_huddle_says_for_which_day(store: Store) -> None:
    # Sam plans Wednesday's step during Monday's huddle: it is not on the board, and the
    # notice says why, rather than send the lead looking for it.
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("h", "3")
        done = await asyncio.to_thread(
            huddle_from_another_terminal,
            db_path(store),
            "add",
            "Book the room",
            "--who",
            "sam",
            "--for",
            "wed",
        )
        assert done.returncode == 0, done.stderr
        assert await wait_until(
            pilot, lambda: "Sam Okafor added a step for Wed 2 Dec" in notices(app)
        )


async def test_a_blocker_raised_from_another_terminal_is_announced(store: Store) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        blockers = app.screen.query_one("#blockers", DataTable)
        done = await asyncio.to_thread(
            huddle_from_another_terminal, db_path(store), "add", "! No laptop for visits @bea"
        )
        assert done.returncode == 0, done.stderr
        assert await wait_until(pilot, lambda: column(blockers, 2) == ["No laptop for visits"])
        assert await wait_until(pilot, lambda: "Bea Jones raised a blocker" in notices(app))


async def test_typing_on_the_shared_screen_survives_a_live_refresh(store: Store) -> None:
    ann = store.members.find("ann")
    for text in ("Book the room", "Chase the OT report", "Write notes within the hour"):
        store.steps.add(ann, text, store.coming_huddle_day())
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        steps = app.screen.query_one("#steps", DataTable)
        steps.focus()
        await pilot.press("down", "down")
        assert steps.cursor_row == 2
        chosen = column(steps, 1)[2]
        await pilot.press("a")
        await pilot.press(*"Ring the carer #wa")
        await pilot.press("left", "left")
        entry = app.screen.query_one("#entry", Input)
        assert entry.has_focus

        done = await asyncio.to_thread(
            huddle_from_another_terminal, db_path(store), "add", "A step from Bea", "--who", "bea"
        )
        assert done.returncode == 0, done.stderr
        assert await wait_until(pilot, lambda: "A step from Bea" in column(steps, 1))

        assert entry.has_focus
        assert entry.value == "Ring the carer #wa"
        assert entry.cursor_position == len("Ring the carer #wa") - 2
        assert column(steps, 1)[steps.cursor_row] == chosen


async def test_a_refresh_that_brings_nothing_new_leaves_the_table_alone(store: Store) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Book the room", store.coming_huddle_day())
    store.steps.add(ann, "Chase the OT report", store.coming_huddle_day())
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        steps = app.screen.query_one("#steps", DataTable)
        steps.focus()
        await pilot.press("down")
        seen = app._seen_version
        # Another process changes something this screen does not show.
        other = Store.open(db_path(store), clock=store.clock)
        other.team.update(timebox_minutes=12)
        other.close()
        assert await wait_until(pilot, lambda: app._seen_version != seen)
        await pilot.pause()
        assert steps.cursor_row == 1


async def test_a_step_typed_on_the_shared_screen_is_saved_with_its_shorthand(
    store: Store,
) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a")
        await pilot.press(*"Prepare the visit questions #wa")
        await pilot.pause()
        await pilot.press("tab", *"@be", "tab", "enter")
        await pilot.pause()
        steps = app.screen.query_one("#steps", DataTable)
        assert column(steps, 0) == ["Bea Jones"]
        assert column(steps, 1) == ["Prepare the visit questions"]
        assert app.screen.query_one("#entry", Input).value == ""
        assert [s.text for s in store.steps.on_day(store.coming_huddle_day())] == [
            "Prepare the visit questions"
        ]
        # Our own save is not announced as if it came from elsewhere.
        app.check_for_changes()
        await pilot.pause()
        assert not any("added a step" in notice for notice in notices(app))


async def test_a_line_naming_nobody_is_kept_and_explained(store: Store) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", *"Ring the carer", "enter")
        await pilot.pause()
        assert app.screen.query_one("#entry", Input).value == "Ring the carer"
        # Said once, under the box typed in: not again as a notice.
        assert "whose is it? Add @name" in screen_text(app)
        assert not any("whose is it?" in notice for notice in notices(app))
        assert store.steps.on_day(store.coming_huddle_day()) == []


async def test_a_line_the_file_refuses_is_kept_and_said_once_under_the_box(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("a", *"Ring the carer @bea")
        fill_the_disk(store, monkeypatch)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#entry", Input).value == "Ring the carer @bea"
        assert "the disk is full" in screen_text(app)
        assert not any("the disk is full" in notice for notice in notices(app))
        monkeypatch.undo()
        assert store.steps.on_day(store.coming_huddle_day()) == []


class PlainScreen(LiveScreen):
    """A screen written the simple way: its reload clears and refills its table, and
    rebuilds its input, as a new screen might. The app keeps people's place anyway."""

    def compose(self) -> ComposeResult:
        yield DataTable(id="plain", cursor_type="row")
        yield Input(id="note")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Who", "Small step")
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for step in self.store.steps.on_day(self.store.coming_huddle_day()):
            table.add_row(step.member_name, step.text, key=step.id)
        self.query_one(Input).value = ""
        self.set_focus(None)


async def test_any_live_screen_keeps_the_cursor_focus_and_typing(store: Store) -> None:
    ann = store.members.find("ann")
    for text in ("Book the room", "Chase the OT report", "Write notes within the hour"):
        store.steps.add(ann, text, store.coming_huddle_day())
    app = HuddleApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(PlainScreen())
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.focus()
        await pilot.press("down", "down")
        chosen = column(table, 1)[2]
        note = app.screen.query_one(Input)
        note.focus()
        await pilot.press(*"half a sentence")

        other = Store.open(db_path(store), clock=store.clock)
        other.steps.add(other.members.find("bea"), "Bea's step", other.coming_huddle_day())
        other.close()
        assert await wait_until(pilot, lambda: "Bea's step" in column(table, 1))

        assert note.has_focus
        assert note.value == "half a sentence"
        assert column(table, 1)[table.cursor_row] == chosen


async def test_the_management_view_shows_a_blocker_sent_up_from_another_terminal(
    store: Store,
) -> None:
    blocker = store.blockers.raise_blocker(store.members.find("sam"), "Only IT can change the form")
    app = HuddleApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        sent_up = app.screen.query_one("#sent-up", DataTable)
        assert sent_up.row_count == 0

        done = await asyncio.to_thread(
            huddle_from_another_terminal,
            db_path(store),
            "escalate",
            blocker.short_id,
            "--reason",
            "The team cannot change the form",
            "--who",
            "ann",
        )
        assert done.returncode == 0, done.stderr

        assert await wait_until(
            pilot, lambda: "Only IT can change the form" in " ".join(column(sent_up, 2))
        )
        assert sent_up.has_focus


async def test_a_long_refusal_under_the_add_bar_is_read_whole_on_a_laptop(store: Store) -> None:
    app = HuddleApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Ring the carer #zz @bea", "enter")
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "no goal matches 'zz'" in shown
        assert "More strengths-based assessments" in shown  # the end of it, not cut off

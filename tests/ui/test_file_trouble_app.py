"""The app when the file misbehaves: a write lock held by another process, a full disk, a
bug in a store call. The screen never stops, what was typed is never lost, and the app runs on.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import Stage, StepStatus
from huddle.core.store import Store, StoreError
from huddle.core.store.db import Db
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages.today import StepInput
from huddle.ui.widgets.huddle_top import HuddleTop
from tests.ui.screen_helpers import notices, screen_text, wait_until

MONDAY = date(2026, 11, 30)


class FullDisk:
    """The app's connection on a disk with no room left: every commit fails as SQLite's does."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT":
            self.conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)


def fill_the_disk(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.db, "conn", FullDisk(store.db.conn))


def steps_on(store: Store, day: date) -> set[tuple[str, str]]:
    return {(s.member_name, s.text) for s in store.steps.on_day(day)}


async def test_a_lock_held_elsewhere_never_stops_the_screen_and_the_step_is_saved_after(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        assert screen.stage is Stage.TODAY
        entry = screen.query_one(StepInput)
        # Another process (a sqlite3 shell) takes the write lock and keeps it.
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            entry.insert_text_at_cursor("Ring the carer before the visit")
            await pilot.press("enter")
            assert await wait_until(
                pilot, lambda: any("Waiting for the file" in n for n in notices(app))
            )
            assert entry.value == "Ring the carer before the visit"  # kept in its field
            # The timebox goes on ticking and keys go on working while the file is locked.
            shown_before = screen.query_one(HuddleTop).time_text
            clock.advance(minutes=2)
            assert await wait_until(
                pilot, lambda: screen.query_one(HuddleTop).time_text != shown_before
            )
            await pilot.press("down")  # Bea's turn
            entry.insert_text_at_cursor("Bea half-typed")
            await pilot.pause()
            assert entry.value == "Bea half-typed"
            assert steps_on(store, MONDAY) == set()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        # The file is free: the step is saved, once, and shown; Bea's line is untouched.
        assert await wait_until(pilot, lambda: bool(steps_on(store, MONDAY)))
        assert steps_on(store, MONDAY) == {("Ann Smith", "Ring the carer before the visit")}
        assert await wait_until(pilot, lambda: any("Saved" in n for n in notices(app)))
        assert entry.value == "Bea half-typed"
        assert await wait_until(pilot, lambda: "✓ Ann Smith" in screen_text(app))
        # Saved as a step, the line is not also kept as a draft to be typed again.
        assert store.drafts.on(MONDAY).get(store.members.find("ann").id) is None
        assert app.is_running


async def test_enter_pressed_twice_while_the_file_is_locked_saves_one_step(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        entry = screen.query_one(StepInput)
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            entry.insert_text_at_cursor("Book the interpreter")
            await pilot.press("enter", "enter")
            await pilot.pause()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert await wait_until(pilot, lambda: bool(steps_on(store, MONDAY)))
        assert await wait_until(pilot, lambda: entry.value == "")  # still Ann's turn: cleared
        assert steps_on(store, MONDAY) == {("Ann Smith", "Book the interpreter")}
        assert len(store.steps.on_day(MONDAY)) == 1


async def test_a_full_disk_is_a_notice_and_the_typed_step_stays_in_its_field(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        entry = screen.query_one(StepInput)
        fill_the_disk(store, monkeypatch)
        line = "Write the notes within the hour " + "and say who was there " * 40
        entry.insert_text_at_cursor(line[:280])
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: any("disk is full" in n for n in notices(app)))
        assert entry.value == line[:280]
        assert app.is_running
        assert screen.stage is Stage.TODAY


async def test_h_on_a_full_disk_is_a_notice_not_the_end_of_the_app(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        fill_the_disk(store, monkeypatch)
        await pilot.press("h")
        assert await wait_until(pilot, lambda: any("disk is full" in n for n in notices(app)))
        assert app.is_running
        await pilot.press("p")  # keys still work: Past huddles
        assert await wait_until(pilot, lambda: "History" in type(app.screen).__name__)


@pytest.mark.shows_a_bug
async def test_a_bug_in_a_store_call_is_one_line_and_the_typed_text_stays(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        entry = screen.query_one(StepInput)

        def broken(*args: object, **kwargs: object) -> None:
            raise ValueError("a bug")

        monkeypatch.setattr(type(store.steps), "add", broken)
        entry.insert_text_at_cursor("Chase the OT report")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: any("a bug" in n for n in notices(app)))
        assert entry.value == "Chase the OT report"
        assert app.is_running


def test_the_apps_connection_waits_for_a_lock_only_briefly(store: Store, tmp_path: Path) -> None:
    HuddleApp(store)
    assert store.db.value("PRAGMA busy_timeout") <= 100
    assert isinstance(store.db, Db)


async def test_a_theme_chosen_with_a_settings_folder_that_cannot_be_written(
    store: Store, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_the_way = tmp_path / "config"
    in_the_way.write_text("not a folder")
    monkeypatch.setenv("HUDDLE_CONFIG", str(in_the_way / "huddle" / "settings.json"))
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        assert await wait_until(pilot, lambda: any("this run only" in n for n in notices(app)))
        assert app.theme == "textual-light"
        assert app.is_running


async def test_a_lock_never_released_gives_up_with_a_notice_and_keeps_the_line(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    app = HuddleApp(store, clock=clock)
    waited = [0.0]
    app.waiting.clock = lambda: waited[0]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        entry = screen.query_one(StepInput)
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            entry.insert_text_at_cursor("Chase the OT report")
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: len(app.waiting) > 0)
            assert await wait_until(
                pilot, lambda: any("Waiting for the file" in n for n in notices(app))
            )  # said once the first try again meets the lock too
            waited[0] = 10.0  # the first notice has gone: it is said again
            assert await wait_until(
                pilot, lambda: any("Still waiting for the file" in n for n in notices(app))
            )
            waited[0] = 61.0  # a minute on, the lock still held
            assert await wait_until(pilot, lambda: any("Not saved" in n for n in notices(app)))
            assert len(app.waiting) == 0
            assert entry.value == "Chase the OT report"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        # Not saved as a step, the line is kept as Ann's draft once the file is free.
        await pilot.press("down")
        ann = store.members.find("ann")
        assert await wait_until(pilot, lambda: store.drafts.on(MONDAY).get(ann.id) is not None)
        assert store.drafts.on(MONDAY)[ann.id] == "Chase the OT report"
        await pilot.press("up")
        assert await wait_until(pilot, lambda: entry.value == "Chase the OT report")
        await pilot.press("enter")  # tried again by hand, now the file is free
        assert await wait_until(pilot, lambda: bool(steps_on(store, MONDAY)))
        assert steps_on(store, MONDAY) == {("Ann Smith", "Chase the OT report")}


async def test_a_file_problem_met_outside_a_guarded_call_is_one_line_not_the_end(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(self: HuddleApp) -> None:
        raise StoreError("can't use team.db: the disk reported an error")

    monkeypatch.setattr(HuddleApp, "action_open_digest", unreadable)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        assert await wait_until(pilot, lambda: any("disk reported" in n for n in notices(app)))
        assert app.is_running
        await pilot.press("p")  # keys still work: Past huddles
        assert await wait_until(pilot, lambda: "History" in type(app.screen).__name__)


async def test_quitting_while_a_save_waits_for_the_file_says_so_first(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            screen.query_one(StepInput).insert_text_at_cursor("Chase the OT report")
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: len(app.waiting) > 0)
            await pilot.press("ctrl+q")
            assert await wait_until(
                pilot, lambda: "1 change still waits for the file" in screen_text(app)
            )
            await pilot.press("n")  # stay
            assert app.is_running
        finally:
            holder.execute("ROLLBACK")
            holder.close()


async def test_a_huddle_started_while_the_file_is_locked_goes_on_and_is_saved_after(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("h")
            assert await wait_until(pilot, lambda: isinstance(app.screen, HuddleScreen))
            screen = app.screen
            assert isinstance(screen, HuddleScreen)
            assert not screen.read_only
            assert "(read only)" not in screen_text(app)
            await pilot.press("3")
            assert screen.stage is Stage.TODAY
            assert store.huddles.get(MONDAY) is None
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert await wait_until(pilot, lambda: store.huddles.get(MONDAY) is not None)
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)


async def test_marks_made_while_the_file_is_locked_are_saved_in_order_after(
    store: Store, clock: FixedClock
) -> None:
    assert store.db.path is not None
    friday = date(2026, 11, 27)
    ann, bea = store.members.find("ann"), store.members.find("bea")
    store.steps.add(ann, "Prepare the visit questions", friday)
    store.steps.add(bea, "Ring the carer", friday)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        screen = app.screen
        assert isinstance(screen, HuddleScreen)
        assert screen.stage is Stage.YESTERDAY
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("d")
            assert await wait_until(pilot, lambda: len(app.waiting) > 0)
            await pilot.press("x")
            await pilot.pause()
            assert {s.status for s in store.steps.on_day(friday)} == {StepStatus.PLANNED}
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        statuses = {s.text: s.status for s in store.steps.on_day(friday)}
        assert statuses == {
            "Prepare the visit questions": StepStatus.DONE,
            "Ring the carer": StepStatus.DROPPED,
        }
        assert await wait_until(pilot, lambda: "✗ dropped" in screen_text(app))


async def test_a_file_replaced_while_the_app_runs_is_shown_as_it_now_is_with_a_notice(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    path = store.db.path
    assert path is not None
    restored = tmp_path / "restored.db"
    other = Store.open(restored, clock=clock)
    other.team.update(name="Restored Team")
    other.close()
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "Restored Team" not in screen_text(app))
        restored.replace(path)  # a restore from a backup, or a sync client
        assert await wait_until(pilot, lambda: "Restored Team" in screen_text(app))
        assert await wait_until(
            pilot, lambda: any("was replaced while open" in n for n in notices(app))
        )


async def test_a_file_deleted_while_the_app_runs_is_a_notice_and_typing_goes_on(
    store: Store, clock: FixedClock
) -> None:
    path = store.db.path
    assert path is not None
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        for ending in ("", "-wal", "-shm"):
            Path(f"{path}{ending}").unlink(missing_ok=True)
        await pilot.press(*"Ring the carer @b")  # a tag is completed from the file
        assert await wait_until(
            pilot, lambda: any("was moved or deleted while open" in n for n in notices(app))
        )
        await pilot.press("e", "a", "enter")
        # The refusal is said once, under the box (eaa5187), not as a notice.
        assert await wait_until(pilot, lambda: "can't save" in screen_text(app))
        assert app.is_running
        assert "Ring the carer @bea" in screen_text(app)  # what was typed stays
    assert not path.exists()


async def test_a_tag_typed_while_the_file_cant_be_read_gets_no_suggestion_not_the_end(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable() -> list[object]:
        raise StoreError(f"{store.db.where} is damaged (database disk image is malformed)")

    monkeypatch.setattr(store.goals, "all", unreadable)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.press(*"Ring the carer #w")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.is_running
        assert "Ring the carer #w" in screen_text(app)

"""Saves from dialogs, the goal form and the pulse when the file misbehaves: another process
holds the write lock (a second connection in BEGIN IMMEDIATE, as a sqlite3 shell would), the
disk is full, or the file is read-only. What was typed is never lost, and the screen never
waits: a save that meets a busy file waits in line with the others and is made when the file
is free; a save refused outright is one line, and the dialog stays open with the typing."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from huddle.core.calendar import FixedClock
from huddle.core.measures import Better
from huddle.core.models import Goal, StepStatus
from huddle.core.pulse import week_of
from huddle.core.store import Store, file_check
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.goal_form import GoalFormScreen
from huddle.ui.screens.goals import GoalsScreen
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.pdsa import PdsaScreen
from huddle.ui.screens.stages.today import StepInput
from huddle.ui.waiting_writes import KEPT
from tests.ui.screen_helpers import notices, screen_text, wait_until
from tests.ui.test_file_trouble_app import fill_the_disk

MONDAY = date(2026, 11, 30)
FRIDAY = date(2026, 11, 27)


@contextmanager
def locked(store: Store) -> Iterator[None]:
    """Another process holds the write lock until the block ends."""
    assert store.db.path is not None
    holder = sqlite3.connect(store.db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def goal_titles(store: Store) -> list[str]:
    return [g.title for g in store.goals.all()]


async def type_goal(pilot: Pilot[None], app: HuddleApp, title: str, why: str = "") -> None:
    await pilot.press("a")
    assert await wait_until(pilot, lambda: isinstance(app.screen, GoalFormScreen))
    app.screen.query_one("#goal-title", Input).value = title
    app.screen.query_one("#goal-why", Input).value = why
    await pilot.press("enter")


async def test_a_goal_saved_while_the_file_is_locked_closes_kept_and_is_saved_after(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        with locked(store):
            await type_goal(pilot, app, "Fewer [forms] per visit", "People fill in twice")
            # The form closes at once and says the goal is kept; the screen goes on.
            assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
            assert await wait_until(
                pilot, lambda: any("Waiting for the file" in n for n in notices(app))
            )
            assert "Fewer [forms] per visit" not in goal_titles(store)
            await pilot.press("down")  # keys still work
        assert await wait_until(pilot, lambda: "Fewer [forms] per visit" in goal_titles(store))
        goal = store.goals.find("fewer")
        assert goal.why == "People fill in twice"
        # Then as if saved at once: the goal's row, picked, and the word that it is saved.
        assert await wait_until(pilot, lambda: "Saved: Fewer [forms] per visit" in notices(app))
        table = app.screen.query_one("#goals", DataTable)
        assert table.cursor_row == table.get_row_index(goal.id)
        assert "Fewer [forms] per visit" in screen_text(app)
        assert len(app.waiting) == 0


@pytest.mark.parametrize("lock", [False, True], ids=["free", "locked"])
async def test_a_goal_saved_from_its_form_is_drawn_on_the_goals_screen_once(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, lock: bool
) -> None:
    """The form closing, its result and the end of a wait each land on the screen: one
    reading of the file between them, not one each (each redraw is a frame late)."""
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("g")
        assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        reads: list[bool] = []
        read_goals = store.goals.all

        def reading(*, active_only: bool = True) -> list[Goal]:
            reads.append(active_only)
            return read_goals(active_only=active_only)

        monkeypatch.setattr(store.goals, "all", reading)
        with locked(store) if lock else nullcontext():
            await type_goal(pilot, app, "Fewer forms")
            assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
            await pilot.pause()
        assert await wait_until(pilot, lambda: "Saved: Fewer forms" in notices(app))
        await pilot.pause(0.3)
        assert "Fewer forms" in screen_text(app)
        assert len(reads) == 1


async def test_saves_from_dialogs_and_screens_wait_in_line_and_are_made_in_order(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        with locked(store):
            await type_goal(pilot, app, "First goal typed")
            assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
            await type_goal(pilot, app, "Second goal typed")
            assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
            assert any(KEPT in n for n in notices(app))  # the second one is said too
            await pilot.press("escape", "h", "3")  # a step on Today, in line after them
            assert await wait_until(pilot, lambda: isinstance(app.screen, HuddleScreen))
            app.screen.query_one(StepInput).insert_text_at_cursor("Chase the OT report")
            waiting = len(app.waiting)
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: len(app.waiting) > waiting)
            assert store.steps.on_day(MONDAY) == []
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        assert [s.text for s in store.steps.on_day(MONDAY)] == ["Chase the OT report"]
        made = store.db.rows("SELECT title FROM goals WHERE title LIKE '%typed' ORDER BY rowid")
        assert [r["title"] for r in made] == ["First goal typed", "Second goal typed"]


async def test_a_pdsa_cycle_planned_while_the_file_is_locked_is_saved_as_typed(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p")
        assert await wait_until(pilot, lambda: isinstance(app.screen, PdsaScreen))
        with locked(store):
            await pilot.press("n")
            app.screen.query_one("#pdsa-change", Input).value = "Ring people the day before"
            app.screen.query_one("#pdsa-prediction", Input).value = "Fewer wasted visits"
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: isinstance(app.screen, PdsaScreen))
            assert store.pdsa.recent() == []
        assert await wait_until(pilot, lambda: bool(store.pdsa.recent()))
        (cycle,) = store.pdsa.recent()
        assert (cycle.change, cycle.prediction) == (
            "Ring people the day before",
            "Fewer wasted visits",
        )
        assert await wait_until(pilot, lambda: "Ring people the day before" in screen_text(app))


async def test_the_pulse_rated_while_the_file_is_locked_is_kept_and_saved_after(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h", "5")
        assert await wait_until(pilot, lambda: "Ann Smith's turn" in screen_text(app))
        with locked(store):
            await pilot.press("enter", "4", "3", "s", "5", "4")
            assert await wait_until(pilot, lambda: "Bea Jones's turn" in screen_text(app))
            assert f"Thank you, Ann Smith. {KEPT}." in screen_text(app)
            await pilot.press("enter", "2", "escape")  # Bea rates one, in line after Ann
            assert await wait_until(pilot, lambda: "Sam Okafor's turn" in screen_text(app))
            assert store.db.rows("SELECT * FROM pulse_answers") == []
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        week = week_of(MONDAY)
        ann, bea = store.members.find("ann"), store.members.find("bea")
        assert store.pulse.answered(week) == {ann.id, bea.id}
        rows = store.db.rows("SELECT goal_clarity, goal_difficulty, commitment FROM pulse_answers")
        assert sorted(tuple(r) for r in rows) == [(2, None, None), (4, 3, 4)]
        assert "Sam Okafor's turn to rate: Enter starts" in screen_text(app)
        assert await wait_until(pilot, lambda: "Thank you, Bea Jones.\n" in screen_text(app))
        assert KEPT not in screen_text(app)


async def test_a_full_disk_keeps_the_goal_form_open_with_what_was_typed(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        fill_the_disk(store, monkeypatch)
        await type_goal(pilot, app, "Fewer forms", "People fill in twice")
        assert await wait_until(pilot, lambda: any("disk is full" in n for n in notices(app)))
        assert [n for n in notices(app) if "disk is full" in n] == [
            "can't save: the disk is full; free some space and try again"
        ]
        assert isinstance(app.screen, GoalFormScreen)
        assert app.screen.query_one("#goal-title", Input).value == "Fewer forms"
        assert app.screen.query_one("#goal-why", Input).value == "People fill in twice"
        monkeypatch.undo()  # space is freed: Enter again saves it
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        assert store.goals.find("fewer").why == "People fill in twice"


async def test_a_full_disk_keeps_the_pulse_answers_to_save_again(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h", "5")
        assert await wait_until(pilot, lambda: "Ann Smith's turn" in screen_text(app))
        fill_the_disk(store, monkeypatch)
        await pilot.press("enter", "4", "3", "s", "5", "4")
        assert await wait_until(pilot, lambda: any("disk is full" in n for n in notices(app)))
        assert "Ann Smith's answers are not saved yet" in screen_text(app)
        assert "Enter tries again" in screen_text(app)
        await pilot.press("5")  # no key rates over the answers kept
        monkeypatch.undo()
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "Bea Jones's turn" in screen_text(app))
        assert "Thank you, Ann Smith." in screen_text(app)
        rows = store.db.rows("SELECT goal_clarity, goal_difficulty, commitment FROM pulse_answers")
        assert [tuple(r) for r in rows] == [(4, 3, 4)]


async def test_a_read_only_file_refuses_a_new_goal_before_its_form_opens(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        file_check.os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode)
    )
    path = store.db.path
    assert path is not None
    store.close()
    store = Store.open(path, clock=clock)
    try:
        app = HuddleApp(store, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("g")
            assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))
            await pilot.press("a")  # nothing to type that could not be saved
            assert await wait_until(pilot, lambda: any("read-only" in n for n in notices(app)))
            assert [n for n in notices(app) if "read-only" in n] == [
                f"read-only here: {path} can't be written to, so nothing can be changed"
            ]
            assert isinstance(app.screen, GoalsScreen)
            assert len(app.waiting) == 0
    finally:
        store.close()


async def test_quitting_with_saves_waiting_asks_first(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        with locked(store):
            await type_goal(pilot, app, "Fewer forms")
            await type_goal(pilot, app, "Fewer visits missed")
            assert await wait_until(pilot, lambda: len(app.waiting) == 2)
            await pilot.press("q")
            question = "2 changes still wait for the file (someone else is saving). Leave"
            assert await wait_until(pilot, lambda: question in screen_text(app))
            await pilot.press("escape")  # stay
            assert isinstance(app.screen, GoalsScreen)
            await pilot.press("q")
            assert await wait_until(pilot, lambda: question in screen_text(app))
            await pilot.press("n")
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        assert {"Fewer forms", "Fewer visits missed"} <= set(goal_titles(store))
        await pilot.press("q")  # nothing waits now: quits at once
        assert await wait_until(pilot, lambda: not app.is_running)


def draft_writers() -> int:
    return sum(t.name.startswith("draft") for t in threading.enumerate())


async def test_a_line_given_in_a_dialog_while_the_file_is_locked_never_waits_for_its_draft(
    store: Store, clock: FixedClock
) -> None:
    step = store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2", "l")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        with locked(store):
            dialog = app.screen
            assert isinstance(dialog, AskText)
            dialog.query_one(Input).insert_text_at_cursor("Asking the day before saves a visit")
            await pilot.pause()
            assert dialog.draft is not None
            dialog.draft.keep()  # the draft's save waits for the file, on its own thread
            await pilot.press("enter")
            # The dialog is closed while that save still waits: the screen never waited.
            assert isinstance(app.screen, HuddleScreen)
            assert draft_writers() == 1
            assert await wait_until(pilot, lambda: len(app.waiting) == 1)
        assert await wait_until(pilot, lambda: len(app.waiting) == 0 and draft_writers() == 0)
        assert store.steps.get(step.id).learning == "Asking the day before saves a visit"
        # Saved where it belongs, the draft is gone: it does not come back as a line to type.
        assert store.dialog_drafts.get(f"learning:{step.id}") is None


async def test_a_step_added_on_the_home_screen_while_the_file_is_locked_is_saved_after(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        with locked(store):
            await pilot.press("a", *"Ring the carer [first] @be")
            await pilot.press("tab", "enter", "enter")  # Enter twice: saved once
            assert await wait_until(pilot, lambda: len(app.waiting) == 1)
            assert app.screen.query_one("#entry", Input).value == ""
            assert await wait_until(
                pilot, lambda: any("Waiting for the file" in n for n in notices(app))
            )
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        steps = store.steps.on_day(store.coming_huddle_day())
        assert [(s.member_name, s.text) for s in steps] == [("Bea Jones", "Ring the carer [first]")]
        assert await wait_until(pilot, lambda: "Ring the carer [first]" in screen_text(app))
        assert not any("added a step" in n for n in notices(app))


async def test_a_moments_overlap_with_another_save_is_saved_without_a_word(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "a")
        assert await wait_until(pilot, lambda: isinstance(app.screen, GoalFormScreen))
        form = app.screen
        assert isinstance(form, GoalFormScreen)
        form.query_one("#goal-title", Input).value = "Fewer forms"
        with locked(store):  # `huddle add` saving in the same instant
            form.on_input_submitted()
            assert len(app.waiting) == 1
        assert await wait_until(pilot, lambda: "Fewer forms" in goal_titles(store))
        assert await wait_until(pilot, lambda: "Saved: Fewer forms" in notices(app))
        assert not any("file" in n for n in notices(app))  # no word of a wait


async def test_a_measure_recorded_and_the_huddle_ended_while_the_file_is_locked(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("")  # Monday is the measure day: its prompt comes at wrap-up
    wait = store.goals.find("wait")
    weeks = store.measures.add(wait, "Weeks to first visit", unit="weeks", better=Better.LOWER)
    store.measures.add(wait, "Visits missed", unit="", better=Better.LOWER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "5")
        assert await wait_until(pilot, lambda: "measures (2): Enter starts" in screen_text(app))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "1 of 2: Weeks to first visit" in screen_text(app))
        with locked(store):
            await pilot.press(*"8.5", "enter")
            assert await wait_until(
                pilot, lambda: f"Weeks to first visit: 8.5. {KEPT}." in screen_text(app)
            )
            await pilot.press("enter")  # skips the second measure
            await pilot.press("enter")  # what is left is said: Enter again ends it
            assert await wait_until(pilot, lambda: "again to end the huddle" in screen_text(app))
            await pilot.press("enter")  # the huddle goes; its end is saved after
            assert await wait_until(pilot, lambda: not isinstance(app.screen, HuddleScreen))
            assert store.measures.points(weeks) == []
            assert store.huddles.get(MONDAY).ended_at is None
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        assert [p.value for p in store.measures.points(weeks)] == [8.5]
        assert store.huddles.get(MONDAY).ended_at is not None


async def test_a_mark_waiting_for_the_file_is_saved_after_the_huddle_is_left(
    store: Store, clock: FixedClock
) -> None:
    step = store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        assert await wait_until(pilot, lambda: "Prepare the visit questions" in screen_text(app))
        with locked(store):
            await pilot.press("d")
            assert await wait_until(pilot, lambda: len(app.waiting) > 0)
            await pilot.press("escape")  # home, with the mark still waiting
            assert await wait_until(pilot, lambda: not isinstance(app.screen, HuddleScreen))
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        assert store.steps.get(step.id).status is StepStatus.DONE


async def test_a_step_waiting_for_the_file_is_saved_after_the_huddle_is_left(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        assert await wait_until(pilot, lambda: isinstance(app.focused, StepInput))
        with locked(store):
            app.screen.query_one(StepInput).insert_text_at_cursor("Chase the OT report")
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: len(app.waiting) > 0)
            await pilot.press("escape", "escape")  # off the line, then home: it still waits
            assert await wait_until(pilot, lambda: not isinstance(app.screen, HuddleScreen))
        assert await wait_until(pilot, lambda: len(app.waiting) == 0)
        assert [s.text for s in store.steps.on_day(MONDAY)] == ["Chase the OT report"]
        assert not any("went wrong" in n for n in notices(app))

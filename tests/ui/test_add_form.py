"""`huddle add` with no text: the small form under the shell prompt. Who is filled in from
`huddle whoami`, Tab completes a #goal, Enter saves and closes, Esc cancels."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input, Static

from huddle.core.models import Blocker, Step
from huddle.core.store import Store
from huddle.ui.add_form import AddForm
from tests.ui.screen_helpers import wait_until


def preview(app: AddForm) -> str:
    return str(app.query_one("#preview", Static).content)


async def test_i_type_my_step_tab_completes_the_goal_and_enter_saves(store: Store) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        step = app.query_one("#step", Input)
        assert step.has_focus
        await pilot.press(*"Ring the carer [first] #wa")
        await pilot.pause()
        await pilot.press("tab")
        assert step.value == "Ring the carer [first] #wait "
        assert preview(app) == (
            "Enter adds a step for Sam Okafor, today, goal: Cut the wait for a care assessment"
        )
        await pilot.press("enter")
    assert app.return_value is not None
    saved = app.return_value.saved
    assert isinstance(saved, Step)
    assert [(s.member_name, s.text, s.goal_title) for s in store.steps.on_day(saved.day)] == [
        ("Sam Okafor", "Ring the carer [first]", "Cut the wait for a care assessment")
    ]


async def test_an_at_name_inside_my_sentence_is_kept_and_the_step_stays_mine(
    store: Store,
) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        app.query_one("#step", Input).value = "Visit flat 3 with @bea before 10"
        await pilot.pause()
        assert preview(app).startswith("Enter adds a step for Sam Okafor, @bea kept as typed")
        await pilot.press("enter")
    assert app.return_value is not None
    saved = app.return_value.saved
    assert isinstance(saved, Step)
    assert (saved.member_name, saved.text) == ("Sam Okafor", "Visit flat 3 with @bea before 10")


async def test_when_nobody_is_remembered_i_say_who_i_am_first(store: Store) -> None:
    app = AddForm(store)
    async with app.run_test(size=(80, 8)) as pilot:
        who = app.query_one("#who", Input)
        assert who.has_focus
        await pilot.press(*"be")
        await pilot.pause()
        await pilot.press("tab")
        assert who.value == "Bea Jones "
        await pilot.press("enter")
        assert app.query_one("#step", Input).has_focus
        await pilot.press(*"Chase the OT report", "enter")
    assert app.return_value is not None
    assert app.return_value.typist is not None
    assert app.return_value.typist.name == "Bea Jones"
    assert isinstance(app.return_value.saved, Step)
    assert app.return_value.saved.member_name == "Bea Jones"


async def test_a_bang_in_the_form_raises_a_blocker(store: Store) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        await pilot.press(*"! the form asks twice")
        assert preview(app) == "Enter raises a blocker for Sam Okafor"
        await pilot.press("enter")
    assert app.return_value is not None
    assert isinstance(app.return_value.saved, Blocker)
    assert [b.text for b in store.blockers.open()] == ["the form asks twice"]


async def test_a_mistake_is_shown_in_the_form_and_nothing_is_saved(store: Store) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        await pilot.press(*"Ring the carer #zzz", "enter")
        assert app.is_running
        assert preview(app).startswith("no goal matches 'zzz'")
        await pilot.press("escape")
    assert app.return_value is None
    assert store.steps.on_day(store.coming_huddle_day()) == []


@pytest.mark.parametrize("key", ["escape", "ctrl+c"])
async def test_escape_or_ctrl_c_cancels_and_saves_nothing(store: Store, key: str) -> None:
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        await pilot.press(*"Half a thought", key)
    assert app.return_value is None
    assert store.steps.on_day(store.coming_huddle_day()) == []


async def test_a_file_locked_by_another_process_keeps_the_form_usable_and_saves_after(
    store: Store,
) -> None:
    assert store.db.path is not None
    app = AddForm(store, who="Sam Okafor")
    async with app.run_test(size=(80, 8)) as pilot:
        holder = sqlite3.connect(store.db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press(*"Ring the carer")
            await pilot.press("enter")
            await pilot.pause()
            assert preview(app).startswith("Waiting for the file")
            await pilot.press(*" first")  # typing goes on while it waits
            assert app.query_one("#step", Input).value == "Ring the carer first"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert await wait_until(pilot, lambda: app.return_value is not None)
    assert app.return_value is not None
    assert [s.text for s in store.steps.on_day(app.return_value.saved.day)] == [
        "Ring the carer first"
    ]

"""What a manager types in the Management view is never lost: an answer (or a resolution, or
why it goes higher) put aside with Esc, or left open when the app closes, is in the file and
comes back when the same dialog is opened for the same blocker; once saved, it is gone."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.models import Blocker, BlockerStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.manage import ManageScreen

from .screen_helpers import screen_text, wait_until


@pytest.fixture(autouse=True)
def nobody_at_the_keyboard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUDDLE_WHO", raising=False)


@pytest.fixture
def waiting(store: Store) -> Blocker:
    blocker = store.blockers.raise_blocker(store.members.find("bea"), "No laptop for visits")
    return store.blockers.escalate(blocker, "Only IT orders laptops", who="Ann Smith")


def typed_answer(app: HuddleApp) -> Input:
    return app.screen.query_one("#say-text", Input)


async def test_an_answer_put_aside_with_esc_comes_back_and_goes_once_saved(
    store: Store, clock: FixedClock, waiting: Blocker
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "No laptop for visits" in screen_text(app))
        await pilot.press("a")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        typed_answer(app).insert_text_at_cursor("IT order one [TODO] 🚀")
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
        assert await wait_until(
            pilot,
            lambda: store.dialog_drafts.get(f"answer:{waiting.id}") == "IT order one [TODO] 🚀",
        )
        await pilot.press("a")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        assert typed_answer(app).value == "IT order one [TODO] 🚀"
        typed_answer(app).insert_text_at_cursor(" this week")
        app.screen.query_one("#say-who", Input).value = "Pat"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
        answered = store.blockers.get(waiting.id)
        assert (answered.status, answered.answer) == (
            BlockerStatus.ANSWERED,
            "IT order one [TODO] 🚀 this week",
        )
        assert await wait_until(
            pilot, lambda: store.dialog_drafts.get(f"answer:{waiting.id}") is None
        )


async def test_an_answer_typed_when_the_app_closes_is_in_the_file(
    store: Store, clock: FixedClock, waiting: Blocker
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "No laptop for visits" in screen_text(app))
        await pilot.press("r")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        typed_answer(app).insert_text_at_cursor("IT sent a loan laptop")
        await pilot.pause()
    assert store.dialog_drafts.get(f"resolve:{waiting.id}") == "IT sent a loan laptop"
    assert store.blockers.get(waiting.id).status is BlockerStatus.ESCALATED

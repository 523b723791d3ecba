"""What is typed in the huddle's dialogs (what we learned, why a blocker goes up, an edit) is
kept in the file as it is typed, like the Today line: leaving the app, or the app dying,
loses none of it, and it comes back when the same dialog is opened for the same thing."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText

from .screen_helpers import wait_until

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)
LEARNED = "Asking the day before saves a visit [TODO] 🙂"


async def type_line(pilot: Pilot[None], text: str) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.pause()


def dialog_line(app: HuddleApp) -> str:
    assert isinstance(app.screen, AskText), app.screen
    return app.screen.query_one(Input).value


async def test_what_we_learned_is_there_again_after_leaving_the_app_without_saving(
    store: Store, clock: FixedClock
) -> None:
    step = store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2", "l")
        await type_line(pilot, LEARNED)
        # The app is closed with the dialog open; nothing was saved as the step's learning.
    assert store.steps.get(step.id).learning == ""

    again = HuddleApp(store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2", "l")
        assert dialog_line(again) == LEARNED
        await pilot.press("enter")
        assert store.steps.get(step.id).learning == LEARNED

        # Saved where it belongs, the draft is gone: the dialog now shows the learning.
        await pilot.press("l")
        assert dialog_line(again) == LEARNED
        assert store.dialog_drafts.get(f"learning:{step.id}") is None


async def test_a_reason_typed_for_sending_a_blocker_up_survives_the_app_dying(
    store: Store, clock: FixedClock
) -> None:
    blocker = store.blockers.raise_blocker(store.members.find("bea"), "No pool car on Tuesdays")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4", "e")
        await type_line(pilot, "Only the fleet manager can book cars")

        # Another process (the app after a crash) finds it in the file a moment later,
        # while the dialog is still open and nothing has been saved or closed.
        assert store.db.path is not None
        other = Store.open(store.db.path, clock=clock)
        try:
            assert await wait_until(
                pilot,
                lambda: (
                    other.dialog_drafts.get(f"send_up:{blocker.id}")
                    == "Only the fleet manager can book cars"
                ),
            )
        finally:
            other.close()
        assert isinstance(app.screen, AskText)

        # Esc puts it aside; opened again for the same blocker, it is there.
        await pilot.press("escape", "e")
        assert dialog_line(app) == "Only the fleet manager can book cars"
        await pilot.press("enter")
    assert store.blockers.get(blocker.id).escalation_reason == (
        "Only the fleet manager can book cars"
    )
    assert store.dialog_drafts.get(f"send_up:{blocker.id}") is None


async def test_a_draft_belongs_to_what_the_dialog_was_for(store: Store, clock: FixedClock) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    store.steps.add(ann, "Prepare the visit questions", FRIDAY)
    store.steps.add(bea, "Ring the carer", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2", "l")
        await type_line(pilot, "Ann's learning")
        await pilot.press("escape", "down", "l")
        assert dialog_line(app) == ""  # Bea's step: nothing typed for it yet
        await pilot.press("escape", "up", "l")
        assert dialog_line(app) == "Ann's learning"


async def test_a_very_long_line_in_a_dialog_is_refused_and_kept(
    store: Store, clock: FixedClock
) -> None:
    step = store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2", "l")
        await type_line(pilot, "x" * 3_000)
        await pilot.press("enter")
        assert isinstance(app.screen, AskText)
        assert dialog_line(app) == "x" * 3_000
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "that is 3,000 characters; keep it under 2,000" in shown
    assert store.steps.get(step.id).learning == ""

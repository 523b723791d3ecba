"""Every dialog that asks for a line saves it while it is still open: a save the file refuses
(here a full disk) leaves the dialog open with what was typed and the reason under the box,
and nothing is stored; it closes only on a real save, or on Esc, which keeps what was typed
as a draft that the next opening of the same dialog shows again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from tests.ui.screen_helpers import notices, run_from_palette, wait_until
from tests.ui.test_file_trouble_app import fill_the_disk

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)
FULL = "the disk is full"


@dataclass(frozen=True)
class Caller:
    """A place that asks for a line: how it is set up and opened, what it stores, and what
    should be stored once the line is saved."""

    setup: Callable[[Store], object]
    opens: tuple[str, ...]
    again: tuple[str, ...]
    typed: str
    stored: Callable[[Store], object]
    saved: object


def ann_did_a_step(store: Store) -> None:
    store.steps.add(store.members.find("ann"), "Prepare the visit questions", FRIDAY)


def ann_plans_a_step(store: Store) -> None:
    store.steps.add(store.members.find("ann"), "Prepare the visit questions", MONDAY)


def bea_is_blocked(store: Store) -> None:
    store.blockers.raise_blocker(store.members.find("bea"), "No pool car on Tuesdays")


def blocker(store: Store) -> tuple[str, str, str]:
    [only] = store.blockers.all()
    return only.text, only.status.value, only.escalation_reason or ""


CALLERS = {
    "what we learned": Caller(
        ann_did_a_step,
        ("h", "2", "l"),
        ("l",),
        "Asking the day before saves a visit",
        lambda store: [s.learning for s in store.steps.on_day(FRIDAY)],
        ["Asking the day before saves a visit"],
    ),
    "an edit on Today": Caller(
        ann_plans_a_step,
        ("h", "3", "up", "tab", "e"),
        ("e",),
        "Prepare the questions the day before",
        lambda store: [s.text for s in store.steps.on_day(MONDAY)],
        ["Prepare the questions the day before"],
    ),
    "a blocker raised": Caller(
        lambda store: None,
        ("h", "4", "b", "enter"),
        ("b", "enter"),
        "No pool car on Tuesdays",
        lambda store: [b.text for b in store.blockers.open()],
        ["No pool car on Tuesdays"],
    ),
    "a blocker sent up": Caller(
        bea_is_blocked,
        ("h", "4", "e"),
        ("e",),
        "Only the fleet manager can book cars",
        blocker,
        ("No pool car on Tuesdays", "escalated", "Only the fleet manager can book cars"),
    ),
    "a blocker resolved": Caller(
        bea_is_blocked,
        ("h", "4", "r"),
        ("r",),
        "Booked a car from the next office",
        lambda store: [(b.text, b.status) for b in store.blockers.all()],
        [("No pool car on Tuesdays", BlockerStatus.RESOLVED)],
    ),
    "a new idea": Caller(
        lambda store: None,
        (),
        ("n",),
        "Offer evening calls @sam",
        lambda store: [(i.text, i.raised_by_name) for i in store.ideas.all()],
        [("Offer evening calls", "Sam Okafor")],
    ),
}


async def open_dialog(pilot: Pilot[None], caller: Caller) -> AskText:
    app = pilot.app
    if caller.opens:
        await pilot.press(*caller.opens)
    else:  # the Ideas screen, from the palette
        await run_from_palette(pilot, "ideas", "Ideas")
        await pilot.press("n")
    assert await wait_until(pilot, lambda: isinstance(app.screen, AskText)), app.screen
    assert isinstance(app.screen, AskText)
    return app.screen


def said_under_the_box(dialog: AskText) -> str:
    wrong = dialog.query_one(".wrong", Static)
    return str(wrong.render()) if wrong.display else ""


@pytest.mark.parametrize("name", list(CALLERS))
async def test_a_refused_save_keeps_the_dialog_open_and_esc_keeps_the_draft(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    caller = CALLERS[name]
    caller.setup(store)
    before = caller.stored(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(pilot, caller)
        line = dialog.query_one(Input)
        line.value = ""
        line.insert_text_at_cursor(caller.typed)
        await pilot.pause()

        fill_the_disk(store, monkeypatch)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: FULL in said_under_the_box(dialog))
        # Still open, with what was typed, and nothing said to be saved or noted.
        assert app.screen is dialog
        assert dialog.query_one(Input).value == caller.typed
        assert not any(n.startswith(("Saved", "Noted", "Idea noted")) for n in notices(app))
        # Said once, under the box being typed in: not a second time as a notice.
        assert not any(FULL in n for n in notices(app)), notices(app)
        monkeypatch.undo()
        assert caller.stored(store) == before

        # Esc: put aside, kept; the same dialog opened again shows it.
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, AskText))
        await pilot.press(*caller.again)
        assert await wait_until(pilot, lambda: isinstance(app.screen, AskText))
        assert isinstance(app.screen, AskText)
        assert app.screen.query_one(Input).value == caller.typed
        assert caller.stored(store) == before

        # Enter, with the disk freed: saved, and only then closed; the draft is gone.
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: not isinstance(app.screen, AskText))
        assert caller.stored(store) == caller.saved
    drafts = store.db.rows("SELECT purpose, text FROM dialog_drafts")
    assert [tuple(d) for d in drafts] == []

"""`u` at Yesterday and Blockers takes back the last mark, answer or blocker move, says what
it did in words, and works after the app is closed and opened again (it is in the file).
Monday 30 November 2026, looking back on Friday (screen_helpers.add_history)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus, StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from tests.ui.screen_helpers import FRIDAY, add_history, notices, screen_text, wait_until

MONDAY = date(2026, 11, 30)


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return screen_text(pilot.app)


def fridays(store: Store) -> dict[str, StepStatus]:
    return {s.member_name: s.status for s in store.steps.on_day(FRIDAY)}


async def said(pilot: Pilot[None], words: str) -> None:
    assert await wait_until(pilot, lambda: any(words in n for n in notices(pilot.app))), notices(
        pilot.app
    )


async def test_u_takes_back_the_last_mark_at_yesterday_after_a_restart_too(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2")
        assert "u Undo" in await shown(pilot)
        await pilot.press("u")
        await said(pilot, "Nothing to undo on this stage")
        await pilot.press("d")  # Ann's step done; the cursor moves on to Bea's
        assert fridays(store)["Ann Smith"] is StepStatus.DONE
        await pilot.press("u")
        await said(pilot, "Undone: Ann's step back to not marked")
        assert "0 of 2 marked" in await shown(pilot)
        assert fridays(store)["Ann Smith"] is StepStatus.PLANNED
        await pilot.press("p")  # the cursor is back on Ann's step
        assert fridays(store) == {"Ann Smith": StepStatus.PARTLY, "Bea Jones": StepStatus.PLANNED}
        await pilot.press("n")  # Bea's: not done, carried over to today
        assert [s.member_name for s in store.steps.on_day(MONDAY)] == ["Bea Jones"]

    # Closed and opened again: the mark is still the last one, and u takes it back.
    again = Store.open(tmp_path / "team.db", clock=clock)
    app = HuddleApp(again, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "2", "u")
        await said(pilot, "Undone: Bea's step back to not marked")
        assert "1 of 2 marked" in await shown(pilot)
        await pilot.press("u")
        await said(pilot, "Nothing to undo on this stage")
    assert fridays(again) == {"Ann Smith": StepStatus.PARTLY, "Bea Jones": StepStatus.PLANNED}
    assert again.steps.on_day(MONDAY) == []  # the carried-over copy has gone again
    again.close()


async def test_u_takes_back_owning_and_sending_up_a_blocker(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    bea = store.members.find("bea")
    blocker = store.blockers.raise_blocker(bea, "No laptop for visits [IT]")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4")
        assert "u Undo" in await shown(pilot)
        await pilot.press("o", "down", "enter")  # the first person here: Ann
        assert await wait_until(
            pilot, lambda: store.blockers.get(blocker.id).owner_name == "Ann Smith"
        )
        await pilot.press("u")
        await said(pilot, "Undone: No laptop for visits [IT] back to open")
        assert "owned by Ann Smith" not in await shown(pilot)
        await pilot.press("e")
        focused = app.focused
        assert isinstance(focused, Input)
        focused.insert_text_at_cursor("Only IT orders laptops")
        await pilot.press("enter")
        assert await wait_until(
            pilot, lambda: store.blockers.get(blocker.id).status is BlockerStatus.ESCALATED
        )

    again = Store.open(tmp_path / "team.db", clock=clock)
    app = HuddleApp(again, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "4", "u")
        await said(pilot, "Undone: No laptop for visits [IT] back to open")
        assert "Blockers: 1 open, 0 waiting on management" in await shown(pilot)
    back = again.blockers.get(blocker.id)
    assert (back.status, back.owner_name, back.escalation_reason) == (BlockerStatus.OPEN, None, "")
    moves = [(e.status_from, e.status_to, e.note) for e in again.blockers.history(back)]
    assert moves[1:] == [
        (BlockerStatus.OPEN, BlockerStatus.OWNED, "owned by Ann Smith"),
        (BlockerStatus.OWNED, BlockerStatus.OPEN, "undone: owned by Ann Smith"),
        (BlockerStatus.OPEN, BlockerStatus.ESCALATED, "to management: Only IT orders laptops"),
        (
            BlockerStatus.ESCALATED,
            BlockerStatus.OPEN,
            "undone: to management: Only IT orders laptops",
        ),
    ]
    again.close()


async def test_u_brings_back_a_step_dropped_at_today_by_a_slip_of_x(
    store: Store, clock: FixedClock
) -> None:
    # x is "dropped" at Yesterday too: at Today one slip of it takes a step off the plan.
    ann = store.members.find("ann")
    store.steps.add(ann, "Book the room", MONDAY)
    store.steps.add(ann, "Ring the carer [first]", MONDAY, goal=store.goals.find("wait"))
    planned = {s.text: s.goal_title for s in store.steps.on_day(MONDAY)}
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "up", "tab", "x")  # (Up: Ann has said hers)
        (left,) = store.steps.on_day(MONDAY)
        (dropped,) = set(planned) - {left.text}
        await said(pilot, f"Dropped: {dropped}. u brings it back")
        await pilot.press("u")
        await said(pilot, f"Undone: Ann's step is back: {dropped}")
        assert dropped in await shown(pilot)
    assert {s.text: s.goal_title for s in store.steps.on_day(MONDAY)} == planned


async def test_the_last_step_dropped_says_how_to_bring_it_back_from_typing(
    store: Store, clock: FixedClock
) -> None:
    store.steps.add(store.members.find("ann"), "Ring the carer", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "up", "tab", "x")  # her only step: on to typing anew
        await said(pilot, "Dropped: Ring the carer. Esc, then u brings it back")
        assert isinstance(app.focused, Input)
        await pilot.press("escape", "u")
        await said(pilot, "Undone: Ann's step is back: Ring the carer")
    assert [s.text for s in store.steps.on_day(MONDAY)] == ["Ring the carer"]


async def test_a_past_huddles_today_offers_no_undo_nor_typing(
    store: Store, clock: FixedClock
) -> None:
    add_history(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "enter", "3")  # Friday's huddle, read back: its Today
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Undo" not in footer and "Type a step" not in footer

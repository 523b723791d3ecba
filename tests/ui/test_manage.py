"""The Management view: a manager sees every blocker sent up, how overdue each answer is,
and answers or resolves it from the keyboard; the team lead reaches it from home."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from huddle.config import WHO_SETTING, save_setting
from huddle.core.calendar import FixedClock
from huddle.core.models import Blocker, BlockerStatus, Role
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.home import HomeScreen
from huddle.ui.screens.manage import ManageScreen

from .screen_helpers import run_from_palette, screen_text, wait_until

MONDAY = datetime(2026, 11, 30, 9, 0).astimezone().date()


@pytest.fixture(autouse=True)
def nobody_at_the_keyboard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUDDLE_WHO", raising=False)


def sent_up(store: Store, clock: FixedClock, days_ago: int, text: str) -> Blocker:
    """A blocker Bea raised and Ann sent up to Pat `days_ago` calendar days before Monday."""
    now = clock.at
    clock.at = datetime.combine(MONDAY - timedelta(days=days_ago), time(9, 10)).astimezone()
    try:
        blocker = store.blockers.raise_blocker(store.members.find("bea"), text, category="forms")
        return store.blockers.escalate(blocker, "Only IT can change it", who="Ann Smith", to="Pat")
    finally:
        clock.at = now


@pytest.fixture
def sent(store: Store, clock: FixedClock) -> dict[str, Blocker]:
    """Sent up last Tuesday (red by Monday), on Friday (fine), and one already answered."""
    late = sent_up(store, clock, 6, "The referral form asks for the NHS number twice [TODO] 🙂")
    recent = sent_up(store, clock, 3, "The review form asks for the NHS number again")
    answered = sent_up(store, clock, 10, "Laptops log out during visits")
    answered = store.blockers.answer(answered, "IT will extend the time-out", who="Pat Reid")
    store.blockers.raise_blocker(store.members.find("sam"), "Printer jams on Mondays")
    return {"late": late, "recent": recent, "answered": answered}


def rows(screen: ManageScreen) -> list[list[str]]:
    table = screen.query_one("#sent-up", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen: ManageScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_every_blocker_sent_up_is_listed_most_overdue_first_with_its_flag(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("m")
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        shown = rows(screen)
        assert [r[2] for r in shown] == [
            sent["late"].text,
            sent["answered"].text,
            sent["recent"].text,
        ]
        assert shown[0][0].strip() == "RED"
        assert shown[0][1] == "4 huddle days"
        assert shown[0][2] == "The referral form asks for the NHS number twice [TODO] 🙂"
        assert shown[1][0:2] == ["", "-"]
        assert shown[2][0:2] == ["", "1 huddle day"]
        assert "Printer jams" not in str(shown)
        assert "1 overdue; limit 2 huddle days" in text_of(screen, "#filter-bar")
        assert "forms: raised 3 times since 20 November" in text_of(screen, "#patterns")


async def test_the_history_of_the_highlighted_blocker_is_shown(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        detail = text_of(screen, "#detail-text")
        assert "The referral form asks for the NHS number twice [TODO] 🙂" in detail
        assert "No answer yet: waiting 4 huddle days" in detail
        assert "open -> sent up  Ann Smith" in detail
        assert "to Pat: Only IT can change it" in detail
        await pilot.press("down")
        detail = text_of(screen, "#detail-text")
        assert "Answer: IT will extend the time-out" in detail
        assert "sent up -> answered  Pat Reid" in detail


async def test_a_manager_answers_from_the_keyboard_and_the_flag_goes(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, SayDialog)
        # The team's one manager is offered as who answers.
        assert app.screen.query_one("#say-who", Input).value == "Pat Reid"
        app.screen.query_one("#say-text", Input).value = "Asked IT to drop the second field [v2]"
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        answered = store.blockers.get(sent["late"].id)
        assert answered.status is BlockerStatus.ANSWERED
        assert (answered.answer, answered.answered_by) == (
            "Asked IT to drop the second field [v2]",
            "Pat Reid",
        )
        assert "0 overdue" in text_of(screen, "#filter-bar")
        assert all(r[0] == "" for r in rows(screen))
        # The cursor stays on the blocker just answered, now further down.
        assert "Answer: Asked IT to drop the second field [v2]" in text_of(screen, "#detail-text")


async def test_the_answer_starts_on_the_manager_never_on_a_person_remembered_at_this_account(
    store: Store, clock: FixedClock, sent: dict[str, Blocker], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `huddle whoami` or the `huddle add` form remembered someone on this account: on the
    # shared screen that is not who is at the keyboard.
    save_setting(WHO_SETTING, "Ann Smith")
    monkeypatch.setenv("HUDDLE_WHO", "Bea Jones")
    store.members.add("Kim Lee", Role.MANAGER)
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, SayDialog)
        who = app.screen.query_one("#say-who", Input)
        assert who.value == "Kim Lee"
        assert "Recorded as Kim Lee (manager)" in screen_text(app)
        who.focus()
        await pilot.press("down")
        assert who.value == "Pat Reid"
        assert "Recorded as Pat Reid (manager)" in screen_text(app)
        who.value = "sa"
        assert await wait_until(pilot, lambda: "Recorded as Sam Okafor" in screen_text(app))
        app.screen.query_one("#say-text", Input).value = "Asked IT"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
    assert store.blockers.get(sent["late"].id).answered_by == "Sam Okafor"


async def test_the_resolve_dialog_says_who_it_will_record_as_it_is_typed(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    save_setting(WHO_SETTING, "Ann Smith")
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("down", "r")
        assert app.screen.query_one("#say-who", Input).value == ""
        assert "Type who says it" in screen_text(app)
        app.screen.query_one("#say-who", Input).value = "an"
        assert await wait_until(pilot, lambda: "Recorded as Ann Smith" in screen_text(app))


async def test_a_blocker_is_resolved_from_the_keyboard_and_leaves_the_open_list(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("down", "r")
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-who", Input).value == ""
        app.screen.query_one("#say-text", Input).value = "Time-out changed"
        await pilot.press("tab", *"ann", "enter")
        resolved = store.blockers.get(sent["answered"].id)
        assert resolved.status is BlockerStatus.RESOLVED
        assert store.blockers.history(resolved)[-1].who == "Ann Smith"
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        assert sent["answered"].text not in str(rows(screen))
        await pilot.press("f", "f", "f")  # status: resolved
        assert "resolved, any age" in text_of(screen, "#filter-bar")
        assert [r[2] for r in rows(screen)] == [sent["answered"].text]


async def test_a_mistyped_name_is_one_line_and_nothing_changes(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        who = app.screen.query_one("#say-who", Input)
        who.value = "zed"
        await pilot.press(*"Done", "enter")
        await pilot.pause()
        # The dialog stays, with what was typed and the reason on its Who line.
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-text", Input).value == "Done"
        assert "no member matches 'zed'" in screen_text(app)
        assert store.blockers.get(sent["late"].id).status is BlockerStatus.ESCALATED


async def test_a_refused_answer_stays_in_the_dialog_with_the_reason_and_nothing_changes(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        too_long = "IT will look at it " * 120  # over the store's limit for one line
        app.screen.query_one("#say-text", Input).value = too_long
        await pilot.press("enter")
        await pilot.pause()
        # The dialog stays, with what was typed and the store's reason under the boxes.
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-text", Input).value == too_long
        assert "the answer is 2,279 characters; keep it under 2,000" in screen_text(app)
        assert store.blockers.get(sent["late"].id).status is BlockerStatus.ESCALATED
        # Put right, it saves and closes.
        app.screen.query_one("#say-text", Input).value = "IT will look at it"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
        assert store.blockers.get(sent["late"].id).answer == "IT will look at it"


async def test_only_a_blocker_waiting_for_an_answer_can_be_answered(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("down", "a")
        assert isinstance(app.screen, ManageScreen)
        assert any(
            "only a blocker waiting for an answer" in str(n.message) for n in app._notifications
        )


async def test_filters_by_status_and_age(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        await pilot.press("f")
        assert "waiting for an answer" in text_of(screen, "#filter-bar")
        assert [r[2] for r in rows(screen)] == [sent["late"].text, sent["recent"].text]
        await pilot.press("g")
        assert "overdue (amber or red)" in text_of(screen, "#filter-bar")
        assert [r[2] for r in rows(screen)] == [sent["late"].text]
        await pilot.press("f", "f", "f", "g", "g")  # all sent up, over a week ago
        assert "all sent up, sent up over a week ago" in text_of(screen, "#filter-bar")
        assert [r[2] for r in rows(screen)] == [sent["answered"].text]
        await pilot.press("g", "g")
        assert len(rows(screen)) == 3
        await pilot.press("g", "g")  # red only, and none answered is red
        await pilot.press("f", "f", "f")
        assert rows(screen) == []
        assert "Nothing sent up to management matches" in text_of(screen, "#detail-text")


async def test_home_flags_an_overdue_answer_and_leads_to_the_management_view(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#blockers", DataTable)
        cells = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "sent up  RED " in cells
        assert "sent up" in cells and "answered" in cells
        await pilot.press("m")
        assert isinstance(app.screen, ManageScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_opens_the_management_view(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await run_from_palette(pilot, "management view", "Management view")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))


async def test_a_file_written_by_another_process_shows_without_moving_the_cursor(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        await pilot.press("down", "down")
        assert screen.highlighted_id() == sent["recent"].id
        other = Store.open(store.db.path or "", clock=clock)
        try:
            other.blockers.answer(other.blockers.get(sent["late"].id), "On it", who="Pat Reid")
        finally:
            other.close()
        assert await wait_until(pilot, lambda: "0 overdue" in text_of(screen, "#filter-bar"))
        assert screen.highlighted_id() == sent["recent"].id


def test_the_management_view_looks_right(tmp_path: Path, clock: FixedClock, snap_compare) -> None:
    """The picture of the Management view at 100x30 (ids fixed, so the snapshot is stable)."""
    counter = iter(range(1, 10_000))
    store = Store.open(
        tmp_path / "snap.db", clock=clock, ids=lambda: f"{next(counter) * 7919:06x}" + "0" * 26
    )
    store.team.update(name="Northside Assessment Team")
    for name in ("Ann Smith", "Bea Jones", "Sam Okafor"):
        store.members.add(name)
    store.members.add("Pat Reid", Role.MANAGER)
    sent = {
        "late": sent_up(store, clock, 6, "The referral form asks for the NHS number twice [TODO]"),
        "recent": sent_up(store, clock, 3, "The review form asks for the NHS number again"),
        "answered": sent_up(store, clock, 10, "Laptops log out during visits"),
    }
    store.blockers.answer(sent["answered"], "IT will extend the time-out", who="Pat Reid")
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    assert snap_compare(app, terminal_size=(100, 30))


HEX_ID = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b")
"""A blocker's id as the CLI prints it: six or more hex digits."""


async def test_screens_say_the_teams_words_and_no_ids(
    store: Store, clock: FixedClock, sent: dict[str, Blocker]
) -> None:
    owned = store.blockers.raise_blocker(store.members.find("sam"), "No room for supervision")
    store.blockers.take_ownership(owned, store.members.find("ann"), who="Ann Smith")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        assert await wait_until(pilot, lambda: "owned by Ann Smith" in screen_text(app))
        for key in ("", "m", "escape", "p"):
            if key:
                await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            assert not HEX_ID.search(text), (key, HEX_ID.findall(text))
            assert "escalated" not in text and "Away (" not in text, (key, text)
            if key == "m":
                assert "sent up" in text

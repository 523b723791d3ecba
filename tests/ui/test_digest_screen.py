"""The Digest screen: the team lead reads the digest over, picks the format and whether
names go in, and writes the file."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, Static

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.digest import DigestScreen


def a_week_of_work(store: Store, clock: FixedClock) -> None:
    bea = store.members.find("bea")
    goal = store.goals.find("wait")
    clock.advance(days=-3)  # Friday
    friday = store.today()
    store.huddles.start(friday, store.members.find("ann"))
    store.huddles.mark_attendance(friday, bea, True)
    step = store.steps.add(bea, "Ring Sam about the [TODO] list", friday, goal=goal)
    store.steps.review(step, StepStatus.DONE, "Ann says it saved a visit")
    clock.advance(days=3)


def preview(screen: DigestScreen) -> str:
    return str(screen.query_one("#digest-text", Static).content)


async def test_the_digest_is_previewed_in_each_format_with_or_without_names(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    a_week_of_work(store, clock)
    forms = store.blockers.raise_blocker(store.members.find("bea"), "The OT form is too long")
    store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DigestScreen)
        text = preview(screen)
        # A blocker by its words, no hex id; sent up today, not "waiting 0 huddle days".
        assert "- The OT form is too long\n" in text
        assert "No answer yet, sent up today." in text
        assert re.findall(r"\[[0-9a-f]{6}\]", text) == []
        assert text.startswith("# Huddle digest: Northside Assessment Team")
        assert "Tue 24 Nov 2026 to Mon 30 Nov 2026" in text
        assert "- Fri 27 Nov, Bea Jones: Ring Sam about the [TODO] list" in text
        await pilot.press("n")
        text = preview(screen)
        assert "- Fri 27 Nov: Ring [name] about the [TODO] list" in text
        assert "Learned: [name] says it saved a visit" in text
        assert "Bea" not in text and "Ann" not in text
        await pilot.press("f")
        assert preview(screen).startswith("section,date,id,who,text")
        await pilot.press("f")
        assert '"huddle_digest": 1' in preview(screen)
        await pilot.press("f", "s")
        assert isinstance(app.screen, SayDialog)
        app.screen.query_one("#say-text", Input).value = "last fri"
        await pilot.press("enter")
        assert "Fri 27 Nov 2026 to Mon 30 Nov 2026" in preview(screen)
        await pilot.press("s")
        app.screen.query_one("#say-text", Input).value = "1/11"
        await pilot.press("enter")
        bar = str(screen.query_one("#digest-period", Static).content)
        assert bar.startswith("Sun 1 Nov to Mon 30 Nov 2026, ")  # a day as everywhere


async def test_writing_the_digest_saves_a_private_file_and_notes_it(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    a_week_of_work(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(DigestScreen(directory=tmp_path))
        await pilot.press("w")
        assert isinstance(app.screen, SayDialog)
        typed = app.screen.query_one("#say-text", Input)
        assert typed.value == str(tmp_path / "huddle-digest-2026-11-24-to-2026-11-30.md")
        typed.value = "for-pat.md"
        await pilot.press("enter")
        await pilot.pause()
    written = tmp_path / "for-pat.md"
    assert written.read_text(encoding="utf-8").startswith("# Huddle digest")
    assert written.stat().st_mode & 0o777 == 0o600
    last = store.digests.last()
    assert last is not None
    assert (last.format, last.written_to) == ("md", str(written))


async def test_a_refused_file_or_day_stays_in_the_dialog_with_the_reason(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    a_week_of_work(store, clock)
    (tmp_path / "notes").mkdir()
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(DigestScreen(directory=tmp_path))
        await pilot.press("w")
        app.screen.query_one("#say-text", Input).value = "notes"
        await pilot.press("enter")
        await pilot.pause()
        # A folder is no file: the dialog stays, with what was typed and why.
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-text", Input).value == "notes"
        assert "is a folder; type a file name" in str(
            app.screen.query_one(".wrong", Static).content
        )
        assert store.digests.last() is None
        await pilot.press("escape", "s")
        app.screen.query_one("#say-text", Input).value = "the day after never"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-text", Input).value == "the day after never"
        assert app.screen.query_one(".wrong", Static).display

"""The Digest screen's email: `f` reaches "text" and "email"; the email is previewed as its
words, and `w` writes the whole message to a .eml file a mail program opens."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from textual.widgets import Input, Static

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.digest import DigestScreen
from tests.ui.screen_helpers import screen_text, wait_until


def preview(screen: DigestScreen) -> str:
    return str(screen.query_one("#digest-text", Static).content)


async def test_the_email_is_previewed_as_its_words_and_written_as_a_message(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    forms = store.blockers.raise_blocker(store.members.find("bea"), "The OT form is [b]long[/b]")
    store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(DigestScreen(directory=tmp_path))
        screen = app.screen
        assert isinstance(screen, DigestScreen)
        await pilot.press("f", "f", "f", "f")
        assert ", email, names in." in screen_text(app)
        text = preview(screen)
        assert text.startswith("Huddle digest: Northside Assessment Team, ")
        assert "Waiting for you\n---------------\n" in text
        assert "- The OT form is [b]long[/b]\n" in text
        await pilot.press("w")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        typed = app.screen.query_one("#say-text", Input)
        assert typed.value.endswith(".eml")
        await pilot.press("enter")
        written = Path(typed.value)
        assert await wait_until(pilot, written.exists)
    message = email.message_from_bytes(written.read_bytes(), policy=policy.default)
    html = message.get_body(("html",))
    assert html is not None
    assert "The OT form is [b]long[/b]" in html.get_content()


async def test_at_80_columns_the_letter_reads_line_for_line_as_it_will_be_sent(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    words = "The OT form asks for the address three times and the GP's twice over again"
    forms = store.blockers.raise_blocker(store.members.find("bea"), words)
    store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DigestScreen(directory=tmp_path))
        screen = app.screen
        assert isinstance(screen, DigestScreen)
        await pilot.press("f", "f", "f")
        assert await wait_until(pilot, lambda: preview(screen).startswith("Huddle digest"))
        await pilot.pause()
        shown = screen_text(app)
        letter = [line for line in preview(screen).splitlines() if line.strip()]
        seen = [line for line in letter[:12] if line.strip() in shown]
        assert len(max(letter, key=len)) > 70  # (a letter as wide as it gets)
        assert seen == letter[:12]  # each line whole, not wrapped a second time

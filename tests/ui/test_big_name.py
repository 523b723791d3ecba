"""On the TV the person whose turn it is on Today is named in block letters a room can read;
at 80x24 (and for any name the font can't draw) the name stays in plain bold text."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from huddle.core.calendar import FixedClock
from huddle.core.models import Role
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.big_name import big_rows


def name_panel(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#today-name", Static).content)


def test_block_letters_are_three_rows_and_keep_hyphens_and_apostrophes() -> None:
    rows = big_rows("Jo O'Neil-Ray")
    assert rows is not None and len(rows) == 3
    assert rows[0].startswith("  ╻")  # J
    assert "╺━╸" in rows[1]  # the hyphen


def test_a_name_the_font_cannot_draw_gets_no_block_letters() -> None:
    assert big_rows("Zoë Hart") is None
    assert big_rows("Sam 🙂") is None
    assert big_rows("[b]Ann[/b]") is None
    assert big_rows("") is None


async def test_the_tv_shows_the_speakers_name_in_block_letters(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        shown = name_panel(pilot)
        assert shown.splitlines()[:3] == big_rows("Ann Smith")
        assert "your small step for today" in shown


async def test_at_80_columns_the_name_stays_plain(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        assert name_panel(pilot) == "Ann Smith - your small step for today"


async def test_a_name_with_an_accent_or_brackets_is_shown_literally_in_bold(
    tmp_path: Path, clock: FixedClock
) -> None:
    store = Store.open(tmp_path / "accents.db", clock=clock)
    store.members.add("Zoë [TODO] Hart 🙂", Role.LEAD)
    app = HuddleApp(store, clock=clock)
    try:
        async with app.run_test(size=(200, 50)) as pilot:
            await pilot.press("h", "3")
            await pilot.pause()
            assert name_panel(pilot) == "Zoë [TODO] Hart 🙂 - your small step for today"
    finally:
        store.close()

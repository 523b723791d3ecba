"""On the TV the person whose turn it is on Today is named in solid block letters a room can read;
at 80x24 (and for any name the font can't draw) the name stays in plain bold text."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from huddle.core.calendar import FixedClock
from huddle.core.models import Role, Stage
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.big_name import big_rows
from huddle.ui.widgets.block_font import block_rows, block_width
from huddle.ui.widgets.timebox import TimeboxDigits


def name_panel(pilot: Pilot[None]) -> str:
    """The name box's words above its last line ("Person N of M. Enter saves...", 2747723)."""
    shown = str(pilot.app.screen.query_one("#today-name", Static).content).splitlines()
    assert shown[-1].startswith("Person ")
    return "\n".join(shown[:-1])


def test_block_letters_are_solid_blocks_four_rows_and_keep_hyphens_and_apostrophes() -> None:
    rows = big_rows("Jo O'Neil-Ray")
    assert rows is not None and len(rows) == 4
    drawn = set("".join(rows)) - {" "}
    assert drawn <= {"█", "▀", "▄"}  # full cells, no thin box-drawing lines
    assert rows == block_rows("JO O'NEIL-RAY")


def test_a_name_too_wide_for_the_room_breaks_between_words() -> None:
    one_line = big_rows("Sarah Whitfield")
    assert one_line is not None
    width = len(one_line[0]) - 1
    rows = big_rows("Sarah Whitfield", width)
    assert rows == [*block_rows("Sarah"), "", *block_rows("Whitfield")]
    assert big_rows("Sarah Whitfield", block_width("Whitfield") - 1) is None


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
        rows = big_rows("Ann Smith") or []
        # Full blocks are drawn as cells filled with the text's colour.
        assert shown.splitlines()[:4] == [row.replace("█", " ") for row in rows]
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


async def test_a_huddle_resumed_on_today_shows_the_whole_name(
    store: Store, clock: FixedClock
) -> None:
    """The terminal reports its size after the name is first drawn (as a real one does): the
    name is laid out again at its width, never cut to its first row."""
    store.huddles.start(clock.now().date())
    store.huddles.save_timer(
        clock.now().date(), 30, paused=False, stage_seconds={}, stage=Stage.TODAY
    )
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        panel = pilot.app.screen.query_one("#today-name", Static)
        assert panel.content_region.height == 6  # four rows of letters, the line, "Person N of M"
        assert name_panel(pilot).splitlines()[4] == "your small step for today"


async def test_the_tv_shows_the_timebox_in_solid_block_digits(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        digits = pilot.app.screen.query_one(TimeboxDigits)
        assert digits.text == "15:00"
        assert digits.display and digits.content_region.height == 4
        assert set(str(digits.content)) <= {"▀", "▄", " ", "\n"}  # full cells are filled

"""Who's here on the TV (200x50): a tile per person, readable from across the room, the
count in block letters; the keys as on a laptop (space, the arrows, PgDn). Monday 30
November 2026, 09:00, a team of four."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import in_block_letters, screen_text, wait_until

TV = (200, 50)


def picked_line(pilot: Pilot[None]) -> str:
    """The line of the picked tile that says who it is (marked ▶)."""
    return next(line for line in screen_text(pilot.app).splitlines() if "▶" in line)


def picked_tile(pilot: Pilot[None]) -> str:
    """The words in the picked tile (the one in a heavy border, ┃), line by line."""
    lines = screen_text(pilot.app).splitlines()
    at = next(i for i, line in enumerate(lines) if "▶" in line)
    mark = lines[at].index("▶")
    left = lines[at].rindex("┃", 0, mark)
    right = lines[at].index("┃", mark)
    inside = [line[left + 1 : right].strip() for line in lines if line[left : left + 1] == "┃"]
    return "\n".join(inside)


async def test_everyone_has_a_tile_and_the_count_is_in_block_letters(
    store: Store, clock: FixedClock
) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=TV) as pilot:
        await pilot.press("h")
        assert await wait_until(
            pilot, lambda: in_block_letters("Who's here: 4 of 4", screen_text(pilot.app))
        )
        text = screen_text(pilot.app)
        for name in ("Ann Smith", "Bea Jones", "Pat Reid", "Sam Okafor"):
            assert any("● here" in line and name in line for line in text.splitlines())
            assert in_block_letters(name.split()[0], text)  # the first name, large
        assert "Ann Smith" in picked_line(pilot)


async def test_the_arrows_move_the_pick_and_space_marks_not_here(
    store: Store, clock: FixedClock
) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=TV) as pilot:
        await pilot.press("h")
        assert await wait_until(pilot, lambda: "▶" in screen_text(pilot.app))
        await pilot.press("down")  # names run down each column, as in the list
        assert await wait_until(pilot, lambda: "Bea Jones" in picked_line(pilot))
        await pilot.press("space")
        assert await wait_until(
            pilot, lambda: in_block_letters("Who's here: 3 of 4", screen_text(pilot.app))
        )
        assert "○ not here" in picked_line(pilot) and "Bea Jones" in picked_line(pilot)
        await pilot.press("right")  # a column across
        assert await wait_until(pilot, lambda: "Sam Okafor" in picked_line(pilot))
        await pilot.press("left", "up")
        assert await wait_until(pilot, lambda: "Ann Smith" in picked_line(pilot))
        await pilot.press("pagedown")
        assert await wait_until(pilot, lambda: "2 Yesterday" in screen_text(pilot.app))
    marked = store.huddles.attendance(clock.now().date())
    assert [m for m, here in marked.items() if not here] == [store.members.find("bea").id]


async def test_the_pick_and_the_keys_carry_over_when_the_window_shrinks_to_a_laptop(
    store: Store, clock: FixedClock
) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=TV) as pilot:
        await pilot.press("h", "down", "down")
        assert await wait_until(pilot, lambda: "Pat Reid" in picked_line(pilot))
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: "Who's here: 4 of 4" in screen_text(pilot.app))
        await pilot.press("space")  # Pat, still picked, in the list now
        assert await wait_until(pilot, lambda: "Who's here: 3 of 4" in screen_text(pilot.app))
        assert any(
            "○ not here" in line and "Pat Reid" in line
            for line in screen_text(pilot.app).splitlines()
        )


async def test_a_smaller_tv_keeps_the_pick_the_marks_and_the_count(
    store: Store, clock: FixedClock
) -> None:
    async with HuddleApp(store, clock=clock).run_test(size=TV) as pilot:
        await pilot.press("h", "down", "space")
        assert await wait_until(pilot, lambda: "○ not here" in picked_line(pilot))
        await pilot.resize_terminal(160, 40)  # still the TV's layout: the tiles, smaller
        await pilot.resize_terminal(170, 44)
        assert await wait_until(
            pilot, lambda: in_block_letters("Who's here: 3 of 4", screen_text(pilot.app))
        )
        assert "Bea Jones" in picked_line(pilot) and "○ not here" in picked_line(pilot)
        await pilot.press("down", "space")
        assert await wait_until(
            pilot, lambda: in_block_letters("Who's here: 2 of 4", screen_text(pilot.app))
        )


async def test_a_big_team_shows_a_page_of_tiles_at_a_time(
    tmp_path: Path, clock: FixedClock
) -> None:
    store = Store.open(tmp_path / "big.db", clock=clock)
    for n in range(300):
        store.members.add(f"Person {n:03d}")
    try:
        async with HuddleApp(store, clock=clock).run_test(size=TV) as pilot:
            await pilot.press("h")
            assert await wait_until(pilot, lambda: "page 1 of" in screen_text(pilot.app))
            text = screen_text(pilot.app)
            assert "Person 000" in text and "Person 299" not in text
            await pilot.press("end")
            assert await wait_until(pilot, lambda: "Person 299" in picked_tile(pilot))
            assert "Person 000" not in screen_text(pilot.app)
            await pilot.press("space")
            assert await wait_until(
                pilot,
                lambda: (
                    "299 of 300" in screen_text(pilot.app)
                    or in_block_letters("Who's here: 299 of 300", screen_text(pilot.app))
                ),
            )
    finally:
        store.close()

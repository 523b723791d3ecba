"""The home screen's tables fit the window: a long step, goal or blocker wraps onto more
lines of its row and no word is cut off, at 80x24 as on a wider window."""

from __future__ import annotations

from datetime import date

import pytest
from rich.text import Text

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.widgets.fitted_table import FittedTable
from tests.ui.screen_helpers import screen_text, wait_until

MONDAY = date(2026, 11, 30)
STEP = "Ring every carer on the Tuesday list before the visit to check the time still works"
BLOCKER = "The duty phone goes to a voicemail nobody can reach from home after five"


def _words_shown(text: str) -> set[str]:
    return {word for line in text.splitlines() for word in line.split()}


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_no_word_of_a_step_goal_or_blocker_is_cut_off(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    ann, sam = store.members.find("ann"), store.members.find("sam")
    store.steps.add(ann, STEP, MONDAY, goal=store.goals.find("strengths"))
    store.blockers.raise_blocker(sam, BLOCKER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=size) as pilot:
        assert await wait_until(pilot, lambda: "Open blockers (1)" in screen_text(app))
        await pilot.pause()
        shown = _words_shown(screen_text(app))
        for line in (STEP, BLOCKER, "More strengths-based assessments", "Ann Smith", "Sam Okafor"):
            missing = [word for word in line.split() if word not in shown]
            assert not missing, f"cut off at {size}: {missing}"
        table = app.screen.query_one("#steps")
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling


async def test_a_table_refilled_after_it_left_the_screen_stays_quiet(
    store: Store, clock: FixedClock
) -> None:
    """A reload that lands as the app closes (a save that waited for the file) refills a
    table already taken off the screen: nothing to draw, and no error."""
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "Open blockers (" in screen_text(app))
        table = app.screen.query_one("#blockers", FittedTable)
        await table.remove()
        row = ("b1", (Text("1d"), Text("open"), Text(BLOCKER), Text("Sam Okafor")))
        assert table.show([row])


async def test_on_a_laptop_the_blocker_keeps_half_the_table(
    store: Store, clock: FixedClock
) -> None:
    """At 80x24 a long status ('owned by Sam Okafor') wraps in its own column;
    the blocker's words keep at least half the table's width, not the left-overs."""
    sam = store.members.find("sam")
    blocker = store.blockers.raise_blocker(sam, BLOCKER)
    store.blockers.take_ownership(blocker, sam, who="Sam Okafor")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(pilot, lambda: "Open blockers (1)" in screen_text(app))
        table = app.screen.query_one("#blockers", FittedTable)
        widths = {str(column.label): column.width for column in table.columns.values()}
        assert widths["Blocker"] >= sum(widths.values()) // 2, widths
        assert widths["Status"] < widths["Blocker"], widths

"""No screen shows an id meant for machines: every screen of the demo team, on a laptop and
on the TV, names things by their words ("sent up", "owned by NAME", "not here")."""

from __future__ import annotations

import re

import pytest

from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from tests.ui.screen_helpers import screen_text, wait_until

HEX_ID = re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}\b")
"""Six or more hex digits with a letter and a digit among them: an id, as `new_id` makes."""

SCREENS = [
    ("HomeScreen", ()),
    ("HuddleScreen", ("h", "1")),
    ("HuddleScreen", ("h", "2")),
    ("HuddleScreen", ("h", "3")),
    ("HuddleScreen", ("h", "4")),
    ("HuddleScreen", ("h", "5")),
    ("GoalsScreen", ("g",)),
    ("PdsaScreen", ("g", "down", "down", "p")),
    ("MeasuresScreen", ("g", "down", "down", "m")),
    ("TrendsScreen", ("t",)),
    ("IdeasScreen", ("i",)),
    ("ManageScreen", ("m",)),
    ("DigestScreen", ("d",)),
    ("BoardScreen", ("b",)),
    ("HistoryScreen", ("p",)),
    ("HistoryScreen", ("p", "slash", *"form", "enter")),  # its search
    ("TeamSetupScreen", ("f2",)),
    ("HelpScreen", ("question_mark",)),
]
"""Each screen (by its class) and the keys from home that open it."""


@pytest.mark.parametrize("size", [(120, 36), (200, 50)])
async def test_no_screen_shows_an_id(demo: Store, size: tuple[int, int]) -> None:
    app = HuddleApp(demo)
    async with app.run_test(size=size) as pilot:
        assert await wait_until(pilot, lambda: "Open blockers" in screen_text(app))
        for name, keys in SCREENS:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)
            assert type(app.screen).__name__ == name, (keys, type(app.screen).__name__)
            text = screen_text(app)
            assert not HEX_ID.search(text), (name, HEX_ID.findall(text))
            assert "escalated" not in text.casefold(), (name, text)
            assert "Away (" not in text, name
            while type(app.screen).__name__ != "HomeScreen":
                await pilot.press("escape")
                await pilot.pause()

"""The words on screen are the team's (DOMAIN.md): a person not at the huddle is "not
here"; "away" is only for planned leave."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from tests.ui.screen_helpers import screen_text


async def test_the_who_s_here_key_says_here_or_not_here(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h", "1")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "space Here/not here" in footer
        assert "away" not in footer.lower()

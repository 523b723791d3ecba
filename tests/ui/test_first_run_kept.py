"""The first-run set-up never goes on past a name it could not save: the name stays in its
box, with the reason, and the step stays where it is."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.first_run import FirstRunScreen

from .screen_helpers import notices, screen_text, wait_until


async def test_next_with_a_name_that_is_refused_stays_on_the_names(
    tmp_path: Path, clock: FixedClock
) -> None:
    store = Store.open(tmp_path / "new.db", clock=clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press(*"Riverside team", "enter")
        await pilot.press(*"Jo Bloggs", "enter")
        assert await wait_until(pilot, lambda: "Jo Bloggs (leads the huddle)" in screen_text(app))
        app.screen.query_one("#member-name", Input).value = "jo bloggs"  # taken already
        await pilot.click("#members-next")
        assert await wait_until(pilot, lambda: any("already" in n for n in notices(app)))
        assert "Who is in the team?" in screen_text(app)
        assert app.screen.query_one("#member-name", Input).value == "jo bloggs"
    assert [m.name for m in store.members.all()] == ["Jo Bloggs"]
    store.close()

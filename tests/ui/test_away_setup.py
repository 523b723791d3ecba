"""Away dates on the Team set-up screen: shown beside each member, and entered there as
people say dates ("7/12" to "fri" is that week's Friday). Today is Monday 30 November."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, TabbedContent

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskAway
from huddle.ui.screens.setup import TeamSetupScreen

from .screen_helpers import notices, screen_text


async def test_away_dates_are_shown_and_entered_on_team_set_up(
    store: Store, clock: FixedClock
) -> None:
    sam = store.members.find("sam")
    store.absences.add(sam, date(2026, 12, 1), reason="training")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, TeamSetupScreen)
        screen.query_one(TabbedContent).active = "members-tab"
        await pilot.pause()
        assert "training" in screen_text(app)  # recorded with `huddle away`

        table = screen.query_one("#members", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=names.index("Bea Jones"))
        table.focus()
        await pilot.press("a")
        assert isinstance(app.screen, AskAway)
        for box, typed in (("#first", "7/12"), ("#last", "fri"), ("#reason", "annual leave")):
            app.screen.query_one(box, Input).value = typed
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()

        assert "Bea Jones is away Mon 7 Dec to Fri 11 Dec" in notices(app)
        text = screen_text(app)
        assert "Mon 7 Dec" in text and "Fri 11 Dec" in text and "annual leave" in text
    bea = store.members.find("bea")
    assert [(a.first_day, a.last_day, a.reason) for a in store.absences.of_member(bea)] == [
        (date(2026, 12, 7), date(2026, 12, 11), "annual leave")
    ]

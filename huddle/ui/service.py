"""The service view (`huddle rollup FILE...`): every team side by side, read-only, with a
drill-down into any team's own screens, read-only too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from huddle.core.calendar import Clock
from huddle.core.rollup import Rollup, rollup
from huddle.core.rollup_report import oldest, percent, where_waiting
from huddle.ui.themes import install_themes
from huddle.ui.widgets.fitted_table import FittedTable
from huddle.ui.widgets.live_table import Row

COLUMNS = [
    ("Team", None),
    ("Steps", 5),
    ("Done", 4),
    ("Waiting on", 16),
    ("Overdue", 7),
    ("Oldest wait", 11),
    ("Open", 4),
    ("Owned", 5),
    ("Answered", 8),
    ("Streak", 6),
    ("From people", 11),
]
"""Steps this week, their done rate, answers awaited by where they were sent, blockers by
where they stand, the streak, and the share of ideas from people who use services and carers;
each with the most cells it takes (the team's name takes the rest; long words wrap)."""


class Teams(FittedTable):
    """One row per team, and the total."""

    BINDINGS = [Binding("enter", "select_cursor", "Open team (read-only)")]


class ServiceApp(App[Path | None]):
    """The service view; it exits with the file of the team to open, or None."""

    TITLE = "Huddle: service view"
    CSS = """
    #teams { height: auto; max-height: 70%; }
    #below { height: 1fr; padding: 0 1; }
    .heading { text-style: bold; margin-top: 1; }
    #unread { color: $warning; }
    """
    BINDINGS = [
        Binding("w", "other_week", "Last week / this week"),
        Binding("r", "read_again", "Read again"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, paths: Sequence[Path], clock: Clock | None = None, *, last_week: bool = False
    ) -> None:
        super().__init__()
        install_themes(self)
        self.paths = list(paths)
        self.clock = clock
        self.last_week = last_week
        self.found: Rollup | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        table = Teams(COLUMNS, id="teams")
        yield table
        with VerticalScroll(id="below"):
            yield Static("Reading the teams' files...", id="status", markup=False)
            yield Static("Coming back across teams", classes="heading")
            yield Static("", id="coming-back", markup=False)
            yield Static("", id="unread", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.action_read_again()

    def action_read_again(self) -> None:
        self.run_worker(self._read, thread=True, exclusive=True)

    def action_other_week(self) -> None:
        self.last_week = not self.last_week
        self.action_read_again()

    def _read(self) -> None:
        found = rollup(self.paths, self.clock, last_week=self.last_week)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self.show, found)

    def show(self, found: Rollup) -> None:
        self.found = found
        self.sub_title = (
            f"{len(found.teams)} team{'s' * (len(found.teams) != 1)},"
            f" {'last week' if found.last_week else 'this week so far'}, read-only"
        )
        rows: list[Row] = [
            (
                str(team.path),
                (
                    Text(team.shown_as),
                    Text(str(team.steps.steps)),
                    Text(percent(team.steps.done_rate)),
                    Text(where_waiting(team)),
                    Text(str(team.overdue), style="bold red" if team.overdue else ""),
                    Text(oldest(team)),
                    Text(str(team.open)),
                    Text(str(team.owned)),
                    Text(str(team.answered)),
                    Text(str(team.streak)),
                    Text(percent(team.coproduction_share)),
                ),
            )
            for team in found.teams
        ]
        total = found.steps
        totals = (
            found.all_teams,
            str(total.steps),
            percent(total.done_rate),
            str(found.waiting),
            str(found.total("overdue")),
            "",
            str(found.total("open")),
            str(found.total("owned")),
            str(found.total("answered")),
            "",
            percent(found.coproduction_share),
        )
        rows.append(("", tuple(Text(cell, style="bold") for cell in totals)))
        self.query_one("#teams", Teams).show(rows)
        self.query_one("#status", Static).update(
            f"Steps: {found.week_words}."
            " Enter opens a team's own screens, read-only; q there comes back here."
            if found.teams
            else "No team's file could be read."
        )
        self.query_one("#coming-back", Static).update(
            "\n".join(
                f"{c.label}: raised {c.count} times in {len(c.teams)} teams ({', '.join(c.teams)})"
                for c in found.coming_back
            )
            or "Nothing raised in two teams in the last 30 days."
        )
        self.query_one("#unread", Static).update(
            "\n".join(f"Not read: {u.reason}" for u in found.unread)
        )

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open_team()

    def action_open_team(self) -> None:
        table = self.query_one("#teams", Teams)
        if self.found is None or not self.found.teams or table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            self.exit(Path(key))


def run_service_view(
    paths: Sequence[Path], clock: Clock | None = None, *, last_week: bool = False
) -> None:
    """The service view; a team opened from it runs read-only, and quitting it comes back."""
    from huddle.core.models import HuddleError
    from huddle.core.store import Store
    from huddle.ui.app import HuddleApp

    note = ""
    while True:
        app = ServiceApp(paths, clock, last_week=last_week)
        if note:
            app.call_later(app.notify, note, severity="warning", markup=False)
        picked = app.run()
        last_week = app.last_week
        if picked is None:
            return
        try:
            store = Store.open_for_reading(picked, clock=clock)
        except HuddleError as error:
            note = str(error)
            continue
        note = ""
        try:
            HuddleApp(store).run()
        finally:
            store.close()

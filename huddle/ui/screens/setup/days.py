"""Team set-up, Days and holidays: the days the team huddles, and the days it doesn't."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, DataTable, Input, Static

from huddle.core.calendar import days_of_rule, format_day, parse_day, rule_from_days
from huddle.core.models import Team
from huddle.ui.screens.setup.pane import SetupPane

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class DaysPane(SetupPane):
    """The huddle days as a box per weekday, and the holidays."""

    def compose(self) -> ComposeResult:
        yield Static("The team huddles on", classes="heading")
        with Horizontal(id="days", classes="row"):
            for day in WEEKDAYS:
                yield Checkbox(day, id=f"day-{day.lower()}", compact=True)
        yield Static("Holidays: no huddle on these days", classes="heading")
        yield DataTable(id="holidays", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="row"):
            yield Input(placeholder="Day, e.g. 25/12", id="holiday-day", compact=True)
            yield Input(placeholder="Name, e.g. Christmas Day", id="holiday-name", compact=True)
            yield Button("Add holiday", id="add-holiday", compact=True, variant="primary")
            yield Button("Remove (del)", id="remove-holiday", compact=True)

    def on_mount(self) -> None:
        self.query_one("#holidays", DataTable).add_columns("Day", "Holiday")

    def show(self, team: Team, today: date) -> None:
        chosen = set(days_of_rule(team.huddle_days))
        for day in WEEKDAYS:
            box = self.query_one(f"#day-{day.lower()}", Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = day in chosen

        holidays = self.query_one("#holidays", DataTable)
        row = holidays.cursor_row
        holidays.clear()
        for holiday in self.store.team.holidays():
            holidays.add_row(
                Text(f"{holiday.day:%a} {holiday.day.day} {holiday.day:%b %Y}"),
                Text(holiday.name),
                key=holiday.day.isoformat(),
            )
        if holidays.row_count:
            holidays.move_cursor(row=min(row, holidays.row_count - 1), animate=False)

    @on(Checkbox.Changed, "#days Checkbox")
    def days_changed(self) -> None:
        chosen = [day for day in WEEKDAYS if self.query_one(f"#day-{day.lower()}", Checkbox).value]
        if self.safely(lambda: self.store.team.update(huddle_days=rule_from_days(chosen))) is None:
            self.reload()  # e.g. no day left: show the days as they still are

    @on(Input.Submitted, "#holiday-day, #holiday-name")
    @on(Button.Pressed, "#add-holiday")
    def add_holiday(self) -> None:
        day_box = self.query_one("#holiday-day", Input)
        name_box = self.query_one("#holiday-name", Input)
        store = self.store

        def add() -> date:
            day = parse_day(day_box.value, store.today(), store.team.get().date_order)
            store.team.add_holiday(day, name_box.value)
            return day

        day = self.safely(add)
        if day is not None:
            day_box.value = name_box.value = ""
            self.notify(f"No huddle on {format_day(day, store.today())}", markup=False)
            self.reload()

    @on(Button.Pressed, "#remove-holiday")
    def remove_holiday(self) -> None:
        """Remove the chosen holiday."""
        table = self.query_one("#holidays", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key is not None  # noqa: S101 narrows the type; no check relies on it
        self.safely(lambda: self.store.team.remove_holiday(date.fromisoformat(key)))
        self.reload()

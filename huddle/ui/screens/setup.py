"""Team set-up: members (add, rename, role, retire, away dates), huddle days and holidays,
the timebox and its split across the stages, how dates are typed, and how long management
has to answer a blocker."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from huddle.core.calendar import days_of_rule, format_day, parse_day, parse_span, rule_from_days
from huddle.core.models import Absence, DateOrder, HuddleError, Member, Role, Stage
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.dialogs import AskAway, AskText
from huddle.ui.widgets.fitting_footer import FittingFooter

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
STAGE_NAMES = {
    Stage.WHO: "Who is here",
    Stage.YESTERDAY: "Yesterday",
    Stage.TODAY: "Today",
    Stage.BLOCKERS: "Blockers",
    Stage.WRAP_UP: "Wrap-up",
}


class TeamSetupScreen(LiveScreen):
    """The team's settings, one tab each. Every change is saved at once."""

    TITLE = "Team set-up"
    HELP = """
Everything about the team that changes rarely. Changes are saved as soon as you make them.
**Members**: add people, rename them, say what else they are called (Gaz, Em: @gaz finds
them, and a digest without names leaves these out too), change their role, retire someone
who has left (their history stays), and say when someone is away. **Days and holidays**:
the days the team huddles, and the days it doesn't. **Timebox**: how long the huddle
takes, stage by stage.
**Team**: its name, how dates are typed, and how long management has to answer a blocker.
"""
    BINDINGS = [
        Binding("r", "rename", "Rename"),
        Binding("c", "aliases", "Alias"),
        Binding("o", "role", "Role"),
        Binding("x", "retire", "Retire / back"),
        Binding("a", "away", "Away dates"),
        Binding("delete", "remove", "Remove"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    TeamSetupScreen TabbedContent { height: 1fr; }
    TeamSetupScreen TabPane { padding: 0 1; }
    TeamSetupScreen .row { height: auto; margin: 1 0 0 0; }
    TeamSetupScreen .row Button { margin: 0 1 0 0; min-width: 0; }
    TeamSetupScreen .row Input { width: 1fr; margin: 0 1 0 0; }
    TeamSetupScreen .row Select { width: 20; margin: 0 1 0 0; }
    TeamSetupScreen .row Label { padding: 0 1 0 0; }
    TeamSetupScreen .hint { color: $text-muted; }
    TeamSetupScreen .heading { text-style: bold; margin: 1 0 0 0; }
    TeamSetupScreen DataTable { height: 1fr; min-height: 4; }
    TeamSetupScreen #away { height: auto; max-height: 8; min-height: 2; }
    TeamSetupScreen #days Checkbox { margin: 0 1 0 0; }
    TeamSetupScreen .stage-row { height: auto; }
    TeamSetupScreen .stage-row Label { width: 16; padding: 0 1 0 0; }
    TeamSetupScreen .stage-row Input { width: 8; }
    TeamSetupScreen #split-total { margin: 1 0 0 0; text-style: bold; }
    TeamSetupScreen #team-form Input { width: 1fr; }
    #team-form #answer-limit, #team-form #backups-kept { width: 8; }
    TeamSetupScreen RadioSet { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with TabbedContent(id="setup-tabs"):
            with TabPane("Members", id="members-tab"):
                yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="row"):
                    yield Input(placeholder="A new member's name", id="new-member", compact=True)
                    yield Select(
                        [(r.value, r) for r in Role],
                        value=Role.PRACTITIONER,
                        allow_blank=False,
                        id="new-role",
                        compact=True,
                    )
                    yield Button("Add", id="add-member", compact=True, variant="primary")
                with Horizontal(classes="row"):
                    yield Button("Rename (r)", id="rename-member", compact=True)
                    yield Button("Alias (c)", id="aliases-member", compact=True)
                    yield Button("Role (o)", id="role-member", compact=True)
                    yield Button("Retire / bring back (x)", id="retire-member", compact=True)
                    yield Button("Away dates (a)", id="away-member", compact=True)
                yield Static("Away, now or coming up", classes="heading")
                yield DataTable(id="away", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="row"):
                    yield Button("Remove away dates (del)", id="remove-away", compact=True)
            with TabPane("Days and holidays", id="days-tab"):
                yield Static("The team huddles on", classes="heading")
                with Horizontal(id="days", classes="row"):
                    for day in WEEKDAYS:
                        yield Checkbox(day, id=f"day-{day.lower()}", compact=True)
                yield Static("Holidays: no huddle on these days", classes="heading")
                yield DataTable(id="holidays", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="row"):
                    yield Input(placeholder="Day, e.g. 25/12", id="holiday-day", compact=True)
                    yield Input(
                        placeholder="Name, e.g. Christmas Day", id="holiday-name", compact=True
                    )
                    yield Button("Add holiday", id="add-holiday", compact=True, variant="primary")
                    yield Button("Remove (del)", id="remove-holiday", compact=True)
            with TabPane("Timebox", id="timebox-tab"):
                yield Static(
                    "How many minutes each stage of the huddle takes. The timebox is the total.",
                    classes="heading",
                )
                with VerticalScroll():
                    for stage in Stage:
                        with Horizontal(classes="stage-row"):
                            yield Label(STAGE_NAMES[stage])
                            yield Input(
                                id=f"minutes-{stage.value}",
                                type="integer",
                                compact=True,
                                classes="stage-minutes",
                            )
                            yield Label(" minutes")
                    yield Static(id="split-total")
                    with Horizontal(classes="row"):
                        yield Button(
                            "Save the timebox", id="save-split", variant="primary", compact=True
                        )
            with TabPane("Team", id="team-tab"), VerticalScroll(id="team-form"):
                yield Static("The team's name", classes="heading")
                with Horizontal(classes="row"):
                    yield Input(id="team-name", compact=True)
                    yield Button("Save name", id="save-name", compact=True)
                yield Static("How dates are typed", classes="heading")
                with RadioSet(id="date-order"):
                    yield RadioButton("Day first: 1/12 is 1 December", id="day-first")
                    yield RadioButton("Month first: 1/12 is January 12", id="month-first")
                yield Static("Management answers a blocker within", classes="heading")
                with Horizontal(classes="row"):
                    yield Input(id="answer-limit", type="integer", compact=True)
                    yield Label(" huddle days, or it is flagged as late")
                    yield Button("Save", id="save-limit", compact=True)
                yield Static("Backups of the team's file", classes="heading")
                with Horizontal(classes="row"):
                    yield Label("Keep the last ")
                    yield Input(id="backups-kept", type="integer", compact=True)
                    yield Label(" backups; one is made at the first huddle of each day")
                    yield Button("Save", id="save-backups", compact=True)
        yield FittingFooter()

    def on_mount(self) -> None:
        members = self.query_one("#members", DataTable)
        members.add_column("Name", key="name")
        members.add_column("Also called", key="aliases")
        members.add_column("Role", key="role")
        members.add_column("In the team", key="active")
        self.query_one("#away", DataTable).add_columns("Who", "From", "To", "Why")
        self.query_one("#holidays", DataTable).add_columns("Day", "Holiday")
        self.safely(self.reload)

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        store = self.store
        team = store.team.get()
        today = store.today()
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Huddle", "bold"), "  ", team.name or "a new team", "  ·  Team set-up"
            )
        )
        table = self.query_one("#members", DataTable)
        row = table.cursor_row
        table.clear()
        for member in store.members.all(active_only=False):
            table.add_row(
                Text(member.name),
                Text(", ".join(member.aliases)),
                Text(member.role.value),
                Text("yes" if member.active else "retired"),
                key=member.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)

        away = self.query_one("#away", DataTable)
        row = away.cursor_row
        away.clear()
        for absence in store.absences.upcoming(today):
            away.add_row(
                Text(absence.member_name),
                Text(format_day(absence.first_day, today)),
                Text(format_day(absence.last_day, today)),
                Text(absence.reason),
                key=absence.id,
            )
        if away.row_count:
            away.move_cursor(row=min(row, away.row_count - 1), animate=False)

        chosen = set(days_of_rule(team.huddle_days))
        for day in WEEKDAYS:
            box = self.query_one(f"#day-{day.lower()}", Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = day in chosen

        holidays = self.query_one("#holidays", DataTable)
        row = holidays.cursor_row
        holidays.clear()
        for holiday in store.team.holidays():
            holidays.add_row(
                Text(f"{holiday.day:%a} {holiday.day.day} {holiday.day:%b %Y}"),
                Text(holiday.name),
                key=holiday.day.isoformat(),
            )
        if holidays.row_count:
            holidays.move_cursor(row=min(row, holidays.row_count - 1), animate=False)

        split = store.timebox.split()
        for stage in Stage:
            minutes = self.query_one(f"#minutes-{stage.value}", Input)
            if not minutes.has_focus:
                with minutes.prevent(Input.Changed):
                    minutes.value = str(split[stage])
        self._show_total()

        name = self.query_one("#team-name", Input)
        if not name.has_focus:
            name.value = team.name
        with self.prevent(RadioSet.Changed):
            button = "#day-first" if team.date_order is DateOrder.DAY_FIRST else "#month-first"
            self.query_one(button, RadioButton).value = True
        numbers = {"#answer-limit": team.answer_limit_days, "#backups-kept": team.backups_kept}
        for field, value in numbers.items():
            typed = self.query_one(field, Input)
            if not typed.has_focus:
                typed.value = str(value)

    def _show_total(self) -> None:
        try:
            total = sum(int(v or 0) for v in self._split_typed().values())
            text = f"In all: {total} minutes"
        except ValueError:
            text = "In all: (type whole minutes)"
        self.query_one("#split-total", Static).update(Content(text))

    def _split_typed(self) -> dict[Stage, int]:
        return {
            stage: int(self.query_one(f"#minutes-{stage.value}", Input).value or 0)
            for stage in Stage
        }

    def selected_member(self) -> Member | None:
        table = self.query_one("#members", DataTable)
        if not table.row_count:
            self.notify("Add a member first", severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key is not None  # noqa: S101 narrows the type; no check relies on it
        return self.safely(lambda: self.store.members.get(key))

    # Members ------------------------------------------------------------------------------

    @on(Input.Submitted, "#new-member")
    @on(Button.Pressed, "#add-member")
    def add_member(self) -> None:
        box = self.query_one("#new-member", Input)
        role = self.query_one("#new-role", Select).value
        assert isinstance(role, Role)  # noqa: S101 narrows the type; no check relies on it
        added = self.safely(lambda: self.store.members.add(box.value, role))
        if added is not None:
            box.value = ""
            self.notify(f"Added {added.name}", markup=False)
            self.reload()

    @on(Button.Pressed, "#rename-member")
    def action_rename(self) -> None:
        """Rename the chosen member."""
        member = self.selected_member()
        if member is None:
            return

        def rename(new_name: str | None) -> None:
            if (
                new_name is not None
                and new_name.strip() != member.name
                and self.safely(lambda: self.store.members.rename(member, new_name)) is not None
            ):
                self.reload()

        self.app.push_screen(AskText(f"A new name for {member.name}", member.name), rename)

    @on(Button.Pressed, "#aliases-member")
    def action_aliases(self) -> None:
        """Say what else the chosen member is called."""
        member = self.selected_member()
        if member is None:
            return

        def save(typed: str | None) -> None:
            aliases = [a for a in (typed or "").split(",") if a.strip()]
            if (
                typed is not None
                and self.safely(lambda: self.store.members.set_aliases(member, aliases)) is not None
            ):
                self.reload()

        self.app.push_screen(
            AskText(
                f"What else is {member.name} called?",
                ", ".join(member.aliases),
                hint="Names with commas between, e.g. Gaz, Gareth P; empty for none",
            ),
            save,
        )

    @on(Button.Pressed, "#role-member")
    def action_role(self) -> None:
        """Change the chosen member's role (lead, practitioner, manager)."""
        member = self.selected_member()
        if member is None:
            return
        roles = list(Role)
        role = roles[(roles.index(member.role) + 1) % len(roles)]
        if self.safely(lambda: self.store.members.set_role(member, role)):
            self.notify(f"{member.name} is now {role.value}", markup=False)
            self.reload()

    @on(Button.Pressed, "#retire-member")
    def action_retire(self) -> None:
        """Retire the chosen member (history stays), or bring them back."""
        member = self.selected_member()
        if member is None:
            return
        if self.safely(lambda: self.store.members.set_active(member, not member.active)):
            word = "brought back" if not member.active else "retired; their history stays"
            self.notify(f"{member.name} {word}", markup=False)
            self.reload()

    @on(Button.Pressed, "#away-member")
    def action_away(self) -> None:
        """Say when the chosen member is away (leave, training, off shift)."""
        member = self.selected_member()
        if member is None:
            return

        def save(answer: tuple[str, str, str] | None) -> None:
            if answer is None:
                return
            first_typed, last_typed, reason = answer
            store = self.store
            order = store.team.get().date_order

            def add() -> Absence:
                first, last = parse_span(first_typed, last_typed, store.today(), order)
                return store.absences.add(member, first, last, reason)

            saved = self.safely(add)
            if saved is not None:
                today = store.today()
                days = format_day(saved.first_day, today)
                if saved.last_day != saved.first_day:
                    days += f" to {format_day(saved.last_day, today)}"
                self.notify(f"{member.name} is away {days}", markup=False)
                self.reload()

        self.app.push_screen(AskAway(member.name), save)

    @on(Button.Pressed, "#remove-away")
    def remove_away(self) -> None:
        table = self.query_one("#away", DataTable)
        if not table.row_count:
            self.notify("Nobody is away now or later", severity="warning")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        store = self.store
        chosen = next((a for a in store.absences.upcoming(store.today()) if a.id == key), None)
        if chosen is not None:
            self.safely(lambda: store.absences.remove(chosen))
        self.reload()

    # Days and holidays --------------------------------------------------------------------

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

    def action_remove(self) -> None:
        """Remove the chosen holiday, or the chosen away dates."""
        if self.query_one(TabbedContent).active == "members-tab":
            self.remove_away()
        else:
            self.remove_holiday()

    @on(Button.Pressed, "#remove-holiday")
    def remove_holiday(self) -> None:
        table = self.query_one("#holidays", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key is not None  # noqa: S101 narrows the type; no check relies on it
        self.safely(lambda: self.store.team.remove_holiday(date.fromisoformat(key)))
        self.reload()

    # Timebox and team ---------------------------------------------------------------------

    @on(Input.Changed, ".stage-minutes")
    def split_typed(self) -> None:
        self._show_total()

    @on(Input.Submitted, ".stage-minutes")
    @on(Button.Pressed, "#save-split")
    def save_split(self) -> None:
        def save() -> dict[Stage, int]:
            try:
                split = self._split_typed()
            except ValueError:
                raise HuddleError("type whole minutes for each stage") from None
            return self.store.timebox.set_split(split)

        if self.safely(save) is not None:
            self.notify(f"Timebox saved: {self.store.team.get().timebox_minutes} minutes")
            self.reload()

    @on(Input.Submitted, "#team-name")
    @on(Button.Pressed, "#save-name")
    def save_name(self) -> None:
        name = self.query_one("#team-name", Input).value
        if not name.strip():
            self.notify("The team's name can't be empty", severity="warning")
            return
        if self.safely(lambda: self.store.team.update(name=name)) is not None:
            self.notify("Name saved")
            self.reload()

    @on(RadioSet.Changed, "#date-order")
    def order_changed(self, event: RadioSet.Changed) -> None:
        order = DateOrder.DAY_FIRST if event.pressed.id == "day-first" else DateOrder.MONTH_FIRST
        if self.safely(lambda: self.store.team.update(date_order=order)) is not None:
            self.notify(f"Dates are typed {order.value}")

    @on(Input.Submitted, "#answer-limit")
    @on(Button.Pressed, "#save-limit")
    def save_limit(self) -> None:
        typed = self.query_one("#answer-limit", Input).value

        def save() -> object:
            if not typed.strip().isdigit():
                raise HuddleError("type a whole number of huddle days")
            return self.store.team.update(answer_limit_days=int(typed))

        if self.safely(save) is not None:
            self.notify(f"Management now has {int(typed)} huddle days to answer")

    @on(Input.Submitted, "#backups-kept")
    @on(Button.Pressed, "#save-backups")
    def save_backups_kept(self) -> None:
        typed = self.query_one("#backups-kept", Input).value

        def save() -> object:
            if not typed.strip().isdigit():
                raise HuddleError("type a whole number of backups")
            return self.store.team.update(backups_kept=int(typed))

        if self.safely(save) is not None:
            self.notify(f"The last {int(typed)} backups are kept")

    # Keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        tab = self.query_one(TabbedContent).active
        if action in ("rename", "aliases", "role", "retire", "away"):
            return tab == "members-tab"
        if action == "remove":
            return tab in ("members-tab", "days-tab")
        return True

    @on(TabbedContent.TabActivated)
    def tab_changed(self) -> None:
        self.refresh_bindings()

    def action_back(self) -> None:
        """Back to where you were."""
        if isinstance(self.focused, Input):
            self.set_focus(None)
        else:
            self.dismiss()

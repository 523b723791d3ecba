"""Team set-up, Members: add people, rename them, aliases, role, retire, away dates."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Select, Static

from huddle.core.calendar import format_day, parse_span
from huddle.core.models import Absence, HuddleError, Member, Role, Team
from huddle.ui.screens.dialogs import AskAway, AskText
from huddle.ui.screens.setup.pane import SetupPane


class MembersPane(SetupPane):
    """The team's members, and who is away now or coming up."""

    def compose(self) -> ComposeResult:
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

    def on_mount(self) -> None:
        members = self.query_one("#members", DataTable)
        members.add_column("Name", key="name")
        members.add_column("Also called", key="aliases")
        members.add_column("Role", key="role")
        members.add_column("In the team", key="active")
        self.query_one("#away", DataTable).add_columns("Who", "From", "To", "Why")

    def show(self, team: Team, today: date) -> None:
        store = self.store
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

    def selected_member(self) -> Member | None:
        table = self.query_one("#members", DataTable)
        if not table.row_count:
            self.notify("Add a member first", severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert key is not None  # noqa: S101 narrows the type; no check relies on it
        return self.safely(lambda: self.store.members.get(key))

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
    def rename(self) -> None:
        """Rename the chosen member."""
        member = self.selected_member()
        if member is None:
            return

        def rename(new_name: str) -> Member:
            if new_name.strip() == member.name:
                return member
            return self.store.members.rename(member, new_name)

        def renamed(new_name: str | None) -> None:
            if new_name is not None:
                self.reload()

        question = f"A new name for {member.name}"
        self.app.push_screen(AskText(question, rename, value=member.name, select=True), renamed)

    @on(Button.Pressed, "#aliases-member")
    def aliases(self) -> None:
        """Say what else the chosen member is called."""
        member = self.selected_member()
        if member is None:
            return

        def save(typed: str) -> Member:
            aliases = [a for a in typed.split(",") if a.strip()]
            return self.store.members.set_aliases(member, aliases)

        def saved(typed: str | None) -> None:
            if typed is not None:
                self.reload()

        self.app.push_screen(
            AskText(
                f"What else is {member.name} called?",
                save,
                value=", ".join(member.aliases),
                hint="Names with commas between, e.g. Gaz, Gareth P; empty for none",
                select=True,
            ),
            saved,
        )

    @on(Button.Pressed, "#role-member")
    def next_role(self) -> None:
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
    def retire(self) -> None:
        """Retire the chosen member (history stays), or bring them back."""
        member = self.selected_member()
        if member is None:
            return
        if self.safely(lambda: self.store.members.set_active(member, not member.active)):
            word = "brought back" if not member.active else "retired; their history stays"
            self.notify(f"{member.name} {word}", markup=False)
            self.reload()

    @on(Button.Pressed, "#away-member")
    def away(self) -> None:
        """Say when the chosen member is away (leave, training, off shift)."""
        member = self.selected_member()
        if member is None:
            return

        store = self.store
        added: list[Absence] = []

        def save(typed: tuple[str, str, str]) -> Absence:
            first_typed, last_typed, reason = typed
            order = store.team.get().date_order
            first, last = parse_span(first_typed, last_typed, store.today(), order)
            added.append(store.absences.add(member, first, last, reason))
            return added[-1]

        def saved(typed: tuple[str, str, str] | None) -> None:
            if typed is None or not added:
                return
            today = store.today()
            days = format_day(added[-1].first_day, today)
            if added[-1].last_day != added[-1].first_day:
                days += f" to {format_day(added[-1].last_day, today)}"
            self.notify(f"{member.name} is away {days}", markup=False)
            self.reload()

        def wrong(typed: tuple[str, str, str]) -> str | None:
            try:
                parse_span(typed[0], typed[1], self.store.today(), self.store.team.get().date_order)
            except HuddleError as error:
                return str(error)
            return None

        self.app.push_screen(AskAway(member.name, check=wrong, save=save), saved)

    @on(Button.Pressed, "#remove-away")
    def remove_away(self) -> None:
        """Remove the chosen away dates."""
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

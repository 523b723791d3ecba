"""Team set-up, Team: its name, how dates are typed, how long management has to answer a
blocker, the tiers a blocker goes up through, how many backups are kept."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from huddle.core.models import DateOrder, HuddleError, Team
from huddle.core.tiers import read_tiers, tiers_said, tiers_typed
from huddle.ui.screens.setup.pane import SetupPane


class TeamPane(SetupPane):
    """The team's own settings, each saved on its own."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="team-form"):
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
            yield Static("Tiers a blocker is sent up through, first to last", classes="heading")
            with Horizontal(classes="row"):
                yield Input(
                    id="tiers",
                    placeholder="Team manager:2, Service manager:5, Director:10",
                    compact=True,
                )
                yield Button("Save", id="save-tiers", compact=True)
            yield Static(id="tiers-said", classes="hint", markup=False)
            yield Static("Backups of the team's file", classes="heading")
            with Horizontal(classes="row"):
                yield Label("Keep the last ")
                yield Input(id="backups-kept", type="integer", compact=True)
                yield Label(" backups; one is made at the first huddle of each day")
                yield Button("Save", id="save-backups", compact=True)

    def show(self, team: Team, today: date) -> None:
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
        tiers = self.store.team.tiers()
        typed = self.query_one("#tiers", Input)
        if not typed.has_focus:
            typed.value = tiers_typed(tiers)
        said = f"Now: {tiers_said(tiers)}." if tiers else "None: blockers go up to management."
        hint = " After the colon, the huddle days each has to answer."
        self.query_one("#tiers-said", Static).update(said + hint)

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

    @on(Input.Submitted, "#tiers")
    @on(Button.Pressed, "#save-tiers")
    def save_tiers(self) -> None:
        typed = self.query_one("#tiers", Input).value

        def save() -> object:
            limit = self.store.team.get().answer_limit_days
            return self.store.team.set_tiers(read_tiers([typed], limit))

        if self.safely(save) is not None:
            self.notify(f"Tiers: {tiers_said(self.store.team.tiers())}", markup=False)
            self.reload()

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

"""Team set-up: members (add, rename, role, retire, away dates), huddle days and holidays,
the timebox and its split across the stages, how dates are typed, and how long management
has to answer a blocker. One tab each, one file each beside this one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Static, TabbedContent

from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.setup.board import BoardPane
from huddle.ui.screens.setup.days import DaysPane
from huddle.ui.screens.setup.members import MembersPane
from huddle.ui.screens.setup.pane import SetupPane
from huddle.ui.screens.setup.team import TeamPane
from huddle.ui.screens.setup.timebox import TimeboxPane
from huddle.ui.widgets.fitting_footer import FittingFooter


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
**Board and speakers**: who speaks first at Today (alphabetical, rotating or random), how
long the board shows each panel, and the measures tracked daily on its day-status strip.
"""
    WRITES = frozenset({"rename", "aliases", "role", "retire", "away", "remove"})
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
    #team-form #answer-limit, #team-form #backups-kept, #board-form #board-seconds { width: 8; }
    TeamSetupScreen RadioSet { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with TabbedContent(id="setup-tabs"):
            yield MembersPane("Members", id="members-tab")
            yield DaysPane("Days and holidays", id="days-tab")
            yield TimeboxPane("Timebox", id="timebox-tab")
            yield TeamPane("Team", id="team-tab")
            yield BoardPane("Board and speakers", id="board-tab")
        yield FittingFooter()

    def on_mount(self) -> None:
        if self.huddle_app.read_only_refusal():
            # Shown to be read: no box takes typing that could not be saved, no button or
            # choice saves (the keys are refused in one line, as WRITES everywhere).
            for control in self.query("TabPane Input, Button, Select, Checkbox, RadioSet"):
                control.disabled = True
        self.safely(self.reload)

    def reload(self) -> None:
        team = self.store.team.get()
        today = self.store.today()
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Huddle", "bold"), "  ", team.name or "a new team", "  ·  Team set-up"
            )
        )
        for pane in self.query(SetupPane):
            pane.show(team, today)

    # Keys ---------------------------------------------------------------------------------

    def action_rename(self) -> None:
        """Rename the chosen member."""
        self.query_one(MembersPane).rename()

    def action_aliases(self) -> None:
        """Say what else the chosen member is called."""
        self.query_one(MembersPane).aliases()

    def action_role(self) -> None:
        """Change the chosen member's role (lead, practitioner, manager)."""
        self.query_one(MembersPane).next_role()

    def action_retire(self) -> None:
        """Retire the chosen member (history stays), or bring them back."""
        self.query_one(MembersPane).retire()

    def action_away(self) -> None:
        """Say when the chosen member is away (leave, training, off shift)."""
        self.query_one(MembersPane).away()

    def action_remove(self) -> None:
        """Remove the chosen holiday, or the chosen away dates."""
        if self.query_one(TabbedContent).active == "members-tab":
            self.query_one(MembersPane).remove_away()
        else:
            self.query_one(DaysPane).remove_holiday()

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

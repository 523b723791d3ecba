"""The first run on an empty file: a short guided set-up (the team's name, its members, one
goal) instead of an empty screen. Each answer is saved as soon as it is given."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Input, Static

from huddle.core.models import Role
from huddle.ui.screens.base import LiveScreen
from huddle.ui.widgets.fitting_footer import FittingFooter

STEPS = ("team-step", "members-step", "goal-step")


class FirstRunScreen(LiveScreen):
    """Three questions, then the home screen."""

    TITLE = "Set up your team"
    HELP = """
Three questions to start: the team's name, who is in it (you first), and one long-term goal.
Each answer is saved at once; everything can be changed later in **Team set-up** (F2).
"""
    BINDINGS = [
        Binding("escape", "skip", "Skip for now"),
    ]

    DEFAULT_CSS = """
    FirstRunScreen { align: center top; }
    FirstRunScreen #first-run {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        padding: 0 2;
        margin: 1 0 0 0;
    }
    FirstRunScreen #first-run-title { text-style: bold; color: $text-primary; padding: 1 0; }
    FirstRunScreen ContentSwitcher { height: auto; }
    FirstRunScreen ContentSwitcher > Vertical { height: auto; }
    FirstRunScreen .question { text-style: bold; }
    FirstRunScreen .hint { color: $text-muted; padding: 0 0 1 0; }
    FirstRunScreen #added { height: auto; max-height: 8; padding: 0 0 1 0; }
    FirstRunScreen .buttons { height: auto; padding: 1 0; }
    FirstRunScreen .buttons Button { margin: 0 2 0 0; }
    FirstRunScreen.-compact #first-run { margin: 0; border: none; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run"):
            yield Static(id="first-run-title")
            with ContentSwitcher(initial="team-step"):
                with Vertical(id="team-step"):
                    yield Static("What is your team called?", classes="question")
                    yield Static(
                        "As it should read at the top of the shared screen.", classes="hint"
                    )
                    yield Input(placeholder="e.g. Northside Assessment Team", id="team-name")
                    with Horizontal(classes="buttons"):
                        yield Button("Next", id="team-next", variant="primary")
                with Vertical(id="members-step"):
                    yield Static("Who is in the team?", classes="question")
                    yield Static(
                        "You first (you lead the huddle), then everyone else, one at a time: "
                        "type a name and press Enter.",
                        classes="hint",
                    )
                    yield VerticalScroll(Static(id="added-names"), id="added")
                    yield Input(placeholder="Your name", id="member-name")
                    with Horizontal(classes="buttons"):
                        yield Button("Add", id="member-add")
                        yield Button("Next", id="members-next", variant="primary")
                with Vertical(id="goal-step"):
                    yield Static("One long-term goal for the team", classes="question")
                    yield Static(
                        "What the small daily steps add up to, e.g. cut the wait for a care "
                        "assessment. You can add more goals later.",
                        classes="hint",
                    )
                    yield Input(placeholder="The goal", id="goal-title")
                    yield Input(
                        placeholder="Why it matters (you can leave this empty)", id="goal-why"
                    )
                    with Horizontal(classes="buttons"):
                        yield Button("Finish", id="goal-finish", variant="primary")
            yield Static(
                "Just looking? Quit (ctrl+q) and run  huddle demo  for a demo team.",
                classes="hint",
                markup=False,
            )
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)
        self.query_one("#team-name", Input).focus()

    def reload(self) -> None:
        team = self.store.team.get()
        name = self.query_one("#team-name", Input)
        if not name.value and team.name:
            name.value = team.name
        self._show_members()
        self._show_step()

    def _show_step(self) -> None:
        current = self.query_one(ContentSwitcher).current or STEPS[0]
        number = STEPS.index(current) + 1
        self.query_one("#first-run-title", Static).update(
            Content(f"Welcome to Huddle: set up your team (step {number} of {len(STEPS)})")
        )

    def _show_members(self) -> None:
        members = self.store.members.all()
        names = "\n".join(
            f"  {m.name}{' (leads the huddle)' if m.role is Role.LEAD else ''}" for m in members
        )
        self.query_one("#added-names", Static).update(Content(names or "  Nobody yet."))
        self.query_one("#member-name", Input).placeholder = (
            "Your name" if not members else "Another name, or press Next"
        )

    def _go(self, step: str, focus: str) -> None:
        self.query_one(ContentSwitcher).current = step
        self._show_step()
        self.query_one(focus, Input).focus()

    @on(Input.Submitted, "#team-name")
    @on(Button.Pressed, "#team-next")
    def team_named(self) -> None:
        name = self.query_one("#team-name", Input).value.strip()
        if not name:
            self.notify("Type the team's name first", severity="warning")
            return
        if self.safely(lambda: self.store.team.update(name=name)) is not None:
            self._go("members-step", "#member-name")

    @on(Input.Submitted, "#member-name")
    @on(Button.Pressed, "#member-add")
    def member_added(self) -> bool:
        """Add the name typed; False when it is refused (it stays in its box, said why)."""
        box = self.query_one("#member-name", Input)
        name = box.value.strip()
        if not name:
            if self.store.members.all():
                self.members_done()
            else:  # (Enter did nothing at all: it looked stuck)
                self.notify("Type your name first: you lead the huddle", severity="warning")
            return True
        role = Role.PRACTITIONER if self.store.members.all() else Role.LEAD
        if self.safely(lambda: self.store.members.add(name, role)) is None:
            return False
        box.value = ""
        self._show_members()
        return True

    @on(Button.Pressed, "#members-next")
    def members_done(self) -> None:
        if self.query_one("#member-name", Input).value.strip() and not self.member_added():
            return  # the name typed was not saved: it stays, with the reason
        if not self.store.members.all():
            self.notify("Add at least yourself first", severity="warning")
            return
        self._go("goal-step", "#goal-title")

    @on(Input.Submitted, "#goal-title")
    def goal_typed(self) -> None:
        self.query_one("#goal-why", Input).focus()

    @on(Input.Submitted, "#goal-why")
    @on(Button.Pressed, "#goal-finish")
    def goal_set(self) -> None:
        title = self.query_one("#goal-title", Input).value.strip()
        why = self.query_one("#goal-why", Input).value
        if not title:
            self.notify("Type one goal first (more can come later)", severity="warning")
            self.query_one("#goal-title", Input).focus()
            return
        if self.safely(lambda: self.store.goals.add(title, why=why)) is not None:
            self.notify("Your team is ready. Press ? for help on any screen.", markup=False)
            self.dismiss()

    def action_skip(self) -> None:
        """Leave the set-up; it is in Team set-up (F2) whenever you want it. What was typed
        and not yet given (Esc pressed by habit) is saved first, never dropped."""
        if self._keep_typed():
            self.dismiss()

    def _keep_typed(self) -> bool:
        """Save the answer typed at this step; False when it was refused (said in one line)."""
        step = self.query_one(ContentSwitcher).current or STEPS[0]
        name = self.query_one("#team-name", Input).value.strip()
        member = self.query_one("#member-name", Input).value.strip()
        title = self.query_one("#goal-title", Input).value.strip()
        saved: object
        if step == "team-step" and name:
            saved = self.safely(lambda: self.store.team.update(name=name))
        elif step == "members-step" and member:
            role = Role.PRACTITIONER if self.store.members.all() else Role.LEAD
            saved = self.safely(lambda: self.store.members.add(member, role))
        elif step == "goal-step" and title:
            why = self.query_one("#goal-why", Input).value
            saved = self.safely(lambda: self.store.goals.add(title, why=why))
        else:
            return True  # nothing typed here
        return saved is not None

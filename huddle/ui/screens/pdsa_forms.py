"""The dialogs of the PDSA screen: plan a cycle from steps, change its plan, add steps,
write its study, decide with a note."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from huddle.core.calendar import format_date
from huddle.core.models import Step
from huddle.core.pdsa import Act
from huddle.ui.screens.dialog import Dialog, T


class NewCycleScreen(Dialog[T]):
    """Plan: the change and the prediction, and the steps (one or a few) that try it."""

    def __init__(self, steps: Sequence[Step], save: Callable[[str, str, list[Step]], T]) -> None:
        super().__init__()
        self.steps = list(steps)
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("A new PDSA cycle: Plan", classes="form-title")
            yield Label("The change to try")
            yield Input(id="pdsa-change", placeholder="e.g. Ring people the day before a visit")
            yield Label("What we predict will happen")
            yield Input(id="pdsa-prediction", placeholder="e.g. Fewer visits where nobody is in")
            yield Label("Do: the small steps that try it (space picks)")
            yield SelectionList[str](
                *(Selection(Content(step_label(s)), s.id) for s in self.steps),
                id="pdsa-steps",
            )
            yield Static("Enter saves · Tab moves · Esc cancels", classes="form-help")

    def on_input_submitted(self) -> None:
        picked = set(self.query_one("#pdsa-steps", SelectionList).selected)
        chosen = [s for s in self.steps if s.id in picked]
        change = self.query_one("#pdsa-change", Input).value
        prediction = self.query_one("#pdsa-prediction", Input).value
        self.attempt(lambda: self.save(change, prediction, chosen))


class PlanScreen(Dialog[T]):
    """Plan, changed: the change to try and the prediction, as written so far."""

    def __init__(self, change: str, prediction: str, save: Callable[[str, str], T]) -> None:
        super().__init__()
        self.change = change
        self.prediction = prediction
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Plan: the change and the prediction", classes="form-title")
            yield Label("The change to try")
            yield Input(self.change, id="pdsa-change")
            yield Label("What we predict will happen")
            yield Input(
                self.prediction,
                id="pdsa-prediction",
                placeholder="e.g. Fewer visits where nobody is in",
            )
            yield Static("Enter saves · Tab moves · Esc cancels", classes="form-help")

    def on_input_submitted(self) -> None:
        change = self.query_one("#pdsa-change", Input).value
        prediction = self.query_one("#pdsa-prediction", Input).value
        self.attempt(lambda: self.save(change, prediction))


class AddStepsScreen(Dialog[T]):
    """Do: more small steps that carry the change out, picked from the recent ones."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # priority: in the list Enter would toggle a step; here it saves (space picks).
        Binding("enter", "save", "Add", priority=True),
    ]

    def __init__(self, change: str, steps: Sequence[Step], save: Callable[[list[Step]], T]) -> None:
        super().__init__()
        self.change = change
        self.steps = list(steps)
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Do: add the small steps that try it", classes="form-title")
            yield Static(Content(self.change), classes="form-intro")
            yield SelectionList[str](
                *(Selection(Content(step_label(s)), s.id) for s in self.steps),
                id="pdsa-steps",
            )
            yield Static("Space picks · Enter adds them · Esc cancels", classes="form-help")

    def action_save(self) -> None:
        picked = set(self.query_one("#pdsa-steps", SelectionList).selected)
        chosen = [s for s in self.steps if s.id in picked]
        if not chosen:
            self.app.notify("Pick a step with space first", severity="warning")
            return
        self.attempt(lambda: self.save(chosen))


def step_label(step: Step) -> str:
    """A step as the PDSA dialogs list it: its day, whose, what."""
    return f"{format_date(step.day, '%a %d %b')}  {step.member_name}: {step.text}"


class StudyScreen(Dialog[T]):
    """Study: what happened, against the prediction, with the steps' learning lines in view."""

    def __init__(self, intro: Content, study: str, save: Callable[[str], T]) -> None:
        super().__init__()
        self.intro = intro
        self.study = study
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Study: what happened, against the prediction?", classes="form-title")
            yield Static(self.intro, classes="form-intro")
            yield Input(
                self.study, id="pdsa-study", placeholder="e.g. Wasted visits fell from 3 to 1"
            )
            yield Static("Enter saves · Esc cancels", classes="form-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.attempt(lambda: self.save(event.value))


class DecideScreen(Dialog[T]):
    """Act: one key picks adopt, adapt or abandon; then a note on why (optional), Enter."""

    DEFAULT_CSS = """
    DecideScreen #act-note, DecideScreen #act-note-label, DecideScreen #act-note-help {
        display: none;
    }
    DecideScreen.-chosen #act-note, DecideScreen.-chosen #act-note-label,
    DecideScreen.-chosen #act-note-help { display: block; }
    DecideScreen.-chosen #act-keys { display: none; }
    """

    AUTO_FOCUS = ""
    """Nothing focused at first, so a, d and b decide rather than type into the note."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("a", "decide('adopt')", "Adopt"),
        Binding("d", "decide('adapt')", "Adapt"),
        Binding("b", "decide('abandon')", "Abandon"),
    ]

    CHOICES = {
        Act.ADOPT: "adopt it: checks that it is still in place in 30, 60 and 90 days",
        Act.ADAPT: "adapt it: a new cycle to try it changed",
        Act.ABANDON: "abandon it",
    }

    def __init__(self, change: str, save: Callable[[Act, str], T]) -> None:
        super().__init__()
        self.change = change
        self.save = save
        self.chosen: Act | None = None
        """The decision, once its key is pressed; the note is asked for next."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Act: what does the team decide?", classes="form-title")
            yield Static(Content(self.change), classes="form-intro")
            keys = {Act.ADOPT: "a", Act.ADAPT: "d", Act.ABANDON: "b"}
            yield Static(
                "\n".join(f"{keys[act]}  {what}" for act, what in self.CHOICES.items())
                + "\n\nEsc cancels",
                id="act-keys",
                classes="form-help",
            )
            yield Label("", id="act-note-label")
            yield Input(id="act-note", placeholder="e.g. Everyone rings ahead now; keep it")
            yield Static("Enter decides · Esc picks again", id="act-note-help", classes="form-help")

    def action_decide(self, act: str) -> None:
        if self.chosen is not None:
            return
        self.chosen = Act(act)
        self.add_class("-chosen")
        self.query_one("#act-note-label", Label).update(
            Content(f"{self.CHOICES[self.chosen].capitalize()}. A note on why (optional):")
        )
        self.query_one("#act-note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        chosen = self.chosen
        if chosen is not None:
            self.attempt(lambda: self.save(chosen, event.value))

    def action_cancel(self) -> None:
        if self.chosen is None:
            self.dismiss(None)
            return
        self.chosen = None
        self.remove_class("-chosen")
        self.set_focus(None)


class CheckScreen(Dialog[T]):
    """A sustainment check: is the adopted change still in place? y or n."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("y", "answer(True)", "Still in place"),
        Binding("n", "answer(False)", "Slipped"),
    ]

    def __init__(self, question: Content, save: Callable[[bool], T]) -> None:
        super().__init__()
        self.question = question
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Still in place?", classes="form-title")
            yield Static(self.question, classes="form-intro")
            yield Static(
                "y  yes, still in place\nn  no, it has slipped\n\nEsc cancels", classes="form-help"
            )

    def action_answer(self, in_place: bool) -> None:
        self.attempt(lambda: self.save(in_place))

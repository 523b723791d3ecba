"""The dialogs of the PDSA screen: plan a cycle from steps, write its study, decide."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

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
                *(Selection(Content(self.label_of(s)), s.id) for s in self.steps),
                id="pdsa-steps",
            )
            yield Static("Enter saves · Tab moves · Esc cancels", classes="form-help")

    def label_of(self, step: Step) -> str:
        return f"{step.day:%a %d %b}  {step.member_name}: {step.text}"

    def on_input_submitted(self) -> None:
        picked = set(self.query_one("#pdsa-steps", SelectionList).selected)
        chosen = [s for s in self.steps if s.id in picked]
        self.attempt(
            lambda: self.save(
                self.query_one("#pdsa-change", Input).value,
                self.query_one("#pdsa-prediction", Input).value,
                chosen,
            )
        )


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
    """Act: adopt, adapt or abandon; one key decides."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("a", "decide('adopt')", "Adopt"),
        Binding("d", "decide('adapt')", "Adapt"),
        Binding("b", "decide('abandon')", "Abandon"),
    ]

    def __init__(self, change: str, save: Callable[[Act], T]) -> None:
        super().__init__()
        self.change = change
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Act: what does the team decide?", classes="form-title")
            yield Static(Content(self.change), classes="form-intro")
            yield Static(
                "a  adopt it: checks that it is still in place in 30, 60 and 90 days\n"
                "d  adapt it: a new cycle to try it changed\n"
                "b  abandon it\n\nEsc cancels",
                classes="form-help",
            )

    def action_decide(self, act: str) -> None:
        self.attempt(lambda: self.save(Act(act)))


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

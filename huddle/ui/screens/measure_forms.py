"""The forms for a goal's measures: a new measure, and a value recorded for a day."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from huddle.core.measures import DEFAULT_BASELINE, Better, Measure
from huddle.core.models import HuddleError
from huddle.core.numbers import read_count
from huddle.ui.screens.dialog import Dialog


@dataclass(frozen=True)
class MeasureDraft:
    name: str
    unit: str
    better: Better
    target: str
    baseline: int


def read_better(typed: str) -> Better:
    """ "lower", "l", "Higher": which way is better, as typed."""
    word = typed.strip().lower()
    for better in Better:
        if word and better.value.startswith(word):
            return better
    raise HuddleError("say which way is better: lower or higher")


class MeasureFormScreen(Dialog[Measure]):
    """A new measure for a goal; the form stays open, typing kept, when saving fails."""

    def __init__(self, goal_title: str, save: Callable[[MeasureDraft], Measure]) -> None:
        super().__init__()
        self.goal_title = goal_title
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="measure-form", classes="form"):
            yield Static("A new measure", classes="form-title")
            intro = Content(f"For the goal: {self.goal_title}")
            yield Static(intro, classes="form-intro")
            yield Label("What is counted")
            yield Input(id="measure-name", placeholder="e.g. Weeks from referral to first visit")
            yield Label("In what (the unit)")
            yield Input(id="measure-unit", placeholder="e.g. weeks, %, visits")
            yield Label("Which way is better: lower or higher")
            yield Input(id="measure-better", placeholder="lower or higher")
            yield Label("Target (optional)")
            yield Input(id="measure-target", placeholder="e.g. 4")
            yield Label("Values in the baseline (the median is theirs, then frozen)")
            yield Input(str(DEFAULT_BASELINE), id="measure-baseline", type="integer")
            yield Static("Enter saves · Tab moves · Esc cancels", classes="form-help")

    def _value(self, name: str) -> str:
        return self.query_one(f"#measure-{name}", Input).value

    def on_input_submitted(self) -> None:
        name, unit, better, target = (self._value(n) for n in ("name", "unit", "better", "target"))
        baseline = self._value("baseline").strip()

        def save() -> Measure:
            draft = MeasureDraft(
                name=name,
                unit=unit,
                better=read_better(better),
                target=target,
                baseline=read_count(baseline) if baseline else DEFAULT_BASELINE,
            )
            return self.save(draft)

        self.attempt(save)


@dataclass(frozen=True)
class ValueDraft:
    measure: Measure
    value: str
    day: str


class RecordValueScreen(Dialog[str]):
    """A value for one of the goal's measures; `[` and `]` (or Up/Down on the first line)
    pick another measure. Returns what was saved, said in words."""

    BINDINGS = [("ctrl+n", "next_measure", "Next measure")]

    def __init__(
        self,
        measures: Sequence[Measure],
        save: Callable[[ValueDraft], str],
        *,
        day_text: str,
        chosen: int = 0,
    ) -> None:
        super().__init__()
        self.measures = list(measures)
        self.save = save
        self.day_text = day_text
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(id="value-form", classes="form"):
            yield Static("Record a value", classes="form-title")
            yield Static(id="value-measure", classes="form-intro")
            yield Label("Value")
            yield Input(id="value-value", placeholder="e.g. 6.5")
            yield Label("For the day")
            yield Input(self.day_text, id="value-day")
            more = " · ctrl+n another measure" if len(self.measures) > 1 else ""
            yield Static(f"Enter saves · Tab moves{more} · Esc cancels", classes="form-help")

    def on_mount(self) -> None:
        self._show_measure()

    def _show_measure(self) -> None:
        measure = self.measures[self.chosen]
        unit = f" ({measure.unit})" if measure.unit else ""
        self.query_one("#value-measure", Static).update(Content(f"{measure.name}{unit}"))

    def action_next_measure(self) -> None:
        self.chosen = (self.chosen + 1) % len(self.measures)
        self._show_measure()

    def on_input_submitted(self) -> None:
        draft = ValueDraft(
            self.measures[self.chosen],
            self.query_one("#value-value", Input).value,
            self.query_one("#value-day", Input).value,
        )
        self.attempt(lambda: self.save(draft))

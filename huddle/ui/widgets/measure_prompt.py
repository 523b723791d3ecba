"""The week's measures at Wrap-up, on the team's measure day: one small line a measure with
no value yet this week, once Enter starts them (so the keys that went to Wrap-up, pressed
again, and the Enter meant to end the huddle are never a value). A number and Enter records
it; Enter alone skips it; Escape skips the rest. Then the wrap-up goes on as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from huddle.core.measures import Measure
from huddle.ui.waiting_writes import KEPT, attempt


class MeasurePrompt(Vertical, can_focus=True):
    """Asks for each measure in turn, once started; posts `Done` after the last (or Escape)."""

    DEFAULT_CSS = """
    MeasurePrompt { height: auto; padding: 0 1; border: round $accent; }
    MeasurePrompt #measure-ask { height: auto; }
    MeasurePrompt #measure-said { height: auto; color: $text-success; }
    MeasurePrompt Input { width: 34; display: none; }
    MeasurePrompt.-started Input { display: block; }
    """
    BINDINGS = [
        Binding("escape", "stop", "Skip the rest"),
        Binding("enter", "start", "Start the measures"),
    ]

    class Done(Message):
        """The prompt is over: values recorded, or skipped."""

    def __init__(self, measures: Sequence[Measure], record: Callable[[Measure, str], str]) -> None:
        super().__init__()
        self.measures = list(measures)
        self.record = record
        """Records a typed value for a measure; returns what it did, in words."""
        self.at = 0

    def compose(self) -> ComposeResult:
        yield Static(id="measure-ask")
        # (Come back to from another stage, what was typed goes on, not selected to be lost.)
        yield Input(id="measure-value", placeholder="a number (Enter skips)", select_on_focus=False)
        yield Static(id="measure-said")

    def on_mount(self) -> None:
        count = len(self.measures)
        self.query_one("#measure-ask", Static).update(
            Content.assemble(
                (f"This week's measures ({count}): Enter starts, Esc skips them", "bold"),
                ("\n" + ", ".join(m.name for m in self.measures), "dim"),
            )
        )
        self.focus()

    def on_focus(self) -> None:
        if self.has_class("-started"):  # (come back to: the line, where it was)
            self.query_one("#measure-value", Input).focus()

    def action_start(self) -> None:
        if not self.has_class("-started"):
            self.add_class("-started")
            self._ask()

    def _ask(self) -> None:
        measure = self.measures[self.at]
        unit = f" ({measure.unit})" if measure.unit else ""
        self.query_one("#measure-ask", Static).update(
            Content.assemble(
                ("This week's measures", "bold"),
                (" (Enter skips, Esc skips the rest)\n", "dim"),
                f"{self.at + 1} of {len(self.measures)}: {measure.name}{unit}",
            )
        )
        field = self.query_one("#measure-value", Input)
        field.value = ""
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if typed:
            measure = self.measures[self.at]
            tried = attempt(self, lambda: self.record(measure, typed), self._said)
            if tried.done and tried.result is not None:
                self._said(tried.result)
            elif tried.waits:
                self._said(f"{measure.name}: {typed}. {KEPT}.")
            else:
                return  # refused, said in one line: the value stays in its box
        self.at += 1
        if self.at < len(self.measures):
            self._ask()
        else:
            self.action_stop()

    def _said(self, words: str) -> None:
        if self.is_attached:  # a value saved after waiting for the file, once the prompt is gone
            self.query_one("#measure-said", Static).update(Content(words))

    def action_stop(self) -> None:
        self.post_message(self.Done())

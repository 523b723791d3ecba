"""Small dialogs the huddle asks through: a line of text, or one choice from a list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

DIALOG_CSS = """
    AskText, PickOne {
        align: center middle;
        background: $background 60%;
    }
    AskText > Vertical, PickOne > Vertical {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $panel;
        padding: 0 1;
    }
    AskText .ask-title, PickOne .ask-title {
        text-style: bold;
        color: $accent;
    }
    AskText .ask-hint, PickOne .ask-hint {
        color: $text-muted;
    }
    AskText .ask-error {
        color: $error;
        height: auto;
    }
    PickOne OptionList {
        height: auto;
        max-height: 16;
    }
"""


@dataclass(frozen=True)
class Answer:
    """What was typed, and whether it was given (Enter) or set aside (Esc)."""

    text: str
    given: bool


class AskText(ModalScreen[Answer]):
    """Ask for one line. Esc gives back what was typed too, so the caller can keep it."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("escape", "set_aside", "Cancel (kept)")]

    def __init__(
        self,
        title: str,
        hint: str = "",
        *,
        value: str = "",
        required: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.value = value
        self.required = required
        """When set, an empty answer is refused with this message."""
        self.check = check
        """Says what is wrong with an answer (one line), or None: a refused answer stays
        in the box to be put right."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="ask-title")
            if self.hint:
                yield Static(Content(self.hint), classes="ask-hint")
            yield Input(self.value, id="ask-input", select_on_focus=False)
            yield Static(classes="ask-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.required and not event.value.strip():
            self.query_one(".ask-error", Static).update(Content(self.required))
            return
        wrong = self.check(event.value) if self.check else None
        if wrong:
            self.query_one(".ask-error", Static).update(Content(wrong))
            return
        self.dismiss(Answer(event.value, True))

    def action_set_aside(self) -> None:
        self.dismiss(Answer(self.query_one("#ask-input", Input).value, False))


class PickOne(ModalScreen[str | None]):
    """Choose one of a few things (a person, a goal) with the arrows and Enter."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, choices: list[tuple[str, str]], *, highlight: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        """(id, label) pairs, labels shown as typed."""
        self.start = highlight

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="ask-title")
            yield OptionList(*[Option(Content(label), id=key) for key, label in self.choices])
            yield Static("Up/Down to choose, Enter to pick, Esc to cancel", classes="ask-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.start is not None:
            for index, (key, _label) in enumerate(self.choices):
                if key == self.start:
                    options.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""A small dialog that asks for a line of text and, when asked, who says it: management's
answer to a blocker, the note on how it was resolved, a date, a file name. Enter saves,
Esc cancels."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


@dataclass(frozen=True)
class Said:
    """What was typed in the dialog."""

    text: str
    who: str


class SayDialog(ModalScreen[Said | None]):
    """Asks "what" and "who"; dismisses with a `Said`, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    SayDialog {
        align: center middle;
    }
    SayDialog > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    SayDialog .dialog-title {
        text-style: bold;
        margin-bottom: 1;
    }
    SayDialog .dialog-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(
        self, title: str, about: str, *, label: str, who: str | None = "", value: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.label = label
        self.who = who
        """The name to start the Who line with; None: no Who line."""
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.about), classes="dialog-about")
            yield Label(Content(self.label))
            yield Input(self.value, id="say-text", placeholder=self.label)
            if self.who is not None:
                yield Label("Who")
                yield Input(self.who, id="say-who", placeholder="a name, or its start")
            yield Static("Enter saves   Tab next line   Esc cancels", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = self.query_one("#say-text", Input).value.strip()
        who = self.query_one("#say-who", Input).value.strip() if self.who is not None else ""
        if event.input.id == "say-text" and self.who is not None and not who:
            self.query_one("#say-who", Input).focus()
            return
        if not text:
            self.query_one("#say-text", Input).focus()
            self.notify("Type it first, or Esc to cancel", severity="warning")
            return
        self.dismiss(Said(text, who))

    def action_cancel(self) -> None:
        self.dismiss(None)

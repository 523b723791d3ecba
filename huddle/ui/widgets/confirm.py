"""A yes-or-no question in a small dialog: y or Enter says yes, n or Esc says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class Confirm(ModalScreen[bool]):
    """Ask one question; dismisses with True (yes) or False (no)."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    DEFAULT_CSS = """
    Confirm {
        align: center middle;
        background: $background 60%;
    }
    Confirm > Vertical {
        width: 80%;
        max-width: 72;
        height: auto;
        border: round $warning;
        background: $panel;
        padding: 1 2;
    }
    Confirm .confirm-question {
        text-style: bold;
    }
    Confirm .confirm-keys {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(self, question: str, *, yes: str = "yes", no: str = "no") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), classes="confirm-question")
            yield Static(
                Content.assemble(
                    ("y", "bold $accent"),
                    ("/", "dim"),
                    ("Enter", "bold $accent"),
                    f" {self.yes}     ",
                    ("n", "bold $accent"),
                    ("/", "dim"),
                    ("Esc", "bold $accent"),
                    f" {self.no}",
                ),
                classes="confirm-keys",
            )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

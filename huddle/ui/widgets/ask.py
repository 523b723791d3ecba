"""Choosing one of a few things (a person, a goal) in a small dialog: `PickOne`. (A line of
text is asked by `AskText`, in huddle/ui/screens/dialogs.py.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from huddle.ui.widgets.keylist import step_highlight

DIALOG_CSS = """
    PickOne {
        align: center middle;
        background: $background 60%;
    }
    PickOne > Vertical {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $panel;
        padding: 0 1;
    }
    PickOne .ask-title {
        text-style: bold;
        color: $accent;
    }
    PickOne .ask-hint {
        color: $text-muted;
    }
    PickOne OptionList {
        height: auto;
        max-height: 16;
    }
"""


PICK_HINT = "Up/Down to choose, Enter to pick, Esc to cancel"


class Choices(OptionList):
    """The list of a PickOne: Down on the last stays on the last (and Up on the first),
    so a held key never lands back at the top on someone else."""

    def action_cursor_down(self) -> None:
        step_highlight(self, 1)

    def action_cursor_up(self) -> None:
        step_highlight(self, -1)

    def action_select(self) -> None:
        if self.highlighted is None:
            self.screen.query_one(".ask-hint", Static).update(
                Content("Nobody is picked yet: Down to choose, Enter to pick, Esc to cancel")
            )
            return
        super().action_select()


class PickOne(ModalScreen[str | None]):
    """Choose one of a few things (a person, a goal) with the arrows and Enter. With
    `start_on_nothing`, nothing is picked at the start, so Enter alone picks nothing (and
    says so); else the first choice, or `highlight`."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        *,
        highlight: str | None = None,
        start_on_nothing: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        """(id, label) pairs, labels shown as typed."""
        self.start = highlight
        self.start_on_nothing = start_on_nothing

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="ask-title")
            yield Choices(*[Option(Content(label), id=key) for key, label in self.choices])
            yield Static(PICK_HINT, classes="ask-hint")

    def on_mount(self) -> None:
        options = self.query_one(Choices)
        if self.start_on_nothing:
            options.highlighted = None
        if self.start is not None:
            for index, (key, _label) in enumerate(self.choices):
                if key == self.start:
                    options.highlighted = index

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(".ask-hint", Static).update(PICK_HINT)  # something is picked now

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

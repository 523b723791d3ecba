"""Choosing one of a few things (a person, a goal) in a small dialog: `PickOne`. Letters typed
find a choice by the start of any of its words, so the letters of someone who types straight
after the key that opened it are never lost. (A line of text is asked by `AskText`, in
huddle/ui/screens/dialogs.py.)"""

from __future__ import annotations

from textual import events
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
    PickOne .ask-typed {
        display: none;
    }
    PickOne OptionList {
        height: auto;
        max-height: 16;
    }
"""


PICK_HINT = "Type or Up/Down to choose, Enter to pick, Esc to cancel"


FIND_LENGTH = 40
"""Letters kept to find a choice: more single out any name or goal (and a paste of a page
stays one line)."""


def matches(label: str, typed: str) -> bool:
    """A choice `typed` finds: one of its words (or the whole label) starts with it,
    whatever the case ("sam", "oka", "bea j")."""
    folded, wanted = label.casefold(), typed.casefold().strip()
    return folded.startswith(wanted) or f" {wanted}" in f" {folded}"


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
        self.typed = ""
        """The letters typed to find a choice."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="ask-title")
            yield Static(classes="ask-typed")
            yield Choices(*self.options(""))
            yield Static(PICK_HINT, classes="ask-hint")

    def options(self, typed: str) -> list[Option]:
        """The choices `typed` finds (all of them when nothing is typed)."""
        found = [(key, label) for key, label in self.choices if matches(label, typed)]
        if not found:
            nothing = (
                f"Nothing here starts with \u201c{typed.strip()}\u201d: Backspace to change it"
            )
            return [Option(Content(nothing), disabled=True)]
        return [Option(Content(label), id=key) for key, label in found]

    def on_mount(self) -> None:
        options = self.query_one(Choices)
        if self.start_on_nothing:
            options.highlighted = None
        if self.start is not None:
            for index, (key, _label) in enumerate(self.choices):
                if key == self.start:
                    options.highlighted = index

    def on_key(self, event: events.Key) -> None:
        """A letter (or a space) finds a choice; Backspace takes the last one back."""
        typed = self.typed
        if event.is_printable and event.character:
            typed = (typed + event.character)[:FIND_LENGTH]
        elif event.key == "backspace" and typed:
            typed = typed[:-1]
        else:
            return
        event.stop()
        event.prevent_default()
        self.find(typed)

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text finds a choice as typed letters do (its first line)."""
        event.stop()
        lines = event.text.splitlines()
        self.find((self.typed + (lines[0] if lines else ""))[:FIND_LENGTH])

    def find(self, typed: str) -> None:
        """Show what is typed, and only the choices it finds; the cursor on the first."""
        self.typed = typed
        said = self.query_one(".ask-typed", Static)
        said.update(Content.assemble(("Typed: ", "$text-muted"), typed))
        said.display = bool(typed)
        choices = self.query_one(Choices)
        choices.set_options(self.options(typed))
        choices.highlighted = None
        step_highlight(choices, 1)
        choices.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(".ask-hint", Static).update(PICK_HINT)  # something is picked now

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

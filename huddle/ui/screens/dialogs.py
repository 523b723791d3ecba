"""Small questions asked over the current screen, answered with a result (or None if
cancelled). Given `save`, the store call is made while the dialog is open (`save_in`): a
refusal is said under the boxes and what was typed stays; else the screen that asked does it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from huddle.ui.screens.dialog import said_wrong, save_in

A = TypeVar("A")

DIALOG_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 70;
    max-width: 95%;
    height: auto;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}}
{name} .question {{ text-style: bold; padding: 0 0 1 0; }}
{name} .hint {{ color: $text-muted; padding: 0 0 1 0; }}
{name} .wrong {{ color: $error; height: auto; margin: 0 0 1 0; display: none; }}
{name} Input {{ margin: 0 0 1 0; }}
{name} .buttons {{ height: auto; align-horizontal: right; }}
{name} .buttons Button {{ margin: 0 0 0 1; }}
"""


def saved_first(dialog: ModalScreen[A | None], save: Callable[[], object], typed: A) -> bool:
    """Make the dialog's save while it is open (see `save_in`); True: saved, to be closed
    with what was typed. Met a busy file: the opener gets what was typed once it is saved."""
    callbacks = dialog._result_callbacks
    opener = callbacks[-1] if callbacks else None
    return save_in(dialog, save, lambda _saved: opener(typed) if opener else None).done


def answered(
    dialog: ModalScreen[A | None],
    typed: A,
    check: Callable[[A], str | None] | None,
    save: Callable[[A], object] | None,
) -> None:
    """What was typed, checked (a refusal said under the boxes), saved while the dialog is
    open when it has a save, and the dialog closed with it once it is."""
    if said_wrong(dialog, check(typed) if check is not None else None):
        return
    if save is None or saved_first(dialog, lambda: save(typed), typed):
        dialog.dismiss(typed)


class AskText(ModalScreen[str | None]):
    """One line of text, e.g. a new name."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="AskText")

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        hint: str = "",
        ok: str = "Save",
        check: Callable[[str], str | None] | None = None,
        save: Callable[[str], object] | None = None,
    ):
        super().__init__()
        self.save = save
        """Saves what was typed (one store call); the dialog closes only once it is saved."""
        self.question = question
        self.value = value
        self.hint = hint
        self.ok = ok
        self.check = check
        """Says what is wrong with an answer (one line), or None: a refused answer stays
        in the box to be put right."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), classes="question")
            if self.hint:
                yield Static(Content(self.hint), classes="hint")
            yield Input(self.value, id="answer", select_on_focus=True)
            yield Static(classes="wrong")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.ok, id="ok", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def answer(self) -> None:
        answered(self, self.query_one(Input).value, self.check, self.save)

    @on(Input.Changed)
    def put_right(self) -> None:
        self.query_one(".wrong", Static).display = False

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class AskAway(ModalScreen[tuple[str, str, str] | None]):
    """When someone is away: from, to (typed as people say dates), and why (optional)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="AskAway")

    def __init__(
        self,
        name: str,
        check: Callable[[tuple[str, str, str]], str | None] | None = None,
        save: Callable[[tuple[str, str, str]], object] | None = None,
    ) -> None:
        super().__init__()
        self.save = save
        """Saves the dates typed (one store call); the dialog closes only once saved."""
        self.member_name = name
        self.check = check
        """Says what is wrong with the dates typed (one line), or None: refused, they stay
        in their boxes to be put right."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(f"When is {self.member_name} away?"), classes="question")
            yield Static(
                "Dates as you would say them: mon, next fri, 24/12, 2026-12-24.", classes="hint"
            )
            yield Input(placeholder="First day away, e.g. next mon", id="first")
            yield Input(placeholder="Last day away (empty: just the one day)", id="last")
            yield Input(placeholder="Why, if you want to say (e.g. leave, training)", id="reason")
            yield Static(classes="wrong")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="ok", variant="primary")

    @on(Input.Submitted)
    def next_box(self, event: Input.Submitted) -> None:
        if event.input.id == "reason":
            self.answer()
        else:
            self.focus_next()

    @on(Button.Pressed, "#ok")
    def answer(self) -> None:
        typed = (
            self.query_one("#first", Input).value,
            self.query_one("#last", Input).value,
            self.query_one("#reason", Input).value,
        )
        answered(self, typed, self.check, self.save)

    @on(Input.Changed)
    def put_right(self) -> None:
        self.query_one(".wrong", Static).display = False

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

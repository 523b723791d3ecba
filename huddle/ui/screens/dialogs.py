"""Small questions asked over the current screen: a line of text (`AskText`), or when someone
is away (`AskAway`). Each saves what was typed while it is still open (`answered`): refused,
the reason is said under the boxes and what was typed stays; it closes only once saved, or on
Esc, which saves nothing."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from huddle.core.models import Goal, Member
from huddle.core.store.dialog_drafts import DialogDraftStore
from huddle.core.text import MAX_TEXT
from huddle.ui.screens.dialog import answered, close_when_saved, said_wrong
from huddle.ui.screens.dialog_draft import SET_ASIDE_WAIT, KeptDraft
from huddle.ui.widgets.entry_input import EntryInput

DIALOG_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 80%;
    max-width: 100;
    height: auto;
    max-height: 90%;
    border: round $accent;
    background: $panel;
    padding: 0 1;
}}
{name} .question {{ text-style: bold; color: $accent; }}
{name} .hint {{ color: $text-muted; }}
{name} .wrong {{ color: $error; height: auto; display: none; }}
{name} .keys {{ color: $text-muted; }}
{name} .buttons {{ height: auto; align-horizontal: right; }}
{name} .buttons Button {{ margin: 0 0 0 1; }}
"""


class AskText(ModalScreen[str | None]):
    """Ask for one line, saved by `save` (one store call) while the dialog is open: it
    closes with the line once it is saved, or with None on Esc.

    Given `drafts` and a `purpose` ("learning:<step id>"), what is typed is also kept in the
    file as it is typed, and on Esc, so it survives a crash and comes back when the same
    dialog is opened for the same thing; the draft goes once the line is saved."""

    DEFAULT_CSS = DIALOG_CSS.format(name="AskText")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        question: str,
        save: Callable[[str], object],
        *,
        value: str = "",
        hint: str = "",
        required: str = "",
        check: Callable[[str], str | None] | None = None,
        drafts: DialogDraftStore | None = None,
        purpose: str = "",
        shorthand: tuple[Callable[[], list[Goal]], Callable[[], list[Member]]] | None = None,
        select: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.save = save
        self.hint = hint
        self.required = required
        """When set, an empty line is refused with this message."""
        self.check = check
        """Says what is wrong with a line (one line), or None: a refused line stays in the
        box to be put right."""
        self.draft = KeptDraft(self, drafts, purpose) if drafts is not None and purpose else None
        kept = self.draft.kept if self.draft is not None else None
        self.value = value if kept is None else kept
        if self.draft is not None:
            self.draft.shown(self.value)
        self.shorthand = shorthand
        """The team's goals and members, when the line takes #goal and @name (Tab completes)."""
        self.select = select
        """Select what is shown at the start, so typing replaces it (a new name)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), classes="question")
            if self.hint:
                yield Static(Content(self.hint), classes="hint")
            if self.shorthand is not None:
                goals, members = self.shorthand
                line = EntryInput(goals, members, value=self.value, id="answer")
                line.select_on_focus = self.select
                yield line
            else:
                yield Input(self.value, id="answer", select_on_focus=self.select)
            yield Static(classes="wrong")
            aside = " puts it aside (kept)" if self.draft is not None else " cancels"
            yield Static(
                Content.assemble(("Enter", "bold"), " saves   ", ("Esc", "bold"), aside),
                classes="keys",
            )

    def wrong(self, line: str) -> str | None:
        """What is wrong with `line`, if anything: empty when it must not be, too long, or
        what `check` says."""
        if self.required and not line.strip():
            return self.required
        if len(line.strip()) > MAX_TEXT:
            return f"that is {len(line.strip()):,} characters; keep it under {MAX_TEXT:,}"
        return self.check(line) if self.check is not None else None

    def saved(self, line: str) -> object:
        """Save `line` (now, or once the file is free); the draft goes once it is saved."""
        made = self.save(line)
        if self.draft is not None:
            self.draft.saved()
        return made

    @on(Input.Changed)
    def put_right(self, event: Input.Changed) -> None:
        self.query_one(".wrong", Static).display = False
        if self.draft is not None:
            self.draft.typed(event.value)

    @on(Input.Submitted)
    def answer(self, event: Input.Submitted) -> None:
        event.stop()
        line = self.query_one("#answer", Input).value
        if said_wrong(self, self.wrong(line)):
            return
        tried = close_when_saved(self, lambda: self.saved(line), lambda _made: line)
        if tried.waits and self.draft is not None:
            self.draft.close(wait=0)  # the draft is in the file while the save waits in line

    def action_cancel(self) -> None:
        if self.draft is not None:
            self.draft.close(wait=SET_ASIDE_WAIT)  # a busy file: saved on the writer's thread
        self.dismiss(None)

    def on_unmount(self) -> None:
        if self.draft is not None:
            self.draft.close()  # the app closing with the dialog open: saved before it goes


class AskAway(ModalScreen[tuple[str, str, str] | None]):
    """When someone is away: from, to (typed as people say dates), and why (optional)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = DIALOG_CSS.format(name="AskAway")

    def __init__(
        self,
        name: str,
        *,
        save: Callable[[tuple[str, str, str]], object],
        check: Callable[[tuple[str, str, str]], str | None] | None = None,
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

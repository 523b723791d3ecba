"""Small dialogs the huddle asks through: a line of text, or one choice from a list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from huddle.core.models import Goal, Member
from huddle.core.store.dialog_drafts import DialogDraftStore, DraftWriter
from huddle.core.text import MAX_TEXT
from huddle.ui.widgets.entry_input import EntryInput
from huddle.ui.widgets.keylist import step_highlight

DRAFT_SAVE_SECONDS = 1.0
"""What is typed in a dialog is in the file this long after the last key."""
SET_ASIDE_WAIT = 0.05
"""How long Esc waits for the draft to be saved before the dialog closes anyway."""

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
    AskText .ask-keys, PickOne .ask-keys {
        color: $text-muted;
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
    """Ask for one line. Esc gives back what was typed too, so the caller can keep it.

    Given `drafts` and a `purpose` ("learning:<step id>"), what is typed is also kept in the
    file a moment after each pause, and when the dialog closes, so it survives a crash and
    comes back when the same dialog is opened for the same thing. The caller clears the
    draft once it has saved the answer where it belongs."""

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
        drafts: DialogDraftStore | None = None,
        purpose: str = "",
        shorthand: tuple[Callable[[], list[Goal]], Callable[[], list[Member]]] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        kept = drafts.get(purpose) if drafts is not None and purpose else None
        self.value = value if kept is None else kept
        self.required = required
        """When set, an empty answer is refused with this message."""
        self.check = check
        """Says what is wrong with an answer (one line), or None: a refused answer stays
        in the box to be put right."""
        self.writer: DraftWriter | None = (
            drafts.writer(purpose) if drafts is not None and purpose else None
        )
        self._handed = self.value
        """The text last handed to the writer (or shown at the start)."""
        self._pending: str | None = None
        self._timer: Timer | None = None
        self.shorthand = shorthand
        """The team's goals and members, when the line takes #goal and @name (Tab completes)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="ask-title")
            if self.hint:
                yield Static(Content(self.hint), classes="ask-hint")
            if self.shorthand is not None:
                goals, members = self.shorthand
                line = EntryInput(goals, members, value=self.value, id="ask-input")
                line.select_on_focus = False  # an edit goes on from the end, as typed
                yield line
            else:
                yield Input(self.value, id="ask-input", select_on_focus=False)
            yield Static(classes="ask-error")
            yield Static(
                Content.assemble(
                    ("Enter", "bold"), " saves   ", ("Esc", "bold"), " puts it aside (kept)"
                ),
                classes="ask-keys",
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(".ask-error", Static).update("")
        if self.writer is None or event.value == self._handed:
            return
        self._pending = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_SAVE_SECONDS, self.keep_draft)

    def keep_draft(self) -> None:
        """Hand what is typed to the writer (it saves on a thread of its own)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.writer is not None and self._pending is not None:
            self.writer.save(self._pending)
            self._handed, self._pending = self._pending, None

    def close_draft(self, wait: float | None = None) -> None:
        """Save what is typed: the dialog is going. Waits for it `wait` seconds at most."""
        self.keep_draft()
        if self.writer is not None:
            self.writer.close(wait=wait)

    def on_unmount(self) -> None:
        self.close_draft()  # the app closing with the dialog open: saved before it goes

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.required and not event.value.strip():
            self.query_one(".ask-error", Static).update(Content(self.required))
            return
        too_long = len(event.value.strip()) > MAX_TEXT
        wrong = (
            f"that is {len(event.value.strip()):,} characters; keep it under {MAX_TEXT:,}"
            if too_long
            else self.check(event.value)
            if self.check
            else None
        )
        if wrong:
            self.query_one(".ask-error", Static).update(Content(wrong))
            return
        if self.writer is not None:
            self.writer.withdraw()  # the caller saves it, then clears the draft
        self.dismiss(Answer(event.value, True))

    def action_set_aside(self) -> None:
        self.close_draft(wait=SET_ASIDE_WAIT)  # a busy file: saved on the writer's thread
        self.dismiss(Answer(self.query_one("#ask-input", Input).value, False))


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

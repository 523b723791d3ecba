"""A small dialog that asks for a line of text and, when asked, who says it: management's
answer to a blocker, the note on how it was resolved, a date, a file name. Enter saves,
Esc cancels. The Who line always says whom it will record, as the name is typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from huddle.core.matching import match_one
from huddle.core.models import HuddleError
from huddle.core.store.dialog_drafts import DialogDraftStore
from huddle.ui.screens.dialog import close_when_saved
from huddle.ui.screens.dialog_draft import SET_ASIDE_WAIT, KeptDraft


@dataclass(frozen=True)
class Said:
    """What was typed in the dialog; `who` is the person's full name when the dialog
    was given the team's people."""

    text: str
    who: str


@dataclass(frozen=True)
class Person:
    """Someone the Who line can name, with the role shown beside the name."""

    name: str
    role: str = ""


class SayDialog(ModalScreen[Said | None]):
    """Asks "what" and "who"; `save` (one store call) is made while the dialog is open: a
    refusal is said under the boxes and what was typed stays. Closes with the `Said` once
    it is saved, or None when cancelled (see `close_when_saved`)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("up", "next_person(-1)", "Previous person", show=False),
        Binding("down", "next_person(1)", "Next person", show=False),
    ]

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
    SayDialog .wrong {
        color: $error;
        height: auto;
        margin-top: 1;
        display: none;
    }
    SayDialog .dialog-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(
        self,
        title: str,
        about: str,
        *,
        label: str,
        who: str | None = "",
        value: str = "",
        people: Sequence[Person] = (),
        save: Callable[[Said], object],
        drafts: DialogDraftStore | None = None,
        purpose: str = "",
    ) -> None:
        super().__init__()
        self.save = save
        """Saves what was said (one store call); the dialog closes only once it is saved."""
        self.draft = KeptDraft(self, drafts, purpose) if drafts is not None and purpose else None
        """Given with a `purpose` ("answer:<blocker id>"), what is typed is kept in the file:
        after each pause, at Esc, when the app closes; it comes back the next time the same
        dialog is opened for the same thing, and goes once saved."""
        kept = self.draft.kept if self.draft is not None else None
        value = value if kept is None else kept
        if self.draft is not None:
            self.draft.shown(value)
        self.title_text = title
        self.about = about
        self.label = label
        self.who = who
        """The name to start the Who line with; None: no Who line."""
        self.value = value
        self.people = list(people)
        """Whom the Who line can name, in the order Up and Down go through them; when
        given, a name that matches none of them (or several) is not accepted."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.about), classes="dialog-about")
            yield Label(Content(self.label))
            yield Input(self.value, id="say-text", placeholder=self.label)
            if self.who is not None:
                yield Label("Who")
                yield Input(self.who, id="say-who", placeholder="a name, or its start")
                if self.people:
                    yield Static(self._recorded(self.who)[1], id="say-recorded")
            yield Static(classes="wrong")
            keys = "Enter saves   Tab next line   "
            if self.people:
                keys += "↑↓ who   "
            aside = "Esc puts it aside (kept)" if self.draft is not None else "Esc cancels"
            yield Static(keys + aside, classes="dialog-hint")

    def _recorded(self, typed: str) -> tuple[Person | None, Content]:
        """The person `typed` names, and the line that says so (or why nobody is)."""
        if not typed.strip():
            return None, Content("Type who says it: a name, or its start")
        try:
            person = match_one(typed, self.people, lambda p: p.name, "member")
        except HuddleError as error:
            return None, Content(str(error))
        role = f" ({person.role})" if person.role else ""
        return person, Content.assemble("Recorded as ", (person.name, "bold"), role)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(".wrong", Static).display = False
        if event.input.id == "say-text" and self.draft is not None:
            self.draft.typed(event.value)
        if event.input.id == "say-who" and self.people:
            self.query_one("#say-recorded", Static).update(self._recorded(event.value)[1])

    def action_next_person(self, step: int) -> None:
        """Up and Down on the Who line go through the people, starting from the one named."""
        who = self.query_one("#say-who", Input) if self.who is not None else None
        if who is None or not who.has_focus or not self.people:
            return
        names = [p.name for p in self.people]
        person = self._recorded(who.value)[0]
        at = names.index(person.name) if person else -1 if step > 0 else 0
        who.value = names[(at + step) % len(names)]
        who.cursor_position = len(who.value)

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
        if self.people:
            person = self._recorded(who)[0]
            if person is None:  # the Who line already says why
                self.query_one("#say-who", Input).focus()
                return
            who = person.name
        said = Said(text, who)
        tried = close_when_saved(self, lambda: self.saved(said), lambda _made: said)
        if tried.waits and self.draft is not None:
            self.draft.close(wait=0)  # the draft is in the file while the save waits in line

    def saved(self, said: Said) -> object:
        """Save what was said (now, or once the file is free); the draft goes once saved."""
        made = self.save(said)
        if self.draft is not None:
            self.draft.saved()
        return made

    def action_cancel(self) -> None:
        if self.draft is not None:
            self.draft.close(wait=SET_ASIDE_WAIT)  # a busy file: saved on the writer's thread
        self.dismiss(None)

    def on_unmount(self) -> None:
        if self.draft is not None:
            self.draft.close()  # the app closing with the dialog open: saved before it goes

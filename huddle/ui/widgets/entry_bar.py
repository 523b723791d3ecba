"""The line on the shared screen where anyone at the keyboard adds a step or a blocker,
in the same shorthand as `huddle add`: "Ring the carer #wait @sam", "! the form is broken @bea".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from huddle.core.models import HuddleError
from huddle.core.store import Store
from huddle.ui.waiting_writes import attempt
from huddle.ui.widgets.entry_input import EntryInput

if TYPE_CHECKING:
    from huddle.core.models import Blocker, Idea, Member, Step

NOBODY = "whose is it? Add @name, e.g. Ring the carer @sam"
ADD = "Add: your step @name #goal (Tab completes; a leading ! is a blocker)"
READ_ONLY = "Read-only here: nothing can be added"


class EntryBar(Vertical):
    """An input for one line of shorthand, and a line below saying what Enter will save."""

    DEFAULT_CSS = """
    EntryBar { height: auto; padding: 0 1; }
    EntryBar > #entry-preview { height: 1; padding: 0 1; color: $text-muted; display: none; }
    EntryBar > #entry-preview.-shown { display: block; }
    EntryBar > #entry-preview.-error { color: $text-error; height: auto; max-height: 3; }
    """
    BINDINGS = [Binding("escape", "leave", "Leave", show=False)]

    @dataclass
    class Saved(Message):
        """A step or blocker was saved from the bar."""

        saved: Step | Blocker | Idea

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store

    def compose(self) -> ComposeResult:
        read_only = self.store.db.read_only  # nothing typed here could be saved
        entry = EntryInput(
            self.store.goals.all,
            self.store.members.all,
            placeholder=READ_ONLY if read_only else ADD,
            id="entry",
        )
        entry.disabled = read_only
        yield entry
        yield Static(id="entry-preview", markup=False)

    @property
    def typist(self) -> Member | None:
        """Whose a line without @name is: the person at this browser (`huddle serve`); on
        the shared screen, nobody's."""
        member: Member | None = getattr(self.app, "session_who", None)
        return member

    @property
    def input(self) -> EntryInput:
        return self.query_one("#entry", EntryInput)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        preview = self.query_one("#entry-preview", Static)
        preview.set_class(bool(event.value.strip()), "-shown")
        if not event.value.strip():
            return
        from huddle.core.entries import describe_entry, resolve_line  # once someone types

        try:
            entry = resolve_line(self.store, event.value, who=self.typist, nobody=NOBODY)
        except HuddleError as error:
            preview.update(Content(str(error)))
            preview.add_class("-error")
            return
        preview.remove_class("-error")
        preview.update(Content(describe_entry(entry)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from huddle.core.entries import resolve_line, save_entry

        try:
            entry = resolve_line(self.store, event.value, who=self.typist, nobody=NOBODY)
        except HuddleError as error:
            self.said_wrong(str(error))
            return
        tried = attempt(self, lambda: save_entry(self.store, entry), self._saved, said_there=True)
        if tried.refused:
            self.said_wrong(tried.refused)
        if tried.done or tried.waits:
            self.input.value = ""  # handed over: Enter again must not save it twice
        if tried.done and tried.result is not None:
            self._saved(tried.result)

    def said_wrong(self, line: str) -> None:
        """A line refused, said once: under the box, where the person is typing; the line
        stays in the box to be put right."""
        preview = self.query_one("#entry-preview", Static)
        preview.update(Content(line))
        preview.add_class("-error", "-shown")

    def _saved(self, saved: Step | Blocker | Idea) -> None:
        """Said and shown once saved: at once, or when the file is free."""
        from huddle.core.entries import describe_saved

        self.app.notify(describe_saved(saved, self.store.today()), markup=False)
        self.post_message(self.Saved(saved))

    def action_leave(self) -> None:
        """Escape: back to the tables, the line kept for later."""
        self.screen.focus_next(DataTable)

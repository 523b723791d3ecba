"""`huddle add` with no text: a small form right under the shell prompt (Textual's inline
mode). Who (remembered), the step with #goal completion on Tab; Enter saves, Esc cancels."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from huddle.core.calendar import format_day
from huddle.core.entries import describe_entry, resolve_line, save_entry
from huddle.core.models import Blocker, HuddleError, Idea, Member, Step
from huddle.core.store import Store
from huddle.core.store.db import FileBusy
from huddle.ui.waiting_writes import GIVE_UP_SECONDS, RETRY_SECONDS, UI_LOCK_WAIT_MS
from huddle.ui.widgets.entry_input import CompletingInput, EntryInput

HINT = "Tab completes #goal @name · ! first: a blocker, !! an idea · Enter saves · Esc cancels"


@dataclass(frozen=True)
class Added:
    """What the form saved, and who typed it (to remember them next time)."""

    saved: Step | Blocker | Idea
    typist: Member | None


class AddForm(App[Added | None]):
    """One step (or blocker) from a practitioner's own terminal."""

    CSS = """
    Screen:inline { height: auto; border-top: none; border-bottom: none; padding: 0 1; }
    Screen { height: auto; padding: 0 1; }
    .row { height: 1; }
    .row Label { width: 6; color: $text-muted; }
    .row Input { border: none; height: 1; padding: 0; width: 1fr; }
    #who { width: 30; }
    #preview { height: 1; color: $text-muted; }
    #preview.-error { color: $text-error; }
    #hint { height: 1; color: $text-muted; text-style: dim; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=False),
        # In a shell, Ctrl+C means "stop": nothing is saved.
        Binding("ctrl+c", "cancel", "Cancel", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        *,
        who: str | None = None,
        goal: str | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.day = day or store.coming_huddle_day()
        self._who = who or ""
        self._goal = goal
        self._saved = False
        self._busy_since: float | None = None
        self._retry: Timer | None = None
        store.db.wait_for_locks(UI_LOCK_WAIT_MS)  # the form never stops for a busy file

    def compose(self) -> ComposeResult:
        members = [m.name for m in self.store.members.all()]
        with Horizontal(classes="row"):
            yield Label("Who")
            yield CompletingInput(
                self._who,
                placeholder="your name",
                suggester=SuggestFromList(members, case_sensitive=False),
                id="who",
            )
        with Horizontal(classes="row"):
            yield Label("Step")
            yield EntryInput(
                self.store.goals.all,
                self.store.members.all,
                value=f" #{self._goal}" if self._goal else "",
                placeholder=f"your small step for {self.day_name} (#goal to link a goal)",
                id="step",
            )
        yield Static(id="preview", markup=False)
        yield Static(HINT, id="hint", markup=False)

    @property
    def day_name(self) -> str:
        return format_day(self.day, self.store.today())

    def on_mount(self) -> None:
        step = self.query_one("#step", EntryInput)
        if self._who:
            step.focus()
            step.cursor_position = 0
        else:
            self.query_one("#who", Input).focus()
        self.show_preview()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.show_preview()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "who" and not self.query_one("#step", Input).value.strip():
            self.query_one("#step", Input).focus()
            return
        self.save()

    def action_cancel(self) -> None:
        self.exit(None)

    def _resolve(self) -> tuple[Member | None, str]:
        """Who is typing (or None), and a line saying what Enter would save."""
        who = self.query_one("#who", Input).value.strip()
        line = self.query_one("#step", Input).value
        typist = self.store.members.find(who) if who else None
        if not line.strip():
            return typist, f"Enter your step for {self.day_name}"
        entry = resolve_line(
            self.store, line, who=typist, nobody="who are you? type your name above"
        )
        return typist, describe_entry(entry, self.day_name)

    def show_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        try:
            _typist, said = self._resolve()
        except HuddleError as error:
            preview.update(Content(str(error)))
            preview.add_class("-error")
            return
        preview.update(Content(said))
        preview.remove_class("-error")

    def save(self) -> None:
        """Save what is typed, and close. A file another process holds: the form stays
        usable and tries again every RETRY_SECONDS, for a minute at most."""
        if self._saved:
            return
        try:
            typist, _said = self._resolve()
            line = self.query_one("#step", Input).value
            entry = resolve_line(
                self.store, line, who=typist, nobody="who are you? type your name above"
            )
            saved = save_entry(self.store, entry, day=None if entry.is_blocker else self.day)
        except FileBusy:
            self._wait_for_the_file()
            return
        except HuddleError as error:
            self._stop_retrying()
            self._say(str(error))
            return
        self._saved = True
        self.exit(Added(saved, typist))

    def _wait_for_the_file(self) -> None:
        now = time.monotonic()
        self._busy_since = self._busy_since or now
        if now - self._busy_since < GIVE_UP_SECONDS:
            self._say("Waiting for the file (someone else is saving): it saves itself")
            if self._retry is None:
                self._retry = self.set_interval(RETRY_SECONDS, self.save)
            return
        self._stop_retrying()
        self._say("Not saved: the file stayed busy for a minute; Enter tries again")

    def _stop_retrying(self) -> None:
        self._busy_since = None
        if self._retry is not None:
            self._retry.stop()
            self._retry = None

    def _say(self, error: str) -> None:
        preview = self.query_one("#preview", Static)
        preview.update(Content(error))
        preview.add_class("-error")


def ask_for_step(
    store: Store, *, who: str | None, goal: str | None = None, day: date | None = None
) -> Added | None:
    """Run the form under the prompt; what it saved, or None when it was cancelled."""
    return AddForm(store, who=who, goal=goal, day=day).run(inline=True, mouse=False)

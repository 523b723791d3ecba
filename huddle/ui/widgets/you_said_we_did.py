""" "You said, we did": management's answers the team has not heard yet, read out at the
huddle's Blockers stage and then marked as heard, so each is shown once.

Self-contained: it reads and writes through the app's store. The owner calls `load()` to
show what is new and `mark_heard()` once it has been read out (say, on leaving the stage);
the widget then posts `YouSaidWeDid.Heard`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from huddle.core.calendar import format_day
from huddle.core.models import Blocker, HuddleError
from huddle.ui.waiting_writes import attempt

if TYPE_CHECKING:
    from huddle.core.store import Store


class YouSaidWeDid(Vertical):
    """The answers from management since the last huddle. Hidden when there are none."""

    DEFAULT_CSS = """
    YouSaidWeDid {
        height: auto;
        max-height: 50%;
        border: round $success;
        border-title-color: $success;
        border-title-style: bold;
        padding: 0 1;
        margin: 0 0 1 0;
        overflow-y: auto;
    }
    YouSaidWeDid #answers {
        height: auto;
    }
    YouSaidWeDid .answer-blocker {
        text-style: bold;
    }
    YouSaidWeDid .answer-text {
        padding: 0 0 0 2;
    }
    YouSaidWeDid .answer-hint {
        color: $text-muted;
    }
    YouSaidWeDid.-heard {
        border: round $panel;
        border-title-color: $text-muted;
    }
    """

    class Heard(Message):
        """The answers shown were read out and marked as heard."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.answers: list[Blocker] = []
        """The answers on show, oldest first."""
        self.heard = False
        """Whether those were marked as heard (they stay on show, dimmed, until there is news)."""
        self._loaded = False

    @property
    def store(self) -> Store:
        from huddle.ui.app import HuddleApp

        assert isinstance(self.app, HuddleApp)  # noqa: S101 narrows the type; no check relies on it
        return self.app.store

    def compose(self) -> ComposeResult:
        yield Vertical(id="answers")
        yield Static(classes="answer-hint")

    def on_mount(self) -> None:
        self.border_title = "You said, we did"
        self.load()

    def load(self) -> None:
        """Show the answers not heard yet (none: the widget hides)."""
        try:
            found = self.store.blockers.unseen_answers()
        except HuddleError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        if self.heard and not found:
            return  # keep what was just read out on show, dimmed, until there is news
        same = [(b.id, b.answered_at) for b in found] == [
            (b.id, b.answered_at) for b in self.answers
        ]
        if same and not self.heard and self._loaded:
            return  # nothing new: leave it as it is (no flicker on a reload)
        self._loaded = True
        self.answers = found
        self.heard = False
        self._show()

    def mark_heard(self, who: str = "") -> int:
        """Mark the answers on show as heard: they are not shown again. Returns how many."""
        if self.heard or not self.answers:
            return 0
        answers = self.answers
        tried = attempt(self, lambda: self.store.blockers.mark_answers_seen(answers, who=who))
        if not (tried.done or tried.waits):
            return 0
        count = tried.result if tried.result is not None else len(answers)
        self.heard = True
        self._show()
        self.post_message(self.Heard(count))
        return count

    def _show(self) -> None:
        self.display = bool(self.answers)
        self.set_class(self.heard, "-heard")
        if not self.answers:
            return
        today = self.store.today()
        box = self.query_one("#answers", Vertical)
        box.remove_children()
        rows: list[Static] = []
        for blocker in self.answers:
            assert blocker.answered_at is not None  # noqa: S101 narrows the type; no check relies on it
            when = format_day(blocker.answered_at.date(), today)
            rows.append(Static(Content(f"You said: {blocker.text}"), classes="answer-blocker"))
            rows.append(
                Static(
                    Content.assemble(
                        ("We did: ", "bold $success"),
                        Content(blocker.answer),
                        (f"  ({blocker.answered_by}, {when})", "$text-muted"),
                    ),
                    classes="answer-text",
                )
            )
        box.mount_all(rows)
        count = len(self.answers)
        many = f"{count} answer{'s' if count != 1 else ''} from management"
        hint = (
            f"{many}, heard at this huddle."
            if self.heard
            else f"{many} since the last huddle: read {'it' if count == 1 else 'them'} out."
        )
        self.query_one(".answer-hint", Static).update(Content(hint))

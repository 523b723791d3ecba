"""What every stage of the huddle shares: where it reads from, and how it is entered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from huddle.core.left_undone import LeftUndone, left_undone
from huddle.core.models import Stage
from huddle.core.store import Store
from huddle.ui.shared_screen import is_wide

if TYPE_CHECKING:
    from huddle.ui.screens.huddle import HuddleScreen


class StageView(Vertical):
    """One stage's body. `load()` reads again and shows (keeping highlight and typed text);
    `enter()` is called when the huddle comes to the stage, `leave()` when it goes on.

    Its list of rows takes the room the other parts leave (`1fr`, not `auto`), so the list
    is never taller than the screen: it scrolls itself, and the picked row stays in view.

    On the TV (the presentation layout, from WIDE_COLUMNS columns) the stage has the class
    `-wide` as the screen does, so its own CSS can say `TodayStage.-wide #board {...}`, and
    `self.wide` in Python; `load()` runs again whenever the layout changes."""

    stage: ClassVar[Stage]
    kept_when_left: ClassVar[bool] = False
    """Kept on the screen when the huddle goes to another stage: it holds what is not read
    again from the file (whose turn it is, what was heard). Others are made again when come
    back to, read afresh: every key visits each widget on the screen, hidden or not."""
    place: str | None = None
    """The row picked when the stage was last left (see `picked`): a stage made again when
    come back to starts there, not at the top."""

    DEFAULT_CSS = """
    StageView {
        height: 1fr;
        padding: 0 1;
    }
    StageView > .stage-heading {
        height: auto;
        text-style: bold;
        color: $accent;
        padding: 0 1;
    }
    StageView > KeyList {
        height: 1fr;
    }
    StageView > .stage-hint {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    """

    _huddle: HuddleScreen | None = None

    @property
    def huddle(self) -> HuddleScreen:
        """The huddle this stage is part of; kept, so that a save waiting for the file,
        made after the huddle has closed, still knows its store and day."""
        from huddle.ui.screens.huddle import HuddleScreen

        if self._huddle is None:
            screen = self.screen
            assert isinstance(screen, HuddleScreen)  # noqa: S101 narrows the type; no check relies on it
            self._huddle = screen
        return self._huddle

    @property
    def store(self) -> Store:
        return self.huddle.store

    @property
    def day(self) -> date:
        return self.huddle.day

    @property
    def read_only(self) -> bool:
        return self.huddle.read_only

    def load(self) -> None:
        """Read from the store and show it."""

    @property
    def wide(self) -> bool:
        """Whether the huddle is shown on the TV: the presentation layout."""
        return is_wide(self.screen)

    def on_mount(self) -> None:
        self.set_class(self.wide, "-wide")

    def on_show(self) -> None:
        self.set_class(self.wide, "-wide")

    def on_resize(self) -> None:
        self.set_class(self.wide, "-wide")
        if self.display and self.is_mounted and self.huddle.ready:
            self.resized()

    def resized(self) -> None:
        """The stage has a new size: rows are wrapped to the width they have, so by
        default the stage is shown afresh."""
        self.load()

    def enter(self) -> None:
        """The huddle has come to this stage: show it fresh and put the focus in it."""
        self.load()

    def picked(self) -> str | None:
        """The id of the row picked now: kept by the huddle when the stage is taken off the
        screen, and given back as `place` when it is made again."""
        return None

    def leave(self) -> None:
        """The huddle is going on to another stage (or closing): keep anything typed."""

    def what_is_left(self) -> LeftUndone:
        """What going on from this stage would leave undone, asked before the huddle does."""
        return left_undone(self.store, self.day, self.stage)

    def focus_now(self, widget: Widget) -> None:
        """Focus at once (not after the next refresh), so keys typed quickly after a stage
        change already go to it."""
        self.huddle.set_focus(widget)

    def set_heading(self, text: str, hint: str = "") -> None:
        self.query_one(".stage-heading", Static).update(Content(text))
        hints = self.query(".stage-hint")
        if hints:
            hints.first(Static).update(Content(hint))

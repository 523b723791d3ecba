"""What is typed in a dialog that keeps drafts: in the file a moment after each pause (on a
thread of its own, so a busy file never holds up typing), and when the dialog goes, so it
survives a crash and comes back the next time the same dialog is opened for the same thing."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.timer import Timer

from huddle.core.store.dialog_drafts import DialogDraftStore

DRAFT_SAVE_SECONDS = 1.0
"""What is typed (in a dialog, on Today's line) is in the file this long after the last key
(and at once on leaving)."""
SET_ASIDE_WAIT = 0.05
"""How long Esc waits for the draft to be saved before the dialog closes anyway."""


class KeptDraft:
    """One dialog's draft, by what the dialog is for (`purpose`, e.g. "learning:<step id>")."""

    def __init__(self, screen: Screen[Any], drafts: DialogDraftStore, purpose: str) -> None:
        self.screen = screen
        self.kept = drafts.get(purpose)
        """The text kept the last time, or None."""
        self.writer = drafts.writer(purpose)
        self._handed: str | None = self.kept
        """The text last handed to the writer (or kept at the start)."""
        self._pending: str | None = None
        self._timer: Timer | None = None

    def shown(self, text: str) -> None:
        """The dialog opens showing `text`: nothing to save until it changes."""
        self._handed = text

    def typed(self, text: str) -> None:
        """The text changed: kept a moment after the last key."""
        if text == self._handed:
            self._pending = None
            return
        self._pending = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(DRAFT_SAVE_SECONDS, self.keep)

    def keep(self) -> None:
        """Hand what is typed to the writer (it saves on a thread of its own)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._pending is not None:
            self.writer.save(self._pending)
            self._handed, self._pending = self._pending, None

    def close(self, wait: float | None = None) -> None:
        """Save what is typed: the dialog is going. Waits for it `wait` seconds at most."""
        self.keep()
        self.writer.close(wait=wait)

    def saved(self) -> None:
        """What was typed is saved where it belongs: the draft goes, and none is kept after."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._pending = None
        self.writer.discard()

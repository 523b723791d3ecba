"""A dialog: a box in the middle of the screen that saves through one store call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from huddle.core.models import HuddleError

T = TypeVar("T")

FORM_CSS = """
ModalScreen { align: center middle; background: $background 60%; }
ModalScreen .form {
    width: 90%; max-width: 100; height: auto; max-height: 90%;
    padding: 1 2; border: round $accent; background: $surface;
}
ModalScreen .form-title { text-style: bold; color: $accent; margin-bottom: 1; }
ModalScreen .form-intro { margin-bottom: 1; }
ModalScreen .form-help { color: $text-muted; margin-top: 1; }
ModalScreen Label { margin-top: 1; }
ModalScreen SelectionList { height: auto; max-height: 12; }
"""
"""How every form and dialog looks: a box in the middle of the screen."""


class Dialog(ModalScreen[T | None], Generic[T]):
    """A dialog that saves through a store call; it stays open, typing kept, if that fails."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def attempt(self, save: Callable[[], T]) -> None:
        try:
            saved = save()
        except HuddleError as error:
            self.app.notify(str(error), severity="error", markup=False, timeout=8)
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

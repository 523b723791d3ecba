"""A dialog: a box in the middle of the screen that saves through one store call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from huddle.core.models import HuddleError

T = TypeVar("T")

SHORT_BELOW = 32
"""Lines under which a form closes up its gaps."""

FORM_CSS = """
Dialog { align: center middle; background: $background 60%; }
Dialog .form {
    width: 90%; max-width: 100; height: auto; max-height: 100%;
    padding: 1 2; border: round $accent; background: $surface;
}
Dialog .form-title { text-style: bold; color: $accent; margin-bottom: 1; }
Dialog .form-intro { margin-bottom: 1; }
Dialog .form-help { color: $text-muted; margin-top: 1; }
Dialog Label { margin-top: 1; }
Dialog SelectionList { height: auto; max-height: 12; }
Dialog.-short .form { padding: 0 2; }
Dialog.-short .form-title, Dialog.-short .form-intro { margin-bottom: 0; }
Dialog.-short Label, Dialog.-short .form-help { margin-top: 0; }
Dialog.-short SelectionList { max-height: 6; }
"""
"""How every form and dialog looks: a box in the middle of the screen. Each rule starts
with `Dialog`: Textual scopes a class's DEFAULT_CSS to that class, so a rule starting with
another name (e.g. ModalScreen) would never apply."""


class Dialog(ModalScreen[T | None], Generic[T]):
    """A dialog that saves through a store call; it stays open, typing kept, if that fails."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def on_resize(self) -> None:
        # 24 lines: no blank lines between the parts, so the whole form fits.
        self.set_class(self.size.height < SHORT_BELOW, "-short")

    def attempt(self, save: Callable[[], T]) -> None:
        try:
            saved = save()
        except HuddleError as error:
            self.app.notify(str(error), severity="error", markup=False, timeout=8)
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""A dialog: a box in the middle of the screen that saves through one store call, and the
one path every dialog saves by (`close_when_saved`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from huddle.ui.waiting_writes import KEPT, Attempt, attempt

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")

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


def close_when_saved(
    dialog: ModalScreen[R | None], save: Callable[[], T], result: Callable[[T], R]
) -> Attempt[T]:
    """The one way a dialog saves: `save` is made while it is still open, and the dialog
    closes only once it is made, with `result(what save returned)`. Refused (a name already
    taken, a full disk, a read-only file): the one line under the boxes (the dialog's `.wrong`
    line; a notice instead, if it has none), and the dialog stays open with what was typed.
    A busy file: the dialog closes and the save waits in line with the others; whoever opened
    the dialog gets the result once it is saved. So `save` may run after the dialog has gone:
    read its fields first."""
    # The callback given to push_screen, kept by Textual on the dialog: its result is only
    # known once the save waiting in line is made, after the dialog has gone, and Textual's
    # public way to hand it over (dismiss) needs it now.
    callbacks = dialog._result_callbacks
    opener = callbacks[-1] if callbacks else None

    def saved(made: T) -> None:
        if opener is not None:
            opener(result(made))

    # Refused: said once, under the box being typed in; a dialog without that line, a notice.
    tried = attempt(dialog, save, saved, said_there=bool(dialog.query(".wrong")))
    if tried.done:
        dialog.dismiss(result(cast("T", tried.result)))
    elif tried.refused:
        said_wrong(dialog, tried.refused)
    elif tried.waits:
        from huddle.ui.app import HuddleApp  # the app module imports the dialogs' screens

        dialog.app.pop_screen()  # closed without a result: none yet
        # The first save to wait is said by the waiting line's own notice.
        if isinstance(dialog.app, HuddleApp) and len(dialog.app.waiting) > 1:
            dialog.app.notify(KEPT, severity="warning", markup=False, timeout=6)
    return tried


def answered(
    dialog: ModalScreen[A | None],
    typed: A,
    check: Callable[[A], str | None] | None,
    save: Callable[[A], object],
) -> None:
    """What was typed, checked (a refusal said under the boxes), then saved while the dialog
    is open, which closes with what was typed once it is saved (see `close_when_saved`)."""
    if not said_wrong(dialog, check(typed) if check is not None else None):
        close_when_saved(dialog, lambda: save(typed), lambda _made: typed)


def said_wrong(dialog: ModalScreen[Any], wrong: str | None) -> bool:
    """Show in the dialog's `.wrong` line what is wrong with what was typed, if anything
    (and if it has the line); True if anything is wrong."""
    if wrong:
        for said in dialog.query(".wrong").results(Static):
            said.update(Content(wrong))
            said.display = True
    return bool(wrong)


class Dialog(ModalScreen[T | None], Generic[T]):
    """A dialog that saves through a store call; it stays open, typing kept, if that is
    refused; a subclass saves with `self.attempt`."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def on_resize(self) -> None:
        # 24 lines: no blank lines between the parts, so the whole form fits.
        self.set_class(self.size.height < SHORT_BELOW, "-short")

    def attempt(self, save: Callable[[], T]) -> None:
        """Save, and close with what was saved (see `close_when_saved`)."""
        close_when_saved(self, save, lambda made: made)

    def action_cancel(self) -> None:
        self.dismiss(None)

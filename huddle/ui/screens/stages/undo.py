"""`u` on a stage whose changes can be taken back (Yesterday, Blockers): the rule is in
core.undo; here it is only called, and what it did said in words."""

from __future__ import annotations

from textual.binding import Binding

from huddle.core.undo import NothingToUndo, Undo, undo_last
from huddle.ui.screens.stages.base import StageView

UNDO_KEY = Binding("u", "undo", "Undo")
"""The key, in the footer of the stages that have it."""


def take_back(stage: StageView, *, who: str = "the huddle") -> str | None:
    """Undo the last change made at `stage`, say what it was, and show the stage again.
    Returns the id of the row it was (to put the cursor on), or None."""
    if stage.read_only:
        return None
    nothing = False

    def attempt() -> Undo | None:
        nonlocal nothing
        try:
            return undo_last(stage.store, stage.day, stage.stage, who=who)
        except NothingToUndo:
            nothing = True
            return None

    undo = stage.huddle.safely(attempt)  # refused, or a file problem: one line, said there
    stage.load()
    if nothing:
        stage.huddle.notify("Nothing to undo on this stage", timeout=3)
    if undo is None:
        return None
    stage.huddle.notify(f"Undone: {undo.said}", markup=False, timeout=4)
    return undo.target

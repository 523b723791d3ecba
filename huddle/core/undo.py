"""`u` at the huddle: take back the last change made at a stage (a step's mark or a "still
in place?" answer at Yesterday; a step dropped at Today; a blocker owned, sent up or
resolved at Blockers), and say in words what it is back to. One level; kept in the file,
so it survives a restart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huddle.core.models import BlockerStatus, Stage, StepStatus
from huddle.core.store import Store
from huddle.core.store.undo import NothingToUndo, Undone

__all__ = ["UNDO_STAGES", "NothingToUndo", "Undo", "undo_last"]

UNDO_STAGES = frozenset({Stage.YESTERDAY, Stage.TODAY, Stage.BLOCKERS})
"""The stages whose last change `u` takes back."""

_STEP_WORDS: dict[StepStatus, str] = {
    StepStatus.PLANNED: "not marked",
    StepStatus.DONE: "done",
    StepStatus.PARTLY: "partly done",
    StepStatus.NOT_DONE: "not done, carried over",
    StepStatus.CARRIED: "not done, carried over",
    StepStatus.DROPPED: "dropped",
}

_BLOCKER_WORDS: dict[BlockerStatus, str] = {
    BlockerStatus.OPEN: "open",
    BlockerStatus.OWNED: "owned",
    BlockerStatus.ESCALATED: "sent up",
    BlockerStatus.ANSWERED: "answered",
    BlockerStatus.RESOLVED: "resolved",
}


@dataclass(frozen=True)
class Undo:
    """What `u` took back: in words, and the row it was (to put the cursor on)."""

    said: str
    """e.g. "Bea's step back to not marked"."""
    target: str
    """The step's or blocker's id; a check's "<cycle id>:<days after>"."""


def undo_last(store: Store, day: date, stage: Stage, *, who: str = "the huddle") -> Undo:
    """Take back the last change made at `stage` of `day`'s huddle. Raises NothingToUndo
    when there is none, HuddleError when it has been changed again since (left as it is).
    `who` is written in a blocker's history with the line that says it was undone."""
    if stage not in UNDO_STAGES:
        raise NothingToUndo("nothing to undo on this stage")
    undone = store.last_changes.undo(day, stage, who=who)
    return Undo(describe(undone), undone.target)


def describe(undone: Undone) -> str:
    """What was undone, as the notice says it after "Undone: "."""
    first = undone.name.split()[0] if undone.name.split() else undone.name
    if undone.kind == "step":
        return f"{first}'s step back to {_STEP_WORDS[StepStatus(undone.back_to)]}"
    if undone.kind == "dropped":
        return f"{first}'s step is back: {undone.text}"
    if undone.kind == "check":
        answer = {"": "not answered", "yes": "yes", "no": "no"}[undone.back_to]
        return f"still in place? back to {answer}: {undone.text}"
    status = BlockerStatus(undone.back_to)
    words = _BLOCKER_WORDS[status]
    if status is BlockerStatus.OWNED and undone.owner:
        words = f"owned by {undone.owner}"
    return f"{undone.text} back to {words}"

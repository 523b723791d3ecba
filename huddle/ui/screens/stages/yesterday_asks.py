"""What Yesterday asks about a step, in a dialog: what did we learn (l), and what did it give
(g, once it is marked done or partly)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.impact import impact_words
from huddle.core.models import Impact, StepStatus
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.impact_ask import ask_what_it_gave
from huddle.ui.screens.stages.yesterday_rows import CHECK

if TYPE_CHECKING:
    from huddle.ui.screens.stages.yesterday import YesterdayStage


def ask_gave(stage: YesterdayStage, row_id: str | None, *, typed: str = "") -> None:
    """g: what the step just marked done gave (else the picked step, if done); `typed`, the
    answer's start, typed straight after the mark."""
    if stage.read_only:
        return
    step_id = stage.just_done or row_id
    step = stage.steps.get(step_id or "")
    if step is None or step.status not in (StepStatus.DONE, StepStatus.PARTLY):
        stage.huddle.notify("g says what a step done gave: mark it done first", timeout=3)
        return

    def saved(gave: Impact) -> None:
        stage.huddle.notify(f"Noted what it gave: {impact_words(gave)}", markup=False)
        stage.just_done = None
        stage.load()

    ask_what_it_gave(
        stage.huddle,
        step.text,
        lambda gave: stage.store.impacts.say(gave, step_id=step.id),
        saved,
        typed=typed,
    )


def ask_learning(stage: YesterdayStage, step_id: str | None) -> None:
    """l: what we learned from the step just marked (else the picked step)."""
    step_id = stage.just_marked or step_id  # straight after a mark: that step's
    if step_id is None and not stage.read_only:
        stage.nothing_picked()
        return
    if step_id is not None and step_id.startswith(CHECK) and not stage.read_only:
        stage.huddle.notify("l is for a step; still in place? is answered d (yes) or x (no)")
        return
    if step_id is None or step_id not in stage.order or stage.read_only:
        return
    step = stage.steps[step_id]

    def learned(text: str | None) -> None:
        if text is not None:
            stage.load()

    stage.app.push_screen(
        AskText(
            f"What did we learn? ({step.member_name})",
            lambda text: stage.store.steps.set_learning(step, text),
            value=step.learning,
            hint=step.text,
            drafts=stage.store.dialog_drafts,
            purpose=f"learning:{step.id}",
        ),
        learned,
    )

"""Editing a step already planned for today, on the Today stage: a dialog that changes its
words and its goal (never its owner, never into a blocker), saved while it is open and kept
as a draft until then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.flow import TypedStep, goal_tags, read_entry
from huddle.core.models import HuddleError, Member, Step
from huddle.core.text import clean_line
from huddle.ui.screens.dialogs import AskText

if TYPE_CHECKING:
    from huddle.ui.screens.stages.today import TodayStage


def edit_step(stage: TodayStage, step: Step, person: Member) -> None:
    """Open the dialog that edits `step`, planned on `person`'s turn."""
    tags = goal_tags(stage.goals)
    start = step.text + (f" {tags[step.goal_id]}" if step.goal_id in tags else "")
    store = stage.store

    def read(text: str) -> TypedStep:
        return read_entry(text, member=person, goals=stage.goals, members=stage.members)

    def check(text: str) -> str | None:
        """An edit changes the words and the goal; refused, the text stays to be fixed."""
        try:
            typed = read(text)
            clean_line(typed.text, what="a step")
        except HuddleError as error:
            return str(error)
        if typed.is_blocker:
            return "an edit can't turn a step into a blocker"
        if typed.member.id != step.member_id:
            return "to give this step to someone else, drop it and add it for them"
        return None

    def save(text: str) -> Step:
        typed = read(text)  # checked: it reads
        return store.steps.edit(step, typed.text, goal=typed.goal)

    def saved(text: str | None) -> None:
        if text is not None:
            stage.load()

    stage.app.push_screen(
        AskText(
            f"Edit {step.member_name}'s step",
            save,
            value=start,
            hint="#goal links a goal (Tab completes it)",
            shorthand=(lambda: stage.goals, lambda: stage.members),
            check=check,
            drafts=store.dialog_drafts,
            purpose=f"edit:{step.id}",
        ),
        saved,
    )

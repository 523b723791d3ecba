"""Editing a step already planned for today, on the Today stage: a dialog that changes its
words and its goal (never its owner, never into a blocker), kept as a draft until saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.flow import TypedStep, goal_tags, read_entry
from huddle.core.models import HuddleError, Member, Step
from huddle.core.text import clean_line
from huddle.ui.widgets.ask import Answer, AskText

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

    def done(answer: Answer | None) -> None:
        if answer is None or not answer.given:
            return  # set aside: the draft is kept in the file
        typed = stage.huddle.safely(lambda: read(answer.text))
        if typed is not None:
            stage.huddle.safely_then(
                lambda: store.steps.edit(step, typed.text, goal=typed.goal),
                lambda: stage.huddle.safely(lambda: store.dialog_drafts.clear(purpose)),
            )
        stage.load()

    purpose = f"edit:{step.id}"
    stage.app.push_screen(
        AskText(
            f"Edit {step.member_name}'s step",
            "#goal links a goal (Tab completes it)",
            value=start,
            shorthand=(lambda: stage.goals, lambda: stage.members),
            check=check,
            drafts=store.dialog_drafts,
            purpose=purpose,
        ),
        done,
    )

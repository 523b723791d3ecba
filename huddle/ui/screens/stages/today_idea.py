"""Today: a line opened with !! (or ctrl+n) is noted as an idea, not yet a step; f on a
planned step says where its idea came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.flow import TypedStep
from huddle.core.models import Idea, Member, Source, Step
from huddle.ui.widgets.ask import PickOne

if TYPE_CHECKING:
    from huddle.ui.screens.stages.today import TodayStage


def note_idea(stage: TodayStage, person: Member, line: str, typed: TypedStep, new_id: str) -> None:
    """A line opened with !!: noted as an idea (the Ideas screen lists it), not a step;
    it is still this person's turn to say their step."""
    store = stage.store

    def noted(idea: Idea) -> None:
        came_from = "" if idea.source is Source.PRACTITIONER else f" from {idea.source.said}"
        stage.huddle.notify(f"Idea noted{came_from}: {idea.text}", markup=False, timeout=4)
        stage.saved_line(person, line)

    idea = stage.huddle.safely(
        lambda: store.ideas.add(
            typed.member,
            typed.text,
            source=typed.source or Source.PRACTITIONER,
            goal=typed.goal,
            idea_id=new_id,
        ),
        then=noted,
    )
    if idea is not None:
        noted(idea)
    elif not store.db.held_back:
        stage._ids.pop((person.id, line), None)


def pick_step_source(stage: TodayStage, step: Step) -> None:
    """Ask where a planned step's idea came from, and save it."""

    def picked(value: str | None) -> None:
        if value is None:
            return
        if stage.huddle.safely(lambda: stage.store.steps.set_source(step, Source(value))):
            stage.load()

    choices = [(s.value, s.said.capitalize()) for s in Source]
    stage.app.push_screen(
        PickOne("Where did the idea for this step come from?", choices, highlight=step.source),
        picked,
    )

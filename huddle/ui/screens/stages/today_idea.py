"""Today: a line opened with !! (or ctrl+n) is noted as an idea, not yet a step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.flow import TypedStep
from huddle.core.models import Idea, Member, Source

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

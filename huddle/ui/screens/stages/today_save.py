"""Today: Enter on the line saves what was typed as the person's step (or a blocker, or an
idea), clears the line and passes the turn on; an empty line goes on to Blockers. A save
that waits for a busy file is made once, when the file is free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from huddle.core.flow import TypedStep, read_entry, steps_for
from huddle.core.models import Blocker, Idea, Member, Source, Step

if TYPE_CHECKING:
    from huddle.ui.screens.stages.today import TodayStage


def submit(stage: TodayStage, line: str, *, as_idea: bool = False) -> None:
    """Enter on the line: save it as the person's step (or a blocker) and pass on; an empty
    line goes on to Blockers. `as_idea` (ctrl+n): note it as an idea, as !! does."""
    person = stage.person
    if not line.strip() or person is None:
        stage.huddle.action_next_stage()
        return
    read = line
    if as_idea and not line.lstrip().startswith("!!"):
        read = "!! " + line.lstrip().removeprefix("!")
    typed = stage.huddle.safely(
        lambda: read_entry(read, member=person, goals=stage.goals, members=stage.members)
    )
    if typed is None:
        return  # the notice says what is wrong; the line stays as typed
    store = stage.store
    # One id per line typed: pressing Enter again while it waits for the file saves once.
    new_id = stage.line_ids.setdefault((person.id, line), store.db.new_id())
    if typed.is_idea:
        note_idea(stage, person, line, typed, new_id)
        return
    if typed.is_blocker:

        def raised(blocker: Blocker) -> None:
            stage.huddle.notify(f"Blocker raised: {blocker.text}", markup=False, timeout=4)
            saved_line(stage, person, line)

        blocker = stage.huddle.safely(
            lambda: store.blockers.raise_blocker(typed.member, typed.text, blocker_id=new_id),
            then=raised,
        )
        if blocker is not None:
            raised(blocker)
        elif not store.db.held_back:
            stage.line_ids.pop((person.id, line), None)
        return
    for_them = typed.member.id == person.id

    def added(step: Step) -> None:
        stage.steps = steps_for(store, stage.day)
        if not for_them:
            # Typed for someone else (@name): saved as theirs, and it is still this turn.
            stage.huddle.notify(
                f"Added for {typed.member.name}: {typed.text}", markup=False, timeout=4
            )
        if saved_line(stage, person, line) and for_them:
            pass_on(stage)

    step = stage.huddle.safely(
        lambda: store.steps.add(
            typed.member,
            typed.text,
            stage.day,
            goal=typed.goal,
            source=typed.source or Source.PRACTITIONER,
            step_id=new_id,
            clear_draft=(person.id, line),
        ),
        then=added,
    )
    if step is not None:
        added(step)
    elif not store.db.held_back:
        stage.line_ids.pop((person.id, line), None)  # refused, not waiting: a draft as before


def note_idea(stage: TodayStage, person: Member, line: str, typed: TypedStep, new_id: str) -> None:
    """A line opened with !!: noted as an idea (the Ideas screen lists it), not a step;
    it is still this person's turn to say their step."""
    store = stage.store

    def noted(idea: Idea) -> None:
        came_from = "" if idea.source is Source.PRACTITIONER else f" from {idea.source.said}"
        stage.huddle.notify(f"Idea noted{came_from}: {idea.text}", markup=False, timeout=4)
        saved_line(stage, person, line)

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
        stage.line_ids.pop((person.id, line), None)


def saved_line(stage: TodayStage, person: Member, line: str) -> bool:
    """`line`, typed on `person`'s turn, is saved (its draft went with it): clear it, unless
    something else has been typed there since (it waited for the file). Whether the line on
    screen was cleared."""
    stage.line_ids.pop((person.id, line), None)
    if stage.drafts.get(person.id) == line:
        stage.drafts[person.id] = ""
        stage.dirty.discard(person.id)
    entry = stage.query_one("#today-input", Input)
    if stage.current != person.id or entry.value != line:
        stage.show_people()
        return False
    entry.value = ""
    stage.show_person(fill_input=True)
    return True


def pass_on(stage: TodayStage) -> None:
    """To the next person; after the last, to anyone still without a step, else on."""
    ids = [m.id for m in stage.people]
    index = ids.index(stage.current) if stage.current in ids else len(ids) - 1
    if index < len(ids) - 1:
        stage.current = ids[index + 1]
    else:
        waiting = [m for m in stage.people if not stage.steps.get(m.id)]
        if not waiting:
            stage.huddle.action_next_stage()
            return
        stage.current = waiting[0].id
        stage.huddle.notify(f"{waiting[0].name} has no step yet", markup=False, timeout=3)
    stage.show_person(fill_input=True)

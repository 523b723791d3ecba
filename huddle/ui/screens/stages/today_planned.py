"""Today: the list of a person's steps already planned for today (carried over first), under
their name, and its keys: k keep, e edit, x drop, f where its idea came from. Made the first
time someone with steps is shown: every key visits each widget on the screen, hidden or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.flow import drop_today, looking_back_to
from huddle.core.models import Source, Step, StepStatus
from huddle.ui.screens.stages.today_edit import edit_step
from huddle.ui.screens.stages.today_input import StepInput, today_stage
from huddle.ui.screens.stages.today_rows import step_row
from huddle.ui.widgets.ask import PickOne
from huddle.ui.widgets.keylist import KeyList, row_width

if TYPE_CHECKING:
    from huddle.ui.screens.stages.today import TodayStage

PLANNED_TITLE = "Already planned for today (Tab to reach):  k keep   e edit   x drop"


class TodaySteps(KeyList):
    """A person's steps already planned for today: carried over first."""

    BINDINGS = [
        Binding("k", "keep", "Keep"),
        Binding("e", "edit", "Edit"),
        Binding("x", "drop", "Drop"),
        Binding("escape", "type", "Back to typing"),
        Binding("f", "source", "Where its idea came from", show=False),
    ]

    def action_type(self) -> None:
        today_stage(self).type_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "drop", "type", "source"):
            return not today_stage(self).read_only
        return True

    def action_keep(self) -> None:
        if self.highlighted is not None and self.highlighted < self.option_count - 1:
            self.action_cursor_down()
        else:
            today_stage(self).type_step()

    def action_edit(self) -> None:
        stage = today_stage(self)
        step, person = planned_step(stage, self.highlighted_id()), stage.person
        if step is not None and person is not None:
            edit_step(stage, step, person)

    def action_drop(self) -> None:
        stage = today_stage(self)
        step = planned_step(stage, self.highlighted_id())
        if step is None:
            return
        tried = stage.huddle.huddle_app.attempt(
            lambda: drop_today(stage.store, step, at_huddle=stage.day)
        )
        stage.load()
        if not (tried.done and tried.result):  # refused, or waiting for the file: said
            return
        typing = not stage.steps.get(step.member_id)  # none left: on to typing a new one
        again = "Esc, then u brings it back" if typing else "u brings it back"
        stage.huddle.notify(f"Dropped: {step.text}. {again}", markup=False, timeout=5)
        if typing:
            stage.type_step()

    def action_source(self) -> None:
        """f on a planned step: where its idea came from."""
        stage = today_stage(self)
        step = planned_step(stage, self.highlighted_id())
        if step is not None:
            pick_step_source(stage, step)


NOTHING_PLANNED = "Nothing planned for today yet: say one small step, and the goal it serves"
LAST_TIME_SHOWN = 2
"""A speaker's steps of last time shown in the room of their empty list (on the TV)."""


def planned_parts() -> tuple[Static, TodaySteps, Static]:
    """The list and its title, as the stage holds them; and, on the TV, what stands in the
    list's room when the speaker has nothing planned (what they took on last time)."""
    return (
        Static(PLANNED_TITLE, id="today-steps-title"),
        TodaySteps(id="today-steps"),
        Static(id="today-last-time"),
    )


def planned_list(stage: TodayStage, *, make: bool) -> TodaySteps | None:
    """The list of the person's steps already planned, if made; with `make`, made the first
    time it is needed (and the turn drawn again once it is)."""
    found = next(iter(stage.query(TodaySteps)), None)
    if found is None and make:
        made = stage.mount(*planned_parts(), before=stage.query_one(StepInput))

        async def when_made() -> None:
            await made
            if stage.is_attached:
                stage.show_person(fill_input=False)  # (a past day: the day's steps)
                if stage.read_only and stage.has_focus:
                    stage.type_step()

        stage.call_next(when_made)
    return found if found is not None and found.is_mounted else None


def show_planned(stage: TodayStage, theirs: list[Step]) -> None:
    """The person's steps already planned for today, under their name (if any). On the TV
    their room stays when they have none (the board under it stays put), and says so, with
    what they took on last time to build on."""
    listing = planned_list(stage, make=bool(theirs) or stage.wide)
    if listing is None:
        return
    keep = listing.highlighted_id()
    listing.set_options(Option(planned_row(stage, step, listing), id=step.id) for step in theirs)
    title = stage.query_one("#today-steps-title", Static)
    title.display = bool(theirs) or stage.wide
    title.update(PLANNED_TITLE if theirs else NOTHING_PLANNED)
    listing.display = bool(theirs)
    last = stage.query_one("#today-last-time", Static)
    last.display = stage.wide and not theirs and stage.person is not None
    if last.display and stage.person is not None:
        last.update(last_time(stage, stage.person.id))
    if not listing.highlight_id(keep) and theirs:
        listing.highlighted = 0


def last_time(stage: TodayStage, member_id: str) -> Content:
    """The speaker's steps of the huddle day today's looks back on, and how each went."""
    if stage.last_time is None:
        day = looking_back_to(stage.store, stage.day)
        stage.last_time = (day, stage.store.steps.on_day(day))
    day, steps = stage.last_time
    when = format_day(day, stage.day)
    theirs = [step for step in steps if step.member_id == member_id]
    if not theirs:
        return Content.styled(
            f"No step last time ({when}): one small thing to do better today?", "$text-muted"
        )
    rows = [Content.styled(f"Last time ({when}):", "$text-muted")]
    for step in theirs[:LAST_TIME_SHOWN]:
        said = "not looked back on yet" if step.status is StepStatus.PLANNED else step.status.value
        rows.append(Content.assemble("  • ", Content(step.text), (f"  ({said})", "$text-muted")))
    if len(theirs) > LAST_TIME_SHOWN:
        rows[-1] = rows[-1] + Content.styled(
            f"  and {len(theirs) - LAST_TIME_SHOWN} more", "$text-muted"
        )
    return Content("\n").join(rows)


def planned_row(stage: TodayStage, step: Step, listing: TodaySteps) -> Content:
    """A planned step's row; one carried over says the day it was first planned for (read
    once, then kept by the stage)."""
    carried = None
    if step.carried_from:
        first = stage.carried_days.get(step.carried_from)
        if first is None:
            first = stage.carried_days[step.carried_from] = stage.store.steps.get(
                step.carried_from
            ).day
        carried = format_day(first, stage.day)
    return step_row(step, carried, row_width(listing))


def planned_step(stage: TodayStage, step_id: str | None) -> Step | None:
    """The person's planned step `step_id`, to change (never on a past day)."""
    person = stage.person
    if step_id is None or person is None or stage.read_only:
        return None
    return next((s for s in stage.steps.get(person.id, []) if s.id == step_id), None)


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

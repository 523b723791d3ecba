"""Stage 3, Today: one person at a time says their small step. What they type is kept as a
draft (in memory at once, in the file a moment later) until it is saved as their step."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.flow import preview_entry, steps_for
from huddle.core.left_undone import LeftUndone
from huddle.core.models import Goal, GoalStatus, Member, Stage, Step
from huddle.core.speakers import team_and_speakers
from huddle.ui.screens.dialog_draft import DRAFT_SAVE_SECONDS
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.today_board import TodayBoard
from huddle.ui.screens.stages.today_input import StepInput
from huddle.ui.screens.stages.today_planned import (
    TodaySteps,
    planned_list,
    planned_parts,
    planned_row,
    show_planned,
)
from huddle.ui.screens.stages.today_rows import by_name, people_chunks
from huddle.ui.screens.stages.today_save import submit
from huddle.ui.screens.stages.undo import UNDO_KEY, take_back
from huddle.ui.widgets.big_name import BigName
from huddle.ui.widgets.whole_chunks import WholeChunks

__all__ = ["StepInput", "TodayStage", "TodaySteps"]

HINT = "Tab completes #goal @name   ctrl+g picks a goal   ! a blocker   !! an idea"


class TodayStage(StageView, can_focus=True):
    stage = Stage.TODAY
    kept_when_left = True  # whose turn it is, and what each person typed

    BINDINGS = [
        Binding("up", "person(-1)", "Previous person", key_display="↑"),
        Binding("down", "person(1)", "Next person", key_display="↓"),
        Binding("a", "type", "Type a step"),
        UNDO_KEY,
    ]

    DEFAULT_CSS = """
    TodayStage #today-name {
        height: auto;
        border: tall $accent;
        padding: 0 1;
        background: $boost;
    }
    TodayStage #today-steps-title {
        height: auto;
        color: $text-muted;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    TodayStage #today-steps {
        height: auto;
        max-height: 8;
    }
    TodayStage #today-input {
        margin: 1 0 0 0;
    }
    TodayStage #today-preview {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    TodayStage #today-people {
        height: auto;
        margin: 1 0 0 0;
        padding: 0 1;
    }
    TodayStage:focus {
        background-tint: $foreground 3%;
    }
    TodayStage.-wide #today-board {
        display: block;
    }
    TodayStage.-wide #today-steps, TodayStage #today-last-time {
        height: 3;  /* the same whoever speaks, so the board under it stays put */
    }
    TodayStage #today-last-time {
        padding: 0 1;
        display: none;
    }
    TodayStage.-wide #today-people {
        display: none;  /* the board's cards say who has a step */
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[Member] = []
        self.current: str | None = None
        """The member id whose turn it is."""
        self.drafts: dict[str, str] = {}
        self.dirty: set[str] = set()
        self.steps: dict[str, list[Step]] = {}
        self.goals: list[Goal] = []
        """The active goals: a step may serve one."""
        self.every_goal: list[Goal] = []
        """Every goal, achieved and retired too: the board colours each the same always."""
        self.members: list[Member] = []
        self._draft_timer: Timer | None = None
        self._drafts_read = False
        self._read_at: object = None
        """The file's version (`store.version()`) when the stage last read it."""
        self.line_ids: dict[tuple[str, str], str] = {}
        """The id each line typed is saved under, by (member id, line), until it is saved: a
        line waiting for the file, Entered again, is saved once."""
        self.carried_days: dict[str, date] = {}
        """The day each step carried over was first planned for, by its id, once read."""
        self.last_time: tuple[date, list[Step]] | None = None
        """The day today's huddle looks back on and its steps, once read (on the TV)."""

    def compose(self) -> ComposeResult:
        yield BigName(id="today-name")
        if self.read_only:  # a past day: the list of everybody's steps is all it shows
            yield from planned_parts()
        yield StepInput(id="today-input")
        yield Static(id="today-preview")
        yield WholeChunks(id="today-people")
        # (The list of a person's steps already planned is made the first time someone has
        # some, and the board of everyone's steps when first shown, on the TV only: every
        # key visits each widget on the screen, hidden or not.)

    # Reading and showing

    def load(self) -> None:
        self.read()
        self.show_person(fill_input=False)

    def read(self) -> None:
        """What the stage shows, from the file; whose turn it is kept if they are here. Not
        again while the file is as it was read (a first build shows, lays out and is put
        on screen: three loads, one read)."""
        store = self.store
        version = store.version()
        if version == self._read_at:
            return
        self._read_at = version
        self.members, self.people = team_and_speakers(store, self.day)
        self.every_goal = store.goals.all(active_only=False)
        self.goals = [g for g in self.every_goal if g.status is GoalStatus.ACTIVE]
        self.query_one(StepInput).goal_suggester.goals = self.goals
        self.query_one(StepInput).goal_suggester.members = self.members
        self.steps = steps_for(store, self.day)
        self.carried_days.clear()
        self.last_time = None
        if not self._drafts_read and not self.read_only:
            self.drafts.update(store.drafts.on(self.day))
            self._drafts_read = True
        ids = [m.id for m in self.people]
        if self.current not in ids:
            self.current = ids[0] if ids else None

    @property
    def person(self) -> Member | None:
        return next((m for m in self.people if m.id == self.current), None)

    def show_person(self, *, fill_input: bool) -> None:
        """Draw the current person's turn; `fill_input` puts their draft in the line."""
        person = self.person
        name = self.query_one(BigName)
        entry = self.query_one(StepInput)
        entry.display = not self.read_only and person is not None
        if self.read_only:
            self.show_day()
            return
        if person is None:
            name.say("Nobody is marked here: go back to Who's here (1)")
            show_planned(self, [])
            return
        position = [m.id for m in self.people].index(person.id) + 1
        name.show(
            person.name,
            "your small step for today",
            f"Person {position} of {len(self.people)}.  Enter saves, then the next person."
            "  Empty Enter: Blockers.",
        )
        show_planned(self, self.steps.get(person.id, []))
        if fill_input:
            entry.value = self.drafts.get(person.id, "")
            entry.cursor_position = len(entry.value)
        elif not entry.value and self.drafts.get(person.id):
            entry.value = self.drafts[person.id]
            entry.cursor_position = len(entry.value)
        self.show_preview(entry.value)
        self.show_people()

    def show_people(self) -> None:
        chunks = people_chunks(self.people, self.steps, self.drafts, self.current)
        self.query_one(WholeChunks).show(chunks)
        if self.wide and not self.read_only:
            self.show_board()

    def show_board(self) -> None:
        """The TV's board of everyone's steps so far; made the first time it is shown."""
        board = next(iter(self.query(TodayBoard)), None)
        if board is None:
            made = self.mount(TodayBoard(id="today-board"))

            async def when_made() -> None:
                await made
                if self.is_attached and self.wide and not self.read_only:
                    self.show_board()

            self.call_next(when_made)
            return
        if not board.is_mounted:
            return  # (shown once made)
        board.show(self.people, self.steps, self.drafts, self.current, self.every_goal)

    def show_preview(self, line: str) -> None:
        said = preview_entry(line, self.goals, self.members) if line.strip() else HINT
        preview = self.query_one("#today-preview", Static)
        if preview.content != said:  # (the same words again need no new layout)
            preview.update(Content(said))

    def show_day(self) -> None:
        """A past huddle: everybody's steps for the day, read only."""
        self.query_one(BigName).say(f"Small steps for {format_day(self.day, self.store.today())}")
        self.query_one("#today-preview", Static).update("")
        self.query_one(WholeChunks).show([])
        for board in self.query(TodayBoard):
            board.display = False  # the list below has every step
        listing = planned_list(self, make=True)
        if listing is None:
            return  # (drawn once the list is made)
        options: list[Option] = []
        for member, steps in by_name(self.steps):
            options.append(Option(Content.assemble((member, "bold")), disabled=True))
            options.extend(Option(planned_row(self, step, listing), id=step.id) for step in steps)
        if not options:
            options.append(Option(Content("No steps were planned."), disabled=True))
        listing.set_options(options)
        listing.display = listing.visible = True
        listing.styles.max_height = None
        self.query_one("#today-steps-title", Static).display = False

    # Coming and going

    def enter(self) -> None:
        first_time = self.current is None
        self.read()
        if first_time:
            # Back in a huddle under way: the first person who has not said a new step.
            waiting = (
                m
                for m in self.people
                if not any(s.carried_from is None for s in self.steps.get(m.id, []))
            )
            first = next(waiting, None)  # (not the whole list: a big team is long)
            if first is not None:
                self.current = first.id
        self.show_person(fill_input=True)
        self.type_step()

    def leave(self) -> None:
        self.save_drafts()

    def what_is_left(self) -> LeftUndone:
        self.save_drafts()  # (the line typed a moment ago counts too)
        return super().what_is_left()

    def on_unmount(self) -> None:
        self.save_drafts()

    def type_step(self) -> None:
        if self.read_only:
            self.focus_now(planned_list(self, make=False) or self)
        elif self.person is not None:
            self.focus_now(self.query_one(StepInput))
        else:
            self.focus_now(self)

    def action_type(self) -> None:
        self.type_step()

    def focus_steps(self) -> None:
        listing = planned_list(self, make=False)
        if listing is not None and listing.display and listing.option_count:
            listing.focus()

    def action_person(self, delta: int) -> None:
        """Up / Down: another person's turn; what was typed stays as their draft."""
        if not self.people:
            return
        self.save_drafts()
        ids = [m.id for m in self.people]
        index = ids.index(self.current) if self.current in ids else 0
        self.current = ids[max(0, min(len(ids) - 1, index + delta))]
        self.show_person(fill_input=True)

    # Typing

    def on_input_changed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, StepInput) or self.current is None:
            return
        event.stop()  # (nothing above the stage needs every key typed)
        self.show_preview(event.value)
        if self.drafts.get(self.current, "") == event.value:
            return
        self.drafts[self.current] = event.value
        self.dirty.add(self.current)
        if self._draft_timer is None:  # one timer for a run of keys, not one a key
            self._draft_timer = self.set_timer(DRAFT_SAVE_SECONDS, self.save_drafts)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, StepInput):
            self.save_drafts()

    def save_drafts(self) -> None:
        """Keep every changed draft in the file, in one small transaction."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self.dirty or self.read_only:
            return
        waiting = self.line_ids if self.store.db.held_back else {}
        changed = {
            member_id: self.drafts.get(member_id, "")
            for member_id in self.dirty
            # A line waiting for the file to be saved as a step is not kept as a draft too:
            # saved after the step, it would come back as a line to type again.
            if (member_id, self.drafts.get(member_id, "")) not in waiting
        }
        self.dirty -= changed.keys()
        if not changed:
            return

        def save() -> bool:
            self.store.drafts.save(self.day, changed)
            return True

        if not self.huddle.safely(save):
            self.dirty.update(changed)  # not saved (a busy file): try again next time

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A past huddle read back: nothing to type, nothing to undo.
        return not (action in ("undo", "type") and self.read_only)

    def action_undo(self) -> None:
        """u: the step dropped last comes back (the row picked, if it is this person's)."""
        target = take_back(self)
        listing = planned_list(self, make=False)
        if target is not None and listing is not None and listing.highlight_id(target):
            self.focus_now(listing)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, StepInput):
            event.stop()
            submit(self, event.value)

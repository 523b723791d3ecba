"""Stage 3, Today: one person at a time says their small step. What they type is kept as a
draft (in memory at once, in the file a moment later) until it is saved as their step."""

from __future__ import annotations

import re

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.flow import (
    TypedStep,
    complete_goal,
    complete_member,
    drop_today,
    goal_tags,
    present_members,
    preview_entry,
    read_entry,
    steps_for,
)
from huddle.core.models import Blocker, Goal, HuddleError, Member, Stage, Step
from huddle.core.text import clean_line
from huddle.ui.screens.stages.base import StageView
from huddle.ui.shared_screen import is_wide
from huddle.ui.widgets.ask import Answer, AskText, PickOne
from huddle.ui.widgets.big_name import big_rows
from huddle.ui.widgets.keylist import KeyList, hanging, row_width, with_tail
from huddle.ui.widgets.whole_chunks import WholeChunks

DRAFT_SAVE_SECONDS = 1.0
"""Typing is kept in the file this long after the last key (and at once on leaving)."""

_TAG_AT_END = re.compile(r"(?<!\S)[#@][\w\-'.]*$")
_ANY_TAG = re.compile(r"(?<!\S)#[^\W\d_][\w\-'.]*")

HINT = "Tab completes #goal and @name   ctrl+g picks a goal   ! first: a blocker"


def complete_tag(tag: str, goals: list[Goal], members: list[Member]) -> list[str]:
    """What a half-typed #goal or @name could become."""
    return complete_goal(tag, goals) if tag.startswith("#") else complete_member(tag, members)


class GoalSuggester(Suggester):
    """Shows, greyed out, the goal (or person) a half-typed #tag (or @tag) would complete to."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.goals: list[Goal] = []
        self.members: list[Member] = []

    async def get_suggestion(self, value: str) -> str | None:
        found = _TAG_AT_END.search(value)
        if not found or len(found.group()) < 2:
            return None
        choices = complete_tag(found.group(), self.goals, self.members)
        if not choices:
            return None
        return value[: found.start()] + choices[0]


class StepInput(Input):
    """The one line a person types their step in."""

    BINDINGS = [
        Binding("up", "person(-1)", "Previous person", key_display="↑"),
        Binding("down", "person(1)", "Next person", key_display="↓"),
        Binding("tab", "complete", "#goal", key_display="Tab"),
        Binding("ctrl+g", "pick_goal", "Pick goal"),
        Binding("escape", "stop_typing", "Stop typing"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        self.goal_suggester = GoalSuggester()
        super().__init__(
            placeholder="Type the step, Enter saves it",
            id=id,
            suggester=self.goal_suggester,
            select_on_focus=False,
        )
        self._cycle: tuple[str, list[str], int] | None = None

    async def _on_key(self, event: events.Key) -> None:
        # Keys that act on the line are handled in the line's own turn, not when the key has
        # come back up to the app (where bindings are looked up): a quick typist's next
        # letters are then never typed into the line before its Tab or Enter is acted on.
        if event.key not in ("tab", "enter", "up", "down"):
            return  # the Input types it
        event.stop()
        event.prevent_default()
        if event.key == "tab":
            self.action_complete()
        elif event.key == "enter":
            self.query_ancestor(TodayStage).submit(self.value)
        else:
            self.action_person(-1 if event.key == "up" else 1)

    def action_complete(self) -> None:
        """Tab: complete the #goal or @name being typed (again: the next one that fits)."""
        value = self.value[: self.cursor_position]
        if self._cycle and self._cycle[0] == self.value:
            _, choices, index = self._cycle
            index = (index + 1) % len(choices)
            found = _TAG_AT_END.search(value.rstrip())
            start = found.start() if found else len(value)
        else:
            found = _TAG_AT_END.search(value)
            if not found:
                self.query_ancestor(TodayStage).focus_steps()
                return
            suggester = self.goal_suggester
            choices = complete_tag(found.group(), suggester.goals, suggester.members)
            if not choices:
                self.app.bell()
                return
            index, start = 0, found.start()
        completed = value[:start] + choices[index] + " "
        self.value = completed + self.value[self.cursor_position :]
        self.cursor_position = len(completed)
        self._cycle = (self.value, choices, index)

    def action_pick_goal(self) -> None:
        self.query_ancestor(TodayStage).pick_goal()

    def action_person(self, delta: int) -> None:
        self.query_ancestor(TodayStage).action_person(delta)

    def action_stop_typing(self) -> None:
        self.query_ancestor(TodayStage).focus()


class TodaySteps(KeyList):
    """A person's steps already planned for today: carried over first."""

    BINDINGS = [
        Binding("k", "keep", "Keep"),
        Binding("e", "edit", "Edit"),
        Binding("x", "drop", "Drop"),
        Binding("escape", "type", "Back to typing"),
    ]

    def action_type(self) -> None:
        self.query_ancestor(TodayStage).type_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "drop", "type"):
            return not self.query_ancestor(TodayStage).read_only
        return True

    def action_keep(self) -> None:
        if self.highlighted is not None and self.highlighted < self.option_count - 1:
            self.action_cursor_down()
        else:
            self.query_ancestor(TodayStage).type_step()

    def action_edit(self) -> None:
        self.query_ancestor(TodayStage).edit(self.highlighted_id())

    def action_drop(self) -> None:
        self.query_ancestor(TodayStage).drop(self.highlighted_id())


class TodayStage(StageView, can_focus=True):
    stage = Stage.TODAY

    BINDINGS = [
        Binding("up", "person(-1)", "Previous person", key_display="↑"),
        Binding("down", "person(1)", "Next person", key_display="↓"),
        Binding("a", "type", "Type a step"),
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
        self.members: list[Member] = []
        self._draft_timer: Timer | None = None
        self._drafts_read = False
        self._ids: dict[tuple[str, str], str] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="today-name")
        yield Static(id="today-progress", classes="stage-hint")
        yield Static(id="today-steps-title")
        yield TodaySteps(id="today-steps")
        yield StepInput(id="today-input")
        yield Static(id="today-preview")
        yield WholeChunks(id="today-people")

    # Reading and showing

    def load(self) -> None:
        store = self.store
        self.people = present_members(store, self.day)
        self.members = store.members.all()
        self.goals = store.goals.all()
        self.query_one(StepInput).goal_suggester.goals = self.goals
        self.query_one(StepInput).goal_suggester.members = self.members
        self.steps = steps_for(store, self.day)
        if not self._drafts_read and not self.read_only:
            self.drafts.update(store.drafts.on(self.day))
            self._drafts_read = True
        ids = [m.id for m in self.people]
        if self.current not in ids:
            self.current = ids[0] if ids else None
        self.show_person(fill_input=False)

    @property
    def person(self) -> Member | None:
        return next((m for m in self.people if m.id == self.current), None)

    def show_person(self, *, fill_input: bool) -> None:
        """Draw the current person's turn; `fill_input` puts their draft in the line."""
        person = self.person
        name = self.query_one("#today-name", Static)
        entry = self.query_one(StepInput)
        entry.display = not self.read_only and person is not None
        if self.read_only:
            self.show_day()
            return
        if person is None:
            name.update("Nobody is marked here: go back to Who's here (1)")
            self.query_one(TodaySteps).display = False
            return
        name.update(self.name_panel(person.name, name.content_size.width))
        position = [m.id for m in self.people].index(person.id) + 1
        self.query_one("#today-progress", Static).update(
            Content(
                f"Person {position} of {len(self.people)}.  Enter saves, then the next person."
                "  Empty Enter: Blockers."
            )
        )
        listing = self.query_one(TodaySteps)
        keep = listing.highlighted_id()
        theirs = self.steps.get(person.id, [])
        listing.set_options(Option(self.row(step), id=step.id) for step in theirs)
        listing.display = bool(theirs)
        title = self.query_one("#today-steps-title", Static)
        title.display = bool(theirs)
        title.update("Already planned for today (Tab to reach):  k keep   e edit   x drop")
        if not listing.highlight_id(keep) and theirs:
            listing.highlighted = 0
        if fill_input:
            entry.value = self.drafts.get(person.id, "")
            entry.cursor_position = len(entry.value)
        elif not entry.value and self.drafts.get(person.id):
            entry.value = self.drafts[person.id]
            entry.cursor_position = len(entry.value)
        self.show_preview(entry.value)
        self.show_people()

    def name_panel(self, person_name: str, width: int) -> Content:
        """Whose turn it is: on the TV in block letters three rows tall (when every letter
        is in the font and the name fits), else in bold."""
        rows = big_rows(person_name) if is_wide(self.screen) else None
        if rows and max(len(row) for row in rows) <= width:
            return Content.assemble(
                Content("\n".join(rows)).stylize("bold $text-accent"),
                "\n",
                ("your small step for today", "$text-muted"),
            )
        return Content.assemble((person_name, "bold $text-accent"), " - your small step for today")

    def row(self, step: Step) -> Content:
        parts: list[str | tuple[str, str] | Content] = []
        if step.carried_from:
            carried = self.store.steps.get(step.carried_from)
            lead = Content.styled("→ ", "$text-accent")
            parts.append((f"carried from {format_day(carried.day, self.day)}: ", "$text-accent"))
        else:
            lead = Content.styled("• ", "$text-success")
        parts.append(Content(step.text))
        text, width = Content.assemble(*parts), row_width(self.query_one(TodaySteps))
        if step.goal_title:
            goal = Content.assemble(
                ("· ", "dim"), Content(step.goal_title).stylize("italic $text-muted")
            )
            text = with_tail(text, goal, width - lead.cell_length)
        return hanging(lead, [text], width)

    def show_people(self) -> None:
        chunks: list[Content] = []
        for member in self.people:
            has = bool(self.steps.get(member.id))
            mark = "✓ " if has else ("✎ " if self.drafts.get(member.id) else "· ")
            label = mark + member.name
            if member.id == self.current:
                style = "bold reverse $accent"
            else:
                style = "$text-success" if has else "$text-muted"
            chunks.append(Content.styled(f" {label} ", style))
        self.query_one(WholeChunks).show(chunks)

    def show_preview(self, line: str) -> None:
        said = preview_entry(line, self.goals, self.members) if line.strip() else HINT
        self.query_one("#today-preview", Static).update(Content(said))

    def show_day(self) -> None:
        """A past huddle: everybody's steps for the day, read only."""
        self.query_one("#today-name", Static).update(
            Content(f"Small steps for {format_day(self.day, self.store.today())}")
        )
        self.query_one("#today-progress", Static).update("")
        listing = self.query_one(TodaySteps)
        options: list[Option] = []
        for member in self.members_with_steps():
            options.append(Option(Content.assemble((member, "bold")), disabled=True))
            for step in self.steps_by_name[member]:
                options.append(Option(self.row(step), id=step.id))
        if not options:
            options.append(Option(Content("No steps were planned."), disabled=True))
        listing.set_options(options)
        listing.display = True
        listing.styles.max_height = None
        self.query_one("#today-steps-title", Static).display = False
        self.query_one("#today-preview", Static).update("")
        self.query_one(WholeChunks).show([])

    def members_with_steps(self) -> list[str]:
        self.steps_by_name: dict[str, list[Step]] = {}
        for steps in self.steps.values():
            for step in steps:
                self.steps_by_name.setdefault(step.member_name, []).append(step)
        return sorted(self.steps_by_name, key=str.casefold)

    # Coming and going

    def enter(self) -> None:
        first_time = self.current is None
        self.load()
        if first_time:
            # Back in a huddle under way: the first person who has not said a new step.
            waiting = [
                m
                for m in self.people
                if not any(s.carried_from is None for s in self.steps.get(m.id, []))
            ]
            if waiting:
                self.current = waiting[0].id
        self.show_person(fill_input=True)
        self.type_step()

    def leave(self) -> None:
        self.save_drafts()

    def on_unmount(self) -> None:
        self.save_drafts()

    def type_step(self) -> None:
        if self.read_only:
            self.focus_now(self.query_one(TodaySteps))
        elif self.person is not None:
            self.focus_now(self.query_one(StepInput))
        else:
            self.focus_now(self)

    def action_type(self) -> None:
        self.type_step()

    def focus_steps(self) -> None:
        listing = self.query_one(TodaySteps)
        if listing.display and listing.option_count:
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
        self.show_preview(event.value)
        if self.drafts.get(self.current, "") == event.value:
            return
        self.drafts[self.current] = event.value
        self.dirty.add(self.current)
        if self._draft_timer is not None:
            self._draft_timer.stop()
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
        waiting = self._ids if self.store.db.held_back else {}
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

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, StepInput):
            event.stop()
            self.submit(event.value)

    def submit(self, line: str) -> None:
        """Enter on the line: save it as the person's step (or a blocker) and pass on; an
        empty line goes on to Blockers."""
        person = self.person
        if not line.strip() or person is None:
            self.huddle.action_next_stage()
            return
        typed = self.huddle.safely(
            lambda: read_entry(line, member=person, goals=self.goals, members=self.members)
        )
        if typed is None:
            return  # the notice says what is wrong; the line stays as typed
        store = self.store
        # One id per line typed: pressing Enter again while it waits for the file saves once.
        new_id = self._ids.setdefault((person.id, line), store.db.new_id())
        if typed.is_blocker:

            def raised(blocker: Blocker) -> None:
                self.huddle.notify(f"Blocker raised: {blocker.text}", markup=False, timeout=4)
                self.saved_line(person, line)

            blocker = self.huddle.safely(
                lambda: store.blockers.raise_blocker(typed.member, typed.text, blocker_id=new_id),
                then=raised,
            )
            if blocker is not None:
                raised(blocker)
            elif not store.db.held_back:
                self._ids.pop((person.id, line), None)
            return
        for_them = typed.member.id == person.id

        def added(step: Step) -> None:
            self.steps = steps_for(store, self.day)
            if not for_them:
                # Typed for someone else (@name): saved as theirs, and it is still this turn.
                self.huddle.notify(
                    f"Added for {typed.member.name}: {typed.text}", markup=False, timeout=4
                )
            if self.saved_line(person, line) and for_them:
                self.pass_on()

        step = self.huddle.safely(
            lambda: store.steps.add(
                typed.member,
                typed.text,
                self.day,
                goal=typed.goal,
                step_id=new_id,
                clear_draft=(person.id, line),
            ),
            then=added,
        )
        if step is not None:
            added(step)
        elif not store.db.held_back:
            self._ids.pop((person.id, line), None)  # refused, not waiting: a draft as before

    def saved_line(self, person: Member, line: str) -> bool:
        """`line`, typed on `person`'s turn, is saved (its draft went with it): clear it,
        unless something else has been typed there since (it waited for the file). Whether
        the line on screen was cleared."""
        self._ids.pop((person.id, line), None)
        if self.drafts.get(person.id) == line:
            self.drafts[person.id] = ""
            self.dirty.discard(person.id)
        entry = self.query_one(StepInput)
        if self.current != person.id or entry.value != line:
            self.show_people()
            return False
        entry.value = ""
        self.show_person(fill_input=True)
        return True

    def pass_on(self) -> None:
        """To the next person; after the last, to anyone still without a step, else on."""
        ids = [m.id for m in self.people]
        index = ids.index(self.current) if self.current in ids else len(ids) - 1
        if index < len(ids) - 1:
            self.current = ids[index + 1]
        else:
            waiting = [m for m in self.people if not self.steps.get(m.id)]
            if not waiting:
                self.huddle.action_next_stage()
                return
            self.current = waiting[0].id
            self.huddle.notify(f"{waiting[0].name} has no step yet", markup=False, timeout=3)
        self.show_person(fill_input=True)

    # Goals and the steps already planned

    def pick_goal(self) -> None:
        entry = self.query_one(StepInput)
        tags = goal_tags(self.goals)
        choices = [(g.id, g.title) for g in self.goals if g.id in tags]
        if not choices:
            self.huddle.notify("The team has no goals yet", timeout=3)
            return

        def chosen(goal_id: str | None) -> None:
            entry.focus()
            if goal_id is None:
                return
            tag = tags[goal_id]
            text = entry.value
            if _ANY_TAG.search(text):
                text = _ANY_TAG.sub(tag, text, count=1)
            else:
                text = f"{text.rstrip()} {tag}".lstrip()
            entry.value = text
            entry.cursor_position = len(text)

        self.app.push_screen(PickOne("Which goal does this step serve?", choices), chosen)

    def step_by_id(self, step_id: str | None) -> Step | None:
        person = self.person
        if step_id is None or person is None:
            return None
        return next((s for s in self.steps.get(person.id, []) if s.id == step_id), None)

    def edit(self, step_id: str | None) -> None:
        step = self.step_by_id(step_id)
        if step is None or self.read_only:
            return
        tags = goal_tags(self.goals)
        start = step.text + (f" {tags[step.goal_id]}" if step.goal_id in tags else "")

        person = self.person
        assert person is not None  # noqa: S101 narrows the type; no check relies on it

        def read(text: str) -> TypedStep:
            return read_entry(text, member=person, goals=self.goals, members=self.members)

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
            typed = self.huddle.safely(lambda: read(answer.text))
            if typed is not None:
                edited = self.huddle.safely(
                    lambda: self.store.steps.edit(step, typed.text, goal=typed.goal)
                )
                if edited is not None:
                    self.huddle.safely(lambda: self.store.dialog_drafts.clear(purpose))
            self.load()

        purpose = f"edit:{step.id}"
        self.app.push_screen(
            AskText(
                f"Edit {step.member_name}'s step",
                "#goal links a goal (Tab completes it)",
                value=start,
                shorthand=(lambda: self.goals, lambda: self.members),
                check=check,
                drafts=self.store.dialog_drafts,
                purpose=purpose,
            ),
            done,
        )

    def drop(self, step_id: str | None) -> None:
        step = self.step_by_id(step_id)
        if step is None or self.read_only:
            return
        self.huddle.safely(lambda: drop_today(self.store, step))
        self.huddle.notify(f"Dropped: {step.text}", markup=False, timeout=3)
        self.load()
        if not self.steps.get(step.member_id):
            self.type_step()

"""Stage 2, Yesterday: each step from the last huddle day (and older ones never looked back
on) marked with one key, with a line on what was learned. Its rows are drawn by yesterday_rows,
its questions asked by yesterday_asks, its cards on the TV by yesterday_cards."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.flow import (
    REVIEW_MARKS,
    goal_tags,
    looking_back_to,
    mark_step,
    yesterday,
)
from huddle.core.models import Stage, Step, StepStatus
from huddle.core.pdsa import SustainmentCheck
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.undo import UNDO_KEY, take_back
from huddle.ui.screens.stages.yesterday_asks import ask_gave, ask_learning
from huddle.ui.screens.stages.yesterday_cards import review_cards
from huddle.ui.screens.stages.yesterday_rows import (
    CHECK,
    away_row,
    check_rows,
    header,
    step_row,
)
from huddle.ui.widgets.cards import Card, CardBoard
from huddle.ui.widgets.goal_colours import goal_colours
from huddle.ui.widgets.keylist import KeyList, row_width

MARK_KEYS = ("d", "p", "n", "x")
"""The list's marks: each sets (or ends) the question of what a step gave itself."""
OTHER_KEYS = ("l", "u", "g")
"""The list's other keys: they act, and end the question."""


class ReviewList(KeyList):
    BINDINGS = [
        Binding("d", "mark('d')", "Done"),
        Binding("p", "mark('p')", "Partly"),
        Binding("n", "mark('n')", "Not done"),
        Binding("x", "mark('x')", "Dropped"),
        Binding("l", "learned", "Learned"),
        UNDO_KEY,
        Binding("g", "gave", "What it gave", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "learned", "undo", "gave"):
            return not self.query_ancestor(YesterdayStage).read_only
        return True

    def action_mark(self, key: str) -> None:
        self.query_ancestor(YesterdayStage).mark(self.highlighted_id(), REVIEW_MARKS[key])

    def action_cursor_up(self) -> None:
        self.query_ancestor(YesterdayStage).just_marked = None  # moved by hand
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        self.query_ancestor(YesterdayStage).just_marked = None
        super().action_cursor_down()

    def action_learned(self) -> None:
        ask_learning(self.query_ancestor(YesterdayStage), self.highlighted_id())

    def action_gave(self) -> None:
        ask_gave(self.query_ancestor(YesterdayStage), self.highlighted_id())

    def action_undo(self) -> None:
        stage = self.query_ancestor(YesterdayStage)
        stage.just_marked = None
        target = take_back(stage)
        if target is not None:
            self.highlight_id(target if target in stage.steps else f"{CHECK}{target}")


class YesterdayStage(StageView):
    stage = Stage.YESTERDAY

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.steps: dict[str, Step] = {}
        self.order: list[str] = []
        """The ids of the steps that can be marked (people here), top to bottom."""
        self.tags: dict[str, str] = {}
        self.checks: dict[str, SustainmentCheck] = {}
        """The sustainment checks shown, by their row's id."""
        self.row_cells = 80
        self.back_to = date.min
        """The huddle day looked back on (read on each load)."""
        self.just_done: str | None = None
        """The step just marked done or partly, until the next mark: g says what it gave."""
        self.asking_gave = False
        """The hint asks "What did it give?" (just after d or p): a letter or digit that is no
        key of the list starts the answer."""
        self.just_marked: str | None = None
        """The step just marked: l straight after its mark is for it, not for the row the
        highlight went on to, until the highlight is moved by hand."""
        self.cards: list[Card] = []
        """On the TV: the steps as cards by person (read on each load)."""

    DEFAULT_CSS = """
    YesterdayStage #review-board {
        display: none;
    }
    /* On the TV the cards show the steps; the list, out of sight, still takes the keys. */
    YesterdayStage.-wide #review-board {
        display: block;
    }
    YesterdayStage.-wide #review-list {
        height: 0;
        border: none;
        padding: 0;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield ReviewList(id="review-list")
        yield CardBoard(id="review-board")
        yield Static(classes="stage-hint")

    def load(self) -> None:
        groups = yesterday(self.store, self.day)
        self.tags = goal_tags(self.store.goals.all(active_only=False))
        self.steps = {s.id: s for g in groups for s in g.steps}
        self.order = [s.id for g in groups if g.present for s in g.steps]
        self.checks = {
            f"{CHECK}{c.cycle_id}:{c.after_days}": c for c in self.store.pdsa.checks_at(self.day)
        }
        marked = sum(self.is_marked(i) for i in self.markable())
        back_to = self.back_to = looking_back_to(self.store, self.day)
        self.set_heading(
            f"Yesterday: looking back on {back_to:%A} {back_to.day} {back_to:%B}"
            f"   {marked} of {len(self.markable())} marked",
            ""
            if self.read_only
            else "d done  p partly  n not done, carried over  x dropped  l learned  u undo",
        )
        listing = self.query_one(ReviewList)
        self.row_cells = row_width(listing)
        keep = listing.highlighted_id()
        options: list[Option] = []
        for group in groups:
            options.append(header(group))
            for step in group.steps:
                row = self.row(step) if group.present else away_row(step, self.row_cells)
                options.append(Option(row, id=step.id, disabled=not group.present))
        if not options:
            options.append(
                Option(
                    Content("  No steps to look back on. Enter goes on to Today."), disabled=True
                )
            )
        options.extend(check_rows(self.checks, read_only=self.read_only))
        listing.set_options(options)
        if not listing.highlight_id(keep) and not self.all_marked():
            self.highlight_next(None)
        if self.wide:
            colours = goal_colours(self.app, self.store.goals.all(active_only=False))
            self.cards = review_cards(groups, self.checks, colours, back_to, self.day)
        self.show_cards()

    def show_cards(self) -> None:
        """On the TV: the cards, the picked row highlighted and in view."""
        if self.wide:
            self.query_one(CardBoard).show(self.cards, self.query_one(ReviewList).highlighted_id())

    def on_option_list_option_highlighted(self) -> None:
        self.show_cards()

    def markable(self) -> list[str]:
        """The rows a mark key acts on, top to bottom: steps of people here, then checks."""
        return self.order + ([] if self.read_only else list(self.checks))

    def is_marked(self, row_id: str) -> bool:
        if row_id in self.checks:
            return self.checks[row_id].checked_on is not None
        return self.steps[row_id].status.reviewed

    def all_marked(self) -> bool:
        return all(self.is_marked(i) for i in self.markable())

    def answer_check(self, key: str, status: StepStatus) -> None:
        """d or p: the change is still in place; n or x: it has slipped."""
        check = self.checks.get(key)
        if check is None or self.read_only:
            return
        in_place = status in (StepStatus.DONE, StepStatus.PARTLY)
        self.huddle.safely(
            lambda: self.store.pdsa.answer_check(check, in_place, at_huddle=self.day)
        )
        word = "Still in place" if in_place else "Slipped"
        self.huddle.notify(f"{word}: {check.change}", markup=False, timeout=3)
        self.load()
        self.highlight_next(key)

    def row(self, step: Step) -> Content:
        """A step of someone here, as its row."""
        return step_row(
            step,
            tags=self.tags,
            back_to=self.back_to,
            day=self.day,
            cells=self.row_cells,
            columns=self.app.size.width,
        )

    def picked(self) -> str | None:
        return self.query_one(ReviewList).highlighted_id()

    def enter(self) -> None:
        self.load()
        if not self.query_one(ReviewList).highlight_id(self.place):  # (where it was left)
            self.highlight_next(None)
        self.focus_now(self.query_one(ReviewList))

    def highlight_next(self, after: str | None) -> None:
        """Put the highlight on the next row not yet marked (after `after`, going round).
        When all are marked: the first row on coming to the stage, else no row at all, so
        the next key marks nothing by chance (it says so)."""
        listing = self.query_one(ReviewList)
        rows = self.markable()
        start = rows.index(after) + 1 if after in rows else 0
        for row_id in rows[start:] + rows[:start]:
            if not self.is_marked(row_id):
                listing.highlight_id(row_id)
                return
        if after is None and rows:
            listing.highlight_id(rows[0])
        else:
            listing.highlighted = None
            self.show_cards()

    def on_key(self, event: events.Key) -> None:
        """Straight after d or p the hint asks "What did it give?": typing the answer at once
        ("30 min a week") starts it in its box, never acting on each letter (3 for Today, n
        for not done). A key of the list (d p n x) goes on marking, as ever."""
        if not self.asking_gave or event.key in MARK_KEYS:
            return
        self.asking_gave = False  # any other key: the question is past
        if event.is_printable and event.character and event.key not in OTHER_KEYS:
            event.stop()
            event.prevent_default()
            ask_gave(self, self.just_done, typed=event.character)

    def nothing_picked(self) -> None:
        """A key for a row with no row picked: say so, rather than do nothing silently."""
        if self.all_marked():
            words = "Every step is marked: Up or Down picks one to change, Enter goes on"
        else:
            words = "No step picked: Up or Down picks one"
        self.huddle.notify(words, timeout=3)

    def mark(self, step_id: str | None, status: StepStatus) -> None:
        if self.read_only:
            return
        if step_id is None:
            self.nothing_picked()
            return
        if step_id.startswith(CHECK):
            self.answer_check(step_id, status)
            return
        if step_id not in self.order:
            return
        step = self.steps[step_id]
        self.just_done = self.just_marked = None
        self.asking_gave = False
        marked = self.huddle.safely(lambda: mark_step(self.store, step, status, self.day))
        self.load()
        if status is StepStatus.CARRIED:
            self.huddle.notify(f"Carried to today: {step.text}", markup=False, timeout=3)
        if marked is not None and status in (StepStatus.DONE, StepStatus.PARTLY):
            self.just_done = step_id
            self.asking_gave = True
            self.query_one(".stage-hint", Static).update(
                Content.assemble(
                    ("What did it give? ", "bold"),
                    ("g", "bold"),
                    " says: 30 min a week, 2 visits, a line; other keys go on",
                )
            )
        self.highlight_next(step_id)
        if marked is not None:
            self.just_marked = step_id

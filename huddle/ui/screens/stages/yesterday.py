"""Stage 2, Yesterday: each step from the last huddle day (and older ones never looked back
on) marked with one key, with a line on what was learned."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.flow import (
    REVIEW_MARKS,
    ReviewGroup,
    goal_tags,
    looking_back_to,
    mark_step,
    yesterday,
)
from huddle.core.impact import impact_words
from huddle.core.models import Impact, Stage, Step, StepStatus
from huddle.core.pdsa import SustainmentCheck
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.impact_ask import ask_what_it_gave
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.undo import UNDO_KEY, take_back
from huddle.ui.screens.stages.yesterday_cards import review_cards
from huddle.ui.widgets.cards import Card, CardBoard
from huddle.ui.widgets.goal_colours import goal_colours
from huddle.ui.widgets.keylist import KeyList, hanging, row_width, with_tail

BADGES: dict[StepStatus, tuple[str, str]] = {
    StepStatus.PLANNED: ("   ?      ", "bold $text-warning"),
    StepStatus.DONE: (" ✓ done   ", "bold $text-success"),
    StepStatus.PARTLY: (" ◐ partly ", "bold $text-success"),
    StepStatus.NOT_DONE: (" → carried", "bold $text-accent"),
    StepStatus.CARRIED: (" → carried", "bold $text-accent"),
    StepStatus.DROPPED: (" ✗ dropped", "$text-muted"),
}


CHECK_BADGES: dict[bool | None, tuple[str, str]] = {
    None: ("   ?      ", "bold $text-warning"),
    True: (" ✓ yes    ", "bold $text-success"),
    False: (" ✗ no     ", "bold $text-error"),
}
"""A "still in place?" check: not answered yet, or answered at this huddle."""

CHECK = "check:"
"""The start of the row id of a sustainment check, as against a step's."""


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
        self.query_ancestor(YesterdayStage).ask_learning(self.highlighted_id())

    def action_gave(self) -> None:
        self.query_ancestor(YesterdayStage).ask_gave(self.highlighted_id())

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
            options.append(self.header(group))
            for step in group.steps:
                row = self.row(step) if group.present else self.away_row(step)
                options.append(Option(row, id=step.id, disabled=not group.present))
        if not options:
            options.append(
                Option(
                    Content("  No steps to look back on. Enter goes on to Today."), disabled=True
                )
            )
        options.extend(self.check_rows())
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

    def check_rows(self) -> list[Option]:
        """Adopted PDSA changes due a sustainment check: still in place?"""
        if not self.checks:
            return []
        rows = [
            Option(
                Content.assemble(
                    ("Still in place?", "bold"), ("  changes the team adopted: d yes, x no", "dim")
                ),
                disabled=True,
            )
        ]
        for key, check in self.checks.items():
            rows.append(
                Option(
                    Content.assemble(
                        CHECK_BADGES[check.in_place],
                        "  ",
                        Content(check.change),
                        (f"  ({check.after_days} days on)", "$text-muted"),
                    ),
                    id=key,
                    disabled=self.read_only,
                )
            )
        return rows

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

    def header(self, group: ReviewGroup) -> Option:
        if group.present:
            return Option(Content.assemble((group.member_name, "bold")), disabled=True)
        return Option(
            Content.assemble(
                (group.member_name, "bold dim"),
                ("  not here: their steps are left as they are", "italic dim"),
            ),
            disabled=True,
        )

    def row(self, step: Step) -> Content:
        badge = Content.assemble(BADGES[step.status], "  ")
        tail: list[Content] = []
        if step.goal_title:
            # The goal's tag on a small screen, its title where there is room.
            goal = (
                step.goal_title if self.app.size.width >= 120 else self.tags.get(step.goal_id or "")
            )
            if goal:
                tail.append(
                    Content.assemble(("· ", "dim"), Content(goal).stylize("italic $text-muted"))
                )
        if step.day != self.back_to:
            tail.append(Content.styled(f"(from {format_day(step.day, self.day)})", "$text-warning"))
        text = Content(step.text)
        if tail:
            room = self.row_cells - badge.cell_length
            text = with_tail(text, Content("  ").join(tail), room)
        lines = [text]
        if step.learning:
            lines.append(
                Content.assemble(
                    ("learned: ", "$text-muted"), Content(step.learning).stylize("italic")
                )
            )
        return hanging(badge, lines, self.row_cells)

    def away_row(self, step: Step) -> Content:
        """A step of someone not here: shown, out of play."""
        return hanging(
            Content.styled("   ·        ", "dim"),
            [Content(step.text).stylize("dim")],
            self.row_cells,
        )

    def enter(self) -> None:
        self.load()
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
        marked = self.huddle.safely(lambda: mark_step(self.store, step, status, self.day))
        self.load()
        if status is StepStatus.CARRIED:
            self.huddle.notify(f"Carried to today: {step.text}", markup=False, timeout=3)
        if marked is not None and status in (StepStatus.DONE, StepStatus.PARTLY):
            self.just_done = step_id
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

    def ask_gave(self, row_id: str | None) -> None:
        """g: what the step just marked done gave (else the picked step, if done)."""
        if self.read_only:
            return
        step_id = self.just_done or row_id
        step = self.steps.get(step_id or "")
        if step is None or step.status not in (StepStatus.DONE, StepStatus.PARTLY):
            self.huddle.notify("g says what a step done gave: mark it done first", timeout=3)
            return

        def saved(gave: Impact) -> None:
            self.huddle.notify(f"Noted what it gave: {impact_words(gave)}", markup=False)
            self.just_done = None
            self.load()

        ask_what_it_gave(
            self.huddle,
            step.text,
            lambda gave: self.store.impacts.say(gave, step_id=step.id),
            saved,
        )

    def ask_learning(self, step_id: str | None) -> None:
        step_id = self.just_marked or step_id  # straight after a mark: that step's
        if step_id is None and not self.read_only:
            self.nothing_picked()
            return
        if step_id is not None and step_id.startswith(CHECK) and not self.read_only:
            self.huddle.notify("l is for a step; still in place? is answered d (yes) or x (no)")
            return
        if step_id is None or step_id not in self.order or self.read_only:
            return
        step = self.steps[step_id]

        def learned(text: str | None) -> None:
            if text is not None:
                self.load()

        self.app.push_screen(
            AskText(
                f"What did we learn? ({step.member_name})",
                lambda text: self.store.steps.set_learning(step, text),
                value=step.learning,
                hint=step.text,
                drafts=self.store.dialog_drafts,
                purpose=f"learning:{step.id}",
            ),
            learned,
        )

"""The PDSA screen: changes the team is trying, each as Plan, Do, Study, Act."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from huddle.core.calendar import format_day
from huddle.core.impact import impact_words
from huddle.core.models import Goal, Step
from huddle.core.pdsa import Act, PdsaCycle
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.impact_ask import ask_what_it_gave
from huddle.ui.screens.pdsa_forms import (
    AddStepsScreen,
    CheckScreen,
    DecideScreen,
    NewCycleScreen,
    PlanScreen,
    StudyScreen,
)
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.live_table import Row, fill_table

RECENT_DAYS = 21
"""How far back the steps offered for a new cycle go."""


class PdsaScreen(LiveScreen):
    """Plan (the change, the prediction), Do (its steps), Study (what happened, drawing on
    the learning lines), Act (adopt, adapt or abandon; adopted changes are checked later)."""

    WRITES = frozenset({"new", "plan", "add_steps", "study", "decide", "check"})
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "new", "New", tooltip="Plan a new cycle from recent small steps"),
        Binding("e", "plan", "Plan", tooltip="Change the plan: the change and the prediction"),
        Binding("a", "add_steps", "Steps", tooltip="Add small steps that try the change"),
        Binding("s", "study", "Study", tooltip="What happened, against the prediction"),
        Binding("d", "decide", "Act", tooltip="Adopt, adapt or abandon it, with a note"),
        Binding("k", "check", "Check", tooltip="Is an adopted change still in place?"),
    ]

    DEFAULT_CSS = """
    PdsaScreen #pdsa-cycles { height: auto; max-height: 40%; margin: 0 1; }
    PdsaScreen #pdsa-detail { height: 1fr; padding: 0 1; }
    PdsaScreen #pdsa-detail Static { margin-top: 1; }
    """

    def __init__(self, goal: Goal | None = None) -> None:
        super().__init__()
        self.goal = goal
        """Only this goal's cycles, when given."""
        self._cycles: dict[str, PdsaCycle] = {}
        self._layout: tuple[int, int] | None = None
        """(width of the change column, of the goal column) as laid out."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="pdsa-body"):
            yield DataTable(id="pdsa-cycles", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="pdsa-detail"):
                yield Static(id="pdsa-plan")
                yield Static(id="pdsa-do")
                yield Static(id="pdsa-study")
                yield Static(id="pdsa-act")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)

    def on_resize(self) -> None:
        if self._layout != self._fit():
            self.safely(self.reload)

    def _fit(self) -> tuple[int, int]:
        """The widths of the change and goal columns (0: no goal column, when the screen
        shows one goal's cycles), so the table fits the screen: long text ends in "…"."""
        cycles = list(self._cycles.values())
        today = self.store.today()
        since = max((len(format_day(c.started_on, today)) for c in cycles), default=5)
        columns = 3 if self.goal else 4
        # The table's margin and a vertical scrollbar, each column's padding, Stage, Since.
        room = self.size.width - 2 - 2 - columns * 2 - len("Act: abandon") - since
        changes = max((len(c.change) for c in cycles), default=6)
        goals = max((len(c.goal_title or "-") for c in cycles), default=4)
        goal = 0 if self.goal else min(goals, max(12, room // 3))
        return max(16, min(room - goal, changes)), goal

    def _lay_out(self, table: DataTable[object]) -> None:
        layout = self._fit()
        if layout == self._layout:
            return
        self._layout = layout
        change, goal = layout
        table.clear(columns=True)
        table.add_column("Stage")
        table.add_column("Change", width=change)
        if goal:
            table.add_column("Goal", width=goal)
        table.add_column("Since")

    def reload(self) -> None:
        store = self.store
        which = f"  for {self.goal.title}" if self.goal else ""
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  PDSA cycles", which)
        )
        cycles = store.pdsa.recent(goal=self.goal)
        self._cycles = {c.id: c for c in cycles}
        table = self.query_one("#pdsa-cycles", DataTable)
        cursor_key = self._selected_key()
        self._lay_out(table)
        today = store.today()
        rows: list[Row] = []
        for cycle in cycles:
            goal = () if self.goal else (_cell(cycle.goal_title or "-"),)
            cells = (
                Text(cycle.stage_label),
                _cell(cycle.change),
                *goal,
                Text(format_day(cycle.started_on, today)),
            )
            rows.append((cycle.id, cells))
        fill_table(table, rows)
        if cursor_key in self._cycles and self._selected_key() != cursor_key:
            table.move_cursor(row=table.get_row_index(cursor_key))
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected_key(self) -> str | None:
        table = self.query_one("#pdsa-cycles", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> PdsaCycle | None:
        key = self._selected_key()
        return None if key is None else self._cycles.get(key)

    def _show_detail(self) -> None:
        cycle = self._selected()
        plan = self.query_one("#pdsa-plan", Static)
        if cycle is None:
            plan.update(
                "No PDSA cycles yet. Press n to turn a small step, or a few, into a change "
                "to try: say what you predict, do it, study what happened, then decide."
            )
            for part in ("do", "study", "act"):
                self.query_one(f"#pdsa-{part}", Static).update("")
            return
        today = self.store.today()
        parent = self._cycles.get(cycle.adapted_from or "")
        adapted = (
            (
                "\n",
                (f"Adapted from the cycle started {format_day(parent.started_on, today)}", "dim"),
            )
            if parent
            else ()
        )
        plan.update(
            Content.assemble(
                ("Plan  ", "bold"),
                cycle.change,
                "\n",
                ("Prediction: ", "dim"),
                cycle.prediction or "none written (e to write it)",
                *adapted,
            )
        )
        do: list[Content | str] = [Content.styled("Do  ", "bold")]
        if not cycle.steps:
            do.append("no steps yet (a to add the steps that try it)")
        for step in cycle.steps:
            do.append(
                Content.assemble(
                    "\n",
                    (f"{format_day(step.day, today)}  {step.status.value:<9} ", "dim"),
                    f"{step.member_name}: {step.text}",
                )
            )
        self.query_one("#pdsa-do", Static).update(Content.assemble(*do))
        study: list[Content | str] = [Content.styled("Study  ", "bold")]
        study.append(cycle.study or "not yet (s to write it)")
        for step in cycle.learning:
            study.append(Content.assemble("\n", ("learned: ", "dim"), step.learning))
        self.query_one("#pdsa-study", Static).update(Content.assemble(*study))
        act: list[Content | str] = [Content.styled("Act  ", "bold")]
        if cycle.act is None:
            act.append("not decided (d to adopt, adapt or abandon)")
        else:
            decided = format_day(cycle.decided_on, today) if cycle.decided_on else ""
            act.append(f"{cycle.act.value}, {decided}")
            if cycle.act_note:
                act.append(Content.assemble("\n", ("Why: ", "dim"), cycle.act_note))
            gave = self.store.impacts.of(cycle_id=cycle.id)
            if gave is not None and impact_words(gave):
                act.append(Content.assemble("\n", ("It gave: ", "dim"), impact_words(gave)))
        for check in self.store.pdsa.checks(cycle):
            answer = (
                "not checked yet"
                if check.in_place is None
                else ("still in place" if check.in_place else "slipped")
            )
            act.append(
                f"\n{check.after_days}-day check, {format_day(check.due_on, today)}: {answer}"
            )
        self.query_one("#pdsa-act", Static).update(Content.assemble(*act))

    def action_new(self) -> None:
        store = self.store
        since = store.today() - timedelta(days=RECENT_DAYS)
        steps = self.safely(lambda: store.pdsa.recent_steps(since, goal=self.goal)) or []

        def save(change: str, prediction: str, chosen: list[Step]) -> PdsaCycle:
            return store.pdsa.start(change, prediction=prediction, steps=chosen, goal=self.goal)

        self.app.push_screen(NewCycleScreen(steps, save), self._saved)

    def action_plan(self) -> None:
        cycle = self._selected()
        if cycle is None:
            return
        self.app.push_screen(
            PlanScreen(
                cycle.change,
                cycle.prediction,
                lambda change, prediction: self.store.pdsa.plan(cycle, change, prediction),
            ),
            self._saved,
        )

    def action_add_steps(self) -> None:
        cycle = self._selected()
        if cycle is None:
            return
        if cycle.act is not None:
            self.notify(
                f"This change was decided ({cycle.act.value}): steps go to a cycle still"
                " being tried",
                severity="warning",
            )
            return
        store = self.store
        since = store.today() - timedelta(days=RECENT_DAYS)
        linked = {s.id for s in cycle.steps}
        recent = self.safely(lambda: store.pdsa.recent_steps(since, goal=self.goal)) or []
        steps = [s for s in recent if s.id not in linked]
        if not steps:
            self.notify(f"No steps from the last {RECENT_DAYS} days to add", severity="warning")
            return
        self.app.push_screen(
            AddStepsScreen(cycle.change, steps, lambda chosen: store.pdsa.add_steps(cycle, chosen)),
            self._saved,
        )

    def action_study(self) -> None:
        cycle = self._selected()
        if cycle is None:
            return
        intro: list[Content | str] = [
            Content.assemble(("We predicted: ", "bold"), cycle.prediction or "nothing written")
        ]
        for step in cycle.learning:
            intro.append(Content.assemble("\n", ("learned: ", "dim"), step.learning))
        self.app.push_screen(
            StudyScreen(
                Content.assemble(*intro),
                cycle.study,
                lambda text: self.store.pdsa.write_study(cycle, text),
            ),
            self._saved,
        )

    def action_decide(self) -> None:
        cycle = self._selected()
        if cycle is None:
            return
        if cycle.act is not None:
            self.notify(f"Already decided: {cycle.act.value}", severity="warning")
            return

        def save(act: Act, note: str) -> PdsaCycle:
            return self.store.pdsa.decide(cycle, act, self.store.calendar(), note)

        self.app.push_screen(DecideScreen(cycle.change, save), self._decided)

    def _decided(self, cycle: PdsaCycle | None) -> None:
        self._saved(cycle)
        if cycle is not None and cycle.act is Act.ADOPT:
            ask_what_it_gave(
                self,
                cycle.change,
                lambda gave: self.store.impacts.say(gave, cycle_id=cycle.id),
                lambda _gave: self.show_changes(),
            )
        if cycle is not None and cycle.act is None and cycle.adapted_from:
            self.notify("A new cycle to try it changed: e writes its plan, a adds its steps")

    def action_check(self) -> None:
        cycle = self._selected()
        if cycle is None:
            return
        due = [c for c in self.store.pdsa.checks(cycle) if c.in_place is None]
        if not due:
            self.notify("No check waiting for this change", severity="warning")
            return
        check = due[0]
        question = Content(f"{check.change}  ({check.after_days} days after it was adopted)")
        self.app.push_screen(
            CheckScreen(question, lambda yes: self.store.pdsa.answer_check(check, yes)),
            lambda _answered: self.show_changes(),
        )

    def _saved(self, cycle: PdsaCycle | None) -> None:
        if cycle is None:
            return
        self.show_changes()
        table = self.query_one("#pdsa-cycles", DataTable)
        if cycle.id in self._cycles:
            table.move_cursor(row=table.get_row_index(cycle.id))


def _cell(text: str) -> Text:
    """User text in a table cell of fixed width: one line, "…" when it is cut."""
    return Text(text, no_wrap=True, overflow="ellipsis")

"""The PDSA screen: changes the team is trying, each as Plan, Do, Study, Act."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from huddle.core.calendar import format_day
from huddle.core.models import Goal, Step
from huddle.core.pdsa import Act, PdsaCycle, PdsaStage
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.pdsa_forms import CheckScreen, DecideScreen, NewCycleScreen, StudyScreen
from huddle.ui.widgets.live_table import Row, fill_table

RECENT_DAYS = 21
"""How far back the steps offered for a new cycle go."""


class PdsaScreen(LiveScreen):
    """Plan (the change, the prediction), Do (its steps), Study (what happened, drawing on
    the learning lines), Act (adopt, adapt or abandon; adopted changes are checked later)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "new", "New cycle"),
        Binding("s", "study", "Study"),
        Binding("d", "decide", "Act"),
        Binding("k", "check", "Still in place?"),
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

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="pdsa-body"):
            yield DataTable(id="pdsa-cycles", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="pdsa-detail"):
                yield Static(id="pdsa-plan")
                yield Static(id="pdsa-do")
                yield Static(id="pdsa-study")
                yield Static(id="pdsa-act")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pdsa-cycles", DataTable).add_columns("Stage", "Change", "Goal", "Since")
        self.safely(self.reload)

    def reload(self) -> None:
        store = self.store
        which = f"  for {self.goal.title}" if self.goal else ""
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  PDSA cycles", which)
        )
        cycles = store.pdsa.recent(goal=self.goal)
        self._cycles = {c.id: c for c in cycles}
        today = store.today()
        rows: list[Row] = []
        for cycle in cycles:
            stage = f"Act: {cycle.act.value}" if cycle.act else cycle.stage.value.title()
            rows.append(
                (
                    cycle.id,
                    (
                        Text(stage),
                        Text(cycle.change),
                        Text(cycle.goal_title or "-"),
                        Text(format_day(cycle.started_on, today)),
                    ),
                )
            )
        fill_table(self.query_one("#pdsa-cycles", DataTable), rows)
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> PdsaCycle | None:
        table = self.query_one("#pdsa-cycles", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._cycles.get(str(key))

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
        plan.update(
            Content.assemble(
                ("Plan  ", "bold"),
                cycle.change,
                "\n",
                ("Prediction: ", "dim"),
                cycle.prediction or "none written",
            )
        )
        do: list[Content | str] = [Content.styled("Do  ", "bold")]
        if not cycle.steps:
            do.append("no steps yet")
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
        if cycle is None or cycle.stage is PdsaStage.ACT:
            return

        def save(act: Act) -> PdsaCycle:
            return self.store.pdsa.decide(cycle, act, self.store.calendar())

        self.app.push_screen(DecideScreen(cycle.change, save), self._saved)

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
            lambda _answered: self.safely(self.reload),
        )

    def _saved(self, cycle: PdsaCycle | None) -> None:
        if cycle is None:
            return
        self.safely(self.reload)
        table = self.query_one("#pdsa-cycles", DataTable)
        if cycle.id in self._cycles:
            table.move_cursor(row=table.get_row_index(cycle.id))

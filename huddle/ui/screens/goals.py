"""The Goals screen: the team's long-term goals, and how the small steps add up to them."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from huddle.core.calendar import format_day, parse_day
from huddle.core.models import Goal, GoalStatus
from huddle.core.trends import GoalProgress, format_value, goal_progress
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.goal_form import GoalDraft, GoalFormScreen, target_text
from huddle.ui.widgets.chart import BarChart, bar_text
from huddle.ui.widgets.live_table import Row, fill_table

WEEKS = 12
"""Weeks of steps each goal's chart shows."""
NO_GOAL = "no-goal"
"""The table row of the steps linked to no goal."""


class GoalsScreen(LiveScreen):
    """Each goal: what, why, how the team will know; its steps per week, done rate and
    what its steps taught. The steps with no goal are counted too, so the lead can nudge."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add", "Add goal"),
        Binding("e", "edit", "Edit"),
        Binding("x", "retire", "Retire"),
        Binding("p", "pdsa", "PDSA cycles"),
    ]

    DEFAULT_CSS = """
    GoalsScreen #goals { height: auto; max-height: 45%; margin: 0 1; }
    GoalsScreen #goal-detail { height: 1fr; padding: 0 1; }
    GoalsScreen #goal-about { margin-bottom: 1; }
    GoalsScreen #goal-chart-row { height: 5; }
    GoalsScreen #goal-chart { width: 1fr; height: 100%; }
    GoalsScreen #goal-numbers { width: 26; padding-left: 2; }
    GoalsScreen .chart-axis { color: $text-muted; margin-bottom: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._progress: dict[str, GoalProgress] = {}
        """Each row's goal and its progress, by the row's key."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="goals-body"):
            yield DataTable(id="goals", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="goal-detail"):
                yield Static(id="goal-heading", classes="section-title")
                yield Static(id="goal-about")
                with Horizontal(id="goal-chart-row"):
                    yield BarChart(id="goal-chart")
                    yield Static(id="goal-numbers")
                yield Static(id="goal-chart-axis", classes="chart-axis")
                yield Static(id="goal-learning")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#goals", DataTable)
        table.add_columns("Goal", "Target", "Steps", "Done", f"Last {WEEKS} weeks")
        self.safely(self.reload)

    def reload(self) -> None:
        store = self.store
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  Goals  ", store.team.get().name)
        )
        goals = store.goals.all(active_only=False)
        goals.sort(key=lambda g: g.status is not GoalStatus.ACTIVE)
        self._progress = {g.id: goal_progress(store, g, WEEKS) for g in goals}
        self._progress[NO_GOAL] = goal_progress(store, None, WEEKS)
        today = store.today()
        rows: list[Row] = []
        for key, progress in self._progress.items():
            goal = progress.goal
            if goal is None:
                title = Text("(steps with no goal)", style="italic")
            else:
                title = Text(goal.title, style="" if goal.status is GoalStatus.ACTIVE else "dim")
                if goal.status is not GoalStatus.ACTIVE:
                    title.append(f" ({goal.status.value})")
            target = goal.target_date if goal else None
            cells = (
                title,
                Text(format_day(target, today) if target else "-"),
                Text(str(progress.total.steps), justify="right"),
                Text(format_value(progress.total.done_rate, "rate"), justify="right"),
                Text(bar_text([c.steps for _, c in progress.weeks])),
            )
            rows.append((key, cells))
        fill_table(self.query_one("#goals", DataTable), rows)
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> GoalProgress | None:
        table = self.query_one("#goals", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._progress.get(str(key))

    def _show_detail(self) -> None:
        progress = self._selected()
        if progress is None:
            return
        goal = progress.goal
        today = self.store.today()
        if goal is None:
            heading = "Steps with no goal"
            about = Content(
                "Small steps not linked to any goal. Linking a step to a goal is how the "
                "short term joins the long term: #goal in the step's text does it."
            )
        else:
            by = f", by {format_day(goal.target_date, today)}" if goal.target_date else ""
            heading = f"{goal.title} ({goal.status.value}{by})"
            about = Content.assemble(
                ("Why it matters: ", "bold"),
                goal.why or "not said yet (e to edit)",
                "\n",
                ("How we will know: ", "bold"),
                goal.how_we_know or "not said yet (e to edit)",
            )
        self.query_one("#goal-heading", Static).update(Content(heading))
        self.query_one("#goal-about", Static).update(about)
        self.query_one("#goal-chart", BarChart).show([c.steps for _, c in progress.weeks])
        total = progress.total
        self.query_one("#goal-numbers", Static).update(
            Content(
                f"{total.steps} small steps in all\n"
                f"done rate {format_value(total.done_rate, 'rate')}\n"
                f"{total.learned} learning lines"
            )
        )
        first, last = progress.weeks[0][0], progress.weeks[-1][0]
        self.query_one("#goal-chart-axis", Static).update(
            Content(
                f"Small steps per week, w/c {format_day(first, today)} to {format_day(last, today)}"
            )
        )
        lines: list[Content | str] = [Content.styled("Latest learned", "bold")]
        for line in progress.learning:
            lines.append(
                Content.assemble(
                    "\n",
                    (f"{format_day(line.day, today)}, {line.member_name}: ", "dim"),
                    line.learning,
                )
            )
        if not progress.learning:
            lines.append("\nnothing yet: the learning lines of the Yesterday stage show here")
        self.query_one("#goal-learning", Static).update(Content.assemble(*lines))

    def _selected_goal(self) -> Goal | None:
        progress = self._selected()
        return progress.goal if progress else None

    def action_add(self) -> None:
        self.app.push_screen(GoalFormScreen(self._save_new), self._saved)

    def action_edit(self) -> None:
        goal = self._selected_goal()
        if goal is None:
            self.notify("Pick a goal to edit", severity="warning")
            return
        self.app.push_screen(
            GoalFormScreen(
                lambda draft: self._save_edit(goal, draft),
                goal=goal,
                target_text=target_text(goal.target_date),
            ),
            self._saved,
        )

    def action_retire(self) -> None:
        goal = self._selected_goal()
        if goal is None or goal.status is GoalStatus.RETIRED:
            return
        retired = self.safely(lambda: self.store.goals.set_status(goal, GoalStatus.RETIRED))
        if retired:
            self.notify(f"Retired: {retired.title}; its steps keep their link", markup=False)
            self.safely(self.reload)

    def action_pdsa(self) -> None:
        from huddle.ui.screens.pdsa import PdsaScreen

        self.app.push_screen(PdsaScreen(goal=self._selected_goal()))

    def _target(self, draft: GoalDraft) -> date | None:
        store = self.store
        typed = draft.target.strip()
        return parse_day(typed, store.today(), store.team.get().date_order) if typed else None

    def _save_new(self, draft: GoalDraft) -> Goal:
        target = self._target(draft)
        return self.store.goals.add(
            draft.title,
            why=draft.why,
            how_we_know=draft.how_we_know,
            target_date=target,
        )

    def _save_edit(self, goal: Goal, draft: GoalDraft) -> Goal:
        target = self._target(draft)
        return self.store.goals.edit(
            goal,
            draft.title,
            why=draft.why,
            how_we_know=draft.how_we_know,
            target_date=target,
        )

    def _saved(self, goal: Goal | None) -> None:
        if goal is None:
            return
        self.safely(self.reload)
        table = self.query_one("#goals", DataTable)
        table.move_cursor(row=table.get_row_index(goal.id))
        self.notify(f"Saved: {goal.title}", markup=False)

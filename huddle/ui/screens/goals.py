"""The Goals screen: the team's long-term goals, and how the small steps add up to them."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static

from huddle.core.calendar import Towards, format_day, format_target, parse_day
from huddle.core.measure_chart import MeasureChart
from huddle.core.models import Goal, GoalStatus
from huddle.core.trends import GoalProgress, format_value, goal_progress
from huddle.ui.screens.goal_form import GoalDraft, GoalFormScreen, target_text
from huddle.ui.screens.measures import MeasureActions, goal_charts, goal_measures
from huddle.ui.widgets.chart import BarChart, bar_text
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.live_table import Row, fill_table

WEEKS = 12
"""Weeks of steps each goal's chart shows."""
NARROW_WEEKS = 8
"""Weeks of steps in the table's column when the screen is narrow (80 columns)."""
NARROW_BELOW = 100
"""Columns under which the table shows NARROW_WEEKS."""
NO_GOAL = "no-goal"
"""The table row of the steps linked to no goal."""


class GoalsScreen(MeasureActions):
    """Each goal: what, why, how the team will know; its steps per week, done rate and
    what its steps taught. The steps with no goal are counted too, so the lead can nudge."""

    WRITES = frozenset({"add", "edit", "retire", "record", "new_measure"})
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add", "Add goal"),
        Binding("e", "edit", "Edit"),
        Binding("x", "retire", "Retire"),
        Binding("p", "pdsa", "PDSA cycles"),
        Binding("m", "measures", "Measures", tooltip="The goal's run charts, full size"),
        Binding("r", "record", "Record value", tooltip="A value for one of the goal's measures"),
        Binding("n", "new_measure", "New measure"),
    ]

    DEFAULT_CSS = """
    GoalsScreen #goals { height: auto; max-height: 45%; margin: 0 1; }
    GoalsScreen #goal-detail { height: 1fr; padding: 0 1; }
    GoalsScreen #goal-about { margin-bottom: 1; }
    GoalsScreen #goal-chart-row { height: 5; }
    GoalsScreen.short #goal-chart-row { height: 3; }
    GoalsScreen #goal-chart { width: 1fr; height: 100%; }
    GoalsScreen #goal-numbers { width: 26; padding-left: 2; }
    GoalsScreen .chart-axis { color: $text-muted; margin-bottom: 1; }
    GoalsScreen #goal-measures { height: auto; }
    GoalsScreen .goal-run-chart { height: 8; }
    GoalsScreen .measure-words { margin-bottom: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._progress: dict[str, GoalProgress] = {}
        """Each row's goal and its progress, by the row's key."""
        self._layout: tuple[int, int] | None = None
        """(weeks in the table's column, width of the goal column) as laid out."""
        self._measures_of: str | None = None
        """The goal whose measures are shown."""
        self._charts: list[MeasureChart] | None = None
        """Its measures as shown; None: to be read again (on reload)."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="goals-body"):
            yield DataTable(id="goals", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="goal-detail"):
                yield Static(id="goal-heading", classes="section-title")
                yield Static(id="goal-about")
                yield Vertical(id="goal-measures")
                with Horizontal(id="goal-chart-row"):
                    yield BarChart(id="goal-chart")
                    yield Static(id="goal-numbers")
                yield Static(id="goal-chart-axis", classes="chart-axis")
                yield Static(id="goal-learning")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)

    def on_resize(self) -> None:
        # On 24 lines a lower chart leaves room for what was learned.
        self.set_class(self.size.height < 30, "short")
        if self._layout != self._fit():
            self.safely(self.reload)

    def _fit(self) -> tuple[int, int]:
        """How many weeks the table's column shows and how wide the goal column is, so the
        whole table fits the screen's width: long titles end in "…"."""
        weeks = NARROW_WEEKS if self.size.width < NARROW_BELOW else WEEKS
        fixed = len("31 Dec 2027") + len("Steps") + len("Done") + len(self._weeks_heading(weeks))
        # The table's margin and a vertical scrollbar, and each of 5 columns' padding.
        room = self.size.width - 2 - 2 - 5 * 2 - fixed
        titles = [_title(p.goal).cell_len for p in self._progress.values()] or [0]
        return weeks, max(16, min(room, max(titles)))

    @staticmethod
    def _weeks_heading(weeks: int) -> str:
        return f"Last {weeks} weeks" if weeks == WEEKS else f"{weeks} weeks"

    def _lay_out(self, table: DataTable[object]) -> None:
        """(Re)make the columns when the screen's width asks for another layout."""
        layout = self._fit()
        if layout == self._layout:
            return
        self._layout = layout
        weeks, goal_width = layout
        table.clear(columns=True)
        table.add_column("Goal", width=goal_width)
        table.add_columns("Target", "Steps", "Done", self._weeks_heading(weeks))

    def reload(self) -> None:
        store = self.store
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  Goals  ", store.team.get().name)
        )
        goals = store.goals.all(active_only=False)
        goals.sort(key=lambda g: g.status is not GoalStatus.ACTIVE)
        self._progress = {g.id: goal_progress(store, g, WEEKS) for g in goals}
        self._progress[NO_GOAL] = goal_progress(store, None, WEEKS)
        table = self.query_one("#goals", DataTable)
        cursor_key = self._selected_key()
        self._lay_out(table)
        assert self._layout is not None  # noqa: S101 narrows the type; no check relies on it
        weeks = self._layout[0]
        rows: list[Row] = []
        for key, progress in self._progress.items():
            goal = progress.goal
            target = goal.target_date if goal else None
            cells = (
                _title(goal),
                Text(format_target(target) if target else "-"),
                Text(str(progress.total.steps), justify="right"),
                Text(format_value(progress.total.done_rate, "rate"), justify="right"),
                Text(bar_text([c.steps for _, c in progress.weeks[-weeks:]])),
            )
            rows.append((key, cells))
        fill_table(table, rows)
        self._charts = None
        if cursor_key in self._progress and self._selected_key() != cursor_key:
            table.move_cursor(row=table.get_row_index(cursor_key))
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected_key(self) -> str | None:
        table = self.query_one("#goals", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> GoalProgress | None:
        key = self._selected_key()
        return None if key is None else self._progress.get(key)

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
        _show(self.query_one("#goal-heading", Static), Content(heading))
        _show(self.query_one("#goal-about", Static), about)
        self._show_measures(goal)
        self.query_one("#goal-chart", BarChart).show([c.steps for _, c in progress.weeks])
        total = progress.total
        _show(
            self.query_one("#goal-numbers", Static),
            Content(
                f"{total.steps} small steps in all\n"
                f"done rate {format_value(total.done_rate, 'rate')}\n"
                f"{total.learned} learning lines"
            ),
        )
        first, last = progress.weeks[0][0], progress.weeks[-1][0]
        _show(
            self.query_one("#goal-chart-axis", Static),
            Content(
                f"Small steps per week, w/c {format_day(first, today)} to {format_day(last, today)}"
            ),
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
        _show(self.query_one("#goal-learning", Static), Content.assemble(*lines))

    def _show_measures(self, goal: Goal | None) -> None:
        """The goal's measures, made again only for another goal or when they changed."""
        shown = goal.id if goal else NO_GOAL
        if shown == self._measures_of and self._charts is not None:
            return
        # A read that can fail (a file problem): one line, not a crash.
        charts = (self.safely(lambda: goal_charts(self.store, goal)) if goal else None) or []
        if shown != self._measures_of or charts != self._charts:
            parts = goal_measures(charts) if goal is not None else []
            self.run_worker(self._swap_measures(parts), group="measures", exclusive=True)
        self._measures_of, self._charts = shown, charts

    async def _swap_measures(self, parts: list[Widget]) -> None:
        """The old parts gone before the new come: both at once would lay the screen out
        (and draw it) again at each step, a scrollbar coming and going."""
        box = self.query_one("#goal-measures", Vertical)
        await box.remove_children()
        await box.mount_all(parts)

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

    def action_measures(self) -> None:
        from huddle.ui.screens.measures import MeasuresScreen

        goal = self._goal_for("see its measures")
        if goal is not None:
            self.app.push_screen(MeasuresScreen(goal))

    def action_record(self) -> None:
        goal = self._goal_for("record a value")
        if goal is not None:
            self.record_value(goal)

    def action_new_measure(self) -> None:
        goal = self._goal_for("add a measure to it")
        if goal is not None:
            self.add_measure(goal)

    def _goal_for(self, what: str) -> Goal | None:
        """The goal picked in the table; on the steps with no goal, a notice saying so."""
        goal = self._selected_goal()
        if goal is None:
            self.notify(f"Pick a goal to {what}", severity="warning")
        return goal

    def _target(self, draft: GoalDraft) -> date | None:
        store = self.store
        typed = draft.target.strip()
        if not typed:
            return None
        return parse_day(typed, store.today(), store.team.get().date_order, towards=Towards.FUTURE)

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
        self.show_changes()
        table = self.query_one("#goals", DataTable)
        table.move_cursor(row=table.get_row_index(goal.id))
        self.notify(f"Saved: {goal.title}", markup=False)


def _title(goal: Goal | None) -> Text:
    """A goal's title as the table shows it; the steps with no goal in italics."""
    if goal is None:
        return Text("(steps with no goal)", style="italic", no_wrap=True, overflow="ellipsis")
    active = goal.status is GoalStatus.ACTIVE
    title = Text(goal.title, style="" if active else "dim", no_wrap=True, overflow="ellipsis")
    if not active:
        title.append(f" ({goal.status.value})")
    return title


def _show(static: Static, content: Content) -> None:
    """Update only what changed: an update lays the screen out again, a frame's work."""
    shown = static.content
    if not isinstance(shown, Content) or (shown.plain, shown.spans) != (
        content.plain,
        content.spans,
    ):
        static.update(content)  # (Content's == compares the text only, not its styles)

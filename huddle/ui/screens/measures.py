"""A goal's measures, each as a run chart the whole screen wide: the points, the median of
the baseline, the target, the changes the team adopted, and what the run-chart rules read
in them, in words. Opened from the Goals screen (m); measures are added (n) and values
recorded (r) here or there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from huddle.core.calendar import Towards, parse_day
from huddle.core.measure_chart import (
    MeasureChart,
    chart_of,
    measure_title,
    reading_words,
    values_words,
)
from huddle.core.measures import (
    Measure,
    read_value,
    recorded_words,
    short_day,
)
from huddle.core.models import Goal
from huddle.core.store import Store
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.measure_forms import (
    MeasureDraft,
    MeasureFormScreen,
    RecordValueScreen,
    ValueDraft,
)
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.run_chart import CHANGE, RunChart, legend


def chart_words(chart: MeasureChart) -> list[str]:
    """Under a chart: what the rules read, then each change adopted, by its words."""
    changes = [f"{CHANGE} {short_day(c.day)}, adopted: {c.change}" for c in chart.changes]
    return [*reading_words(chart), *changes]


def goal_charts(store: Store, goal: Goal) -> list[MeasureChart]:
    """A goal's measures, each as its run chart stands."""
    return [chart_of(store, measure) for measure in store.measures.for_goal(goal)]


def goal_measures(charts: list[MeasureChart]) -> list[Widget]:
    """The Goals screen's part for a goal's measures: each one's title, a small run chart,
    and the rules' reading in words."""
    parts: list[Widget] = [Static(Content.styled("Measures", "bold"), classes="measures-title")]
    if not charts:
        parts.append(Static("none yet: n adds one (what is counted, which way is better)"))
    for chart in charts:
        parts += [
            Static(Content(measure_title(chart.measure)), classes="measure-name"),
            RunChart(chart, classes="goal-run-chart"),
            Static(Content("\n".join(chart_words(chart))), classes="measure-words"),
        ]
    return parts


class MeasureActions(LiveScreen):
    """What the Goals screen and the Measures screen share: adding a measure to a goal and
    recording a value for one of its measures."""

    def add_measure(self, goal: Goal) -> None:
        def save(draft: MeasureDraft) -> Measure:
            target = read_value(draft.target, draft.unit) if draft.target.strip() else None
            return self.store.measures.add(
                goal,
                draft.name,
                unit=draft.unit,
                better=draft.better,
                baseline_points=draft.baseline,
                target=target,
            )

        def saved(measure: Measure | None) -> None:
            if measure is not None:
                self.notify(f"Added the measure {measure.name}", markup=False)
                self.show_changes()

        self.app.push_screen(MeasureFormScreen(goal.title, save), saved)

    def record_value(self, goal: Goal, chosen: int = 0) -> None:
        measures = self.safely(lambda: self.store.measures.for_goal(goal))
        if measures is None:  # the file could not be read: said in one line
            return
        if not measures:
            self.notify(f"{goal.title} has no measures yet: n adds one", markup=False)
            return

        def save(draft: ValueDraft) -> str:
            store = self.store
            value = read_value(draft.value, draft.measure.unit)
            typed = draft.day.strip() or "today"
            order = store.team.get().date_order
            day = parse_day(typed, store.today(), order, towards=Towards.PAST)
            before = store.measures.record(draft.measure, day, value)
            return recorded_words(draft.measure, day, value, before)

        def saved(words: str | None) -> None:
            if words is not None:
                self.notify(words, markup=False)
                self.show_changes()

        self.app.push_screen(
            RecordValueScreen(measures, save, day_text="today", chosen=chosen), saved
        )


class MeasuresScreen(MeasureActions):
    """One goal's measures, one run chart at a time (Left/Right for another)."""

    WRITES = frozenset({"record", "new"})
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("r", "record", "Record value"),
        Binding("n", "new", "New measure"),
        Binding("right", "next(1)", "Next measure"),
        Binding("left", "next(-1)", "Previous", show=False),
    ]

    DEFAULT_CSS = """
    MeasuresScreen #measure-body { height: 1fr; padding: 0 1; }
    MeasuresScreen #measure-heading { text-style: bold; }
    MeasuresScreen #measure-chart { height: 1fr; min-height: 6; margin-top: 1; }
    MeasuresScreen #measure-words { height: auto; margin-top: 1; }
    """

    def __init__(self, goal: Goal, chosen: int = 0) -> None:
        super().__init__()
        self.goal = goal
        self.chosen = chosen
        self._measures: list[Measure] = []

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="measure-body"):
            yield Static(id="measure-heading")
            yield Static(id="measure-summary")
            yield RunChart(id="measure-chart")
            yield Static(id="measure-legend")
            yield Static(id="measure-words")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)

    def reload(self) -> None:
        store = self.store
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  Measures  ", self.goal.title)
        )
        self._measures = store.measures.for_goal(self.goal)
        heading = self.query_one("#measure-heading", Static)
        chart_widget = self.query_one("#measure-chart", RunChart)
        if not self._measures:
            heading.update(Content("No measures yet: n adds one."))
            chart_widget.display = False
            return
        chart_widget.display = True
        self.chosen %= len(self._measures)
        chart = chart_of(store, self._measures[self.chosen])
        of = f"  ({self.chosen + 1} of {len(self._measures)})" if len(self._measures) > 1 else ""
        heading.update(Content(measure_title(chart.measure) + of))
        self.query_one("#measure-summary", Static).update(Content(values_words(chart)))
        chart_widget.show(chart)
        self.query_one("#measure-legend", Static).update(legend(chart))
        self.query_one("#measure-words", Static).update(Content("\n".join(chart_words(chart))))

    def action_next(self, step: int) -> None:
        if self._measures:
            self.chosen = (self.chosen + step) % len(self._measures)
            self.safely(self.reload)

    def action_record(self) -> None:
        self.record_value(self.goal, self.chosen)

    def action_new(self) -> None:
        self.chosen = len(self._measures)  # the new one, once it is saved
        self.add_measure(self.goal)

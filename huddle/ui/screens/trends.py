"""The Trends screen: how the small steps add up, per week, month, quarter or year."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from huddle.core.calendar import Period
from huddle.core.impact import impact_sentence, time_words
from huddle.core.trends import METRICS, Metric, Trends, compute_trends, format_value
from huddle.ui.screens.base import LiveScreen
from huddle.ui.widgets.chart import BarChart
from huddle.ui.widgets.fitting_footer import FittingFooter

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Small steps",
        (
            "steps",
            "taken",
            "done_rate",
            "carry_over_rate",
            "learning_lines",
            "success_rate",
            "coproduction_share",
        ),
    ),
    (
        "Blockers",
        (
            "blockers_opened",
            "blockers_resolved",
            "median_calendar_days_to_answer",
            "median_calendar_days_to_resolve",
        ),
    ),
    ("Huddles", ("huddles_held", "attendance_rate")),
    (
        "Kaizen pulse (team averages, 1 to 5)",
        tuple(m.key for m in METRICS if m.key.startswith("pulse_")),
    ),
)
"""The metrics in the order the screen groups them."""

_TOPS = {"rate": 1.0, "score": 5.0}
"""A fixed top for a chart of rates or scores, so a small change looks small."""


class TrendsScreen(LiveScreen):
    """Every trend as a row: its name, its bars over the periods, and now against before."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("w", "period('week')", "Week"),
        Binding("m", "period('month')", "Month"),
        Binding("u", "period('quarter')", "Quarter"),
        Binding("y", "period('year')", "Year"),
    ]

    DEFAULT_CSS = """
    TrendsScreen #trends-periods { height: 1; padding: 0 1; }
    TrendsScreen #trends-summary { height: 1; padding: 0 1; color: $text-muted; }
    TrendsScreen #trends-axis { height: 1; color: $text-muted; }
    TrendsScreen #trends-axis .trend-value { text-style: none; }
    TrendsScreen #trends-span { width: 1fr; }
    TrendsScreen .trend-section { padding: 0 1; margin-top: 1; text-style: bold; color: $accent; }
    TrendsScreen .trend-row { height: 2; padding: 0 1; }
    TrendsScreen.compact .trend-row { height: 1; }
    TrendsScreen.tight .trend-section { margin-top: 0; }
    TrendsScreen.bare .trend-section { display: none; }
    TrendsScreen .trend-label { width: 34; }
    TrendsScreen .trend-row BarChart { width: 1fr; height: 100%; }
    TrendsScreen .trend-value { width: 14; text-align: right; }
    """

    FIXED_ROWS = 5
    """The title, the period switch, the summary, the axis and the footer."""

    def __init__(self, period: Period = Period.WEEK) -> None:
        super().__init__()
        self.period = period
        self._trends: Trends | None = None
        """What is shown, kept to redraw the span of periods on a resize."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="trends-periods")
        yield Static(id="trends-summary")
        with Horizontal(id="trends-axis", classes="trend-row"):
            yield Static(classes="trend-label")
            yield Static(id="trends-span")
            yield Static("now · before", classes="trend-value")
        by_key = {m.key: m for m in METRICS}
        with VerticalScroll(id="trends-rows"):
            for title, keys in SECTIONS:
                yield Static(title, classes="trend-section")
                for key in keys:
                    metric = by_key[key]
                    with Horizontal(classes="trend-row"):
                        yield Static(metric.label, classes="trend-label")
                        yield BarChart(
                            id=f"chart-{key}",
                            top=_TOPS.get(metric.kind),
                            scale=partial(format_value, kind=metric.kind),
                            scale_width=6,  # "0-100%": every row's bars in line
                        )
                        yield Static(id=f"value-{key}", classes="trend-value")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)

    def on_resize(self) -> None:
        self._fit_rows()
        if self._trends is not None:
            self._show_periods(self._trends)
            self._show_span(self._trends)

    def _fit_rows(self) -> None:
        """The roomiest layout that shows every row without scrolling: tall bars with a gap
        before each section; else one-line bars; else no gaps; else no section titles
        (80x24: the labels say what each row is)."""
        rows, sections = len(METRICS), len(SECTIONS)
        height = self.size.height - self.FIXED_ROWS
        compact = height < 2 * rows + 2 * sections
        self.set_class(compact, "compact")
        self.set_class(compact and height < rows + 2 * sections, "tight")
        self.set_class(compact and height < rows + sections, "bare")

    def action_period(self, period: str) -> None:
        self.period = Period(period)
        self.safely(self.reload)

    def reload(self) -> None:
        store = self.store
        trends = compute_trends(store, self.period)
        self._trends = trends
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  Trends  ", store.team.get().name)
        )
        self._show_periods(trends)
        for metric in METRICS:
            self._show_metric(metric, trends)

    def _show_periods(self, trends: Trends) -> None:
        keys = {Period.WEEK: "w", Period.MONTH: "m", Period.QUARTER: "u", Period.YEAR: "y"}
        parts: list[Content | tuple[str, str] | str] = ["Per "]
        for period, key in keys.items():
            chosen = period is trends.period
            parts.append((f"[{key}] {period.value}", "bold reverse" if chosen else "dim"))
            parts.append("  ")
        line = Content.assemble(*parts)
        if trends.so_far is not None:
            # "now" is the period so far; "before", the same days of the one before it.
            said = f"  {trends.so_far.label}, against the same days before"
            if line.cell_length + len(said) > self.size.width - 2:
                said = f"  {trends.so_far.label}"
            line = Content.assemble(line, (said, "dim"))
        self.query_one("#trends-periods", Static).update(line)
        self._show_summary(trends)
        self._show_span(trends)

    def _show_summary(self, trends: Trends) -> None:
        """The streak, the steps taken, and what the changes gave, in one line: in fewer
        words when the long ones don't fit."""
        summary = self.query_one("#trends-summary", Static)
        days = f"huddle day{'s' * (trends.streak != 1)}"
        text = (
            f"Streak: {trends.streak} {days} held in a row"
            f"   ·   {trends.total_taken:,} small steps taken in all"
        )
        impact = trends.impact
        if impact.changes:
            gave = impact_sentence(impact).split(";")[0]
            text += f"   ·   {gave}"
            if len(text) > summary.size.width and impact.minutes_a_week:
                changes = f"{impact.changes} change{'s' * (impact.changes != 1)}"
                text = (
                    f"Streak {trends.streak}  ·  {trends.total_taken:,} steps taken  ·  "
                    f"{time_words(impact.minutes_a_week)} a week saved by {changes}"
                )
        summary.update(Content(text))

    def _show_span(self, trends: Trends) -> None:
        """The first and last period over the bars; short names when the long ones don't fit."""
        span = self.query_one("#trends-span", Static)
        first, last = trends.periods[0], trends.periods[-1]
        # The last bar is the period so far: said over it, so it is not read as a whole one.
        so_far = f" ({trends.so_far.label})" if trends.so_far else ""
        for text in (
            f"{first.label} … {last.label}{so_far}",
            f"{first.short_label} … {last.short_label}{so_far}",
            f"{first.short_label} … {last.short_label}",
        ):
            if len(text) <= span.size.width:
                break
        span.update(Content(text))

    def _show_metric(self, metric: Metric, trends: Trends) -> None:
        values = [metric.value(p) for p in trends.periods]
        self.query_one(f"#chart-{metric.key}", BarChart).show(
            [None if v is None else float(v) for v in values]
        )
        now = format_value(values[-1], metric.kind)
        # Like with like: the period so far against the same days of the one before.
        same_days = metric.value(trends.so_far.before) if trends.so_far else None
        before = format_value(same_days, metric.kind)
        self.query_one(f"#value-{metric.key}", Static).update(
            Content.assemble((now, "bold"), ("  ·  ", "dim"), (before, "dim"))
        )

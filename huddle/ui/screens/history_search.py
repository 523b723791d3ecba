"""History's search: words found in steps, learning lines and blockers, narrowed down by
person, goal and status, a page of results at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, DataTable, Input, Select, Static

from huddle.core.calendar import format_day
from huddle.core.models import BlockerStatus, StepStatus
from huddle.core.store import Store
from huddle.core.store.search import (
    MARK_END,
    MARK_START,
    PAGE_SIZE,
    HitKind,
    SearchFilters,
    SearchHit,
    SearchPage,
)
from huddle.ui.screens.base import LiveScreen

SEARCH_DELAY = 0.3
"""Seconds after the last key before searching as you type."""

STATUS_CHOICES: list[tuple[str, StepStatus | BlockerStatus]] = [
    *((f"Step {s.value}", s) for s in StepStatus),
    *((f"Blocker {s.value}", s) for s in BlockerStatus),
]


def marked(text: str, style: str = "reverse bold") -> Text:
    """A hit's text with its matched words styled; the text itself shown literally."""
    out = Text(no_wrap=True, overflow="ellipsis")
    rest = text
    while MARK_START in rest:
        before, _, after = rest.partition(MARK_START)
        word, _, rest = after.partition(MARK_END)
        out.append(before)
        out.append(word, style)
    out.append(rest)
    return out


class HistorySearch(Vertical):
    """The search box, its filters and a table of what was found."""

    def __init__(self, chosen: Callable[[date], None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chosen = chosen
        """Called with a result's day when it is chosen."""
        self._filters = SearchFilters()
        self._page: SearchPage | None = None
        self._hits: list[SearchHit] = []
        self._search_timer: Timer | None = None
        self._columns_for = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-bar"):
            yield Input(placeholder="Search steps, learning and blockers", id="search-text")
        with Horizontal(id="search-filters"):
            yield Select[str]([], prompt="Anyone", id="search-person", compact=True)
            yield Select[str]([], prompt="Any goal", id="search-goal", compact=True)
            yield Select[StepStatus | BlockerStatus](
                [(Content(label), status) for label, status in STATUS_CHOICES],
                prompt="Any status",
                id="search-status",
                compact=True,
            )
        yield Static(id="search-count")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Button("More results", id="more", compact=True)

    @property
    def live(self) -> LiveScreen:
        screen = self.screen
        assert isinstance(screen, LiveScreen)  # noqa: S101 narrows the type; no check relies on it
        return screen

    @property
    def store(self) -> Store:
        return self.live.store

    def size_columns(self, width: int) -> None:
        """Fit the results' columns to `width`, the text getting what is left."""
        if width == self._columns_for:
            return
        self._columns_for = width
        table = self.query_one("#results", DataTable)
        fixed = {"day": 10, "who": 14 if width < 120 else 18, "status": 9}
        rest = max(20, width - sum(fixed.values()) - 2 * table.cell_padding * 4 - 4)
        table.clear(columns=True)
        table.add_column("Day", key="day", width=fixed["day"])
        table.add_column("Who", key="who", width=fixed["who"])
        table.add_column("Status", key="status", width=fixed["status"])
        table.add_column("What was written", key="text", width=rest)
        self._add_rows(self._hits)

    def fill_filters(self) -> None:
        """The people and goals to narrow down by, keeping what is picked."""
        person = self.query_one("#search-person", Select)
        goal = self.query_one("#search-goal", Select)
        members = self.store.members.all(active_only=False)
        goals = self.store.goals.all(active_only=False)
        with self.prevent(Select.Changed):
            kept_person, kept_goal = person.value, goal.value
            person.set_options((Content(m.name), m.id) for m in members)
            goal.set_options((Content(g.title), g.id) for g in goals)
            if kept_person in {m.id for m in members}:
                person.value = kept_person
            if kept_goal in {g.id for g in goals}:
                goal.value = kept_goal

    def run_search(self, *, keep: bool = False) -> None:
        """Search again from the first page (`keep`: as many pages as were shown)."""
        self._filters = self._read_filters()
        pages = max(1, len(self._hits) // PAGE_SIZE + 1) if keep else 1
        table = self.query_one("#results", DataTable)
        row = table.cursor_row
        store = self.store.search
        page = store.search(self._filters, limit=PAGE_SIZE * pages)
        self._hits = list(page.hits)
        self._page = page
        table.clear()
        self._add_rows(page.hits)
        if keep and self._hits:
            table.move_cursor(row=min(row, len(self._hits) - 1), animate=False)
        total = store.count(self._filters)
        self._show_count(total)

    def more_results(self) -> None:
        """The next page, added under the ones already shown."""
        if self._page is None or self._page.next_after is None:
            return
        page = self.store.search.search(self._filters, after=self._page.next_after)
        self._hits += page.hits
        self._page = page
        self._add_rows(page.hits)
        self._show_count(self.store.search.count(self._filters))

    def _add_rows(self, hits: list[SearchHit]) -> None:
        table = self.query_one("#results", DataTable)
        today = self.store.today()
        for hit in hits:
            text = marked(hit.text)
            if hit.kind is HitKind.BLOCKER:
                text = Text.assemble(("Blocker: ", "bold"), text, no_wrap=True, overflow="ellipsis")
            if hit.detail:
                label = "learned" if hit.kind is HitKind.STEP else "answer or note"
                text.append(f"\n  {label}: ", "italic")
                text.append_text(marked(hit.detail))
            table.add_row(
                Text(format_day(hit.day, today), no_wrap=True, overflow="ellipsis"),
                Text(hit.who, no_wrap=True, overflow="ellipsis"),
                Text(hit.status, no_wrap=True, overflow="ellipsis"),
                text,
                key=f"{hit.kind.value}:{hit.id}",
                height=2 if hit.detail else 1,
            )
        more = self.query_one("#more", Button)
        more.set_class(bool(self._page and self._page.more), "-more")

    def _show_count(self, total: int) -> None:
        shown = len(self._hits)
        if total == 0:
            text = "Nothing found" if self._filters != SearchFilters() else "Nothing recorded yet"
        elif shown < total:
            text = f"{total:,} found, showing the newest {shown:,} (More results for the rest)"
        else:
            text = f"{total:,} found"
        self.query_one("#search-count", Static).update(Content(text))

    def _read_filters(self) -> SearchFilters:
        person = self.query_one("#search-person", Select).value
        goal = self.query_one("#search-goal", Select).value
        status = self.query_one("#search-status", Select).value
        return SearchFilters(
            text=self.query_one("#search-text", Input).value,
            member_id=person if isinstance(person, str) else None,
            goal_id=goal if isinstance(goal, str) else None,
            status=status if isinstance(status, StepStatus | BlockerStatus) else None,
        )

    # Events -------------------------------------------------------------------------------

    @on(Button.Pressed, "#more")
    def more_pressed(self) -> None:
        self.live.safely(self.more_results)

    @on(Input.Changed, "#search-text")
    def search_typed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self.live.safely(self.run_search))

    @on(Input.Submitted, "#search-text")
    def search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.live.safely(self.run_search)
        if self._hits:
            self.query_one("#results", DataTable).focus()

    @on(Select.Changed, "#search-filters Select")
    def filter_changed(self) -> None:
        self.live.safely(self.run_search)

    @on(DataTable.RowSelected, "#results")
    def hit_chosen(self, event: DataTable.RowSelected) -> None:
        self._chosen(self._hits[event.cursor_row].day)

    @on(DataTable.RowHighlighted, "#results")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        # Walking off the last row of a page brings the next one.
        if event.cursor_row >= len(self._hits) - 1 and self._page and self._page.more:
            self.live.safely(self.more_results)

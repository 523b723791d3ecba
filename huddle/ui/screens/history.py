"""History: past huddles day by day (or a week or month at a time, or a typed date), each
read back in full, and a search across every step, learning line and blocker."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, DataTable, Input, Select, Static

from huddle.core.calendar import format_day, parse_day
from huddle.core.history import Span, day_record, latest_day, move
from huddle.core.models import BlockerStatus, StepStatus
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
from huddle.ui.screens.history_record import heading, record_parts
from huddle.ui.widgets.fitting_footer import FittingFooter

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


_DAY = Binding.Group("Day", compact=True)


class HistoryScreen(LiveScreen):
    """Past huddles and search. Read only: nothing here changes what was recorded."""

    TITLE = "History"
    AUTO_FOCUS = ""  # nothing: the arrow keys move between days until something is clicked
    HELP = """
Read back any past huddle: who was there, the steps looked back on and what was learned,
the small steps taken on, and the blockers raised or moved that day.
Move a day, a week or a month at a time, or type a date the way you would say it
(*fri*, *last monday*, *2/11*, *2026-11-02*).
**Search** finds words in steps, learning lines and blockers, and narrows down by person,
goal and status; choose a result to read that day's huddle.
"""

    BINDINGS = [
        Binding("left", "day(False)", "◂ Day", group=_DAY),
        Binding("right", "day(True)", "Day ▸", group=_DAY),
        Binding("pageup", "week(False)", "◂ Week", key_display="PgUp", show=False),
        Binding("pagedown", "week(True)", "Week ▸", key_display="PgDn", show=False),
        Binding("left_square_bracket", "month(False)", "◂ Month", key_display="[", show=False),
        Binding("right_square_bracket", "month(True)", "Month ▸", key_display="]", show=False),
        Binding("enter", "open_huddle", "Open", tooltip="Step through this huddle's stages"),
        Binding("g", "go_to_date", "Date", tooltip="Go to a date you type"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("l", "latest", "Latest huddle", show=False),
        Binding("up", "scroll(-1)", "Scroll up", show=False),
        Binding("down", "scroll(1)", "Scroll down", show=False),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    HistoryScreen #history-nav, HistoryScreen #search-bar, HistoryScreen #search-filters {
        height: auto;
        padding: 0 1;
    }
    HistoryScreen #history-nav Button { margin: 0 1 0 0; min-width: 0; }
    HistoryScreen #day-heading-row { height: auto; }
    HistoryScreen #day-heading { width: 1fr; padding: 0 1; text-style: bold; color: $text-primary; }
    HistoryScreen #open-huddle { margin: 0 1; }
    HistoryScreen #go-date { width: 1fr; min-width: 12; max-width: 30; margin: 0 1 0 0; }
    HistoryScreen #to-record { display: none; }
    HistoryScreen.-searching #to-record { display: block; }
    HistoryScreen.-searching #to-search { display: none; }
    HistoryScreen #history-views { height: 1fr; }
    HistoryScreen #record { padding: 0 1; }
    HistoryScreen #record Static { height: auto; margin-bottom: 1; }
    HistoryScreen #search-text { width: 1fr; }
    HistoryScreen #search-filters Select { width: 1fr; margin: 0 1 0 0; }
    HistoryScreen #search-count { padding: 0 1; color: $text-muted; }
    HistoryScreen #results { height: 1fr; margin: 0 1; }
    HistoryScreen #more { margin: 0 1; display: none; }
    HistoryScreen #more.-more { display: block; }
    HistoryScreen.-wide #record { padding: 0 4; }
    """

    def __init__(self, day: date | None = None, *, searching: bool = False) -> None:
        super().__init__()
        self.day: date | None = day
        """The day shown (None until the screen has read the latest)."""
        self._start_searching = searching
        self._filters = SearchFilters()
        self._page: SearchPage | None = None
        self._hits: list[SearchHit] = []
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="history-nav"):
            yield Button("◂ Month", id="month-back", compact=True)
            yield Button("◂ Week", id="week-back", compact=True)
            yield Button("◂ Day", id="day-back", compact=True)
            yield Button("Day ▸", id="day-on", compact=True)
            yield Button("Week ▸", id="week-on", compact=True)
            yield Button("Month ▸", id="month-on", compact=True)
            yield Input(placeholder="Type a date", id="go-date", compact=True)
            yield Button("Search", id="to-search", compact=True)
            yield Button("By date", id="to-record", compact=True)
        with ContentSwitcher(initial="record-view", id="history-views"):
            with Vertical(id="record-view"):
                with Horizontal(id="day-heading-row"):
                    yield Static(id="day-heading")
                    yield Button("Open (enter)", id="open-huddle", compact=True)
                yield VerticalScroll(id="record", can_focus=False)
            with Vertical(id="search-view"):
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
        yield FittingFooter()

    def on_mount(self) -> None:
        self._columns_for = 0
        self._size_columns()
        self.safely(self._fill_filters)
        if self.day is None:
            self.day = self.safely(lambda: latest_day(self.store)) or self.store.today()
        self.safely(self.reload)
        if self._start_searching:
            self.action_search()

    def on_resize(self) -> None:
        self._size_columns()

    def _size_columns(self) -> None:
        """Fit the results' columns to the width, the text getting what is left."""
        width = self.size.width
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

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        team = self.store.team.get()
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  ", team.name or "a new team", "  ·  History")
        )
        self.show_day(self.day or self.store.today())
        if self.searching:
            self._fill_filters()
            self.run_search(keep=True)

    @property
    def searching(self) -> bool:
        return self.query_one(ContentSwitcher).current == "search-view"

    def show_day(self, day: date) -> None:
        """Read one day's huddle back, in full."""
        self.day = day
        record = day_record(self.store, day)
        self.query_one("#day-heading", Static).update(Content(heading(record)))
        self.query_one("#open-huddle", Button).display = record.huddle is not None
        self.refresh_bindings()
        scroll = self.query_one("#record", VerticalScroll)
        parts = record_parts(record, self.store.today())
        # The blocks already there are filled again: mounting new ones lays the screen out
        # again at each step of the mount.
        shown = list(scroll.query_children(".record-part").results(Static))
        with self.app.batch_update():
            for block, part in zip(shown, parts, strict=False):
                block.update(part)
                block.display = True
            for block in shown[len(parts) :]:
                block.display = False
            scroll.mount_all(Static(part, classes="record-part") for part in parts[len(shown) :])
        scroll.scroll_home(animate=False)

    def _fill_filters(self) -> None:
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

    @on(Button.Pressed, "#history-nav Button")
    def nav_button(self, event: Button.Pressed) -> None:
        actions = {
            "month-back": lambda: self.action_month(False),
            "week-back": lambda: self.action_week(False),
            "day-back": lambda: self.action_day(False),
            "day-on": lambda: self.action_day(True),
            "week-on": lambda: self.action_week(True),
            "month-on": lambda: self.action_month(True),
            "to-search": self.action_search,
            "to-record": self.action_by_date,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    @on(Button.Pressed, "#open-huddle")
    def open_pressed(self) -> None:
        self.action_open_huddle()

    @on(Button.Pressed, "#more")
    def more_pressed(self) -> None:
        self.safely(self.more_results)

    @on(Input.Submitted, "#go-date")
    def date_typed(self, event: Input.Submitted) -> None:
        store = self.store

        def go() -> None:
            day = parse_day(event.value, store.today(), store.team.get().date_order)
            self.action_by_date()
            self.show_day(day)
            event.input.value = ""
            self.query_one("#record", VerticalScroll).focus()

        self.safely(go)

    @on(Input.Changed, "#search-text")
    def search_typed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self.safely(self.run_search))

    @on(Input.Submitted, "#search-text")
    def search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.safely(self.run_search)
        if self._hits:
            self.query_one("#results", DataTable).focus()

    @on(Select.Changed, "#search-filters Select")
    def filter_changed(self) -> None:
        self.safely(self.run_search)

    @on(DataTable.RowSelected, "#results")
    def hit_chosen(self, event: DataTable.RowSelected) -> None:
        hit = self._hits[event.cursor_row]
        self.action_by_date()
        self.safely(lambda: self.show_day(hit.day))

    @on(DataTable.RowHighlighted, "#results")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        # Walking off the last row of a page brings the next one.
        if event.cursor_row >= len(self._hits) - 1 and self._page and self._page.more:
            self.safely(self.more_results)

    # Actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hidden while searching: the arrow keys belong to the search then.
        moves = ("day", "week", "month", "latest", "go_to_date", "scroll", "open_huddle")
        if not self.is_mounted:
            return True
        if action == "open_huddle" and not self.query_one("#open-huddle").display:
            return False
        return not (action in moves and self.searching)

    def _move(self, span: Span, forward: bool) -> None:
        if self.searching:
            return
        day = self.day or self.store.today()

        def go() -> None:
            found = move(self.store, day, span, forward)
            if found is None:
                way = "later" if forward else "earlier"
                self.notify(f"No {way} huddle to show", timeout=3)
                return
            self.show_day(found)

        self.safely(go)

    def action_day(self, forward: bool) -> None:
        """Move to the huddle day before or after."""
        self._move(Span.DAY, forward)

    def action_week(self, forward: bool) -> None:
        """Move a week back or on."""
        self._move(Span.WEEK, forward)

    def action_month(self, forward: bool) -> None:
        """Move a month back or on."""
        self._move(Span.MONTH, forward)

    def action_open_huddle(self) -> None:
        """Step through the shown day's huddle, stage by stage, read only."""
        from huddle.ui.screens.huddle import HuddleScreen

        if self.day is not None and self.store.huddles.get(self.day) is not None:
            self.app.push_screen(HuddleScreen(self.day, read_only=True))

    def action_latest(self) -> None:
        """Back to the latest huddle."""
        self.action_by_date()
        self.safely(lambda: self.show_day(latest_day(self.store) or self.store.today()))

    def action_go_to_date(self) -> None:
        """Type a date to go to."""
        self.action_by_date()
        self.query_one("#go-date", Input).focus()

    def action_search(self) -> None:
        """Search steps, learning lines and blockers."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.current != "search-view":
            switcher.current = "search-view"
            self.add_class("-searching")
            self.safely(self._fill_filters)
            self.safely(self.run_search)
        self.query_one("#search-text", Input).focus()
        self.refresh_bindings()

    def action_by_date(self) -> None:
        """Back to reading huddles by date."""
        self.query_one(ContentSwitcher).current = "record-view"
        self.remove_class("-searching")
        if isinstance(self.focused, Input | DataTable | Select):
            self.set_focus(None)
        self.refresh_bindings()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#record", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_back(self) -> None:
        """Leave the search, or the screen."""
        if self.searching:
            self.action_by_date()
        elif isinstance(self.focused, Input):
            self.set_focus(None)
        else:
            self.dismiss()

"""History: past huddles day by day (or a week or month at a time, or a typed date), each
read back in full, and a search across every step, learning line and blocker."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, DataTable, Input, Select, Static

from huddle.core.calendar import Towards, parse_day
from huddle.core.history import Span, day_record, latest_day, move
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.history_record import heading, record_parts
from huddle.ui.screens.history_search import HistorySearch
from huddle.ui.widgets.drawn_once import DrawnOnce
from huddle.ui.widgets.fitting_footer import FittingFooter

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
        self._search: HistorySearch | None = None
        """The search, once opened."""

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
        # (The search, "search-view", joins the switcher the first time it is opened.)
        with ContentSwitcher(initial="record-view", id="history-views"), Vertical(id="record-view"):
            with Horizontal(id="day-heading-row"):
                yield Static(id="day-heading")
                yield Button("Open (enter)", id="open-huddle", compact=True)
            yield DrawnOnce(id="record")
        yield FittingFooter()

    async def on_mount(self) -> None:
        if self.day is None:
            self.day = self.safely(lambda: latest_day(self.store)) or self.store.today()
        self.safely(self.reload)
        if self._start_searching:
            await self.action_search()

    def on_resize(self) -> None:
        if self._search is not None:
            self._search.size_columns(self.size.width)

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        team = self.store.team.get()
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  ", team.name or "a new team", "  ·  History")
        )
        self.query_one("#record", DrawnOnce).forget()  # (something changed: draw it again)
        self.show_day(self.day or self.store.today())
        if self._search is not None and self.searching:
            self._search.fill_filters()
            self._search.run_search(keep=True)

    @property
    def searching(self) -> bool:
        return self.query_one(ContentSwitcher).current == "search-view"

    def show_day(self, day: date) -> None:
        """Read one day's huddle back, in full."""
        self.day = day
        record = day_record(self.store, day)
        said = self.query_one("#day-heading", Static)
        line, room = Content(heading(record)), said.content_size.width
        one_line = room > 0 and line.cell_length <= room and cell_len(str(said.content)) <= room
        said.update(line, layout=not one_line)  # (one line, as before: no new layout)
        open_huddle = self.query_one("#open-huddle", Button)
        if open_huddle.display != (record.huddle is not None):
            open_huddle.display = record.huddle is not None
            self.refresh_bindings()  # (Enter: Open comes or goes; the footer is built again)
        today = self.store.today()
        self.query_one("#record", DrawnOnce).show(record_parts(record, today), key=(day, today))

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
            "to-search": lambda: self.call_next(self.action_search),
            "to-record": self.action_by_date,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    @on(Button.Pressed, "#open-huddle")
    def open_pressed(self) -> None:
        self.action_open_huddle()

    @on(Input.Submitted, "#go-date")
    def date_typed(self, event: Input.Submitted) -> None:
        store = self.store

        def go() -> None:
            order = store.team.get().date_order
            day = parse_day(event.value, store.today(), order, towards=Towards.PAST)
            self.action_by_date()
            self.show_day(day)
            event.input.value = ""
            self.query_one("#record", DrawnOnce).focus()

        self.safely(go)

    def hit_chosen(self, day: date) -> None:
        """A search result was chosen: read that day's huddle."""
        self.action_by_date()
        self.safely(lambda: self.show_day(day))

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

    async def action_search(self) -> None:
        """Search steps, learning lines and blockers."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.current != "search-view":
            if self._search is None:  # built when first wanted: reading days costs less
                self._search = HistorySearch(self.hit_chosen, id="search-view")
                await switcher.add_content(self._search)
                self._search.size_columns(self.size.width)
            switcher.current = "search-view"
            self.add_class("-searching")
            self.safely(self._search.fill_filters)
            self.safely(self._search.run_search)
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
        self.query_one("#record", DrawnOnce).scroll_relative(y=lines, animate=False)

    def action_back(self) -> None:
        """Leave the search, or the screen."""
        if self.searching:
            self.action_by_date()
        elif isinstance(self.focused, Input):
            self.set_focus(None)
        else:
            self.dismiss()

"""The home screen: the team, today, the coming huddle's steps and the open blockers."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from huddle.core.blockers import huddle_days_old
from huddle.core.calendar import format_date, format_day
from huddle.core.next_huddle import next_huddle
from huddle.ui.screens.base import LiveScreen
from huddle.ui.shared_screen import HOME_BINDINGS, is_wide
from huddle.ui.widgets.block_font import BlockDigits
from huddle.ui.widgets.blocker_flag import status_cell
from huddle.ui.widgets.entry_bar import EntryBar
from huddle.ui.widgets.fitted_table import FittedTable
from huddle.ui.widgets.fitting_footer import FittingFooter

WELCOME = """\
Welcome to Huddle: the daily Kaizen huddle on one shared screen.

There is no team in this file yet. To start, in a shell:

  huddle team name "Northside Assessment Team"
  huddle team add "Ann Smith" --role lead
  huddle team goal "Cut the wait for a care assessment"
  huddle add "Prepare the visit questions the day before" --who ann

or try the demo team first:

  huddle demo --db demo.db
"""

STEP_COLUMNS = [("Who", 18), ("Small step", None), ("Goal", 24)]
BLOCKER_COLUMNS = [("Huddle days", 6), ("Status", 26), ("Blocker", None), ("Raised by", 18)]
"""Each column's label and the most cells it takes; None: the one that takes the rest.
Words that do not fit wrap onto more lines of their row: nothing is cut off."""


NUMBERS = (
    ("number-steps", "small steps taken"),
    ("number-streak", "huddle days in a row"),
    ("number-blockers", "open blockers"),
    ("number-overdue", "answers overdue"),
)
"""The large numbers on the TV: (BlockDigits id, what it counts)."""


def number_boxes(values: dict[str, int]) -> list[Vertical]:
    """The row of large numbers on the TV, each with what it counts beneath."""
    boxes = []
    for number_id, label in NUMBERS:
        digits = BlockDigits(str(values.get(number_id, 0)), id=number_id)
        digits.set_class(number_id == "number-overdue" and values.get(number_id, 0) > 0, "-overdue")
        boxes.append(
            Vertical(digits, Static(label, classes="home-number-label"), classes="home-number")
        )
    return boxes


class HomeScreen(LiveScreen):
    """Where the team lead starts: what is planned and what is stuck."""

    DEFAULT_CSS = """
    HomeScreen #home-numbers {
        display: none;
        height: auto;
        margin: 1 1 0 1;
    }
    HomeScreen.-wide #home-numbers {
        display: block;
    }
    HomeScreen .home-number {
        width: 1fr;
        height: auto;
        border: round $primary;
        margin: 0 1;
    }
    HomeScreen .home-number BlockDigits {
        width: 100%;
        text-align: center;
        color: $text-accent;
    }
    HomeScreen .home-number BlockDigits.-overdue {
        color: $error;
    }
    HomeScreen .home-number-label {
        width: 100%;
        text-align: center;
        color: $text-muted;
    }
    HomeScreen > FittedTable {
        height: 1fr;
        margin: 1 1 0 1;
        border-top: blank;
        border-title-align: left;
        border-title-color: $accent;
        border-title-style: bold;
    }
    HomeScreen.-wide {
        layout: grid;
        grid-size: 2;
        grid-rows: 1 1 auto 1fr auto;
        grid-gutter: 0 2;
    }
    HomeScreen.-wide > * {
        column-span: 2;
    }
    HomeScreen.-wide > FittedTable {
        column-span: 1;
    }
    HomeScreen.-wide #home-numbers {
        margin: 0 1;
        padding-top: 1;
    }
    HomeScreen.-wide > FileNotice {
        dock: top;
    }
    HomeScreen.-empty > #home-numbers,
    HomeScreen.-empty > FittedTable,
    HomeScreen.-empty > EntryBar {
        display: none;
    }
    """

    WRITES = frozenset({"add"})
    BINDINGS = [  # most important first: the footer shows as many as fit, in this order
        ("h", "huddle", "Huddle"),
        ("a", "add", "Add a step"),
        ("g", "goals", "Goals"),
        ("t", "trends", "Trends"),
        ("m", "app.open_management", "Management"),
        ("d", "app.open_digest", "Digest"),
        ("b", "app.open_board", "Board"),
        ("i", "app.open_ideas", "Ideas"),
        *HOME_BINDINGS,
        ("r", "reload", "Refresh"),
    ]

    _numbers_read = True
    """The large numbers show what the file holds (read since the last reload)."""

    def compose(self) -> ComposeResult:
        # One level of widgets, each table titled in its top border: every container costs
        # the first frame (each draws its whole area, then its children draw over it). On the
        # TV (-wide) the screen is a grid: the large numbers, then the two tables side by side.
        yield Static(id="title-bar")
        yield Static(id="day-bar")
        yield Static(WELCOME, id="welcome", markup=False)
        # A narrower window never shows the large numbers: they are made once it is made wide.
        with Horizontal(id="home-numbers"):
            if is_wide(self):  # (the layout classes are set before compose: LiveScreen)
                yield from number_boxes({})
        yield FittedTable(STEP_COLUMNS, id="steps")
        yield FittedTable(BLOCKER_COLUMNS, id="blockers")
        yield EntryBar(self.store, id="entry-bar")
        yield FittingFooter()

    # No on_mount reload: the screen's first ScreenResume (LiveScreen) loads it, once.

    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first time (the app's first paint), every widget was styled as it was mounted a
        # moment ago, and no rule styles the screen itself by its layout class: Textual's own
        # handler (after this one) would style them all again before the first frame.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def action_reload(self) -> None:
        self.safely(self.reload)

    def action_add(self) -> None:
        self.query_one(EntryBar).input.focus()

    def on_entry_bar_saved(self, _event: EntryBar.Saved) -> None:
        self.show_changes()

    def reload(self) -> None:
        store = self.store
        team = store.team.get()
        today = store.today()
        empty = store.is_empty()
        self.query_one("#welcome").display = empty
        self.set_class(empty, "-empty")
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  ", team.name or "a new team")
        )
        coming = next_huddle(store)
        self.query_one("#day-bar", Static).update(
            Content(f"{format_date(today, '%A %d %B %Y')}   Next huddle: {coming.words}")
        )
        if empty:
            return
        steps = store.steps.on_day(coming.day)
        steps_table = self.query_one("#steps", FittedTable)
        steps_table.border_title = Content(
            f"Small steps for {format_day(coming.day, today)} ({len(steps)})"
        )
        steps_table.show(
            [
                (step.id, (Text(step.member_name), Text(step.text), Text(step.goal_title or "-")))
                for step in steps
            ],
        )
        blockers = store.blockers.open()
        blockers_table = self.query_one("#blockers", FittedTable)
        blockers_table.border_title = Content(f"Open blockers ({len(blockers)})")
        calendar, limit = store.calendar(), team.answer_limit_days
        blockers_table.show(
            [
                (
                    blocker.id,
                    (
                        Text(str(huddle_days_old(blocker, calendar, today))),
                        status_cell(blocker, calendar, today, limit),
                        Text(blocker.text),
                        Text(blocker.raised_by_name),
                    ),
                )
                for blocker in blockers
            ],
        )

        # The large numbers (the streak reads every huddle held): after the first paint,
        # and only where they are shown (the TV layout), else once the window is made wide.
        self._numbers_read = False
        self.call_after_refresh(self.show_numbers_if_wide)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_numbers_if_wide)  # the layout classes are set by then

    def show_numbers_if_wide(self) -> None:
        if is_wide(self) and not self._numbers_read:
            self._numbers_read = True
            self.safely(self.show_numbers)

    def show_numbers(self) -> None:
        from huddle.core.at_a_glance import at_a_glance  # flow, trends: after the first paint

        glance = at_a_glance(self.store)
        values = {
            "number-steps": glance.steps_taken,
            "number-streak": glance.streak,
            "number-blockers": glance.open_blockers,
            "number-overdue": glance.answers_overdue,
        }
        row = self.query_one("#home-numbers")
        if not row.children:  # made wide just now
            row.mount_all(number_boxes(values))
            return
        for number_id, value in values.items():
            self.query_one(f"#{number_id}", BlockDigits).show(str(value))
        self.query_one("#number-overdue", BlockDigits).set_class(
            glance.answers_overdue > 0, "-overdue"
        )

    def action_goals(self) -> None:
        from huddle.ui.screens.goals import GoalsScreen

        self.app.push_screen(GoalsScreen())

    def action_trends(self) -> None:
        from huddle.ui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen())

    def action_huddle(self) -> None:
        """Start today's huddle, or go back to it where it was left (an ended one is shown)."""
        from huddle.core.off_day import off_day_question
        from huddle.ui.screens.huddle import HuddleScreen
        from huddle.ui.widgets.confirm import Confirm

        today = self.store.today()
        ended = self.store.huddles.has_ended(today)
        if ended:
            self.notify("Today's huddle has ended; here is what it did", timeout=4)
        question = None if ended else self.safely(lambda: off_day_question(self.store, today))
        if question is None:
            self.app.push_screen(HuddleScreen(today, read_only=ended))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.push_screen(HuddleScreen(today))

        # Not a huddle day (a Saturday, a holiday): ask before starting one.
        self.app.push_screen(Confirm(question, yes="hold it", no="not today"), answered)

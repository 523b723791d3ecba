"""The board: the wall between huddles (`huddle board`, `b` on home). Its panels take turns
every few seconds (the team's setting), or stay put while someone moves with the arrows.
It only reads, unless someone picks a day on the day-status strip and gives it a colour."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from huddle.core.board import COLUMNS, PANELS, Board, gather_board
from huddle.core.calendar import format_date
from huddle.core.day_status import DayStrip, month_strips
from huddle.core.models import DayColor
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.board_panels import (
    DayStripView,
    blocker_card,
    column_heading,
    goal_cards,
    goals_heading,
    person_card,
    steps_heading,
    wins_cards,
    wins_heading,
)
from huddle.ui.screens.stages.wrapup_wins import Tile
from huddle.ui.shared_screen import is_wide
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.goal_colours import goal_colours
from huddle.ui.widgets.wall_cards import Item, WallCards

PICKING_KEYS = {"pick_measure", "color"}
"""Actions that work only while a day is being picked on the day-status strip."""


class BoardScreen(LiveScreen):
    """The team's board on the wall, panel by panel."""

    TITLE = "The board"
    HELP = """
The wall between huddles. Its panels take turns (every 20 seconds unless the team chose
otherwise in Team set-up): today's small steps by person, the open blockers by where each
stands, each goal's steps this week, the wins of the week, and the day-status strip.
A panel whose cards do not all fit shows them a page at a time (the tab says "page 1 of
2") before the next panel. **←** **→** go a page or a panel and stay there (the turning
pauses, and the board says so); **space** turns them again. **d** picks a day on the
day-status strip (today first): **←** **→** the day, **↑** **↓** the measure, then **g**
green, **a** amber, **r** red or **c** to clear; **esc** when done. Nothing else changes
the team's file from here.
"""

    WRITES = frozenset({"pick_day", "color"})
    BINDINGS = [  # most important first: the footer shows as many as fit, in this order
        # priority: before any part of a panel takes the arrows.
        Binding("right", "move(1)", "Next", priority=True),
        Binding("left", "move(-1)", "Previous", priority=True),
        Binding("space", "pause", "Pause"),
        Binding("d", "pick_day", "Day status"),
        Binding("g", "color('green')", "Green"),
        Binding("a", "color('amber')", "Amber"),
        Binding("r", "color('red')", "Red"),
        Binding("c", "color('clear')", "Clear"),
        Binding("up", "pick_measure(-1)", "Measure up", show=False, priority=True),
        Binding("down", "pick_measure(1)", "Measure down", show=False, priority=True),
        Binding("escape", "leave", "Back"),
    ]

    DEFAULT_CSS = """
    BoardScreen #board-tabs { height: 1; padding: 0 1; }
    BoardScreen #board-hint { height: auto; padding: 0 1; color: $text-muted; }
    BoardScreen #board-hint.-paused { color: $warning; text-style: bold; }
    BoardScreen ContentSwitcher { height: 1fr; }
    BoardScreen .board-panel { height: 1fr; padding: 0 1; }
    BoardScreen .board-heading { text-style: bold; color: $accent; margin: 1 0 0 0; }
    BoardScreen.-wide #steps-heading, BoardScreen.-wide #goals-heading { margin: 1 0; }
    BoardScreen #wins-figures { height: auto; display: none; margin: 1 0; }
    BoardScreen.-wide #wins-figures { display: block; }
    BoardScreen.-wide #wins-heading { display: none; }
    BoardScreen #blockers { layout: horizontal; }
    BoardScreen .blocker-column { width: 1fr; height: 1fr; margin: 0 1 0 0; display: none; }
    BoardScreen.-wide .blocker-column { display: block; }
    BoardScreen.-wide #blockers-list { display: none; }
    BoardScreen .blocker-column-title {
        text-style: bold; color: $accent; border-bottom: solid $primary;
    }
    BoardScreen.-wide .board-panel { padding: 0 2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.board: Board | None = None
        self.panel = 0
        """The panel on show, by its place in PANELS."""
        self.paused = False
        self.left = 0
        """Seconds until the next panel."""
        self.picking = False
        """A day on the day-status strip is being picked (rotation waits meanwhile)."""
        self.measure = 0
        self.picked: date | None = None
        self.page = 0
        """The page of the panel on show, when its cards need more than one."""
        self.drawn_wide = False
        """Whether the panels were last drawn for the TV (figures in block letters)."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="board-tabs")
        yield Static(id="board-hint")
        with ContentSwitcher(initial=PANELS[0][0]):
            with Vertical(id="steps", classes="board-panel"):
                yield Static(id="steps-heading", classes="board-heading")
                yield WallCards(id="steps-cards")
            with Horizontal(id="blockers", classes="board-panel"):
                for status, _title in COLUMNS:
                    with Vertical(classes="blocker-column"):
                        yield Static(
                            id=f"column-title-{status.value}", classes="blocker-column-title"
                        )
                        yield WallCards(most_columns=1, id=f"column-{status.value}")
                # on a laptop: one list, each column a heading over its cards
                yield WallCards(most_columns=1, id="blockers-list")
            with Vertical(id="goals", classes="board-panel"):
                yield Static(id="goals-heading", classes="board-heading")
                yield WallCards(id="goal-cards")
            with Vertical(id="wins", classes="board-panel"):
                yield Static(id="wins-heading", classes="board-heading")
                with Horizontal(id="wins-figures"):
                    yield Tile("Running total", "small steps taken so far", id="wins-total")
                    yield Tile("Streak", "huddle days in a row", id="wins-streak")
                yield WallCards(id="wins-cards")
            with VerticalScroll(id="day-status", classes="board-panel"):
                yield Static(id="strips-hint", classes="board-heading")
                yield Vertical(id="strips")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.left = self.seconds()
        self.set_interval(1.0, self.tick)

    def on_resize(self) -> None:
        self.call_after_refresh(self.relayout)

    def relayout(self) -> None:
        """From the TV's layout to a laptop's or back: the figures are drawn again; the
        day-status strips share the new height."""
        if self.board is not None and self.drawn_wide != is_wide(self):
            self.safely(self.reload)
        else:
            self.show_strips()

    # Reading and showing

    def seconds(self) -> int:
        return self.store.team.get().board_seconds

    def reload(self) -> None:
        board = gather_board(self.store)
        self.board = board
        team = self.store.team.get()
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Huddle board", "bold"),
                "  ",
                Content(team.name or "a new team"),
                "  ",
                format_date(board.today, "%A %d %B %Y"),
            )
        )
        colours = goal_colours(self.app, board.every_goal)
        self.show_steps(board, colours)
        wide = self.drawn_wide = is_wide(self)
        listed: list[Item] = []
        for (status, title), (_, cards) in zip(COLUMNS, board.columns, strict=True):
            self.query_one(f"#column-title-{status.value}", Static).update(
                column_heading(title, len(cards), wide)
            )
            drawn = [blocker_card(card, title) for card in cards]
            listed += [column_heading(title, len(cards), False).stylize("bold $accent"), *drawn]
            self.query_one(f"#column-{status.value}", WallCards).show(
                drawn if wide else [], Content.styled("none", "dim")
            )
        self.query_one("#blockers-list", WallCards).show([] if wide else listed)
        self.query_one("#goals-heading", Static).update(goals_heading(board, wide))
        self.query_one("#goal-cards", WallCards).show(
            goal_cards(board, colours, wide),
            Content.styled("No goals yet: add one in Goals (g on home).", "dim"),
        )
        self.query_one("#wins-heading", Static).update(wins_heading(board))
        self.query_one("#wins-total", Tile).show(board.wins.taken_in_all)
        self.query_one("#wins-streak", Tile).show(board.wins.streak)
        self.query_one("#wins-cards", WallCards).show(wins_cards(board))
        self.show_strips()
        self.show_panel()

    def show_steps(self, board: Board, colours: dict[str, str]) -> None:
        self.query_one("#steps-heading", Static).update(steps_heading(board, is_wide(self)))
        self.query_one("#steps-cards", WallCards).show(
            [person_card(p.name, p.steps, colours) for p in board.people],
            Content.styled("No small steps yet: add one with huddle add", "$text-muted"),
        )

    def strips(self) -> list[DayStrip]:
        """This month's strips; while picking a day in another month, that month's."""
        if self.board is None:
            return []
        if self.picked is not None and self.picked.month != self.board.today.month:
            return month_strips(self.store, self.picked)
        return list(self.board.strips)

    def show_strips(self) -> None:
        if self.board is None:
            return
        strips = self.strips()
        self.measure = min(self.measure, max(0, len(strips) - 1))
        box = self.query_one("#strips", Vertical)
        views = list(box.query(DayStripView))
        if [v.strip.measure.id for v in views] != [s.measure.id for s in strips]:
            box.remove_children()
            views = [DayStripView(s, self.board.today) for s in strips]
            box.mount_all(views)
        colour_rows = 1
        if is_wide(self) and strips:  # on the TV the strips share the height
            room = self.query_one(ContentSwitcher).content_size.height - 2
            colour_rows = max(2, min(6, room // len(strips) - 8))
        for index, (view, strip) in enumerate(zip(views, strips, strict=True)):
            view.show(strip, self.board.today, colour_rows)
            view.picked = self.picked if self.picking and index == self.measure else None
        if not strips:
            hint = (
                "No measures are tracked daily yet: add one in Team set-up,"
                ' or huddle team track "missed visits"'
            )
        elif self.picking:
            hint = "Picking a day: ← → day · ↑ ↓ measure · g a r colour · c clear · esc done"
        else:
            hint = "d: give a day its colour (today's first)"
        self.query_one("#strips-hint", Static).update(hint)

    def show_panel(self) -> None:
        key, _title = PANELS[self.panel]
        self.query_one(ContentSwitcher).current = key
        pages = self.pages()
        for cards in self.query_one(f"#{key}").query(WallCards):
            cards.turn_to(self.page)
        tabs = [
            Content.styled(f" {title} ", "bold reverse" if index == self.panel else "dim")
            for index, (_key, title) in enumerate(PANELS)
        ]
        if pages > 1:  # the panel's cards do not all fit: it turns page by page
            tabs.insert(self.panel + 1, Content.styled(f"page {self.page + 1} of {pages}", "bold"))
        self.query_one("#board-tabs", Static).update(Content(" ").join(tabs))
        hint = self.query_one("#board-hint", Static)
        stopped = self.paused or self.picking
        hint.set_class(stopped, "-paused")
        if self.picking:
            hint.update("Paused while a day is picked")
        elif self.paused:
            hint.update("Paused: this panel stays. Space turns the panels again; ← → move")
        else:
            hint.update(
                f"The panels turn every {self.seconds()} s; ← → move (and pause), space pauses"
            )
        self.refresh_bindings()

    def tick(self) -> None:
        """Every second: the next panel when its time is up; a new day reads everything again."""
        if self.board is not None and self.store.today() != self.board.today:
            self.safely(self.reload)
        if self.paused or self.picking:
            return
        self.left -= 1
        if self.left <= 0:
            self.turn(1)

    def pages(self) -> int:
        """How many pages the panel on show turns through (one unless its cards need more)."""
        key, _title = PANELS[self.panel]
        return max((cards.pages for cards in self.query_one(f"#{key}").query(WallCards)), default=1)

    def turn(self, by: int) -> None:
        """The next (or previous) page of the panel, or the next panel after its last."""
        if 0 <= self.page + by < self.pages():
            self.page += by
        else:
            self.panel = (self.panel + by) % len(PANELS)
            self.page = 0
        self.left = self.seconds()
        self.show_panel()

    def on_wall_cards_paged(self, _message: WallCards.Paged) -> None:
        self.show_panel()  # a resize changed how many pages a panel has

    # Keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PICKING_KEYS:
            return self.picking
        return True

    def action_move(self, by: int) -> None:
        if self.picking and self.picked is not None and self.board is not None:
            day = self.picked + timedelta(days=by)
            if day <= self.board.today:
                self.picked = day
                self.show_strips()
            return
        self.paused = True
        self.turn(by)

    def action_pause(self) -> None:
        self.paused = not self.paused
        self.left = self.seconds()
        self.show_panel()

    def action_pick_day(self) -> None:
        """Pick a day on the day-status strip (today first), to give it a colour."""
        if self.board is None or not self.board.strips:
            self.panel = [k for k, _t in PANELS].index("day-status")
            self.show_panel()
            self.notify('No measures are tracked daily yet: huddle team track "missed visits"')
            return
        self.panel = [k for k, _t in PANELS].index("day-status")
        self.picking = True
        self.picked = self.board.today
        self.show_strips()
        self.show_panel()

    def action_pick_measure(self, by: int) -> None:
        count = len(self.strips())
        if count:
            self.measure = (self.measure + by) % count
            self.show_strips()

    def action_color(self, word: str) -> None:
        strips = self.strips()
        if not strips or self.picked is None:
            return
        measure, day = strips[self.measure].measure, self.picked
        color = None if word == "clear" else DayColor(word)
        self.safely(lambda: self.store.day_status.set(measure, day, color), lambda _: self.reload())
        self.safely(self.reload)

    def action_leave(self) -> None:
        if self.picking:
            self.picking = False
            self.picked = None
            self.show_strips()
            self.show_panel()
            return
        self.app.pop_screen()

"""The Blockers stage on the TV: a column for each place a blocker can stand (open, owned
by the team, sent up, answered), a card for each blocker. The arrows move the pick: up and
down within a column, left and right between columns; the picked card is always in view.

The board only shows and moves; BlockersStage says what is on it and binds the keys that
change a blocker (b, o, e, r, u), for the board and the compact list alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from huddle.core.blockers import AgeFlag
from huddle.core.models import BlockerStatus

COLUMN_TITLES: dict[BlockerStatus, str] = {
    BlockerStatus.OPEN: "Open",
    BlockerStatus.OWNED: "Owned by the team",
    BlockerStatus.ESCALATED: "Sent up",
    BlockerStatus.ANSWERED: "Answered",
    BlockerStatus.RESOLVED: "Resolved",
}
"""The columns, left to right, in the team's words. Resolved shows only on a past huddle."""


@dataclass(frozen=True)
class Card:
    """One blocker on the board: its id (never shown), what the card says, and its flag
    (amber or red when management's answer is overdue: the card's border says it too)."""

    blocker_id: str
    said: Content
    flag: AgeFlag = AgeFlag.NONE


class BlockerCard(Static):
    """A blocker on the board; `-picked` when the arrows are on it."""

    DEFAULT_CSS = """
    BlockerCard {
        height: auto;
        border: round $panel-lighten-2;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    BlockerCard.-amber {
        border: round $warning;
    }
    BlockerCard.-red {
        border: round $error;
    }
    BlockerCard.-picked {
        border: heavy $accent;
        background: $accent 25%;
    }
    BlockerCard.-picked.-dimmed {
        border: heavy $accent 50%;
        background: $accent 10%;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)
        self.card: Card | None = None

    def show(self, card: Card) -> None:
        if card == self.card:
            return
        self.card = card
        self.update(card.said)
        self.set_class(card.flag is AgeFlag.AMBER, "-amber")
        self.set_class(card.flag is AgeFlag.RED, "-red")


class BoardColumn(Vertical):
    """A heading and the cards of one place a blocker can stand, scrolled on its own."""

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        margin: 0 1 0 0;
    }
    BoardColumn > .column-heading {
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
        background: $panel;
        color: $text;
        text-style: bold;
    }
    BoardColumn.column-open > .column-heading { background: $warning-muted; }
    BoardColumn.column-owned > .column-heading { background: $primary-muted; }
    BoardColumn.column-escalated > .column-heading { background: $error-muted; }
    BoardColumn.column-answered > .column-heading { background: $success-muted; }
    BoardColumn > VerticalScroll {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    BoardColumn .column-empty {
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, status: BlockerStatus) -> None:
        super().__init__(classes=f"column-{status.value}")
        self.status = status
        self.cards: list[BlockerCard] = []

    def compose(self) -> ComposeResult:
        yield Static(classes="column-heading")
        with VerticalScroll(can_focus=False):
            yield Static(classes="column-empty")

    def show(self, heading: Content, cards: Sequence[Card], empty: str) -> None:
        """Show `cards` under `heading` (the card widgets are kept and filled again)."""
        self.query_one(".column-heading", Static).update(heading)
        nothing = self.query_one(".column-empty", Static)
        nothing.update(Content(empty))
        nothing.display = not cards
        while len(self.cards) > len(cards):
            self.cards.pop().remove()
        if len(self.cards) < len(cards):
            more = [BlockerCard() for _ in range(len(cards) - len(self.cards))]
            self.cards += more
            self.query_one(VerticalScroll).mount_all(more)
        for widget, card in zip(self.cards, cards, strict=True):
            widget.show(card)

    @property
    def ids(self) -> list[str]:
        return [w.card.blocker_id for w in self.cards if w.card is not None]


class BlockerBoard(Horizontal, can_focus=True):
    """The columns of cards, and the pick moved with the arrow keys."""

    BINDINGS = [
        Binding("up", "move(0, -1)", "Up", show=False),
        Binding("down", "move(0, 1)", "Down", show=False),
        Binding("left", "move(-1, 0)", "Left", show=False),
        Binding("right", "move(1, 0)", "Right", show=False),
        Binding("home", "move(0, -1000)", "First", show=False),
        Binding("end", "move(0, 1000)", "Last", show=False),
    ]

    DEFAULT_CSS = """
    BlockerBoard {
        height: 1fr;
    }
    BlockerBoard > BoardColumn.column-resolved {
        display: none;
    }
    BlockerBoard > BoardColumn.column-resolved.-in-use {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.picked: str | None = None
        """The id of the blocker the arrows are on."""

    def compose(self) -> ComposeResult:
        for status in COLUMN_TITLES:
            yield BoardColumn(status)

    def card_room(self, columns: int) -> int:
        """The cells of text a card has across, with `columns` columns on show (before the
        board is laid out, as if it had the screen's width)."""
        width = self.size.width or self.app.size.width - 4
        frame = 6  # the column's margin, the card's border and padding, a scrollbar
        return max(12, width // max(1, columns) - frame)

    @property
    def columns(self) -> list[BoardColumn]:
        return list(self.query_children(BoardColumn))

    def show(self, columns: dict[BlockerStatus, tuple[Content, list[Card]]], empty: str) -> None:
        """Fill the columns; the pick stays on its blocker wherever it went, and when it has
        gone (resolved), on the card that took its place in its column."""
        where = self.place(self.picked)
        for column in self.columns:
            heading, cards = columns.get(column.status, (Content(""), []))
            column.set_class(bool(cards), "-in-use")
            column.show(heading, cards, empty if column.status is BlockerStatus.OPEN else "none")
        if self.place(self.picked) is None:
            self.picked = self.nearest(*where) if where else None
        if self.picked is None:
            self.picked = next((c.ids[0] for c in self.columns if c.ids), None)
        self.show_pick()

    def place(self, blocker_id: str | None) -> tuple[int, int] | None:
        """The column and row of a blocker on the board."""
        for x, column in enumerate(self.columns):
            if blocker_id in column.ids:
                return x, column.ids.index(blocker_id)
        return None

    def nearest(self, x: int, y: int) -> str | None:
        """The card at row `y` of column `x`, or the nearest one to it."""
        ids = self.columns[x].ids
        return ids[min(y, len(ids) - 1)] if ids else None

    def pick(self, blocker_id: str | None) -> bool:
        """Put the pick on a blocker; False when it is not on the board."""
        if blocker_id is None or self.place(blocker_id) is None:
            return False
        self.picked = blocker_id
        self.show_pick()
        return True

    def show_pick(self) -> None:
        for column in self.columns:
            for card in column.cards:
                picked = card.card is not None and card.card.blocker_id == self.picked
                card.set_class(picked, "-picked")
                card.set_class(picked and not self.has_focus, "-dimmed")
                if picked:
                    self.call_after_refresh(card.scroll_visible, animate=False)

    def on_click(self, event: events.Click) -> None:
        """A card clicked (or tapped, on `huddle serve`) is picked."""
        for node in event.widget.ancestors_with_self if event.widget else ():
            if isinstance(node, BlockerCard) and node.card is not None:
                self.focus()
                self.pick(node.card.blocker_id)
                return

    def on_focus(self) -> None:
        self.show_pick()

    def on_blur(self) -> None:
        self.show_pick()

    def action_move(self, across: int, down: int) -> None:
        where = self.place(self.picked)
        if where is None:
            return
        x, y = where
        columns = self.columns
        if down:
            self.pick(self.nearest(x, max(0, y + down)))
            return
        x += across
        while 0 <= x < len(columns) and not columns[x].ids:
            x += across  # an empty column is stepped over
        if 0 <= x < len(columns):
            self.pick(self.nearest(x, y))

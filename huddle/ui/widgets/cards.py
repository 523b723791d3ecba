"""Cards in columns, for the TV: one card per person (or per anything), laid out across the
width the screen has, each card's rows wrapped (never cut) under a lead such as a mark word.

`lay_out(cards, width)` is plain text layout: it returns the whole board as one Content and
the line each row starts on, so a screen can keep a picked row in view. `CardBoard` shows it
in a scrolling panel. User text stays literal: rows and titles are Content made by callers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

CARD_WIDTH = 44
"""The narrowest a card gets before the board uses fewer columns."""
GAP = 2
"""Blank columns between two cards side by side."""
PICKED = "bold $block-cursor-foreground on $block-cursor-background"
"""How the picked row is drawn: the whole row, in its card, reversed."""


@dataclass(frozen=True)
class CardRow:
    """One row of a card: `lead` (a mark word, a bullet) with `lines` wrapped beside it."""

    lead: Content
    lines: Sequence[Content]
    row_id: str | None = None
    """The id a screen picks the row by (None: not pickable)."""


@dataclass(frozen=True)
class Card:
    title: Content
    rows: Sequence[CardRow] = ()
    note: Content | None = None
    """A line under the title (e.g. "not here"), or under an empty card."""
    style: str = ""
    """The card's border colour and style (e.g. "$foreground-disabled": someone not here)."""
    card_id: str | None = None
    """An id to keep the whole card in view by (as a row id is), e.g. the speaker's."""


def _card_lines(card: Card, width: int, picked: str | None) -> tuple[list[Content], dict[str, int]]:
    """The card as lines exactly `width` cells wide, and the line each row id starts on."""
    inner = width - 4
    holds_picked = picked is not None and any(row.row_id == picked for row in card.rows)
    border = "bold $accent" if holds_picked else card.style or "$primary"
    title = card.title.truncate(max(1, inner - 2), ellipsis=True)
    top = Content.assemble(
        ("╭─ ", border), title, (" " + "─" * max(0, inner - title.cell_length - 2) + "─╮", border)
    )
    lines, starts = [top], {} if card.card_id is None else {card.card_id: 0}
    body: list[tuple[Content, bool]] = []
    if card.note is not None:
        body.extend((line, False) for line in card.note.wrap(inner))
    for row in card.rows:
        if row.row_id is not None:
            starts[row.row_id] = len(body) + 1
        indent = row.lead.cell_length
        first = True
        for text in row.lines:
            for part in text.wrap(max(8, inner - indent)) or [Content("")]:
                lead = row.lead if first else Content(" " * indent)
                body.append((lead + part, row.row_id is not None and row.row_id == picked))
                first = False
    for text, is_picked in body:
        padded = text.pad_right(max(0, inner - text.cell_length))
        if is_picked:
            padded = padded.stylize(PICKED)
        lines.append(Content.assemble(("│ ", border), padded, (" │", border)))
    lines.append(Content.styled("╰" + "─" * (width - 2) + "╯", border))
    return lines, starts


def columns_for(width: int, count: int) -> int:
    """How many cards side by side fit in `width` cells (at least one)."""
    return max(1, min(count, (width + GAP) // (CARD_WIDTH + GAP)))


def lay_out(
    cards: Sequence[Card], width: int, picked: str | None = None, height: int | None = None
) -> tuple[Content, dict[str, int]]:
    """`cards` in columns across `width`, in reading order down each column (the columns
    about as tall as each other); and the line each row id starts on. With `height`, the
    fewest columns (two at least, where two fit) whose cards fit in it: wider cards, fewer
    lines wrapped; else as many as fit the width."""
    if not cards:
        return Content(""), {}
    most = columns_for(width, len(cards))
    best = _in_columns(cards, width, most, picked)
    if height is not None:
        for count in range(min(2, most), most):
            laid = _in_columns(cards, width, count, picked)
            if len(laid[0]) <= height:
                best = laid
                break
    lines, starts = best
    return Content("\n").join(lines), starts


def _in_columns(
    cards: Sequence[Card], width: int, count: int, picked: str | None
) -> tuple[list[Content], dict[str, int]]:
    card_width = (width - GAP * (count - 1)) // count
    drawn = [_card_lines(card, card_width, picked) for card in cards]
    total = sum(len(lines) + 1 for lines, _ in drawn)
    target = -(-total // count)
    columns: list[list[int]] = [[]]
    height = 0
    for index, (lines, _) in enumerate(drawn):
        if columns[-1] and len(columns) < count and height + len(lines) / 2 > target:
            columns.append([])
            height = 0
        columns[-1].append(index)
        height += len(lines) + 1
    stacks: list[list[Content]] = []
    starts: dict[str, int] = {}
    for column in columns:
        stack: list[Content] = []
        for index in column:
            lines, rows = drawn[index]
            if stack:
                stack.append(Content(" " * card_width))  # a blank line between two cards
            starts.update({row_id: len(stack) + at for row_id, at in rows.items()})
            stack.extend(lines)
        stacks.append(stack)
    rows_out = [
        Content(" " * GAP)
        .join(stack[line] if line < len(stack) else Content(" " * card_width) for stack in stacks)
        .rstrip()
        for line in range(max(len(stack) for stack in stacks))
    ]
    return rows_out, starts


class CardBoard(VerticalScroll, can_focus=False):
    """Cards in columns at the board's width; `show` again whenever the cards change."""

    DEFAULT_CSS = """
    CardBoard {
        height: 1fr;
        padding: 0 1;
    }
    CardBoard > Static {
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cards: list[Card] = []
        self._picked: str | None = None
        self.starts: dict[str, int] = {}
        """The line each row id starts on, as last drawn."""

    def compose(self) -> ComposeResult:
        yield Static(id="cards", markup=False)

    def show(self, cards: Sequence[Card], picked: str | None = None) -> None:
        self._cards, self._picked = list(cards), picked
        self.draw()

    def draw(self) -> None:
        region = self.scrollable_content_region
        width = region.width or self.app.size.width - 4
        board, self.starts = lay_out(self._cards, width, self._picked, region.height or None)
        self.query_one("#cards", Static).update(board)
        if self._picked in self.starts:
            line = self.starts[self._picked]
            self.call_after_refresh(
                self.scroll_to_region, Region(0, line, 1, 4), animate=False, immediate=True
            )

    def text(self) -> str:
        """The board as plain text (for tests and the curious)."""
        return str(self.query_one("#cards", Static).content)

    def on_resize(self) -> None:
        if self._cards:
            self.draw()

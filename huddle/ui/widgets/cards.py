"""Cards in columns, for the TV: one card per person (or per anything), laid out across the
width the screen has, each card's rows wrapped (never cut) under a lead such as a mark word.

`lay_out(cards, width)` is plain text layout: it returns the whole board as one Content and
the line each row starts on, so a screen can keep a picked row in view. `CardBoard` shows it
in a scrolling panel. User text stays literal: rows and titles are Content made by callers.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from huddle.ui.widgets.lines_view import LinesView

CARD_WIDTH = 44
"""The narrowest a card gets before the board uses fewer columns."""
GAP = 2
"""Blank columns between two cards side by side."""
PICKED = "bold $block-cursor-foreground on $block-cursor-background"
"""How the picked row is drawn: the whole row, in its card, as a list draws its cursor."""


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
    big: str = ""
    """Words to show in block letters under the title where a wall has the room (a name)."""


def card_lines(
    card: Card, width: int, picked: str | None = None, height: int | None = None
) -> tuple[list[Content], dict[str, int]]:
    """The card as lines exactly `width` cells wide (with `height`, at least that many
    lines: blank lines inside it), and the line each row id starts on."""
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
    if height is not None:
        body.extend((Content(""), False) for _ in range(height - 2 - len(body)))
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


Drawn = dict[tuple[int, int, str | None], tuple[Card, list[Content], dict[str, int]]]
"""Cards already drawn, by (the card, its width, the row picked in it), kept with the card
itself: moving the pick redraws only the two cards it leaves and enters, and a card a
screen made again (something in it changed) is drawn again."""


def lay_out(
    cards: Sequence[Card],
    width: int,
    picked: str | None = None,
    height: int | None = None,
    drawn: Drawn | None = None,
) -> tuple[Content, dict[str, int]]:
    """`cards` in columns across `width`, in reading order down each column (the columns
    about as tall as each other); and the line each row id starts on. With `height`, the
    fewest columns (two at least, where two fit) whose cards fit in it: wider cards, fewer
    lines wrapped; else as many as fit the width."""
    lines, starts = board_lines(cards, width, picked, height, drawn)
    return Content("\n").join(lines), starts


def board_lines(
    cards: Sequence[Card],
    width: int,
    picked: str | None = None,
    height: int | None = None,
    drawn: Drawn | None = None,
    fill: bool = False,
) -> tuple[list[Content], dict[str, int]]:
    """`lay_out`'s board as its lines. With `fill` (and `height`): as many columns as fit,
    no card wider than it needs, the room under them filled where every card has it, with
    names in block letters, then a blank line between rows."""
    if not cards:
        return [], {}
    drawn = {} if drawn is None else drawn
    most = columns_for(width, len(cards))
    count = most
    if height is not None and fill:
        cards = _filling(cards, _card_width(width, count), height, count, drawn)
    elif height is not None:
        for fewer in range(min(2, most), most):
            drawn_so = _drawn(cards, _card_width(width, fewer), None, drawn)
            heights = [len(lines) for lines, _ in drawn_so]
            columns = _split(heights, fewer)
            if max(sum(heights[i] + 1 for i in column) - 1 for column in columns) <= height:
                count = fewer
                break
    card_width = _card_width(width, count)
    cards_drawn = _drawn(cards, card_width, picked, drawn)
    stacks: list[list[Content]] = []
    starts: dict[str, int] = {}
    for column in _split([len(lines) for lines, _ in cards_drawn], count):
        stack: list[Content] = []
        for index in column:
            lines, rows = cards_drawn[index]
            if stack:
                stack.append(Content(" " * card_width))  # a blank line between two cards
            starts.update({row_id: len(stack) + at for row_id, at in rows.items()})
            stack.extend(lines)
        stacks.append(stack)
    blank = _blank(card_width)
    rows_out = []
    for line in range(max(len(stack) for stack in stacks)):
        parts = tuple(stack[line] if line < len(stack) else blank for stack in stacks)
        rows_out.append(_joined(parts))
    return rows_out, starts


@functools.lru_cache(maxsize=64)
def _blank(width: int) -> Content:
    """A blank line of a card's width (the same one each time: see `_joined`)."""
    return Content(" " * width)


_JOINED: dict[tuple[int, ...], tuple[tuple[Content, ...], Content]] = {}
"""A line of the board by the card lines it joins: a key that changes two cards joins only
their lines again (the others are the same drawn lines, kept in `Drawn`)."""


def _joined(parts: tuple[Content, ...]) -> Content:
    key = tuple(map(id, parts))
    was = _JOINED.get(key)
    if was is None or any(a is not b for a, b in zip(was[0], parts, strict=True)):
        if len(_JOINED) > 4096:
            _JOINED.clear()
        was = _JOINED[key] = (parts, Content(" " * GAP).join(parts).rstrip())
    return was[1]


_DRESSED: dict[tuple[int, int, str], tuple[Card, Card]] = {}
"""Each card with its name in block letters (or air between its rows), by the card, its
width and which: made again only when the card is."""


def _filling(
    cards: Sequence[Card], card_width: int, height: int, count: int, drawn: Drawn
) -> Sequence[Card]:
    """`cards` with names in block letters, then air between rows, where all still fit."""
    from huddle.ui.widgets.wall_cards import with_air, with_banner

    def dressed(card: Card, kind: str) -> Card:
        key = (id(card), card_width, kind)
        was = _DRESSED.get(key)
        if was is None or was[0] is not card:
            if len(_DRESSED) > 4096:
                _DRESSED.clear()
            style = "bold " + (card.style or "$text-primary")
            made = with_banner(card, card_width, style) if kind == "big" else with_air(card)
            was = _DRESSED[key] = (card, made)
        return was[1]

    def fits(tried: Sequence[Card]) -> bool:
        heights = [len(lines) for lines, _ in _drawn(tried, card_width, None, drawn)]
        columns = _split(heights, count)
        return max(sum(heights[i] + 1 for i in column) - 1 for column in columns) <= height

    for kind in ("big", "air"):
        tried = [dressed(card, kind) for card in cards]
        if not fits(tried):
            break
        cards = tried
    return cards


def _card_width(width: int, count: int) -> int:
    return (width - GAP * (count - 1)) // count


def _drawn(
    cards: Sequence[Card], card_width: int, picked: str | None, cache: Drawn
) -> list[tuple[list[Content], dict[str, int]]]:
    """Each card drawn at `card_width` (from `cache` when it was drawn so already)."""
    out = []
    for card in cards:
        holds = picked if any(row.row_id == picked for row in card.rows) else None
        key = (id(card), card_width, holds)
        if key not in cache or cache[key][0] is not card:
            cache[key] = (card, *card_lines(card, card_width, holds))
        _, lines, starts = cache[key]
        out.append((lines, starts))
    return out


def _split(heights: Sequence[int], count: int) -> list[list[int]]:
    """Cards (by their heights) into `count` columns in order, the columns about as tall."""
    target = -(-sum(h + 1 for h in heights) // count)
    columns: list[list[int]] = [[]]
    height = 0
    for index, lines in enumerate(heights):
        left_empty = count - len(columns)  # columns after this one, still empty
        too_tall = height + lines / 2 > target
        if columns[-1] and left_empty and (too_tall or left_empty >= len(heights) - index):
            columns.append([])
            height = 0
        columns[-1].append(index)
        height += lines + 1
    return columns


def _people(count: int) -> str:
    return "person" if count == 1 else "people"


class CardBoard(VerticalScroll, can_focus=False):
    """Cards in columns at the board's width; `show` again whenever the cards change. Only
    the cards that fit are drawn: a page around the picked card (it stays while the pick
    moves within it), the others counted under it ("and 280 more people")."""

    DEFAULT_CSS = """
    CardBoard {
        height: 1fr;
        padding: 0 1;
    }
    CardBoard > Static, CardBoard > LinesView {
        width: 1fr;
    }
    CardBoard > #cards-more {
        color: $foreground-muted;
    }
    """

    def __init__(self, *, fill: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fill = fill
        """Fill the room the cards have (see `board_lines`)."""
        self._cards: Sequence[Card] = []
        self._picked: str | None = None
        self._around: int | None = None
        self._page = range(0)
        self._drawn: Drawn = {}
        self.starts: dict[str, int] = {}
        """The line each row id starts on, as last drawn."""

    def compose(self) -> ComposeResult:
        yield LinesView(id="cards")
        yield Static(id="cards-more", markup=False)

    def show(
        self, cards: Sequence[Card], picked: str | None = None, around: int | None = None
    ) -> None:
        """Show `cards` (a card is made only when it shows: `cards` may make them as asked);
        the same cards again with another row picked redraws only the cards the pick moved
        between. `around`: the place of the card to keep in view (else the card holding
        `picked`)."""
        self._cards, self._picked, self._around = cards, picked, around
        self.draw()

    def _picked_at(self) -> int:
        if self._around is not None:
            return self._around
        for index, card in enumerate(self._cards):
            if self._picked is not None and (
                card.card_id == self._picked or any(r.row_id == self._picked for r in card.rows)
            ):
                return index
        return 0

    def _page_for(self, width: int, height: int) -> range:
        """The cards that fit in `height` lines: from the page shown before when the picked
        card is still on it, else from the picked card (back to fill a last page)."""
        count = len(self._cards)
        at = min(self._picked_at(), count - 1)
        columns = columns_for(width, count)
        card_width = _card_width(width, columns)
        heights: dict[int, int] = {}

        def fits(start: int, stop: int) -> bool:
            for index in range(start, stop):
                if index not in heights:
                    [(lines, _)] = _drawn([self._cards[index]], card_width, None, self._drawn)
                    heights[index] = len(lines)
            page = [heights[index] for index in range(start, stop)]
            split = _split(page, columns)
            return max(sum(page[i] + 1 for i in column) - 1 for column in split) <= height

        first = self._page.start if at in self._page else at
        for start in dict.fromkeys((first, at)):
            stop = start + 1
            while stop < count and fits(start, stop + 1):
                stop += 1
            if at < stop:
                break
        while stop == count and start > 0 and fits(start - 1, stop):
            start -= 1
        return range(start, stop)

    def draw(self) -> None:
        region = self.scrollable_content_region
        if not region:
            return  # (not laid out yet: drawn when it has its size, in `on_resize`)
        width, height = region.width, region.height
        more = self.query_one("#cards-more", Static)
        self._page = self._page_for(width, height) if self._cards else range(0)
        whole = len(self._page) == len(self._cards)
        if not whole:  # a line under the cards counts the others
            self._page = self._page_for(width, height - 1)
        cards = [self._cards[i] for i in self._page]
        board, self.starts = board_lines(
            cards, width, self._picked, height if whole else None, self._drawn, self.fill
        )
        near = range(max(0, self._page.start - 1), min(len(self._cards), self._page.stop + 1))
        kept = {id(self._cards[i]) for i in near}  # (the page, and the cards tried beside it)
        kept |= {id(made) for (was, _, _), (_, made) in _DRESSED.items() if was in kept}
        self._drawn = {key: was for key, was in self._drawn.items() if key[0] in kept}
        self.query_one("#cards", LinesView).show(board)  # (only the lines that changed)
        said = self._more_said()
        if str(more.content) != said:
            more.update(said)
        more.display = bool(said)
        if self._picked in self.starts:
            line = self.starts[self._picked]
            self.call_after_refresh(
                self.scroll_to_region, Region(0, line, 1, 4), animate=False, immediate=True
            )

    def _more_said(self) -> str:
        before, after = self._page.start, len(self._cards) - self._page.stop
        said = [f"{before} {_people(before)} before these"] if before else []
        if after:
            said.append(f"and {after} more {_people(after)}")
        return " · ".join(said)

    def text(self) -> str:
        """The board as plain text (for tests and the curious)."""
        return self.content().plain

    def content(self) -> Content:
        """The board as drawn, styles and all."""
        return self.query_one("#cards", LinesView).content()

    def on_resize(self) -> None:
        if self._cards:
            self.draw()

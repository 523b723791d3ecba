"""Cards on the wall: a panel of cards that fills the room it has, as a board read from
across a room does. The cards share the height (a grid, each card as tall as its words,
wrapped, never cut); when they do not all fit, the panel shows them a page at a time and
says so. And a panel's key figure in the block font, with its caption beside it.

`plan_wall` is plain layout (which grid, how many pages); `WallCards` draws a page of it.
Where only one column fits, a heading (a line of Content) may stand among the cards.
User text stays literal: cards are Content made by callers (widgets/cards.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from huddle.ui.widgets.block_font import block_rows, solid
from huddle.ui.widgets.cards import CARD_WIDTH, GAP, Card, CardRow, card_lines

GAP_Y = 1
"""Blank lines between two rows of cards."""

Item = Card | Content
"""A card, or (in a single column) a heading over the cards after it."""


@dataclass(frozen=True)
class WallPlan:
    """How a panel's cards are laid out: a grid of equal cards, and how many pages."""

    columns: int
    card_width: int
    card_height: int | None
    """Every card's height; None: one column, each card as tall as its words."""
    pages: tuple[range, ...]
    """The cards on each page, by their places."""


def _card_width(width: int, columns: int) -> int:
    return (width - GAP * (columns - 1)) // columns


def _tallest(cards: Sequence[Item], width: int) -> int:
    return max(_lines(card, width) for card in cards)


def plan_wall(
    cards: Sequence[Item], width: int, height: int, most_columns: int | None = None
) -> WallPlan:
    """The grid for `cards` in `width` x `height` cells: a near-square grid (three or fewer
    cards side by side), more columns where a card's words need more height than its share,
    and, when even the most columns leave a card too tall, as many rows as the tallest card
    allows, a page at a time. Where only one column fits, the cards stack, each as tall as
    its words, as many to a page as fit."""
    count = max(1, len(cards))
    most = max(1, min(count, (width + GAP) // (CARD_WIDTH + GAP), most_columns or count))
    if most == 1:
        return _stacked(cards, width, height)
    first = min(most, count if count <= 3 else math.ceil(math.sqrt(count)))
    for columns in range(first, most + 1):
        rows = math.ceil(count / columns)
        share = (height - GAP_Y * (rows - 1)) // rows
        card_width = _card_width(width, columns)
        if not cards or _tallest(cards, card_width) <= share:
            return WallPlan(columns, card_width, max(3, share), (range(count),))
    card_width = _card_width(width, most)
    rows = max(1, (height + GAP_Y) // (_tallest(cards, card_width) + GAP_Y))
    share = (height - GAP_Y * (rows - 1)) // rows
    per_page = most * rows
    pages = tuple(range(at, min(count, at + per_page)) for at in range(0, count, per_page))
    return WallPlan(most, card_width, max(3, share), pages)


def _stacked(cards: Sequence[Item], width: int, height: int) -> WallPlan:
    pages: list[range] = []
    first, used = 0, 0
    for index, item in enumerate(cards):
        tall = min(height, _lines(item, width)) + _gap(cards, index, first)
        if index > first and used + tall > height:
            start, back = first, index - 1 if isinstance(cards[index - 1], Content) else index
            first = back if back > start else index  # a heading goes over with its cards
            pages.append(range(start, first))
            used = (_carried(cards, first) is not None) + sum(
                _lines(cards[at], width) for at in range(first, index)
            )
            tall = min(height, _lines(item, width)) + _gap(cards, index, first)
        used += tall
    pages.append(range(first, max(first + 1, len(cards))))
    return WallPlan(1, width, None, tuple(pages))


def _carried(items: Sequence[Item], first: int) -> Content | None:
    """The heading carried over to a page starting at `first` amid its cards, if any."""
    if first >= len(items) or isinstance(items[first], Content):
        return None
    above = [item for item in items[:first] if isinstance(item, Content)]
    return above[-1] + Content.styled(" continued", "$text-muted") if above else None


def _lines(item: Item, width: int) -> int:
    return 1 if isinstance(item, Content) else len(card_lines(item, width)[0])


def _gap(items: Sequence[Item], index: int, first: int) -> int:
    """Blank lines above `items[index]` on a page starting at `first`: none under a heading."""
    return 0 if index == first or isinstance(items[index - 1], Content) else GAP_Y


def fitted(card: Card, width: int, height: int) -> list[Content]:
    """The card drawn `width` x `height`: blank lines inside when its words are fewer; when
    they are more, the rows that fit whole and how many more there are (a first row taller
    than the whole card: the lines that fit and how many more lines there are)."""
    lines, _ = card_lines(card, width, height=height)
    rows = list(card.rows)
    for keep in range(len(rows) - 1, 0, -1):
        if len(lines) <= height:
            break
        more = Content.styled(f"… and {len(rows) - keep} more", "italic $text-muted")
        shorter = replace(card, rows=[*rows[:keep], CardRow(Content(""), [more])])
        lines, _ = card_lines(shorter, width, height=height)
    if len(lines) <= height or height < 3:
        return lines[:height]
    more = Content.styled(f"… and {len(lines) - height + 1} more lines", "italic $text-muted")
    marker = card_lines(replace(card, note=None, rows=[CardRow(Content(""), [more])]), width)[0]
    return [*lines[: height - 2], marker[1], lines[-1]]


def with_banner(card: Card, width: int, style: str = "bold $text-accent") -> Card:
    """The card with its `big` words in block letters under its title (its first word
    when the whole does not fit `width`); as it is when neither fits."""
    for words in (card.big, card.big.partition(" ")[0]):
        rows = block_rows(words) if words else None
        if rows and max(len(row) for row in rows) <= width - 4:
            banner = solid(rows, style)
            note = banner if card.note is None else Content("\n").join([banner, card.note])
            return replace(card, note=note)
    return card


def with_air(card: Card) -> Card:
    """The card with a blank line between its rows, easier to read from afar."""
    rows = [replace(row, lines=[*row.lines, Content("")]) for row in card.rows[:-1]]
    return replace(card, rows=[*rows, *card.rows[-1:]])


def draw_page(cards: Sequence[Item], plan: WallPlan, page: int, height: int) -> Content:
    """Page `page` of `cards` as laid out by `plan` in `height` lines, in reading order
    across each row, each card as tall as its words (no taller than the plan's share);
    with names in block letters when every card has the room."""
    first_on_page = plan.pages[page].start
    if plan.card_height is None:  # one column: cards as tall as their words, headings
        carried = _carried(cards, first_on_page)
        out: list[Content] = [] if carried is None else [carried]
        for index in plan.pages[page]:
            item = cards[index]
            out.extend(Content("") for _ in range(_gap(cards, index, first_on_page)))
            if isinstance(item, Content):
                out.append(item)
            else:
                tall = min(height - len(out), _lines(item, plan.card_width))
                out.extend(fitted(item, plan.card_width, max(3, tall)))
        return Content("\n").join(out[:height])
    shown = [card for index in plan.pages[page] if isinstance(card := cards[index], Card)]
    tall = plan.card_height
    bannered = [with_banner(card, plan.card_width) for card in shown]
    if bannered and _tallest(bannered, plan.card_width) <= tall:
        shown = bannered
    airy = [with_air(card) for card in shown]
    if airy and _tallest(airy, plan.card_width) <= tall:
        shown = airy
    blank = Content(" " * plan.card_width)
    rows: list[Content] = []
    for first in range(0, len(shown), plan.columns):
        row = shown[first:][: plan.columns]  # each card as tall as its words, or its share
        drawn = [
            fitted(card, plan.card_width, min(tall, _lines(card, plan.card_width))) for card in row
        ]
        if rows:
            rows.extend(Content("") for _ in range(GAP_Y))
        for line in range(max(len(lines) for lines in drawn)):
            parts = [lines[line] if line < len(lines) else blank for lines in drawn]
            rows.append(Content(" " * GAP).join(parts).rstrip())
    return Content("\n").join(rows[:height])


def figure(value: int | str, caption: Sequence[Content], style: str) -> Content:
    """A key figure in the block font (plain bold where the font can't draw it), its
    caption beside it, a line of the caption to each row of the figure."""
    text = f"{value:,}" if isinstance(value, int) else value
    rows = block_rows(text.replace(",", ""))
    if rows is None:
        return Content.assemble((text, f"bold {style}"), "  ", Content("  ").join(caption))
    wide = max(len(row) for row in rows)
    lines = [
        Content.assemble(solid([row.ljust(wide)], style), "   ", caption[index])
        if index < len(caption)
        else solid([row], style)
        for index, row in enumerate(rows)
    ]
    return Content("\n").join(lines)


class WallCards(Widget):
    """A panel's cards filling the widget, a page at a time: `show(cards)`, `turn_to(page)`.
    It tells its screen (`Paged`) when the number of pages changes, e.g. on a resize."""

    DEFAULT_CSS = """
    WallCards { height: 1fr; }
    """

    class Paged(Message):
        """The number of pages changed."""

        def __init__(self, cards: WallCards) -> None:
            super().__init__()
            self.cards = cards

    def __init__(
        self, *, most_columns: int | None = None, id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.most_columns = most_columns
        self.cards: Sequence[Item] = ()
        self.empty = Content("")
        """What an empty panel says."""
        self.page = 0
        self.plan: WallPlan | None = None

    @property
    def pages(self) -> int:
        return len(self.plan.pages) if self.plan else 1

    def show(self, cards: Sequence[Item], empty: Content | None = None) -> None:
        self.cards = cards
        if empty is not None:
            self.empty = empty
        self.replan()

    def turn_to(self, page: int) -> None:
        self.page = max(0, min(page, self.pages - 1))
        self.refresh()

    def replan(self) -> None:
        width, height = self.content_size
        before = self.pages
        self.plan = (
            plan_wall(self.cards, width, height, self.most_columns)
            if width > 0 and height > 0
            else None
        )
        self.page = min(self.page, self.pages - 1)
        if self.pages != before:
            self.post_message(self.Paged(self))
        self.refresh()

    def on_resize(self) -> None:
        self.replan()

    def render(self) -> RenderResult:
        if not self.cards:
            return self.empty
        if self.plan is None:
            return Content("")
        return draw_page(self.cards, self.plan, self.page, self.content_size.height)

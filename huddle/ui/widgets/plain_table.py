"""A table of plain words for reading, drawn cheaply: a bold title, a bold header over a rule,
and rows whose cells wrap within their columns. Column widths come from each column's share
(its ratio) and least width alone, never from measuring every cell, so a day's record draws
in a few milliseconds where a Rich `Table` takes tens. User text is always literal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text

GAP = 2
"""Spaces between two columns."""


@dataclass(frozen=True)
class Column:
    """A column: its heading, its share of the width and the least width it takes."""

    name: str
    ratio: int
    least: int


def widths(columns: list[Column], width: int) -> list[int]:
    """Each column's width: the room left by the gaps, shared by ratio, a column whose share
    is under its least width given that and the rest shared again; where even the least
    widths do not fit, those shrink alike. Rounding's leftover goes to the last column."""
    room = max(len(columns), width - GAP * (len(columns) - 1))
    least = sum(c.least for c in columns)
    if least > room:  # not even the least widths fit: they shrink alike
        shares = [max(1, room * c.least // least) for c in columns]
    else:
        fixed: dict[int, int] = {}
        while True:
            left = room - sum(fixed.values())
            ratios = sum(c.ratio for i, c in enumerate(columns) if i not in fixed) or 1
            short = {
                i: c.least
                for i, c in enumerate(columns)
                if i not in fixed and left * c.ratio // ratios < c.least
            }
            if not short:
                break
            fixed.update(short)
        shares = [fixed.get(i, left * c.ratio // ratios) for i, c in enumerate(columns)]
    shares[-1] = max(1, room - sum(shares[:-1]))
    return shares


class PlainTable:
    """Rows of words under a title and a header; a Rich renderable."""

    def __init__(self, title: str, columns: list[Column]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        sizes = widths(self.columns, width)
        yield from _lines(console, [_bold(self.title)], [width])
        yield from _lines(console, [_bold(c.name) for c in self.columns], sizes)
        yield Segment("─" * width)
        yield Segment.line()
        for row in self.rows:
            yield from _lines(console, [Text(cell) for cell in row], sizes)


def _bold(text: str) -> Text:
    # (A span, not the Text's own style: wrapping keeps spans on every line.)
    return Text.assemble((text, "bold"))


def _lines(console: Console, cells: list[Text], sizes: list[int]) -> Iterator[Segment]:
    """One row: each cell wrapped to its column (a word too long is folded), side by side."""
    wrapped = [
        cell.wrap(console, size, overflow="fold") for cell, size in zip(cells, sizes, strict=True)
    ]
    gap = Segment(" " * GAP)
    for y in range(max(len(lines) for lines in wrapped)):
        for x, (lines, size) in enumerate(zip(wrapped, sizes, strict=True)):
            if x:
                yield gap
            line = lines[y] if y < len(lines) else Text()
            yield from line.render(console)
            yield Segment(" " * max(0, size - line.cell_len))
        yield Segment.line()

"""A solid block font for a screen read from across a room: each character is a 5x7 grid of
square dots drawn with full and half blocks (█ ▀ ▄), four text rows tall, so a name or a
time stays legible on a TV and in a picture shrunk to a quarter.

Capitals A-Z (names are shown in capitals), digits, space, and - ' : . Text with any other
character (an accent, an emoji) gets no block letters: `block_rows` returns None and the
caller shows the text as plain bold text. The rows are built from the font only, so user text
can never be read as markup.
"""

from __future__ import annotations

import functools
import re

from textual.content import Content
from textual.widgets import Static

GLYPHS: dict[str, str] = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".#### #.... #.... #.... #.... #.... .####",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".#### #.... #.... #.### #...# #...# .###.",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": "### .#. .#. .#. .#. .#. ###",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# ##..# #.#.# #..## #...# #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #...# #...# #...# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "####. ....# ....# .###. ....# ....# ####.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": ".###. #.... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ....# .###.",
    " ": "... ... ... ... ... ... ...",
    "-": "... ... ... ### ... ... ...",
    "'": "# # . . . . .",
    ":": ". # . . . # .",
    ".": ". . . . . # #",
}
"""Each character as seven rows of dots ('#' on, '.' off), left to right."""

ROWS = 4
"""Text rows a line of block letters takes (seven dots, two to a row)."""

_FULL_RUNS = re.compile(r"(█+)")
_HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def _glyph_rows(char: str) -> list[str] | None:
    dots = GLYPHS.get(char.upper()) if char.isascii() else None
    if dots is None:
        return None
    lines = [[dot == "#" for dot in line] for line in dots.split()]
    lines.append([False] * len(lines[0]))  # an eighth row of dots, blank: four full rows
    return [
        "".join(_HALVES[top, bottom] for top, bottom in zip(lines[i], lines[i + 1], strict=True))
        for i in range(0, 2 * ROWS, 2)
    ]


def block_rows(text: str) -> list[str] | None:
    """`text` as four rows of block letters, or None if a character is not in the font."""
    rows = _block_rows(text)
    return None if rows is None else list(rows)


@functools.lru_cache(maxsize=512)
def _block_rows(text: str) -> tuple[str, ...] | None:
    """(Kept: a name is drawn again at every key that shows it.)"""
    glyphs = [_glyph_rows(char) for char in text]
    if not glyphs or any(glyph is None for glyph in glyphs):
        return None
    return tuple(" ".join(glyph[row] for glyph in glyphs if glyph).rstrip() for row in range(ROWS))


def block_width(text: str) -> int:
    """How many columns `block_rows(text)` takes (0 if it has no block letters)."""
    rows = block_rows(text)
    return max((len(row) for row in rows), default=0) if rows else 0


def solid(rows: list[str], style: str = "") -> Content:
    """`rows` of block letters as Content, each full block drawn as a cell filled with the
    text's colour (a reversed space), so the letters are solid wherever they are drawn, also
    in pictures, where a font's █ leaves a thin gap between rows."""
    lines: list[Content] = []
    for row in rows:
        parts = [
            (" " * len(run), "reverse") if run.startswith("█") else run
            for run in _FULL_RUNS.split(row)
            if run
        ]
        lines.append(Content.assemble(*parts))
    drawn = Content("\n").join(lines)
    return drawn.stylize(style) if style else drawn


class BlockDigits(Static):
    """A number or a time in the solid block font (Textual's `Digits` draws thin lines):
    `show("12")`; text the font can't draw is shown as it is."""

    DEFAULT_CSS = """
    BlockDigits {
        width: auto;
        height: auto;
        text-style: bold;
    }
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = ""
        """What is shown, as typed ("12", "09:04")."""
        self.show(value)

    def show(self, value: str) -> None:
        self.value = value
        rows = block_rows(value)
        self.update(solid(rows) if rows else Content(value))

"""A person's name in block letters three rows tall, for a screen read from across a room.

Our own small font of box-drawing characters: letters (shown as capitals), space, hyphen and
apostrophe. A name with any other character (an accent, an emoji) gets no block letters:
`big_rows` returns None and the caller shows the name as plain bold text. The rows are built
from the font only, so a name can never be read as markup.
"""

from __future__ import annotations

FONT: dict[str, tuple[str, str, str]] = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "B": ("┏┓ ", "┣┻┓", "┗━┛"),
    "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("╺┳┓", " ┃┃", "╺┻┛"),
    "E": ("┏━╸", "┣╸ ", "┗━╸"),
    "F": ("┏━╸", "┣╸ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("╻", "┃", "╹"),
    "J": ("  ╻", "  ┃", "┗━┛"),
    "K": ("╻┏ ", "┣┻┓", "╹ ╹"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹ ╹"),
    "N": ("┏┓╻", "┃┗┫", "╹ ╹"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "Q": ("┏━┓", "┃┓┃", "┗┻┛"),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━┓", "┗━┓", "┗━┛"),
    "T": ("╺┳╸", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "┃┏┛", "┗┛ "),
    "W": ("╻ ╻", "┃╻┃", "┗┻┛"),
    "X": ("╻ ╻", "┏╋┛", "╹ ╹"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    "Z": ("╺━┓", "┏━┛", "┗━╸"),
    " ": ("  ", "  ", "  "),
    "-": ("   ", "╺━╸", "   "),
    "'": ("╻", "╹", " "),
}
"""Each character as three rows of equal width."""

ROWS = 3


def big_rows(name: str) -> list[str] | None:
    """`name` as three rows of block letters, or None if a character is not in the font."""
    glyphs: list[tuple[str, str, str]] = []
    for char in name:
        glyph = FONT.get(char.upper()) if char.isascii() else None
        if glyph is None:
            return None
        glyphs.append(glyph)
    if not glyphs:
        return None
    return [" ".join(glyph[row] for glyph in glyphs).rstrip() for row in range(ROWS)]


def big_width(name: str) -> int:
    """How many columns `big_rows(name)` takes (0 if it has no block letters)."""
    rows = big_rows(name)
    return max((len(row) for row in rows), default=0) if rows else 0

"""A person's name in solid block letters, for a screen read from across a room: one line of
letters (four rows) per word group, broken between words when the name is wider than the room.
A name the font can't draw (an accent, an emoji), or a word wider than the room, gets no
block letters: `big_rows` returns None and the caller shows the name as plain bold text."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from huddle.ui.shared_screen import is_wide
from huddle.ui.widgets.block_font import block_rows, block_width, solid


def big_rows(name: str, width: int | None = None) -> list[str] | None:
    """`name` as block letters, four rows a line; a name wider than `width` columns is
    broken between words onto more lines (a blank row between them)."""
    if block_rows(name) is None:
        return None
    if width is None or block_width(name) <= width:
        return block_rows(name)
    lines: list[str] = []
    for word in name.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and block_width(joined) <= width:
            lines[-1] = joined
        elif block_width(word) <= width:
            lines.append(word)
        else:
            return None
    rows: list[str] = []
    for line in lines:
        rows.extend(([""] if rows else []) + (block_rows(line) or []))
    return rows


class BigName(Static):
    """A name with a line under it ("your small step for today"): on the TV in solid block
    letters, laid out at the width its height is measured at (so a name drawn before the
    screen had its size is never cut to one row); else, and for any name the font can't
    draw, the name in bold and the line after it. A `note` (whose turn of how many, which
    keys) goes on a line of its own under them: one widget, not two, for every key to visit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._said = ""
        self._under = ""
        self._note = ""
        self._width = -1

    def show(self, name: str, under: str, note: str = "") -> None:
        self._said, self._under, self._note = name, under, note
        self._lay_out(self.content_size.width)

    def say(self, text: str) -> None:
        """Plain words instead of a name."""
        self._said = ""
        self.update(Content(text))

    def _lay_out(self, width: int) -> None:
        self._width = width
        rows = big_rows(self._said, width) if is_wide(self.screen) else None
        note = Content.assemble("\n", (self._note, "$text-muted")) if self._note else ""
        if rows:
            said = Content.assemble(
                solid(rows, "bold $text-accent"), "\n", (self._under, "$text-muted")
            )
        else:
            said = Content.assemble((self._said, "bold $text-accent"), f" - {self._under}")
        self.update(Content.assemble(said, note))
        self.clear_cached_dimensions()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._said and width and width != self._width:
            self._lay_out(width)
        return super().get_content_height(container, viewport, width)

    def on_resize(self, event: events.Resize) -> None:
        if self._said:
            self._lay_out(self.content_size.width)

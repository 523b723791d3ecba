"""Blocks of Rich text and tables that scroll, drawn once for the width they have.

A `Static` holding a Rich table draws it again to learn its height, again to show it, and
again at every layout; a long record of tables then costs a key a good part of a second.
Here the blocks are drawn into lines once (again only when the width changes), and the
scrolling view shows those lines: a new record is one layout, not one per block."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rich.console import RenderableType
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

KEEP = 32
"""How many drawings are kept to be shown again (moving back and forth between days)."""


class DrawnOnce(ScrollView, can_focus=False):
    """Rich renderables one under the other, a blank line after each, scrolling."""

    DEFAULT_CSS = """
    DrawnOnce {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks: Sequence[RenderableType] = []
        self._lines: list[Strip] = []
        self._drawn_at = -1
        """The width the lines were drawn for (-1: not drawn yet)."""
        self._scrolled = False
        """Whether the lines were taller than the view, last time."""
        self._key: Hashable = None
        self._kept: dict[tuple[Hashable, int, Style], list[Strip]] = {}
        """Lines drawn before, by what they show, their width and style (the latest last)."""

    def show(self, blocks: Sequence[RenderableType], *, key: Hashable = None) -> None:
        """Show `blocks` in place of what was shown, from the top. `key` names what they
        show: shown again under the same key, the lines drawn then are used (`forget()`
        when what a key shows may have changed)."""
        self._blocks, self._key = blocks, key
        self._drawn_at = -1
        self._fit()
        self.scroll_home(animate=False, immediate=True)
        self.refresh()

    def forget(self) -> None:
        """Lines drawn before are drawn again when next shown."""
        self._kept.clear()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Draw the lines for the room there is: the whole width, or the width beside the
        scrollbar when they are taller than the view (tried first when the last were)."""
        if not self.is_mounted:
            return
        width, height = self.size  # (inside the padding; the scrollbar not taken off)
        beside = width - self.styles.scrollbar_size_vertical
        if self._scrolled:
            lines = self._draw(beside)
            if len(lines) <= height:
                lines = self._draw(width)
        else:
            lines = self._draw(width)
        if len(lines) > height:
            lines = self._draw(beside)
        self._scrolled = len(lines) > height
        self.virtual_size = Size(self._drawn_at, len(lines))

    def _draw(self, width: int) -> list[Strip]:
        width = max(width, 1)
        kept = (self._key, width, self.rich_style)
        if width != self._drawn_at and self._key is not None and kept in self._kept:
            self._lines, self._drawn_at = self._kept[kept], width
        elif width != self._drawn_at:
            console = self.app.console
            options = self.app.console_options.update_width(width).update(highlight=False)
            blank = Strip.blank(width, self.rich_style)
            lines: list[Strip] = []
            for block in self._blocks:
                drawn = console.render_lines(block, options, style=self.rich_style, pad=True)
                lines.extend(Strip(line, width) for line in drawn)
                lines.append(blank)
            self._lines, self._drawn_at = lines, width
            if self._key is not None:
                self._kept[kept] = lines
                if len(self._kept) > KEEP:
                    del self._kept[next(iter(self._kept))]
        return self._lines

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if 0 <= index < len(self._lines):
            return self._lines[index].crop(scroll_x, scroll_x + width)
        return Strip.blank(width, self.rich_style)

"""Lines of Content drawn one by one, for a board a key changes a little of: showing new
lines repaints only the lines that differ from those shown (a Static draws all of its lines
again, and lays out the screen again, at every update)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget


class LinesView(Widget):
    """`show(lines)`; as tall as its lines. User text stays literal: lines are Content."""

    DEFAULT_CSS = """
    LinesView {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lines: list[Content] = []

    def show(self, lines: Sequence[Content]) -> None:
        """Show `lines`: a new number of lines lays the screen out again; else only the
        lines that changed are drawn again."""
        old, self.lines = self.lines, list(lines)
        if len(old) != len(self.lines) or max(map(_width, old), default=0) != max(
            map(_width, self.lines), default=0
        ):
            self.refresh(layout=True)
            return
        width = self.size.width
        for y, (was, now) in enumerate(zip(old, self.lines, strict=True)):
            if was is not now and (was.plain != now.plain or was.spans != now.spans):
                self.refresh(Region(0, y, width, 1))  # (Content's == reads the text only)

    def content(self) -> Content:
        """What is shown, as one Content (for tests and the curious)."""
        return Content("\n").join(self.lines)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(map(_width, self.lines), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if y >= len(self.lines) or width <= 0:
            return Strip.blank(width, self.visual_style.rich_style)
        strips = Visual.to_strips(self, self.lines[y], width, 1, self.visual_style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.visual_style.rich_style)


def _width(line: Content) -> int:
    return line.cell_length

"""A line of short chunks (a mark and a person's name) that wraps between chunks, never inside
one: Textual breaks a line at any space, even a non-breaking one ("Lucy / Fletcher")."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static


def whole_chunks(chunks: Sequence[Content], width: int, gap: str = " ") -> Content:
    """`chunks` joined by `gap`, a new line before any chunk that would not fit in `width`."""
    lines: list[list[Content]] = []
    used = 0
    for chunk in chunks:
        if lines and used + len(gap) + chunk.cell_length <= width:
            lines[-1].append(chunk)
            used += len(gap) + chunk.cell_length
        else:
            lines.append([chunk])
            used = chunk.cell_length
    return Content("\n").join(Content(gap).join(line) for line in lines)


def listed(names: Sequence[str]) -> list[Content]:
    """Names as chunks for a list "A, B, C": each (but the last) keeps its comma."""
    return [Content(name + "," * (n < len(names) - 1)) for n, name in enumerate(names)]


class WholeChunks(Static):
    """Shows chunks laid out by `whole_chunks` at its own width, again when that changes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._chunks: list[Content] = []
        self._width = 0

    def show(self, chunks: Sequence[Content]) -> None:
        self._chunks = list(chunks)
        self._lay_out(self.content_size.width)

    def _lay_out(self, width: int) -> None:
        self._width = width
        laid = whole_chunks(self._chunks, width) if width else Content(" ").join(self._chunks)
        self.update(laid)
        self.clear_cached_dimensions()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Laid out again at the width the height is asked for: the height is then that of
        # the lines shown, whatever the order of layout and resize.
        if width and width != self._width:
            self._lay_out(width)
        return super().get_content_height(container, viewport, width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(self.content_size.width)

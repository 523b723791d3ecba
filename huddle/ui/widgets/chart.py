"""A bar chart drawn with block characters: one bar per period, newest on the right.

Textual's Sparkline scales from the smallest value to the largest, so 80% against 84% looks
like empty against full, and it has no way to show a period with no data. These bars stand
on zero (or a given floor), share a fixed top when asked (100% for a rate, 5 for a score),
and show a period with nothing to count as a dot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
NO_DATA = "·"


def bar_text(values: Sequence[float | None], *, top: float | None = None) -> str:
    """A one-line chart in text, one character a value, for a table cell."""
    ceiling = top or max((v for v in values if v is not None), default=0) or 1
    return "".join(
        NO_DATA if v is None else BLOCKS[max(1, _eighths(v, 0.0, ceiling, 8))] for v in values
    )


def _eighths(value: float, bottom: float, top: float, levels: int) -> int:
    """How many eighths of a cell high the bar of `value` is, out of `levels`."""
    share = (value - bottom) / (top - bottom) if top > bottom else 0.0
    filled = round(max(0.0, min(1.0, share)) * levels)
    return max(filled, 1) if value > bottom else filled


class BarChart(Widget):
    """Bars for a series of values, zero-based; None is a period with no data."""

    COMPONENT_CLASSES = {"bar-chart--bar", "bar-chart--latest", "bar-chart--empty"}
    DEFAULT_CSS = """
    BarChart { height: 3; }
    BarChart > .bar-chart--bar { color: $primary; }
    BarChart > .bar-chart--latest { color: $accent; }
    BarChart > .bar-chart--empty { color: $text-muted; }
    """

    values: reactive[tuple[float | None, ...]] = reactive(tuple)
    """Oldest first; the last bar is drawn in the accent colour."""

    def __init__(
        self,
        values: Sequence[float | None] = (),
        *,
        top: float | None = None,
        bottom: float = 0.0,
        scale: Callable[[float], str] | None = None,
        scale_width: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.top = top
        """A fixed top (1.0 for rates); None scales to the largest value."""
        self.bottom = bottom
        self.scale = scale
        """How to write the chart's top (and, two rows high or more, its bottom) at its
        right, so a bar can be read as a number; None: no scale."""
        self.scale_width = scale_width
        """At least this many cells for the scale, so charts one above another keep their
        bars in line whatever their tops."""
        self.set_reactive(BarChart.values, tuple(values))

    def show(self, values: Sequence[float | None], *, top: float | None = None) -> None:
        """Draw these values; the same values again cost nothing (no frame is drawn)."""
        top = top if top is not None else self.top
        if top != self.top:
            self.top = top
            self.refresh()
        self.values = tuple(values)  # reactive: drawn again only if they changed

    def render(self) -> RenderResult:
        width, height = self.size.width, max(1, self.size.height)
        values = self.values
        if not values or width < 1:
            return ""
        top_of = self.top or max((v for v in values if v is not None), default=0) or 1
        marks = self._scale_marks(top_of, height)
        room = max((len(m) for m in marks), default=0)
        room = max(room, self.scale_width) if marks else 0
        width = max(1, width - room - 1) if room and width > room + len(values) else width
        slot = max(1, width // len(values))
        shown = values[-(width // slot) :]
        bar_width = max(1, slot - 1)
        top = top_of  # the scale at the right is this top
        styles = [self.get_component_rich_style("bar-chart--bar")] * (len(shown) - 1) + [
            self.get_component_rich_style("bar-chart--latest")
        ]
        empty = self.get_component_rich_style("bar-chart--empty")
        lines = []
        for row in range(height):
            line = Text(no_wrap=True, overflow="crop")
            below = (height - 1 - row) * 8
            for value, style in zip(shown, styles, strict=True):
                if value is None:
                    cell, cell_style = (NO_DATA if row == height - 1 else " "), empty
                else:
                    level = _eighths(value, self.bottom, top, height * 8) - below
                    cell, cell_style = BLOCKS[max(0, min(8, level))], style
                line.append(cell * bar_width, cell_style if cell.strip() else Style())
                line.append(" " * (slot - bar_width))
            if room and width < self.size.width:
                mark = marks[0] if row == 0 else marks[-1] if row == height - 1 else ""
                line.pad_right(width - line.cell_len)
                line.append(f" {mark:>{room}}", self.get_component_rich_style("bar-chart--empty"))
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)

    def _scale_marks(self, top: float, height: int) -> list[str]:
        """The words at the right of the bars: the top, and the bottom under it when the
        chart is two rows high or more."""
        if self.scale is None:
            return []
        if height == 1:
            low = "0" if self.bottom == 0 else self.scale(self.bottom)
            return [f"{low}-{self.scale(top)}"]
        return [self.scale(top), self.scale(self.bottom)]

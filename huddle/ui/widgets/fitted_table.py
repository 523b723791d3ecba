"""A table whose columns fit the window: short columns as wide as their words (up to a
limit), one column taking the rest, and text that does not fit wrapped onto more lines of
its row, never cut off."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable

from huddle.ui.widgets.live_table import Row, fill_table

CELL_PADDING = 2
"""A DataTable cell has one space either side."""
SCROLLBAR = 2
"""Room kept for the vertical scrollbar, so a long list never makes the text reflow."""
MIN_FILL = 12


class FittedTable(DataTable[RenderableType]):
    """`columns`: each a label and the most cells it may take (None: the one that takes
    what is left). Fill it with `show(rows)`, as `fill_table` does."""

    def __init__(self, columns: Sequence[tuple[str, int | None]], **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.specs = list(columns)
        self.rows_shown: list[Row] = []
        self._widths: list[int] = []

    def show(self, rows: Sequence[Row]) -> bool:
        """Show `rows` (keeping the cursor on the same row); whether anything changed."""
        self.rows_shown = list(rows)
        if self._fit():
            return True
        if not self._widths:  # not laid out yet: shown once it has its size
            return False
        changed = fill_table(self, self.rows_shown, height=None)
        self._measure_rows()
        return changed

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Fitted as the layout gives the table its size, before that frame is drawn: a
        # Resize comes after it, and the first frame of a screen would show the table empty.
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if changed:
            self._fit()
        return changed

    def _measure_rows(self) -> None:
        """Measure the rows just added (their heights, as wrapped) now, where DataTable
        waits until it is idle: the next frame shows them, not an empty table. (Off the
        screen, as the app closes, there is nothing to measure them for.)"""
        if self._require_update_dimensions and self.is_attached:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            # The cells rendered to measure them are cached by this state: as they will be
            # drawn, so drawing them reuses them.
            self._pseudo_class_state = self.get_pseudo_class_state()
            self._update_dimensions(new_rows)

    def _fit(self) -> bool:
        """Lay the columns out again if the width they should have changed: True if so."""
        width = self.size.width
        if width <= 0:
            return False
        widths = self.widths_for(width)
        if widths == self._widths:
            return False
        self._widths = widths
        self.clear(columns=True)
        for (label, _most), cells in zip(self.specs, widths, strict=True):
            self.add_column(label, width=cells, key=label)
        fill_table(self, self.rows_shown, height=None)
        self._measure_rows()
        return True

    def widths_for(self, width: int) -> list[int]:
        """Each column's width in cells, for a table `width` cells wide: the short columns
        as wide as their longest words while the widest column keeps half the room, else
        each at most its limit (or its label)."""
        natural: list[int | None] = []
        for index, (label, most) in enumerate(self.specs):
            longest = max((_cells(cells[index]) for _key, cells in self.rows_shown), default=0)
            natural.append(None if most is None else max(len(label), longest))
        room = width - SCROLLBAR - CELL_PADDING * len(self.specs)
        if room - sum(w for w in natural if w is not None) < room // 2:
            natural = [  # never narrower than the column's label
                None if w is None or most is None else min(w, max(most, len(label)))
                for w, (label, most) in zip(natural, self.specs, strict=True)
            ]
            _narrow_widest(natural, [len(label) for label, _most in self.specs], room - room // 2)
        rest = max(MIN_FILL, room - sum(w for w in natural if w is not None))
        return [rest if w is None else w for w in natural]


def _narrow_widest(widths: list[int | None], floors: list[int], most: int) -> None:
    """Narrow the widest short columns a cell at a time, never below their floors, until
    together they take at most `most` cells: on a narrow window a long status wraps in
    its own column and the one column that takes the rest keeps half the room."""
    while sum(w for w in widths if w is not None) > most:
        narrowable = [i for i, w in enumerate(widths) if w is not None and w > floors[i]]
        if not narrowable:
            return
        widest = max(narrowable, key=lambda i: widths[i] or 0)
        widths[widest] = (widths[widest] or 0) - 1


def _cells(cell: RenderableType) -> int:
    if isinstance(cell, Text):
        return cell.cell_len
    return len(str(cell))

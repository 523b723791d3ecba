"""Refilling a DataTable from the store without the people watching losing their place."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

Row = tuple[str, Sequence[RenderableType]]
"""A row's key (the step's or blocker's id) and its cells."""


def fill_table(
    table: DataTable[RenderableType], rows: Sequence[Row], *, height: int | None = 1
) -> bool:
    """Show `rows`, keeping the cursor on the same row (by key), and the scroll where it was;
    `height` None: each row as tall as its wrapped text.

    Nothing is touched when the rows are the same as shown, so a live refresh that brings
    nothing new costs nothing and moves nothing. Returns whether the table changed.
    """
    shown = [(str(row.key.value), tuple(table.get_row(row.key))) for row in table.ordered_rows]
    wanted = [(key, tuple(cells)) for key, cells in rows]
    if shown == wanted:
        return False
    cursor = table.cursor_coordinate
    cursor_key = shown[cursor.row][0] if 0 <= cursor.row < len(shown) else None
    scroll_x, scroll_y = table.scroll_x, table.scroll_y
    keys = [key for key, _cells in wanted]
    # When the row went, the cursor stays at the same height.
    row = keys.index(cursor_key) if cursor_key in keys else min(cursor.row, len(keys) - 1)
    # The same row stays highlighted: no screen needs telling.
    with table.prevent(DataTable.RowHighlighted, DataTable.CellHighlighted):
        table.clear()
        for key, cells in wanted:
            table.add_row(*cells, key=key, height=height)
        if keys:
            table.cursor_coordinate = Coordinate(max(row, 0), cursor.column)
    table.scroll_to(scroll_x, scroll_y, animate=False, immediate=True)
    return True

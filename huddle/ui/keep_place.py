"""People at the shared screen keep their place while it refreshes from the file.

`kept_place(screen)` wraps a live reload: whatever the screen's `reload()` does, afterwards the
same widget has the focus, each table's cursor is on the same row (found by its key) with the
same scroll, and what was being typed is still there, with its cursor where it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.widgets.data_table import RowDoesNotExist, RowKey

if TYPE_CHECKING:
    from textual.widgets import TextArea


@dataclass
class _TablePlace:
    table: DataTable[Any]
    row_key: RowKey | None
    cursor: Coordinate
    scroll_y: float


def _row_key(table: DataTable[Any]) -> RowKey | None:
    if not table.row_count or not table.is_valid_coordinate(table.cursor_coordinate):
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key


@contextlib.contextmanager
def kept_place(screen: Screen[Any]) -> Iterator[None]:
    focused = screen.focused
    focused_id = focused.id if focused else None
    tables = [
        _TablePlace(t, _row_key(t), t.cursor_coordinate, t.scroll_y)
        for t in screen.query(DataTable)
    ]
    inputs = [(i, i.value, i.cursor_position) for i in screen.query(Input)]
    # By the type's name: TextArea (heavy) is imported only by the screens that use one.
    areas = [
        (a, a.text, a.cursor_location)
        for a in cast("list[TextArea]", list(screen.query("TextArea")))
    ]
    yield
    for place in tables:
        table = place.table
        if not table.is_attached or place.row_key is None or _row_key(table) == place.row_key:
            continue
        with contextlib.suppress(RowDoesNotExist):  # the row went: the table's choice stands
            row = table.get_row_index(place.row_key)
            table.cursor_coordinate = Coordinate(row, place.cursor.column)
            table.scroll_to(y=place.scroll_y, animate=False, immediate=True)
    # Typed text comes back where the reload wiped it, or where someone is typing right now;
    # a field the file fills, changed by another process, shows the new value.
    for field, value, position in inputs:
        if field.is_attached and field.value != value and (field is focused or not field.value):
            field.value = value
            field.cursor_position = position
    for area, text, location in areas:
        if area.is_attached and area.text != text and (area is focused or not area.text):
            area.text = text
            area.cursor_location = location
    if focused is not None and screen.focused is not focused:
        _give_back_focus(screen, focused, focused_id)


def _give_back_focus(screen: Screen[Any], focused: Widget, focused_id: str | None) -> None:
    """Focus the widget that had it, or the one that took its place (same id)."""
    if focused.is_attached and focused.focusable:
        screen.set_focus(focused, scroll_visible=False)
        return
    if focused_id:
        for widget in screen.query(f"#{focused_id}"):
            if widget.focusable:
                screen.set_focus(widget, scroll_visible=False)
                return

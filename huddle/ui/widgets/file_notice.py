"""One line across the top of every screen when the team's file can't take changes."""

from __future__ import annotations

from textual.widgets import Static


class FileNotice(Static):
    """Why nothing can be saved: the file is read-only, or it failed SQLite's check."""

    DEFAULT_CSS = """
    FileNotice {
        height: auto;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__(text, markup=False)

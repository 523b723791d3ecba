"""A footer that fits 80 columns: on a narrow screen its keys sit closer together and the
command palette's key (still working) is not shown, so every key of the screen is seen."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW_BELOW = 100
"""Columns under which the footer is compact."""


class FittingFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_BELOW
        if narrow == self.compact:
            return
        self.compact = narrow
        self.show_command_palette = not narrow
        self.refresh(recompose=True)

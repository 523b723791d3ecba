"""HuddleApp: the full-screen app on one team's file."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from huddle.core.calendar import Clock
from huddle.core.models import HuddleError
from huddle.core.store import Store
from huddle.ui.screens.home import HomeScreen


class HuddleApp(App[None]):
    """The daily huddle on one shared screen."""

    TITLE = "Huddle"
    CSS_PATH = Path(__file__).parent / "huddle.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.store = store
        """The team's file; every read and write goes through it."""
        if clock is not None:
            store.db.clock = clock

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())

    def report(self, error: HuddleError) -> None:
        """Show a user's mistake, or a problem with the file, as one line."""
        self.notify(str(error), severity="error", markup=False, timeout=8)

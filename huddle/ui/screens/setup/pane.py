"""What every tab of Team set-up shares: the store, safe calls, and a way to show it all again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from textual.widgets import TabPane

from huddle.core.models import Team
from huddle.core.store import Store
from huddle.ui.screens.base import LiveScreen

T = TypeVar("T")


class SetupPane(TabPane):
    """One tab of Team set-up. The screen calls `show()` with what every tab needs; a change
    saved here shows the whole screen again (the title bar has the team's name, for one)."""

    @property
    def live_screen(self) -> LiveScreen:
        screen = self.screen
        assert isinstance(screen, LiveScreen)  # noqa: S101 narrows the type; no check relies on it
        return screen

    @property
    def store(self) -> Store:
        return self.live_screen.store

    def safely(self, action: Callable[[], T]) -> T | None:
        """A store call whose mistakes become a one-line notice (see LiveScreen.safely)."""
        return self.live_screen.safely(action)

    def reload(self) -> None:
        """Show the whole screen again, after a change."""
        self.live_screen.reload()

    def show(self, team: Team, today: date) -> None:
        """Show this tab's part of the team as it is in the file."""

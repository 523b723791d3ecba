"""What makes Huddle work on one shared screen, for every screen at once: the compact and
presentation layouts, the keys that work everywhere (help, curtain, history, set-up), the
command palette's commands, and the remembered theme. `HuddleApp` is built on it.

Layouts: the app sets a class on every screen from its width (Textual's breakpoints):
`-compact` below WIDE_COLUMNS columns (80x24 must work), `-wide` from WIDE_COLUMNS up (a TV
or projector). Style your screen for the room in its CSS, e.g.

    HuddleScreen.-wide #timer { display: block; }      /* a big timer */
    HuddleScreen.-compact #timer { display: none; }

and in Python ask `is_wide(self.screen)`. See huddle/ui/README.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from huddle.config import SettingsError
from huddle.ui.commands import HuddleCommands
from huddle.ui.themes import install_themes, remember_theme

if TYPE_CHECKING:
    from huddle.core.store import Store

WIDE_COLUMNS = 140
"""From this many columns the presentation layout is used."""

SHARED_SCREEN_BINDINGS: list[BindingType] = [
    Binding("question_mark,f1", "help", "Help", key_display="?"),
    # priority: the curtain must drop even while someone is typing.
    Binding("ctrl+k", "curtain", "Curtain", priority=True),
    # Work from any screen; the home screen shows them in its footer (HOME_BINDINGS).
    Binding("p", "open_history", "Past huddles", show=False),
    Binding("f2", "open_setup", "Team set-up", show=False),
]

HOME_BINDINGS: list[BindingType] = [
    Binding("p", "app.open_history", "Past huddles"),
    Binding("f2", "app.open_setup", "Team set-up"),
]
"""The keys to the screens of this module, shown in the home screen's footer."""


def is_wide(screen: Screen[Any]) -> bool:
    """Whether `screen` is in the presentation layout."""
    return screen.has_class("-wide")


class SharedScreenApp(App[None]):
    """The app-wide part of HuddleApp: layouts, keys, palette commands, themes."""

    HORIZONTAL_BREAKPOINTS = [
        (0, "-compact"),
        (WIDE_COLUMNS, "-wide"),
    ]
    # Only Huddle's own commands: Textual's generic ones (Maximize, Screenshot) say nothing
    # to a team, and its Theme, Keys and Quit have Huddle commands of their own.
    COMMANDS = {HuddleCommands}
    BINDINGS: ClassVar[list[BindingType]] = SHARED_SCREEN_BINDINGS

    store: Store
    """The team's file (set by HuddleApp)."""

    def __init__(self) -> None:
        super().__init__()
        install_themes(self)

    def watch_theme(self, name: str) -> None:
        try:
            remember_theme(name)
        except SettingsError as error:
            self.notify(f"{error}: the theme holds for this run only", markup=False, timeout=6)

    def action_help(self) -> None:
        """Open the keys of the current screen."""
        from huddle.ui.screens.curtain import CurtainScreen
        from huddle.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | CurtainScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_curtain(self) -> None:
        """Hide (or show again) every name and text on the shared screen."""
        from huddle.ui.screens.curtain import CurtainScreen

        if isinstance(self.screen, CurtainScreen):
            self.screen.dismiss()
        else:
            self.push_screen(CurtainScreen())

    def _show(self, kind: type[Screen[Any]]) -> Screen[Any] | None:
        """Go back to an open screen of this kind if there is one; else None."""
        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, kind):
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                return screen
        return None

    def action_open_history(self) -> None:
        """Past huddles by date, and search."""
        from huddle.ui.screens.history import HistoryScreen

        if self._show(HistoryScreen) is None:
            self.push_screen(HistoryScreen())

    async def action_search(self) -> None:
        """History, with the cursor in the search box."""
        from huddle.ui.screens.history import HistoryScreen

        screen = self._show(HistoryScreen)
        if screen is None:
            self.push_screen(HistoryScreen(searching=True))
        else:
            assert isinstance(screen, HistoryScreen)  # noqa: S101 narrows the type; no check relies on it
            await screen.action_search()

    def action_open_setup(self) -> None:
        """Members, huddle days and holidays, the timebox, and other team settings."""
        from huddle.ui.screens.setup import TeamSetupScreen

        if self._show(TeamSetupScreen) is None:
            self.push_screen(TeamSetupScreen())

    def action_open_board(self) -> None:
        """The board: the wall between huddles, panel by panel."""
        from huddle.ui.screens.board import BoardScreen

        if self._show(BoardScreen) is None:
            self.push_screen(BoardScreen())

    def action_open_ideas(self) -> None:
        """Ideas not yet steps: where each came from, and where each stands."""
        from huddle.ui.screens.ideas import IdeasScreen

        if self._show(IdeasScreen) is None:
            self.push_screen(IdeasScreen())

    def action_open_pdsa(self) -> None:
        """The PDSA cycles: the changes the team is trying."""
        from huddle.ui.screens.pdsa import PdsaScreen

        if self._show(PdsaScreen) is None:
            self.push_screen(PdsaScreen())

    def action_from_home(self, action: str) -> None:
        """Go back to the home screen and run one of its actions (for the palette)."""
        self.action_go_home()
        self.call_later(self.screen.run_action, action)

    def action_raise_blocker(self) -> None:
        """Home, with the add line started as a blocker ("! ...")."""
        from huddle.ui.widgets.entry_bar import EntryBar

        def start_line() -> None:
            for bar in self.screen.query(EntryBar):
                bar.input.value = "! "
                bar.input.cursor_position = 2
                bar.input.focus()

        self.action_go_home()
        self.call_later(start_line)

    def action_go_home(self) -> None:
        """Back to the home screen, closing the screens opened on top of it."""
        from huddle.ui.screens.home import HomeScreen

        self._show(HomeScreen)

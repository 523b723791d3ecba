"""What every screen that shows the team's data shares."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen

from huddle.core.store import Store
from huddle.ui.keep_place import kept_place

if TYPE_CHECKING:
    from huddle.ui.app import HuddleApp

T = TypeVar("T")
Reload = TypeVar("Reload", bound=Callable[["LiveScreen"], None])


class LiveScreen(Screen[None]):
    """A screen drawn from the store. `reload()` reads again what it shows; the app calls it
    when another process writes to the file, and on return from another screen if anything
    was saved meanwhile (`show_changes`)."""

    _shown: tuple[int, int, date] | None = None
    """The store's version when `reload()` last ran to its end: what the screen shows."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "reload" in cls.__dict__:  # every screen's reload notes what it has shown
            cls.reload = _noting_version(cls.__dict__["reload"])  # type: ignore[method-assign]

    WRITES: ClassVar[frozenset[str]] = frozenset()
    """The screen's actions that change the team's file (most open a dialog first): on a file
    that can't take changes the app refuses them at once, before anything is typed."""

    @property
    def huddle_app(self) -> HuddleApp:
        from huddle.ui.app import HuddleApp

        assert isinstance(self.app, HuddleApp)  # noqa: S101 narrows the type; no check relies on it
        return self.app

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys that work now, most important first, as the footer shows them: Help (?),
        then the focused part's keys, the screen's, the app's, each in its BINDINGS order."""
        bindings = super().active_bindings

        def rank(item: tuple[str, ActiveBinding]) -> tuple[int, int]:
            key, active = item
            if active.binding.action.endswith("help"):
                return (0, 0)
            node = active.node
            place = 3 if node is self.app else 2 if node is self else 1
            order = list(node._bindings.key_to_bindings)
            return (place, order.index(key) if key in order else len(order))

        return dict(sorted(bindings.items(), key=rank))

    @property
    def store(self) -> Store:
        return self.huddle_app.store

    @property
    def session_who(self) -> str:
        """Who is at this browser (`huddle serve`), or "" on the shared screen."""
        member = self.huddle_app.session_who
        return member.name if member else ""

    def on_compose(self, _event: events.Compose) -> None:
        # The layout classes (-compact, -wide) the first Resize would set, set before the
        # widgets are styled: otherwise that Resize styles the whole screen a second time.
        width, height = self.app.size
        for own, app_wide, size in (
            (self.HORIZONTAL_BREAKPOINTS, self.app.HORIZONTAL_BREAKPOINTS, width),
            (self.VERTICAL_BREAKPOINTS, self.app.VERTICAL_BREAKPOINTS, height),
        ):
            breakpoints = (app_wide if own is None else own) or []
            self.add_class(*self._get_breakpoint_classes(size, breakpoints), update=False)
        # The screen itself styled by them now (it has no widgets yet, so this is cheap): a
        # screen laid out by its class (HomeScreen.-wide is a grid) is right from its first frame.
        self.update_node_styles(animate=False)

    def _on_mount(self, _event: events.Mount) -> None:
        self.show_file_warning()

    def show_file_warning(self) -> None:
        """The line that says the file can't take changes (read-only, damaged), if so."""
        warning = self.huddle_app.file_warning()
        if not warning:
            return
        from huddle.ui.widgets.file_notice import FileNotice  # only when there is one

        if not self.query(FileNotice):
            self.mount(FileNotice(warning), before=0)

    def reload(self) -> None:
        """Read again from the store and show it. Must keep focus, cursor and typed text."""

    def quit_question(self) -> str | None:
        """What to ask before the app quits while this screen is open; None quits at once."""
        return None

    def key_pressed(self, key: str) -> None:
        """Every key pressed while this screen is on top, before anything acts on it."""

    def on_screen_resume(self) -> None:
        self.show_changes()

    def show_changes(self) -> None:
        """Reload, keeping everyone's place, if the file changed since the screen last showed
        it. Where a save lands (a dialog's result, the screen back on top, a wait for the
        file ending), however many of them come, the screen is drawn again once."""
        if self._shown is None or self.safely(self.store.version) != self._shown:
            with kept_place(self):
                self.safely(self.reload)

    def safely(self, action: Callable[[], T], then: Callable[[T], None] | None = None) -> T | None:
        """Run a store call; a user's mistake, a file problem or a bug becomes a one-line
        notice (None). A save that meets a busy file waits in line: None now, and `then`
        gets its result once it is saved (see huddle/ui/waiting_writes.py)."""
        return self.huddle_app.guarded(action, then)

    def safely_then(self, action: Callable[[], T], after: Callable[[], object]) -> T | None:
        """`safely`, and `after` once the call is made: now, or when the file is free."""

        def saved(_made: T) -> None:
            after()

        made = self.safely(action, saved)
        if made is not None:
            after()
        return made


def _noting_version(reload: Reload) -> Reload:
    @functools.wraps(reload)
    def noted(screen: LiveScreen) -> None:
        version = screen.store.version()
        reload(screen)
        screen._shown = version

    return cast("Reload", noted)

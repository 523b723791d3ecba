"""HuddleApp: the full-screen app on one team's file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.screen import Screen

from huddle.core.calendar import Clock
from huddle.core.models import HuddleError, Member
from huddle.core.store import Store
from huddle.core.store.arrivals import describe_arrivals
from huddle.core.store.db import FileBusy
from huddle.ui.collector import Collector
from huddle.ui.keep_place import kept_place
from huddle.ui.keys_in_turn import KeysInTurn
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.home import HomeScreen
from huddle.ui.shared_screen import SharedScreenApp
from huddle.ui.waiting_writes import UI_LOCK_WAIT_MS, Attempt, WaitingWrites

T = TypeVar("T")

POLL_SECONDS = 0.5
"""How often to look for writes by other processes: PRAGMA data_version costs microseconds."""


class HuddleApp(SharedScreenApp):
    """The daily huddle on one shared screen."""

    TITLE = "Huddle"
    CSS_PATH = Path(__file__).parent / "huddle.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
    ]
    WRITES = frozenset({"raise_blocker"})
    """The app's actions that change the team's file (as LiveScreen.WRITES): the palette's
    Raise a blocker. Team set-up opens on a read-only file too, to be read."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock | None = None,
        first_screen: Callable[[], Screen[Any]] | None = None,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        """The team's file; every read and write goes through it."""
        self.first_screen = first_screen
        """A screen to open over the home screen at the start (`huddle manage`)."""
        self.served = served
        """Run for one browser session by `huddle serve`: it starts by asking who is there."""
        self.session_who: Member | None = None
        """Who is at this browser (`huddle serve`), for this session only; None on a terminal."""
        if clock is not None:
            store.db.clock = clock
        self.arrivals = store.arrivals.watch()
        """What other processes add (`huddle add`), for the notice that says who added what."""
        store.db.wait_for_locks(UI_LOCK_WAIT_MS)
        store.db.write_lock_wait_ms = 0  # a save meets a busy file at once: it waits in line
        self.waiting = WaitingWrites(self)
        """Saves that met a busy file, tried again in order until it is free."""
        self.collector = Collector()
        """The cycle collector, calmed after the first paint (huddle/ui/collector.py)."""
        self.keys_in_turn = KeysInTurn(self)
        """A key typed in the same burst as the one before waits until that one is dealt with."""

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen()

    def on_mount(self) -> None:
        if self.first_screen is not None:
            self.push_screen(self.first_screen())
        elif self.store.is_empty() and not self.served:
            from huddle.ui.screens.first_run import FirstRunScreen  # screens load when opened

            self.push_screen(FirstRunScreen())
        if self.served:
            from huddle.ui.screens.who_are_you import WhoAreYou

            self.push_screen(WhoAreYou(self.store.members.all()), self.now_here)
        self._seen_version = self.store.db.data_version()
        self._seen_day = self.store.today()
        self._seen_replaced = (self.store.db.replaced, self.store.db.gone)
        self.set_interval(POLL_SECONDS, self.check_for_changes)
        path = self.store.db.path
        if self.store.db.damage is None and path is not None:
            # ~0.2 s on five years of a big team: after the first paint, in a thread.
            self.call_after_refresh(self.run_worker, lambda: self._check_file(path), thread=True)
        self.call_after_refresh(self.collector.calm)

    def on_unmount(self) -> None:
        self.collector.restore()

    def file_warning(self) -> str | None:
        """Why changes can't be saved to the team's file, if they can't."""
        if self.store.db.read_only:
            return "read-only: changes can't be saved"
        if self.store.db.damage:
            return "damaged: the file failed SQLite's check; changes can't be saved: huddle check"
        return None

    def read_only_refusal(self) -> str | None:
        """Why no change can be made here, when the file is read-only."""
        db = self.store.db
        if db.untouched:
            return f"read-only here: change it in the team's own huddle (huddle --db {db.where})"
        if db.read_only:
            return f"read-only here: {db.where} can't be written to, so nothing can be changed"
        return None

    def _check_file(self, path: Path) -> None:
        """In a thread, through a connection of its own."""
        from huddle.core.store.file_check import damage_of

        self.call_from_thread(self._file_checked, damage_of(path))

    def _file_checked(self, damage: list[str]) -> None:
        self.store.db.damage = damage
        if damage:
            for screen in self.screen_stack:
                if isinstance(screen, LiveScreen):
                    screen.show_file_warning()

    def back_up_today(self) -> None:
        """The day's backup of the file, at its first huddle, in a thread (never in the way)."""
        if self.store.db.path is None or self.file_warning():
            return
        path, day, keep = self.store.db.path, self.store.today(), self.store.team.get().backups_kept
        self.run_worker(
            lambda: self._back_up(path, day, keep), thread=True, exclusive=True, group="backup"
        )

    def _back_up(self, path: Path, day: date, keep: int) -> None:
        """In a thread: the copy reads through a connection of its own."""
        from huddle.core.store.backup import back_up_once_a_day

        try:
            back_up_once_a_day(path, day, keep=keep)
        except HuddleError as error:
            self.call_from_thread(self.notify, f"no backup made today: {error}", markup=False)

    async def on_event(self, event: events.Event) -> None:
        typed = self.keys_in_turn.typed(event)
        if typed and self.keys_in_turn.holds(event):
            return  # given once the app has dealt with the key before it
        # Every key, once, before any binding or widget acts on it (the huddle's line on
        # what is left is set aside by any key but the one it names).
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and isinstance(self.screen, LiveScreen)
        ):
            self.screen.key_pressed(event.key)
        await super().on_event(event)
        if typed:
            self.keys_in_turn.given()

    async def action_quit(self) -> None:
        """Quit (q, ctrl+q, the palette); with changes waiting for the file, or over a huddle
        under way (kept as it is either way), ask first."""
        from huddle.ui.widgets.confirm import Confirm

        questions = (s.quit_question() for s in self.screen_stack if isinstance(s, LiveScreen))
        question = self.waiting.quit_question() or next((q for q in questions if q), None)
        if question is None:
            self.exit()
        elif not isinstance(self.screen, Confirm):

            def answered(leave: bool | None) -> None:
                if leave:
                    self.exit()

            self.push_screen(Confirm(question, yes="leave", no="stay"), answered)

    def now_here(self, member: Member | None) -> None:
        """The browser session's person: what they add or answer is theirs."""
        self.session_who = member
        if member is not None:
            self.notify(f"You are {member.name} in this browser", markup=False)

    def check_for_changes(self) -> None:
        """Reload what is shown when another process (`huddle add`) wrote to the file, or
        the day turned (the screen left open overnight)."""
        try:
            changed, self._seen_version = self.store.changed_since(self._seen_version)
            news = self.arrivals.news(changed)
            arrived = news and describe_arrivals(
                news, coming=self.store.coming_huddle_day(), today=self.store.today()
            )
        except HuddleError:
            return  # a busy file: look again at the next tick
        db = self.store.db
        if (db.replaced, db.gone) != self._seen_replaced:
            self._seen_replaced = (db.replaced, db.gone)
            happened = (
                f"{db.gone}: nothing more can be saved to it"
                if db.gone
                else "was replaced while open (a restore, a sync?): this is the file as it is now"
            )
            self.notify(f"{db.where} {happened}", markup=False, timeout=10)
        today = self.store.today()
        changed, self._seen_day = changed or today != self._seen_day, today
        if changed and isinstance(self.screen, LiveScreen):
            with kept_place(self.screen):
                self.screen.safely(self.screen.reload)
        if arrived:
            self.notify(arrived, markup=False, timeout=6)

    def guarded(self, action: Callable[[], T], then: Callable[[T], None] | None = None) -> T | None:
        """Run a store call for a screen: its result, or None when it waits or was refused
        (see `attempt`)."""
        return self.attempt(action, then).result

    def attempt(
        self,
        action: Callable[[], T],
        then: Callable[[T], None] | None = None,
        *,
        said_there: bool = False,
    ) -> Attempt[T]:
        """The one way the screens, dialogs and widgets make a store call. A busy file: it
        waits in line (`then` gets its result once saved). Any other error, even a bug: one
        line, and the app, with what was typed, stays. The line is a notice, unless
        `said_there`: the caller says it itself, where the person is typing (a dialog's
        line under its box), so it is said once."""
        try:
            return Attempt(done=True, result=action())
        except FileBusy:
            self.waiting.add(action, then)
            return Attempt(waits=True)
        except Exception as error:  # one line; the team's typed text stays
            if not (isinstance(error, NoMatches) and self.closing):
                line = self.refusal(error)
                if not said_there:
                    self.say_refused(line, error)
                return Attempt(refused=line)
        return Attempt()

    @property
    def closing(self) -> bool:
        """The app is on its way out: a reload that lands now finds its widgets gone, which
        is nobody's problem (at any other time a missing widget is a bug, and said)."""
        return self._exit or self._closing or not self.is_running

    def saved_after_waiting(self, *, said: bool = True) -> None:
        """Writes that waited for the file are saved: say so (if the wait was said), and
        show them."""
        if said:
            self.notify("Saved: the file is free again", timeout=4)
        if isinstance(self.screen, LiveScreen):
            self.screen.show_changes()  # once, though the saves' own screens show them too

    def report(self, error: BaseException) -> str:
        """Show a user's mistake, or a problem with the file, as one line; anything else
        (a bug) as one line too, with its details in the log. Returns the line."""
        line = self.refusal(error)
        self.say_refused(line, error)
        return line

    def refusal(self, error: BaseException) -> str:
        """The one line that says `error`: a user's mistake or a problem with the file in
        its own words; a bug's details go to the log."""
        if isinstance(error, HuddleError):
            return str(error)
        self.log.error(error)
        return f"Something went wrong ({type(error).__name__}: {error}); what was typed is kept"

    def say_refused(self, line: str, error: BaseException) -> None:
        """`line` as a notice (a bug's stays longer)."""
        timeout = 8 if isinstance(error, HuddleError) else 10
        self.notify(line, severity="error", markup=False, timeout=timeout)

    async def _dispatch_action(self, namespace: DOMNode, action_name: str, params: Any) -> bool:
        """Every key's action, on any screen: a problem with the file met outside `safely`
        (or a user's mistake) is one line, never the end of the app or of what was typed.
        One that would change a file that can't take changes is refused at once, in one
        line, before a dialog opens for something to be typed that can't be saved."""
        refused = self.read_only_refusal()
        if refused and action_name in getattr(namespace, "WRITES", ()):
            self.notify(refused, severity="warning", markup=False)
            return True
        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except HuddleError as error:
            self.report(error)
            return True

    def action_open_management(self) -> None:
        """The Management view: every blocker sent up, answered and resolved from here."""
        from huddle.ui.screens.manage import ManageScreen

        if not isinstance(self.screen, ManageScreen):
            self.push_screen(ManageScreen())

    def action_open_digest(self) -> None:
        """The digest for management, previewed before it is written."""
        from huddle.ui.screens.digest import DigestScreen

        if not isinstance(self.screen, DigestScreen):
            self.push_screen(DigestScreen())

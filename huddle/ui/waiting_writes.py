"""Saves that met a busy file (another process or window holds the write lock): kept in the
order they were made and tried again until the file is free, so the screen never waits.

Every store call from the app goes through one guard, `HuddleApp.attempt` (screens reach it
through `LiveScreen.safely`, dialogs and widgets through `attempt` below), which hands a call
that met `FileBusy` to `WaitingWrites.add`. A save from the app never waits for another
process's write lock (`Db.write_lock_wait_ms` is 0): it meets a busy file at once and waits
in line, and is said to wait only when the first try again meets it too, so a moment's
overlap with `huddle add` goes unseen; a read waits UI_LOCK_WAIT_MS at most. While anything
waits, the store refuses new writes at once (`Db.held_back`), so they queue behind it and
nothing is saved out of order; reads go on (WAL readers never wait for a writer). Each try
runs on the app's thread, so a call that also updates the screen is safe to try again. What
was typed stays in its field (the call returned None) and in memory as a draft until saved.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.screen import ModalScreen, Screen

from huddle.core.models import HuddleError
from huddle.core.store.db import FileBusy

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer

    from huddle.ui.app import HuddleApp

T = TypeVar("T")

UI_LOCK_WAIT_MS = 50
"""How long a read from the screen (and a save from the `huddle add` form) waits for a lock
held elsewhere; a save from the app waits in line instead."""
RETRY_SECONDS = 0.25
"""How often a waiting write is tried again."""
GIVE_UP_SECONDS = 60.0
"""After this long the write is given up, with a notice; the typed text stays on screen."""

NOTICE_SECONDS = 6.0
"""How long a notice of the wait stays; it is shown again while the wait goes on."""

WAITING = "Waiting for the file (someone else is saving): kept as a draft, saved when it is free"
KEPT = "Kept: saved when the file is free"
"""What a dialog or a prompt says as it closes with its save waiting in line."""


@dataclass(frozen=True)
class Attempt(Generic[T]):
    """How a store call from the screen went: saved now, waiting in line, or refused (said)."""

    done: bool = False
    """Made now; `result` is what the call returned."""
    waits: bool = False
    """Met a busy file: it waits in line and is made when the file is free."""
    result: T | None = None
    refused: str = ""
    """Refused (a user's mistake, a file problem, a bug): the one line already said."""


def attempt(
    node: DOMNode,
    action: Callable[[], T],
    then: Callable[[T], None] | None = None,
    *,
    said_there: bool = False,
) -> Attempt[T]:
    """A store call from a dialog or a widget, through the app's one guard (HuddleApp.attempt;
    `said_there`: a refusal is the caller's to say, not a notice). Hosted by another app (a
    widget's own test), a user's mistake or a file problem is a notice, and nothing waits."""
    from huddle.ui.app import HuddleApp  # the app module imports this one

    app = node.app
    if isinstance(app, HuddleApp):
        return app.attempt(action, then, said_there=said_there)
    try:
        return Attempt(done=True, result=action())
    except HuddleError as error:
        if not said_there:
            app.notify(str(error), severity="error", markup=False, timeout=8)
        return Attempt(refused=str(error))


@dataclass
class Waiting:
    action: Callable[[], Any]
    then: Callable[[Any], None] | None
    since: float
    asked_on: Screen[Any] | None
    """The screen the save was made on (under any dialog): `then` shows the result there."""


class WaitingWrites:
    """The app's writes that wait for the file, in order."""

    def __init__(self, app: HuddleApp, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.clock = clock
        self.queue: deque[Waiting] = deque()
        self._timer: Timer | None = None
        self._told_at: float | None = None
        """When the wait was last said; None: not said (yet) since the file was last free."""

    def __len__(self) -> int:
        return len(self.queue)

    def add(self, action: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Try `action` again when the file is free; then call `then` with its result."""
        stack = reversed(self.app.screen_stack)
        asked_on = next((s for s in stack if not isinstance(s, ModalScreen)), None)
        self.queue.append(Waiting(action, then, self.clock(), asked_on))
        self.app.store.db.held_back = True
        if self._timer is None:
            self._timer = self.app.set_interval(RETRY_SECONDS, self.retry)

    def quit_question(self) -> str | None:
        """What to ask before the app quits with changes still waiting, if any wait."""
        if not self.queue:
            return None
        kept = len(self.queue)
        changes = "1 change still waits" if kept == 1 else f"{kept} changes still wait"
        return f"{changes} for the file (someone else is saving). Leave without saving them?"

    def _tell(self, notice: str) -> None:
        """A notice for as long as the wait lasts: told again when the last one has gone."""
        self._told_at = self.clock()
        self.app.notify(notice, severity="warning", markup=False, timeout=NOTICE_SECONDS)

    def retry(self) -> None:
        """Save what waits, first things first, until one meets the busy file again."""
        db = self.app.store.db
        db.held_back = False
        db.wait_for_locks(0)  # a try that meets the lock again costs the screen nothing
        saved = 0
        while self.queue:
            first = self.queue[0]
            try:
                result = first.action()
            except FileBusy:
                if self.clock() - first.since < GIVE_UP_SECONDS:
                    break
                self.queue.popleft()
                self.app.notify(
                    f"Not saved: {db.where} stayed busy for a minute. What was typed is "
                    "still on screen: try again",
                    severity="error",
                    markup=False,
                    timeout=10,
                )
                continue
            except Exception as error:  # reported: the app and the typed text stay
                self.queue.popleft()
                self.app.report(error)
                continue
            self.queue.popleft()
            saved += 1
            # Closed since (left for home): nothing there to show; the screen shown reloads.
            shown = first.asked_on is None or first.asked_on.is_attached
            if first.then is not None and shown:
                self.app.guarded(partial(first.then, result))
        db.held_back = bool(self.queue)
        db.wait_for_locks(UI_LOCK_WAIT_MS)
        told = self._told_at
        if self.queue and told is None:
            self._tell(WAITING)  # tried again, still busy: more than a moment's overlap
        elif self.queue and told is not None and self.clock() - told >= NOTICE_SECONDS:
            kept = len(self.queue)
            self._tell(f"Still waiting for the file: {kept} change(s) kept, not saved yet")
        if saved:
            self.app.saved_after_waiting(said=self._told_at is not None)
        if not self.queue:
            self._told_at = None
            if self._timer is not None:
                self._timer.stop()
                self._timer = None

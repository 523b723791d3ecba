"""Keys reach the screen one at a time, in the order typed.

A terminal hands over a fast typist's keys (or tmux's, or a slow moment's) in one read. Textual
passes each at once to the widget focused then, so a letter typed just after the key that
opens a dialog went to the screen under it (or nowhere), and one typed just after the Enter
that closes a dialog went into the closing dialog and was lost with it. Here a key waits
until the app has dealt with the one before: every screen and widget has handled what it
was sent, so a dialog that opens has its line focused, and one that closes is gone."""

from __future__ import annotations

import asyncio
import time
from collections import deque

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

LONGEST_WAIT = 0.5
"""Seconds a key waits at most for the one before, should something never settle."""


class KeysInTurn:
    """Holds keys (and pastes) that arrive while the app is still dealing with the last."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.held: deque[events.Event] = deque()
        self.settling: asyncio.Task[None] | None = None
        """Waits for the app to deal with the last key given; keys wait while it runs."""
        self.giving: events.Event | None = None
        """The held key being given now (not held again)."""

    @staticmethod
    def typed(event: events.Event) -> bool:
        """A key or a paste from the terminal, not yet handed to a widget."""
        return isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded

    def holds(self, event: events.Event) -> bool:
        """Whether the typed `event` must wait its turn (it is kept, to be given later)."""
        if event is self.giving or (self.settling is None and not self.held):
            return False
        self.held.append(event)
        return True

    def given(self) -> None:
        """A key has just been handed on: the next waits until the app has dealt with it."""
        self.settling = asyncio.create_task(self._settle())

    async def _settle(self) -> None:
        deadline = time.monotonic() + LONGEST_WAIT
        pause = 0.0  # at once at first; then, if a handler takes its time, without spinning
        while time.monotonic() < deadline:
            await asyncio.sleep(pause)
            if self._idle():
                break
            pause = 0.002
        self.app.call_later(self._give_held)

    def _idle(self) -> bool:
        """Every screen and widget (and the app) has handled all it was sent."""
        pumps: list[MessagePump] = [self.app]
        for screen in self.app.screen_stack:
            pumps.extend(screen.walk_children(with_self=True))
        return all(waiting_for_messages(pump) for pump in pumps)

    async def _give_held(self) -> None:
        self.settling = None
        while self.held and self.settling is None:
            self.giving = self.held.popleft()
            try:
                await self.app.on_event(self.giving)
            finally:
                self.giving = None


def waiting_for_messages(pump: MessagePump) -> bool:
    """`pump` has nothing left to handle and waits for its next message. Textual has no
    public word for this: its queue is empty and its task waits on the queue's event."""
    if not pump._message_queue.empty() or pump._next_callbacks or pump._pending_message:
        return False
    task = pump._task
    waiters: object = getattr(pump._message_queue.ready_event, "_waiters", None)
    return task is None or task.done() or bool(waiters)

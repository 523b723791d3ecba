"""Text typed in a dialog and not yet saved (a line on what was learned, a reason for sending
a blocker up, ...), kept by what the dialog is for, so a crash loses none of it.

The screen writes through a `DraftWriter`: on a thread and a connection of its own, in the
order the text was typed, so a busy file never holds up typing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from huddle.core.models import HuddleError
from huddle.core.store.db import Db
from huddle.core.text import MAX_TEXT

WRITER_BUSY_MS = 2_000
"""How long the writer waits for a busy file before giving up on that one save."""


class DialogDraftStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self, purpose: str) -> str | None:
        """The text kept for a dialog (e.g. "learning:<step id>"), or None."""
        found = self.db.value("SELECT text FROM dialog_drafts WHERE purpose = ?", (purpose,))
        return str(found) if found is not None else None

    def save(self, purpose: str, text: str, *, wanted: Callable[[], bool] | None = None) -> None:
        """Keep what is typed so far; blank text removes the draft. One transaction, in
        which `wanted` (if given) is asked last, with the file's write lock held."""
        with self.db.write() as conn:
            if wanted is not None and not wanted():
                return
            if text.strip():
                conn.execute(
                    "INSERT INTO dialog_drafts (purpose, text, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (purpose) DO UPDATE SET text = excluded.text,"
                    " updated_at = excluded.updated_at",
                    (purpose, text[: MAX_TEXT * 2], self.db.stamp()),
                )
            else:
                conn.execute("DELETE FROM dialog_drafts WHERE purpose = ?", (purpose,))

    def clear(self, purpose: str) -> None:
        """The dialog's text was saved where it belongs: the draft goes."""
        self.save(purpose, "")

    def writer(self, purpose: str) -> DraftWriter:
        """A writer of this one dialog's draft that never makes the caller wait."""
        return DraftWriter(self, purpose)


class DraftWriter:
    """Saves one dialog's draft off the caller's thread, the latest text last.

    A file on disk gets its own connection on a single worker thread (so saves stay in order
    and never share a transaction with the screen's); a memory database, which no other
    connection can see, is written at once."""

    def __init__(self, drafts: DialogDraftStore, purpose: str) -> None:
        self.drafts = drafts
        self.purpose = purpose
        self._own: DialogDraftStore | None = None
        self._pool: ThreadPoolExecutor | None = None
        self.failed = False
        """The last save could not be made (a busy or read-only file)."""
        self.withdrawn = False
        """The text is saved where it belongs: no draft is saved after that."""

    def save(self, text: str) -> None:
        """Save `text` soon, without waiting for it."""
        if self.withdrawn:
            return
        db = self.drafts.db
        if db.path is None:
            self._save(self.drafts, text)
            return
        self._submit(self._save_on_own_connection, text)

    def _submit(self, call: Callable[..., None], *args: str) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft")
        self._pool.submit(call, *args)

    def close(self, final: str | None = None, *, wait: float | None = None) -> None:
        """Save `final` (if given), and let go of the file once every save asked for is
        made. Waits for that `wait` seconds at most (None: as long as it takes, up to
        WRITER_BUSY_MS a save on a busy file); what is left is made on the writer's thread."""
        if final is not None:
            self.save(final)
        if self._pool is not None:
            closed = self._pool.submit(self._close_own_connection)
            self._pool.shutdown(wait=False)
            self._pool = None
            with contextlib.suppress(TimeoutError):
                closed.result(timeout=wait)

    def discard(self) -> None:
        """The text was saved where it belongs: the draft goes, and none is saved after (a
        save still on its way is skipped). Cleared at once on the caller's connection; when
        that meets the writer mid-save, on the writer's thread, after it. Never waits."""
        if self.withdrawn:
            return
        self.withdrawn = True
        try:
            self.drafts.clear(self.purpose)
        except (HuddleError, sqlite3.Error):
            if self.drafts.db.path is not None:
                self._submit(self._clear_on_own_connection)
        self.close(wait=0)

    def _own_store(self) -> DialogDraftStore | None:
        """The writer's own connection to the file, opened on its thread; None: can't be."""
        if self._own is None:
            db = self.drafts.db
            assert db.path is not None  # noqa: S101 narrows the type; no check relies on it
            try:
                own = Db.open(db.path, clock=db.clock, create=False)
                own.conn.execute(f"PRAGMA busy_timeout = {WRITER_BUSY_MS}")
            except (HuddleError, sqlite3.Error):
                self.failed = True
                return None
            self._own = DialogDraftStore(own)
        return self._own

    def _save_on_own_connection(self, text: str) -> None:
        own = self._own_store()
        if own is not None:
            self._save(own, text)

    def _clear_on_own_connection(self) -> None:
        own = self._own_store()
        if own is not None:
            self._clear(own)

    def _save(self, drafts: DialogDraftStore, text: str) -> None:
        try:
            drafts.save(self.purpose, text, wanted=lambda: not self.withdrawn)
            self.failed = False
        except (HuddleError, sqlite3.Error):
            self.failed = True  # still in the dialog; the next save tries again

    def _clear(self, drafts: DialogDraftStore) -> None:
        try:
            drafts.clear(self.purpose)
            self.failed = False
        except (HuddleError, sqlite3.Error):
            self.failed = True  # a draft of what is saved: shown the next time, harmless

    def _close_own_connection(self) -> None:
        if self._own is not None:
            self._own.db.close()
            self._own = None

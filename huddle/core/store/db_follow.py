"""Following the file when it is replaced, moved or deleted while open (a restore from a
backup, a sync client, a clean-up script): what the -wal holds goes into the file it belongs
to, and the file at the path is opened again, so every window shares one file and one -wal."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import TYPE_CHECKING

from huddle.core.store.db import SCHEMA_VERSION, FileBusy

if TYPE_CHECKING:
    from huddle.core.store.db import Db


def identity(file: str | None, ending: str = "") -> tuple[int, int] | None:
    """The file at the path (`ending`: "" the file itself, "-wal" its -wal), as (device,
    inode); None when there is none."""
    try:
        found = os.stat(f"{file}{ending}")
    except OSError:
        return None
    return found.st_dev, found.st_ino


def follow_the_file(db: Db, *, before_write: bool = False) -> bool:
    """The file or its -wal replaced or deleted while `db` is open: saves would go on into a
    file no one else reads, and this connection's -wal, beside the new file, would make it
    read as damaged. Put what the -wal holds into the file it belongs to, then open the file
    at the path again. True if it did (see Db.follow_the_file). Kept from following by
    another connection in the way: before a write, FileBusy (nothing goes into the old
    file); at a look, False (tried again at the next)."""
    if db._file is None or db.read_only or db.gone:
        return False
    main, wal = identity(db._file), identity(db._file, "-wal")
    if main is None and db._main is not None:
        # Moved or deleted: its -wal into it (moved, it keeps every save), and nothing
        # opened at the path, which would make a new empty file there.
        with db.translated_errors():
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.gone = "was moved or deleted while open; open it where it is"
        return True
    replaced = main is not None and db._main is not None and main != db._main
    if not replaced and (wal == db._wal or db._wal is None):
        db._wal = db._wal or wal
        return False
    with db.translated_errors():
        busy, _, _ = db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy or (replaced and not _leave_the_old_wal(db, wal)):
            if before_write:
                raise FileBusy(
                    f"{db.where} was replaced while open (a restore, a sync?) and another"
                    " window is busy with the old one; try again"
                )
            return False  # a reader or writer in the way: try again at the next look
    db.conn.close()
    db.conn = sqlite3.connect(
        db._file,
        timeout=db._lock_wait_ms / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    db.__dict__.pop("utils", None)
    db.configure()
    db.wait_for_locks(db._lock_wait_ms)
    db._wal, db._main = identity(db._file, "-wal"), identity(db._file)
    if replaced:
        db.replaced += 1
        db.damage = None  # another file: checked again before its first write
        version = db.value("PRAGMA user_version")
        if version != SCHEMA_VERSION:  # upgraded only when opened again (Store)
            db.gone = (
                f"was replaced by a file of another version of Huddle (schema {version},"
                f" this is {SCHEMA_VERSION}): quit and open it again"
            )
    return True


def _leave_the_old_wal(db: Db, wal: tuple[int, int] | None) -> bool:
    """The first window to follow a replaced file takes the old file's -wal and -shm from
    beside the new one (its -wal emptied into it first): the new file gets its own, and
    another window still on the old file goes on with the old ones, never reading the new
    file's saves as the old file's pages nor carrying them into it. Done under the old
    file's write lock, so that two windows can't both do it. False if the lock is held."""
    if wal is None or wal != db._wal:
        return True  # another window did it (or the -wal is gone): nothing of ours there
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return False
        raise
    try:
        if identity(db._file, "-wal") == db._wal:
            for ending in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{db._file}{ending}")
    finally:
        db.conn.execute("ROLLBACK")
    return True

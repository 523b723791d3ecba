"""Following the file when it is replaced, moved or deleted while open (a restore from a
backup, a sync client, a clean-up script): what the -wal holds goes into the file it belongs
to, and the file at the path is opened again, so every window shares one file and one -wal."""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

from huddle.core.store.db import SCHEMA_VERSION

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


def follow_the_file(db: Db) -> bool:
    """The file or its -wal replaced or deleted while `db` is open: saves would go on into a
    file no one else reads, and this connection's -wal, beside the new file, would make it
    read as damaged. Put what the -wal holds into the file it belongs to, then open the file
    at the path again. True if it did (see Db.follow_the_file)."""
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
    if busy:
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

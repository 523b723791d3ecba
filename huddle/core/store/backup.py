"""Copies of the team's file: made with SQLite's online backup, so they are whole and
consistent even while the app and `huddle add` write; owner-only (0600) like the file."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from huddle.core.store.db import StoreError
from huddle.core.store.file_check import read_only_uri


def copy_file(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target` (a new file, 0600; an existing one is
    replaced only once the copy is complete). Reads through its own read-only connection:
    the copy is one snapshot, and writers are never held up (WAL)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise StoreError(f"can't write a copy in {target.parent}: {error.strerror}") from None
    os.close(fd)  # mkstemp made it 0600; SQLite writes into it
    try:
        _copy(source, Path(part))
        os.replace(part, target)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return target


def _copy(source: Path, part: Path) -> None:
    try:
        reader = sqlite3.connect(read_only_uri(Path(os.path.realpath(source))), uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"can't read {source}: {error}") from None
    writer = sqlite3.connect(part, isolation_level=None)
    try:
        reader.backup(writer)  # all pages in one step: one consistent snapshot
        # One self-contained file: no -wal beside it when it is opened.
        writer.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise StoreError(f"can't copy {source}: {error}") from None
    finally:
        writer.close()
        reader.close()

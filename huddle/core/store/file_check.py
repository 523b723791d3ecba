"""What is checked about a team's file before anything in it is changed: that it is a file
(not a folder), that it is SQLite, that it is Huddle's, that no newer Huddle made it, whether
it may be written to, and that it is not damaged. A new file is made owner-only (0600), also
where a symlink points."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from huddle.core.store.db import StoreError

MIGRATION_SET = "huddle"
"""The name of Huddle's migrations in the _sqlite_migrations table (sqlite-utils)."""


@dataclass(frozen=True)
class FileState:
    """What Db.open learned about a file before connecting to it for good."""

    read_only: bool
    """The file or its folder can't be written to: opened read-only, every change refused."""
    read_only_uri: str
    """How to open it without ever writing to it."""


def examine(path: Path, *, create: bool, schema_version: int, untouched: bool = False) -> FileState:
    """Check `path` and create it (0600) if it is new and allowed; raise StoreError, leaving
    the file untouched, when it is not a file this Huddle can use. `untouched`: only ever to
    be read, leaving nothing beside it (`untouched_uri`)."""
    real = Path(os.path.realpath(path))  # through a symlink, even one that points nowhere yet
    if real.is_dir():
        raise StoreError(f"{path} is a folder: give the path of a file, e.g. {path}/huddle.db")
    if not real.exists():
        if not create:
            raise StoreError(f"no database at {path}")
        _create_private_file(path, real)
    # Never open() the file here: closing it would drop every SQLite lock this process holds
    # on it (POSIX locks are per process), and another process would then delete the -wal
    # the app is still writing to. SQLite reads the header instead.
    if not os.access(real, os.R_OK):
        raise StoreError(f"can't read {path}: Permission denied")
    read_only = untouched or not (os.access(real, os.W_OK) and os.access(real.parent, os.W_OK))
    uri = untouched_uri(real) if untouched else read_only_uri(real)
    if real.stat().st_size:
        _check_identity(path, uri, schema_version)
    return FileState(read_only=read_only, read_only_uri=uri)


def read_only_uri(real: Path) -> str:
    """A URI that opens the file for reading only. In a folder nobody may write to, SQLite
    can't make a WAL file's -shm: unless another process has it open (a -wal exists), the
    file is read as immutable."""
    parent_writable = os.access(real.parent, os.W_OK)
    wal = real.with_name(real.name + "-wal")
    immutable = not parent_writable and not wal.exists()
    return real.as_uri() + ("?immutable=1" if immutable else "?mode=ro")


def untouched_uri(path: Path) -> str:
    """A URI that reads the file without writing anything, beside it either: read-only
    through the -wal and -shm another Huddle left open; immutable when there are none
    (SQLite would make them). An immutable read takes no lock: a write that lands during
    it may be seen half-done, or as damage; read again."""
    real = Path(os.path.realpath(path))
    shared = all(real.with_name(real.name + end).exists() for end in ("-wal", "-shm"))
    return real.as_uri() + ("?mode=ro" if shared else "?immutable=1")


def _check_identity(path: Path, uri: str, schema_version: int) -> None:
    """Huddle's own file, at a version this Huddle knows? Read through a read-only
    connection, which never writes to the file, not even a checkpoint when it closes."""
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"can't open {path}: {error}") from None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        ours = (
            "_sqlite_migrations" in tables
            and conn.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", (MIGRATION_SET,)
            ).fetchone()
        )
    except sqlite3.Error as error:
        if "file is not a database" in str(error):
            raise StoreError(f"{path} is not a Huddle database (not an SQLite file)") from None
        raise StoreError(f"{path} is not a Huddle database, or it is damaged ({error})") from None
    finally:
        conn.close()
    if version > schema_version:
        raise StoreError(
            f"{path} was made by a newer Huddle (schema {version}); this is"
            f" {schema_version}: upgrade Huddle"
        )
    if tables and not ours:
        raise StoreError(f"{path} is not a Huddle database")


def damage(conn: sqlite3.Connection, *, thorough: bool = False) -> list[str]:
    """What SQLite's own check finds wrong with the file: nothing when it is sound.
    quick_check reads every page (~0.2 s for 260,000 steps); integrity_check also checks
    that every index matches its table (~1.5 s)."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        found = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:  # too damaged even to be checked
        return [str(error)]
    return [] if found == ["ok"] else found


def _create_private_file(path: Path, real: Path) -> None:
    try:
        real.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(real, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another process made it first
    except OSError as error:
        raise StoreError(f"can't create {path}: {error.strerror}") from None
    os.close(fd)


def damage_of(path: Path, *, thorough: bool = False) -> list[str]:
    """`damage` of the file at `path`, through a read-only connection of its own: for
    `huddle check`, and for the app's check in a thread after it opens."""
    try:
        conn = sqlite3.connect(read_only_uri(Path(os.path.realpath(path))), uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return damage(conn, thorough=thorough)
    finally:
        conn.close()

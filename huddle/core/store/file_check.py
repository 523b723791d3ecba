"""What is checked about a team's file before anything in it is changed: that it is a file
(not a folder), that it is SQLite, that it is Huddle's, that no newer Huddle made it, whether
it may be written to, and that it is not damaged. A new file is made owner-only (0600), also
where a symlink points."""

from __future__ import annotations

import os
import sqlite3

from huddle.core.store.db import StoreError, disk_error, unreadable

MIGRATION_SET = "huddle"
"""The name of Huddle's migrations in the _sqlite_migrations table (sqlite-utils)."""


class FileState:
    """What Db.open learned about a file before connecting to it for good."""

    def __init__(self, *, read_only: bool, read_only_uri: str) -> None:
        self.read_only = read_only
        """The file or its folder can't be written to: opened read-only, every change refused."""
        self.read_only_uri = read_only_uri
        """How to open it without ever writing to it."""


def examine(
    path: str | os.PathLike[str], *, create: bool, schema_version: int, untouched: bool = False
) -> FileState:
    """Check `path` and create it (0600) if it is new and allowed; raise StoreError, leaving
    the file untouched, when it is not a file this Huddle can use. `untouched`: only ever to
    be read, leaving nothing beside it (`untouched_uri`). Paths are strings here (os.path):
    pathlib would cost `huddle add` a start-up more (issue 12)."""
    path = os.fspath(path)
    real = os.path.realpath(path)  # through a symlink, even one that points nowhere yet
    if os.path.isdir(real):
        raise StoreError(f"{path} is a folder: give the path of a file, e.g. {path}/huddle.db")
    if not os.path.exists(real):
        if not create:
            raise StoreError(f"no database at {path}")
        _create_private_file(path, real)
    # Never open() the file here: closing it would drop every SQLite lock this process holds
    # on it (POSIX locks are per process), and another process would then delete the -wal
    # the app is still writing to. SQLite reads the header instead.
    if not os.access(real, os.R_OK):
        raise StoreError(f"can't read {path}: Permission denied")
    writable = os.access(real, os.W_OK) and os.access(os.path.dirname(real), os.W_OK)
    read_only = untouched or not writable or not _writable_beside(real)
    uri = untouched_uri(real) if untouched else read_only_uri(real)
    if os.stat(real).st_size:
        _check_identity(path, uri, schema_version)
    return FileState(read_only=read_only, read_only_uri=uri)


def _writable_beside(real: str) -> bool:
    """The -wal and -shm beside a file that can be written to can be too. SQLite gives them
    the file's mode when it makes them, so a read-only file opened once leaves them 0444:
    made writable again with the file (if they are this user's), or every save would be
    refused as read-only with the file itself writable. False if one can't be."""
    for ending in ("-wal", "-shm"):
        beside = real + ending
        if not os.access(beside, os.W_OK) and os.path.lexists(beside):
            try:
                os.chmod(beside, os.stat(real).st_mode & 0o666)
            except OSError:
                return False
    return True


def read_only_uri(real: str | os.PathLike[str]) -> str:
    """A URI that opens the file for reading only. In a folder nobody may write to, SQLite
    can't make a WAL file's -shm: unless another process has it open (a -wal exists), the
    file is read as immutable."""
    real = os.fspath(real)
    parent_writable = os.access(os.path.dirname(real), os.W_OK)
    immutable = not parent_writable and not os.path.exists(real + "-wal")
    return file_uri(real) + ("?immutable=1" if immutable else "?mode=ro")


def untouched_uri(path: str | os.PathLike[str]) -> str:
    """A URI that reads the file without writing anything, beside it either: read-only
    through the -wal and -shm another Huddle left open; immutable when there are none
    (SQLite would make them). An immutable read takes no lock: a write that lands during
    it may be seen half-done, or as damage; read again."""
    real = os.path.realpath(path)
    shared = all(os.path.exists(real + end) for end in ("-wal", "-shm"))
    return file_uri(real) + ("?mode=ro" if shared else "?immutable=1")


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def file_uri(absolute: str) -> str:
    """`Path(absolute).as_uri()` (POSIX), without loading pathlib and urllib for it: every
    byte but letters, digits and `_.-~/` percent-encoded, so `?`, `#` and `%` in a folder's
    name can't be read by SQLite as the URI's query."""
    quoted = "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in os.fsencode(absolute))
    return "file://" + quoted


def _check_identity(path: str, uri: str, schema_version: int) -> None:
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
        if "disk I/O error" in str(error):
            raise disk_error(path) from None
        raise unreadable(path, str(error)) from None
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


def _create_private_file(path: str, real: str) -> None:
    try:
        os.makedirs(os.path.dirname(real), mode=0o700, exist_ok=True)
        fd = os.open(real, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another process made it first
    except OSError as error:
        raise StoreError(f"can't create {path}: {error.strerror}") from None
    os.close(fd)


def damage_of(path: str | os.PathLike[str], *, thorough: bool = False) -> list[str]:
    """`damage` of the file at `path`, through a read-only connection of its own: for
    `huddle check`, and for the app's check in a thread after it opens."""
    try:
        conn = sqlite3.connect(read_only_uri(os.path.realpath(path)), uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return damage(conn, thorough=thorough)
    finally:
        conn.close()

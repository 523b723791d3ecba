"""The SQLite connection: how the file is opened, and how every write is made."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from huddle.core.calendar import Clock, SystemClock
from huddle.core.models import HuddleError

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000
QUIET_WAIT_MS = 1_000
"""How long a write waits for the write lock before `Db.waiting` is told."""
SCHEMA_VERSION = 12
"""How many migrations huddle.core.migrations holds (a test keeps them in step). Kept in
PRAGMA user_version, so an up-to-date file is recognised without loading sqlite-utils."""


class StoreError(HuddleError):
    """The database file cannot be used: missing, read-only, damaged, full or busy."""


class FileBusy(StoreError):
    """Another process (or window) is saving to the file: the write can be tried again."""


NEARLY_FULL_BYTES = 1 << 20
"""Less room than this beside the file: a disk I/O error is the disk being full."""


def disk_error(path: str) -> StoreError:
    """SQLite's 'disk I/O error' in words: on a full disk it can't make or grow the -shm
    and -wal beside the file (even to read), which is no damage to the file itself."""
    try:
        room = os.statvfs(os.path.dirname(os.path.abspath(path)))
        full = room.f_bavail * room.f_frsize < NEARLY_FULL_BYTES
    except (OSError, AttributeError):  # no statvfs (Windows)
        full = False
    if full:
        return StoreError(f"can't use {path}: the disk is full; free some space and try again")
    return StoreError(f"can't use {path}: the disk reported an error (disk I/O error)")


def unreadable(path: str, text: str) -> StoreError:
    """SQLite can't read the file: damaged if it is an SQLite file that broke (cut short, bytes
    overwritten), else perhaps not Huddle's at all."""
    if "malformed" in text:
        return StoreError(f"{path} is damaged ({text}); `huddle check` says what to do")
    return StoreError(f"{path} is not a Huddle database, or it is damaged ({text})")


def new_id() -> str:
    """A client-made id, so a write retried after a crash cannot make a duplicate: 128
    random bits in hex (os.urandom, as uuid4 uses; the uuid module costs a start-up more)."""
    return os.urandom(16).hex()


class Db:
    """One connection to one team's file, with the clock and id maker the store uses."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: str | os.PathLike[str] | None,
        clock: Clock | None = None,
        ids: Callable[[], str] = new_id,
    ) -> None:
        self.conn = conn
        self._file = os.fspath(path) if path is not None else None
        """The file's path as a string (pathlib costs `huddle add` a start-up more)."""
        self.clock: Clock = clock or SystemClock()
        self.new_id = ids
        self.read_only = False
        """Opened read-only (the file or its folder can't be written): reads work, saves don't."""
        self.untouched = False
        """Another team's file, opened only to read it (`open_for_reading`): read-only too."""
        self.damage: list[str] | None = None if self._file is not None else []
        """What PRAGMA quick_check found wrong (empty: sound), once it has run: before the
        first write, or sooner (the app checks in the background when it opens)."""
        self.saves = 0
        """Writes this connection has committed: with `data_version` (other connections'),
        how a screen knows whether what it shows is still what the file holds."""
        self.held_back = False
        """Writes wait in line (the app's waiting writes): a new one is refused as busy at
        once, so that what was typed first is saved first."""
        self.write_lock_wait_ms: int | None = None
        """How long a write waits for another connection's write lock before FileBusy; None:
        as long as any statement waits (`wait_for_locks`). The app's screen never waits."""
        self._lock_wait_ms = BUSY_TIMEOUT_MS
        self.waiting: Callable[[], None] | None = None
        """Told when a write has waited QUIET_WAIT_MS for another connection's write lock."""
        self._wal: tuple[int, int] | None = None
        """The -wal file this connection writes into (device, inode), once there is one."""
        self._main: tuple[int, int] | None = None
        """The file this connection opened (device, inode)."""
        self.gone = ""
        """Why nothing more is saved to the file, which changed under this connection (moved
        or deleted, or replaced by one of another schema): what it holds is still read."""
        self.replaced = 0
        """How often the file was replaced under this connection (a restore, a sync) and
        opened again at its path (`follow_the_file`)."""

    @cached_property
    def path(self) -> Path | None:
        """The team's file (None in memory)."""
        if self._file is None:
            return None
        from pathlib import Path

        return Path(self._file)

    @cached_property
    def utils(self) -> Database:
        """sqlite-utils on the same connection, for the schema; loaded only when needed,
        since importing it costs a shell command more than all the rest of its start-up."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        ids: Callable[[], str] = new_id,
        create: bool = True,
    ) -> Db:
        """Open (and if allowed create, mode 0600) the file, in WAL mode with foreign keys on.
        Nothing in the file is changed before it is known to be this Huddle's (file_check);
        a file that can't be written to is opened read-only."""
        from huddle.core.store.file_check import examine

        path = os.path.expanduser(os.fspath(path))
        state = examine(path, create=create, schema_version=SCHEMA_VERSION)
        target = state.read_only_uri if state.read_only else path
        try:
            conn = sqlite3.connect(
                target,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
                uri=state.read_only,
            )
        except sqlite3.Error as error:
            raise StoreError(f"can't open {path}: {error}") from None
        db = cls(conn, path=path, clock=clock, ids=ids)
        db.read_only = state.read_only
        try:
            db.configure()
        except BaseException:
            conn.close()  # a junk file must not stay open (or locked) behind the error
            raise
        from huddle.core.store.db_follow import identity

        db._wal, db._main = identity(path, "-wal"), identity(path)
        return db

    @classmethod
    def open_for_reading(cls, path: str | os.PathLike[str], *, clock: Clock | None = None) -> Db:
        """Open a file for reading only, leaving no trace (see Store.open_for_reading)."""
        from huddle.core.store.file_check import examine

        path = os.path.expanduser(os.fspath(path))
        state = examine(path, create=False, schema_version=SCHEMA_VERSION, untouched=True)
        try:
            conn = sqlite3.connect(
                state.read_only_uri,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
                uri=True,
            )
        except sqlite3.Error as error:
            raise StoreError(f"can't open {path}: {error}") from None
        db = cls(conn, path=path, clock=clock)
        db.read_only = True
        db.untouched = True
        db.damage = []  # never written to, so not checked first (a check would read it all)
        return db

    def copied_to_memory(self) -> Db:
        """This file copied into memory (sqlite3's backup API), named as the file is: what
        is changed in the copy (an upgrade, for the service view) stays there."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            with self.translated_errors():
                self.conn.backup(memory)
                memory.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            memory.close()
            raise
        copy = Db(memory, path=self._file, clock=self.clock, ids=self.new_id)
        copy.untouched = self.untouched
        copy.damage = []
        return copy

    @classmethod
    def memory(cls, *, clock: Clock | None = None, ids: Callable[[], str] = new_id) -> Db:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db = cls(conn, path=None, clock=clock, ids=ids)
        db.configure()
        return db

    def configure(self) -> None:
        with self.translated_errors():
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self._file is not None:
                mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
                if mode != "wal" and not self.read_only:
                    self.conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit survives a power cut, not only a crash of the app.
                self.conn.execute("PRAGMA synchronous = FULL")

    def wait_for_locks(self, milliseconds: int) -> None:
        """How long a statement (a write too, unless `write_lock_wait_ms` says otherwise)
        waits for another process's lock before FileBusy."""
        with self.translated_errors():
            self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        self._lock_wait_ms = int(milliseconds)

    def _begin_write(self) -> None:
        """Take the write lock, waiting for it as long as `write_lock_wait_ms` says; told to
        `waiting` once the wait outlasts QUIET_WAIT_MS (a shell command says so in a line)."""
        wait = self.write_lock_wait_ms
        total = self._lock_wait_ms if wait is None else wait
        if self.waiting is not None and total > QUIET_WAIT_MS:
            try:
                return self._begin_within(QUIET_WAIT_MS)
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
            self.waiting()
            wait = total - QUIET_WAIT_MS
        if wait is None:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self._begin_within(wait)

    def _begin_within(self, milliseconds: int) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {self._lock_wait_ms}")

    def close(self) -> None:
        self.conn.close()

    @property
    def where(self) -> str:
        return self._file or "memory"

    @contextlib.contextmanager
    def translated_errors(self) -> Iterator[None]:
        """Turn every SQLite error into one line a person can act on (a StoreError)."""
        try:
            yield
        except sqlite3.Error as error:
            raise self.translated(error) from None
        except OverflowError:
            # A Python int past SQLite's 64 bits: refused before anything is written.
            raise StoreError(f"can't save: a number is too large to save in {self.where}") from None

    def translated(self, error: sqlite3.Error) -> StoreError:
        text = str(error)
        if isinstance(error, sqlite3.OperationalError):
            if "readonly" in text or "read-only" in text:
                return StoreError(f"can't save: {self.where} is read-only")
            if "locked" in text or "busy" in text:
                return FileBusy(f"{self.where} is busy: someone else is saving; try again")
            if "disk is full" in text:
                return StoreError("can't save: the disk is full; free some space and try again")
            if "disk I/O error" in text:
                return disk_error(self.where)
            if "unable to open" in text:
                return StoreError(f"can't open {self.where}: {text}")
            return StoreError(f"{self.where}: {text}")
        if isinstance(error, sqlite3.IntegrityError):
            return StoreError(f"can't save: {self.where} refused it ({text})")
        if isinstance(error, sqlite3.DatabaseError):
            return unreadable(self.where, text)
        return StoreError(f"{self.where}: {text}")

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. IMMEDIATE takes the write lock up front, so a read
        followed by a write never fails with "locked" under a second writer."""
        self.follow_the_file(before_write=True)
        if self.gone:
            raise StoreError(f"can't save: {self.where} {self.gone}")
        self.refuse_if_damaged()
        if self.held_back:
            raise FileBusy(f"{self.where} is busy: waiting to save what came before")
        with self.translated_errors():
            self._begin_write()
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                self.saves += 1
            except BaseException:
                # SQLite may already have rolled back (e.g. a full disk); a failed COMMIT
                # must not leave the transaction open for the next write.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def refuse_if_damaged(self, refused: str = "can't save") -> None:
        """Never write into a damaged file, even where this write would not touch the damage;
        `refused` says what is not done (a digest is not made from it either)."""
        if self.damage is None:
            from huddle.core.store.file_check import damage

            self.damage = damage(self.conn)
        if self.damage:
            raise StoreError(f"{refused}: {self.where} is damaged; `huddle check` says what to do")

    def rows(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self.translated_errors():
            cursor = self.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    def row(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: Any = ()) -> Any:
        with self.translated_errors():
            found = self.conn.execute(sql, params).fetchone()
        return found[0] if found else None

    def stamp(self) -> str:
        """Now, as stored: ISO 8601 with the UTC offset, to the second."""
        return self.clock.now().isoformat(timespec="seconds")

    def today(self) -> date:
        return self.clock.now().date()

    def follow_the_file(self, *, before_write: bool = False) -> bool:
        """The file or its -wal replaced or deleted while this connection is open (a restore
        from a backup, a sync client, a clean-up script): put what the -wal holds into the
        file it belongs to, then open the file at the path again (db_follow). True if it did.
        Looked at before every write and at every look for changes."""
        from huddle.core.store.db_follow import follow_the_file

        return follow_the_file(self, before_write=before_write)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice new data."""
        return int(self.value("PRAGMA data_version"))


SHORT_ID_MIN = 3
"""The fewest characters of an id that name a thing typed in a shell: one slip of a key
must not pick whichever blocker or idea happens to start with it."""


def is_hex(typed: str) -> bool:
    """Whether what was typed (stripped, lower case) is made of an id's characters."""
    return bool(typed) and all(c in "0123456789abcdef" for c in typed)


def is_short_id(typed: str) -> bool:
    """Whether what was typed (stripped, lower case) reads as the start of an id."""
    return len(typed) >= SHORT_ID_MIN and is_hex(typed)


def as_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def as_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text)

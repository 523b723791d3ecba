"""The half-made copy (`.part`) a copy of the team's file is written into before it is put
in place: held while it is written, and what a copy killed midway left behind, cleared."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from huddle.core.store.db import FileBusy

PART_LEFTOVERS = ("-journal", "-wal", "-shm")
"""What SQLite may leave beside a part whose copy was killed: a journal it would otherwise
play back into the new copy."""

OLD_PART = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.part(?:-journal|-wal|-shm)?")
"""A part made by Huddle before 8b304ee (tempfile.mkstemp: a random name for every copy),
or what SQLite left beside it: `.NAME.XXXXXXXX.part`, NAME the copy it was to become."""

OLD_PART_QUIET_SECONDS = 600
"""An old part written to more recently than this may be a copy an older Huddle, still
running, is making right now: it is left alone (a copy takes seconds)."""

_SQLITE_LOCKS = (0x40000000, 512)
"""Where SQLite takes its locks in a file (the pending, reserved and shared bytes): a
connection copying into the part holds one of them while it writes."""


def hold(part: Path) -> int:
    """Open `part` (0600) and hold it for this copy alone, emptied, with nothing left
    beside it by a copy killed before: an fd to close once the copy is in place."""
    while True:
        fd = os.open(part, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if not _locked(fd):
                raise FileBusy(
                    f"{part.parent} is busy: another copy is being made there; try again"
                )
            if os.path.exists(part) and os.path.samestat(os.fstat(fd), os.stat(part)):
                break  # the part at that name now, not one just put in place as the copy
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    try:
        for leftover in PART_LEFTOVERS:
            Path(f"{part}{leftover}").unlink(missing_ok=True)
        os.ftruncate(fd, 0)
        os.chmod(part, 0o600)  # as mkstemp made it, whoever made it first
    except BaseException:
        os.close(fd)
        raise
    return fd


def _locked(fd: int) -> bool:
    """Hold the file open at `fd` for this process (an flock, apart from SQLite's own locks);
    False if another process holds it. Without flock (Windows) the hold is not taken."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove_part(part: Path | str) -> None:
    for leftover in ("", *PART_LEFTOVERS):  # the copy is WAL like its source
        Path(f"{part}{leftover}").unlink(missing_ok=True)


def clear_old_parts(folder: Path, ours: Callable[[str], bool]) -> list[Path]:
    """Remove the parts an older Huddle left in `folder` (a copy killed midway, before an
    upgrade or in a backup), for copies whose name `ours` accepts: only a part that is
    this user's, an SQLite file (or empty, as made), written to by no one for a while and
    held by no SQLite connection (a copy under way holds one). The parts removed; what
    can't be removed (a read-only folder) stays, and nothing is said."""
    removed = []
    for part in sorted(_old_parts(folder, ours)):
        try:
            if _unused(part):
                remove_part(part)
                removed.append(Path(part))
        except OSError:
            continue
    return removed


def _old_parts(folder: Path, ours: Callable[[str], bool]) -> Iterator[str]:
    """Each old part in `folder` once (by its own name, without SQLite's endings)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    seen = set()
    for name in names:
        found = OLD_PART.fullmatch(name)
        if found and ours(found["name"]):
            part = os.path.join(folder, name.removesuffix("-journal").removesuffix("-wal"))
            part = part.removesuffix("-shm")
            if part not in seen:
                seen.add(part)
                yield part


def _unused(part: str) -> bool:
    """The part and what lies beside it are this user's plain files, quiet for a while, and
    the part is an SQLite file (or empty) that no connection holds."""
    quiet_since = time.time() - OLD_PART_QUIET_SECONDS
    me = os.getuid() if hasattr(os, "getuid") else None
    for leftover in ("", *PART_LEFTOVERS):
        try:
            found = os.lstat(f"{part}{leftover}")
        except FileNotFoundError:
            continue
        if (
            not stat.S_ISREG(found.st_mode)  # a link or a folder is no part of ours
            or (me is not None and found.st_uid != me)
            or found.st_mtime > quiet_since
        ):
            return False
    if not os.path.lexists(part):
        return True  # only SQLite's leftovers of a part already gone
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(part, flags)
    try:
        head = os.pread(fd, 16, 0)
        if head and head != b"SQLite format 3\x00":
            return False
        return not _held_by_sqlite(fd)
    finally:
        os.close(fd)


def _held_by_sqlite(fd: int) -> bool:
    """Whether a connection (in any process) holds an SQLite lock on the file at `fd`."""
    try:
        import fcntl
    except ImportError:
        return False
    start, length = _SQLITE_LOCKS
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
    except OSError:
        return True
    fcntl.lockf(fd, fcntl.LOCK_UN, length, start)
    return False

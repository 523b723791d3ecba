"""Copies of the team's file: made with SQLite's online backup, so they are whole and
consistent even while the app and `huddle add` write; owner-only (0600) like the file."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from huddle.core.store.copy_parts import clear_old_parts, hold, remove_part
from huddle.core.store.db import StoreError
from huddle.core.store.file_check import read_only_uri


def copy_file(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target` (a new file, 0600; an existing one is
    replaced only once the copy is complete). Reads through its own read-only connection:
    the copy is one snapshot, and writers are never held up (WAL). The copy is made in a
    hidden `.NAME.part` beside the target, held (flock) while it is written: one left by a
    copy killed midway is made again from nothing, never taken for a copy."""
    part = target.parent / f".{target.name}.part"
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = hold(part)
    except OSError as error:
        why = "it is a file, not a folder" if _is_file(target.parent) else error.strerror
        raise StoreError(f"can't write a copy in {target.parent}: {why}") from None
    try:
        clear_old_parts(target.parent, lambda name: name == target.name)
        _copy(source, part)
        os.replace(part, target)
    except BaseException:
        remove_part(part)
        raise
    finally:
        os.close(fd)  # the hold ends (SQLite's own connection to the part is closed)
    return target


def _is_file(folder: Path) -> bool:
    return folder.exists() and not folder.is_dir()


def _copy(source: Path, part: Path) -> None:
    try:
        reader = sqlite3.connect(read_only_uri(os.path.realpath(source)), uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"can't read {source}: {error}") from None
    writer = sqlite3.connect(part, isolation_level=None)
    try:
        reader.backup(writer)  # all pages in one step: one consistent snapshot
        # One self-contained file: no -wal beside it when it is opened.
        writer.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise CopyFailed(source, part.parent, _why(error)) from None
    finally:
        writer.close()
        reader.close()


class CopyFailed(StoreError):
    """The copy could not be written (a full disk): `why` says so in words."""

    def __init__(self, source: Path, folder: Path, why: str) -> None:
        super().__init__(f"can't copy {source} to {folder}: {why}")
        self.folder = folder
        self.why = why


def _why(error: sqlite3.Error) -> str:
    text = str(error)
    if "full" in text or "I/O error" in text:  # a full tmpfs or quota says "disk I/O error"
        return "the disk is full; free some space and try again"
    return text


BACKUPS_FOLDER = "backups"
"""Dated backups go in this folder beside the team's file (`huddle backup` with no DEST)."""

_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})$")


def backups_folder(path: Path) -> Path:
    return path.parent / BACKUPS_FOLDER


def dated_backup(path: Path, day: date, folder: Path | None = None) -> Path:
    """Where the backup of `path` made on `day` goes: FOLDER/NAME-YYYY-MM-DD.db."""
    return (folder or backups_folder(path)) / f"{path.stem}-{day.isoformat()}{path.suffix or '.db'}"


def backups_of(path: Path, folder: Path | None = None) -> list[Path]:
    """The dated backups of `path` in `folder` (default: its backups folder), newest first."""
    folder = folder or backups_folder(path)
    found: list[tuple[str, Path]] = []
    for candidate in folder.glob(f"{glob.escape(path.stem)}-*"):
        match = _DATED.search(candidate.stem)
        if match and candidate.stem[: match.start()] == path.stem and candidate.is_file():
            found.append((match.group(1), candidate))
    return [p for _, p in sorted(found, reverse=True)]


def back_up(path: Path, day: date, *, keep: int, folder: Path | None = None) -> Backup:
    """Make the day's dated backup (replacing one made earlier the same day), then remove
    all but the newest `keep`."""
    made = copy_file(path, dated_backup(path, day, folder))
    clear_old_copies(path, folder)
    removed = []
    for old in backups_of(path, folder)[keep:]:
        with contextlib.suppress(FileNotFoundError):  # another process removed it first
            old.unlink()
        removed.append(old)
    return Backup(made, removed)


def back_up_once_a_day(path: Path, day: date, *, keep: int) -> Backup | None:
    """The app's daily backup: made at the first huddle of the day, unless there is one."""
    clear_old_copies(path)
    if dated_backup(path, day).exists():
        return None
    return back_up(path, day, keep=keep)


def clear_old_copies(path: Path, folder: Path | None = None) -> list[Path]:
    """Remove the half-made copies of `path` an older Huddle left when killed midway (see
    copy_parts.clear_old_parts): dated backups in `folder` (default: its backups folder),
    and the copies made before an upgrade, beside the file."""
    dated = re.compile(
        rf"{re.escape(path.stem)}-\d{{4}}-\d{{2}}-\d{{2}}{re.escape(path.suffix or '.db')}"
    )
    before = re.compile(rf"{re.escape(path.stem)}\.before-schema-\d+{re.escape(path.suffix)}")
    return [
        *clear_old_parts(folder or backups_folder(path), lambda name: bool(dated.fullmatch(name))),
        *clear_old_parts(path.parent, lambda name: bool(before.fullmatch(name))),
    ]


@dataclass(frozen=True)
class Backup:
    path: Path
    removed: list[Path]
    """Older backups removed to keep only the team's number."""

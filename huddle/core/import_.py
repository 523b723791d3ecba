"""`huddle import`: a team exported by `huddle export` put into a file, ids and all.

The JSON is read as a stream: each row goes into the file as it is read, inside one
transaction, so a large export is never held in memory twice, and a file that turns out
to be bad halfway leaves nothing written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from huddle.core.export import FORMAT_KEY, FORMAT_VERSION
from huddle.core.models import HuddleError
from huddle.core.pulse_restored import pulse_from_averages, pulse_tallies
from huddle.core.store.transfer import Loaded, TableRows
from huddle.core.text import without_controls

if TYPE_CHECKING:
    from huddle.core.calendar import Clock
    from huddle.core.store import Store

_CHUNK = 1 << 16
_SPACE = " \t\n\r"


class BadExport(HuddleError):
    """The file is not a Huddle export this version can read."""


class _JsonStream:
    """Reads a JSON document piece by piece: the containers we walk through by hand, each
    value inside them whole (a row, a list of column names) with the standard decoder."""

    def __init__(self, source: TextIO) -> None:
        self.source = source
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _more(self, at_least: int = _CHUNK) -> bool:
        if self.eof:
            return False
        self.buffer = self.buffer[self.pos :]
        self.pos = 0
        chunk = self.source.read(at_least)
        if not chunk:
            self.eof = True
        self.buffer += chunk
        return bool(chunk)

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buffer) or not self._more():
                return self.buffer[self.pos : self.pos + 1]

    def take(self, expected: str) -> None:
        found = self.peek()
        if found != expected:
            shown = f"'{found}'" if found else "the end of the file"
            raise BadExport(f"expected '{expected}' but found {shown}")
        self.pos += 1

    def value(self) -> Any:
        """The next whole JSON value."""
        self.peek()
        wanted = _CHUNK
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                if self._more(wanted):
                    wanted *= 2  # a long value: read more each time, so this stays linear
                    continue
                raise BadExport(error.msg.lower()) from None
            if end == len(self.buffer) and self._more(wanted):
                continue  # a number may go on in the next chunk
            self.pos = end
            return value

    def members(self) -> Iterator[str]:
        """The keys of an object, one by one; the caller reads each key's value."""
        self.take("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise BadExport("expected a name in quotes")
            self.take(":")
            yield key
            if self.peek() == ",":
                self.pos += 1
                continue
            self.take("}")
            return

    def items(self) -> Iterator[Any]:
        """The values of an array, one by one."""
        self.take("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.take("]")
            return


def _checked_row(table: str, row: Any) -> list[Any]:
    if not isinstance(row, list):
        raise BadExport(f"a row of {table} is not a list of values")
    for value in row:
        if isinstance(value, dict | list):
            raise BadExport(f"a row of {table} holds a list or an object, not a value")
    return [without_controls(v) if isinstance(v, str) else v for v in row]


def _table(stream: _JsonStream, table: str, schema_version: int | None) -> Iterator[TableRows]:
    columns: Sequence[str] | None = None
    for key in stream.members():
        if key == "columns":
            columns = stream.value()
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise BadExport(f"the columns of {table} are not a list of names")
        elif key == "rows":
            if columns is None:
                raise BadExport(f"the rows of {table} come before its columns")
            rows = (_checked_row(table, row) for row in stream.items())
            yield TableRows(table, columns, rows, schema_version)
            for _ in rows:  # what the store did not read, so the stream moves on
                pass
        else:
            stream.value()


def _check_version(version: Any) -> None:
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadExport(f'it is not a Huddle export (no "{FORMAT_KEY}" at the start)')
    if version > FORMAT_VERSION:
        raise BadExport(
            f"it was made by a newer Huddle (export format {version}; this one reads"
            f" {FORMAT_VERSION}): upgrade Huddle"
        )


def read_export(source: TextIO) -> Iterator[TableRows]:
    """The tables of an export, each with its rows read lazily: finish a table's rows before
    asking for the next table. Raises BadExport for anything that is not a readable export.
    The pulse's weekly tallies come as a table "pulse_tallies" (from an older export, made
    from its weekly averages, at the end)."""
    stream = _JsonStream(source)
    version: Any = None
    schema_version: int | None = None
    averages: list[Any] | None = None
    tallied = False
    for key in stream.members():
        if key == FORMAT_KEY:
            version = stream.value()
        elif key == "schema_version":
            found = stream.value()
            if isinstance(found, int) and not isinstance(found, bool):
                schema_version = found
        elif key == "pulse_tallies":
            _check_version(version)
            tallied = True
            yield pulse_tallies(stream.value())
        elif key == "pulse_averages":
            averages = stream.value()
        elif key == "tables":
            _check_version(version)
            for table in stream.members():
                yield from _table(stream, table, schema_version)
        else:
            stream.value()
    if stream.peek():
        raise BadExport("there is more after the end of the export")
    if version is None:
        raise BadExport("it is not a Huddle export")
    if averages and not tallied:
        yield pulse_from_averages(averages)


def import_into(store: Store, source: TextIO, *, merge: bool = False) -> Loaded:
    """Put an export's team into `store`, in one transaction. A file that already holds a
    team is refused unless `merge`, which keeps ids and adds only rows not already there."""
    if not merge and store.transfer.holds_a_team():
        raise HuddleError(
            f"{store.db.where} already holds a team; import into a new file,"
            " or add --merge to add what is missing"
        )
    try:
        return store.transfer.load(read_export(source), merge=merge)
    except UnicodeDecodeError:
        raise BadExport("it is not UTF-8 text") from None


@dataclass(frozen=True)
class ImportResult:
    loaded: Loaded
    created: bool
    """True when the team's file was made by this import."""


def import_file(
    source: Path,
    target: Path,
    *,
    merge: bool = False,
    clock: Clock | None = None,
    waiting: Callable[[], None] | None = None,
) -> ImportResult:
    """Import the export at `source` into the team's file at `target` (made if missing, and
    removed again if the import fails, so a bad export leaves nothing behind). `waiting`:
    told when the save waits for another process's (Db.waiting)."""
    from huddle.core.store import Store

    try:
        reader = source.open(encoding="utf-8")
    except OSError as error:
        raise HuddleError(f"can't read {source}: {error.strerror or error}") from None
    created = not target.exists()
    try:
        with reader:
            store = Store.open(target, clock=clock, waiting=waiting)
            try:
                loaded = import_into(store, reader, merge=merge)
            finally:
                store.close()
    except BadExport as error:
        _remove(target, created)
        raise BadExport(f"{source} is not a Huddle export this can read: {error}") from None
    except HuddleError as error:
        _remove(target, created)
        raise HuddleError(f"can't import {source}: {error}") from None
    except BaseException:
        _remove(target, created)
        raise
    return ImportResult(loaded, created)


def _remove(target: Path, created: bool) -> None:
    """The team's file this import made, gone again with its journal."""
    if created:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

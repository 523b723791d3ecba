"""The SQL of export and import: the team's tables row by row, out and back in.

What is exported (EXPORTED_TABLES) is the team's record. Left out: what is made from it
again (the tallies and the search index, rebuilt by triggers as rows go in), typing not yet
saved (drafts), and the pulse answers, of which only each week's team sums, counts and
averages leave the file (and come back as the week's tallies).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from huddle.core.models import HuddleError, Tier
from huddle.core.schema import PULSE_FACTORS, PULSE_TALLIES
from huddle.core.store.db import Db
from huddle.core.tiers import tier_apart

TIER_APART_FROM = 12
"""From this schema on, a blocker's tier is never stored as the name it was sent up to."""

EXPORTED_TABLES = (
    "team",
    "holidays",
    "stage_minutes",
    "tiers",
    "members",
    "goals",
    "ideas",
    "steps",
    "blockers",
    "blocker_events",
    "huddles",
    "attendance",
    "stage_times",
    "absences",
    "pdsa_cycles",
    "pdsa_steps",
    "sustainment_checks",
    "impacts",
    "digests",
    "day_measures",
    "day_statuses",
    "measures",
    "measure_values",
)
"""The tables an export holds, in an order where a row's references come before it."""

_BATCH = 1000
"""Rows handed to SQLite at once as an import reads them: few calls, little memory."""

PULSE_SHOWN_FROM = 3
"""A week's pulse average leaves the file only with this many answers or more, as on screen."""


@dataclass(frozen=True)
class TableRows:
    """One table as read from an export: its column names and its rows, one at a time."""

    table: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]
    schema_version: int | None = None
    """The schema the export was written at (None: this one's)."""
    note: str = ""
    """One line for the user on what of these rows could not come back ("": all did)."""


@dataclass
class Loaded:
    """What an import put in: rows added, and rows already there (by id) per table."""

    added: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Lines for the user on what could not be brought back."""


class TransferStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def columns(self, table: str) -> list[str]:
        """The table's columns, in the order they were made."""
        _exported(table)
        return [r["name"] for r in self.db.rows(f"PRAGMA table_info({table})")]

    def _primary_key(self, table: str) -> list[str]:
        info = self.db.rows(f"PRAGMA table_info({table})")
        return [r["name"] for r in sorted(info, key=lambda r: r["pk"]) if r["pk"]]

    def rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of an exported table, by primary key, read as it is written out (never
        all at once). Call from one thread, and finish before the next write."""
        columns = ", ".join(self.columns(table))
        order = ", ".join(self._primary_key(table))
        with self.db.translated_errors():
            cursor = self.db.conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")  # noqa: S608 table checked against EXPORTED_TABLES, columns from PRAGMA
            yield from cursor

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that all see the file as it was at the first one, whoever writes meanwhile
        (so an export never holds a step whose member came too late to be read)."""
        with self.db.translated_errors():
            self.db.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")

    def pulse_averages(self) -> list[dict[str, Any]]:
        """Each week's team average of each pulse question, for weeks with enough answers;
        never one person's answers."""
        averages = ", ".join(f"round(avg({f}), 2) AS {f}" for f in PULSE_FACTORS)
        rows = self.db.rows(
            f"SELECT week, count(*) AS answers, {averages} FROM pulse_answers"  # noqa: S608 columns are PULSE_FACTORS
            " GROUP BY week HAVING count(*) >= ? ORDER BY week",
            (PULSE_SHOWN_FROM,),
        )
        return [dict(r) for r in rows]

    def pulse_tallies(self) -> list[dict[str, Any]]:
        """Each week's pulse tallies (how many answered, and each question's sum and how many
        answered it), for weeks with enough answers; never one person's answers."""
        rows = self.db.rows(
            f"SELECT week, {', '.join(PULSE_TALLIES)} FROM pulse_tallies"  # noqa: S608 columns are PULSE_TALLIES
            " WHERE answers >= ? ORDER BY week",
            (PULSE_SHOWN_FROM,),
        )
        return [dict(r) for r in rows]

    def holds_a_team(self) -> bool:
        """Whether any exported table other than the team's settings has a row."""
        return any(
            self.db.value(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 tables are EXPORTED_TABLES
            for table in EXPORTED_TABLES
            if table != "team"
        )

    def load(self, tables: Iterable[TableRows], *, merge: bool) -> Loaded:
        """Put the tables' rows in, in one transaction: all of it or, on any error, none.

        Ids are kept. Without `merge` the team's settings are replaced; with it, a row whose
        primary key is already in the file is left as it is (so loading twice adds nothing),
        and a row that clashes otherwise (another member with the same name) stops the load.
        References are checked at the end, so rows may come in any order.
        """
        loaded = Loaded()
        with self.db.write() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            try:
                for part in tables:
                    if part.note:
                        loaded.notes.append(part.note)
                    if part.table == "pulse_tallies":
                        loaded.added["pulse_tallies"] = _insert_pulse(conn, part)
                        continue
                    if part.table == "blockers" and (part.schema_version or 0) < TIER_APART_FROM:
                        part = _tiers_apart(conn, part)
                    added, there = self._insert(conn, part, merge=merge)
                    loaded.added[part.table] = loaded.added.get(part.table, 0) + added
                    loaded.already_there[part.table] = (
                        loaded.already_there.get(part.table, 0) + there
                    )
                bad = conn.execute("PRAGMA foreign_key_check").fetchone()
                if bad is not None:
                    raise HuddleError(
                        f"a row of {bad[0]} refers to a {bad[2]} row that is not in the file"
                    )
            except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError) as error:
                raise HuddleError(f"the rows don't fit this file ({error})") from None
        return loaded

    def _insert(self, conn: sqlite3.Connection, part: TableRows, *, merge: bool) -> tuple[int, int]:
        known = self.columns(part.table)
        unknown = [c for c in part.columns if c not in known]
        if unknown or len(set(part.columns)) != len(part.columns) or not part.columns:
            raise HuddleError(
                f"table {part.table} has columns this Huddle does not know"
                f" ({', '.join(map(str, unknown or part.columns))[:80]})"
            )
        names = ", ".join(part.columns)
        marks = ", ".join("?" for _ in part.columns)
        key = ", ".join(self._primary_key(part.table))
        if merge or part.table != "team":
            on_conflict = f"ON CONFLICT ({key}) DO NOTHING"
        else:  # the team's one row of settings is already there: take the export's
            on_conflict = f"ON CONFLICT ({key}) DO UPDATE SET " + ", ".join(
                f"{c} = excluded.{c}" for c in part.columns
            )
        sql = f"INSERT INTO {part.table} ({names}) VALUES ({marks}) {on_conflict}"  # noqa: S608 table and columns checked against the file's own; values are bound
        added = seen = 0
        batch: list[Sequence[Any]] = []
        for row in part.rows:
            if len(row) != len(part.columns):
                raise HuddleError(
                    f"a row of {part.table} has {len(row)} values for {len(part.columns)} columns"
                )
            batch.append(row)
            if len(batch) == _BATCH:
                added += conn.executemany(sql, batch).rowcount
                seen, batch = seen + len(batch), []
        if batch:
            added += conn.executemany(sql, batch).rowcount
            seen += len(batch)
        return added, seen - added


def _insert_pulse(conn: sqlite3.Connection, part: TableRows) -> int:
    """An export's weekly pulse tallies, for weeks the file has none of (its own stay)."""
    if list(part.columns) != ["week", *PULSE_TALLIES]:
        raise HuddleError("the pulse tallies have names this Huddle does not know")
    sql = (
        f"INSERT INTO pulse_tallies (week, {', '.join(PULSE_TALLIES)})"  # noqa: S608 columns are PULSE_TALLIES; values are bound
        f" VALUES (?{', ?' * len(PULSE_TALLIES)}) ON CONFLICT (week) DO NOTHING"
    )
    return int(conn.executemany(sql, part.rows).rowcount)


def _exported(table: str) -> None:
    if table not in EXPORTED_TABLES:
        raise HuddleError(f"'{table[:40]}' is not a table of a Huddle export")


def _tiers_apart(conn: sqlite3.Connection, part: TableRows) -> TableRows:
    """An older export's blockers with their tier kept apart from who they were sent up to,
    as the upgrade to schema 12 does, by the file's tiers (the export's own come first)."""
    if "escalated_to" not in part.columns:
        return part
    rows = conn.execute("SELECT position, name, answer_limit_days FROM tiers")
    tiers = [Tier(*row) for row in rows]
    columns = [*part.columns, *([] if "tier" in part.columns else ["tier"])]
    to, at = columns.index("escalated_to"), columns.index("tier")

    def apart(row: Sequence[Any]) -> list[Any]:
        row = [*row, *([None] * (len(columns) - len(row)))]
        if isinstance(row[to], str) and (row[at] is None or isinstance(row[at], int)):
            row[to], row[at] = tier_apart(row[to], row[at], tiers)
        return row

    return TableRows(part.table, columns, (apart(row) for row in part.rows), part.schema_version)

"""Search across small steps, learning lines and blockers (SQLite FTS5), a page at a time."""

from __future__ import annotations

import enum
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from huddle.core.models import BlockerStatus, StepStatus
from huddle.core.store.db import Db

INDEXED = ("steps", "blockers")
"""The tables with a full-text search index, `<table>_fts` (core/schema.py)."""

PAGE_SIZE = 50
"""Results per page: the screen shows one page and fetches the next when asked."""

MARK_START = "\x01"
MARK_END = "\x02"
"""Around each matched word in a hit's text. Stored text never holds control characters
(core.text strips them), so these can't clash with what people typed."""

_WORD = re.compile(r"\w+", re.UNICODE)


class HitKind(enum.StrEnum):
    STEP = "step"
    BLOCKER = "blocker"


@dataclass(frozen=True)
class SearchFilters:
    """What to look for: words (all of them, each also as the start of a word), and filters."""

    text: str = ""
    member_id: str | None = None
    """A step's person, or a blocker's raiser or owner."""
    goal_id: str | None = None
    """Only steps linked to this goal (blockers have no goal, so none are found)."""
    status: StepStatus | BlockerStatus | None = None


@dataclass(frozen=True)
class SearchHit:
    """One step or blocker that matched. `text` and `detail` carry MARK_START/MARK_END
    around the matched words."""

    kind: HitKind
    id: str
    day: date
    """The step's huddle day, or the day the blocker was raised."""
    who: str
    goal: str | None
    status: str
    text: str
    detail: str
    """A step's learning line; a blocker's answer, resolution or reason for sending it up."""

    seq: int = 0
    """Its order of writing, newest highest: the tie-break between hits of one day."""

    @property
    def key(self) -> tuple[str, str, int]:
        """Where the next page starts after this hit."""
        return (self.day.isoformat(), self.kind.value, self.seq)


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    more: bool
    """Whether another page follows."""

    @property
    def next_after(self) -> tuple[str, str, int] | None:
        return self.hits[-1].key if self.more and self.hits else None


def fts_query(text: str) -> str:
    """FTS5 query for what a person typed: every word must appear, as a word or the start
    of one. Quotes, stars and operators are taken as plain text, never as syntax."""
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words)


def plain(marked: str) -> str:
    """A hit's text without the match marks."""
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def _highlight(table: str, column: int, fallback: str) -> str:
    return f"highlight({table}_fts, {column}, char(1), char(2))" if table else fallback


class SearchStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def search(
        self,
        filters: SearchFilters,
        *,
        after: tuple[str, str, int] | None = None,
        limit: int = PAGE_SIZE,
    ) -> SearchPage:
        """One page of hits: newest day first, a day's steps before its blockers, the latest
        written first. `after` is the last page's `next_after`."""
        sql, params = self._union(filters)
        if sql is None:
            return SearchPage([], False)
        where = ""
        if after is not None:
            # Keyset paging: the same order as ORDER BY below, so no row is skipped or repeated.
            where = "WHERE day < ? OR (day = ? AND (kind < ? OR (kind = ? AND seq < ?)))"
            params += [after[0], after[0], after[1], after[1], after[2]]
        rows = self.db.rows(
            f"SELECT * FROM ({sql}) {where} ORDER BY day DESC, kind DESC, seq DESC LIMIT ?",  # noqa: S608 fixed joins and filters; search words are bound
            [*params, limit + 1],
        )
        hits = [_hit(r) for r in rows[:limit]]
        return SearchPage(hits, more=len(rows) > limit)

    def out_of_step(self) -> list[str]:
        """The tables whose search index no longer matches them (FTS5's own integrity
        check), e.g. after another tool's VACUUM renumbered their rowids. Saves nothing."""
        found = []
        for table in INDEXED:
            with self.db.translated_errors():
                self.db.conn.execute("BEGIN")
                try:
                    self.db.conn.execute(
                        f"INSERT INTO {table}_fts ({table}_fts, rank)"  # noqa: S608 fixed names
                        " VALUES ('integrity-check', 1)"
                    )
                except sqlite3.OperationalError:
                    raise  # busy or read-only: said as such
                except sqlite3.DatabaseError:
                    found.append(table)
                finally:
                    self.db.conn.execute("ROLLBACK")
        return found

    def rebuild(self) -> None:
        """Fill the search indexes again from their tables."""
        with self.db.write() as conn:
            for table in INDEXED:
                conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")  # noqa: S608 fixed names

    def count(self, filters: SearchFilters) -> int:
        """How many hits there are in all (cheap next to reading them)."""
        sql, params = self._union(filters, counting=True)
        if sql is None:
            return 0
        return int(self.db.value(f"SELECT count(*) FROM ({sql})", params))  # noqa: S608 fixed joins and filters; search words are bound

    def _union(
        self, filters: SearchFilters, *, counting: bool = False
    ) -> tuple[str | None, list[Any]]:
        match = fts_query(filters.text)
        if filters.text.strip() and not match:
            return None, []  # only punctuation was typed: nothing can match
        parts: list[str] = []
        params: list[Any] = []
        status = filters.status
        if status is None or isinstance(status, StepStatus):
            sql, more = _steps_sql(match, filters, counting)
            parts.append(sql)
            params += more
        if filters.goal_id is None and (status is None or isinstance(status, BlockerStatus)):
            sql, more = _blockers_sql(match, filters, counting)
            parts.append(sql)
            params += more
        if not parts:
            return None, []
        return " UNION ALL ".join(parts), params


def _steps_sql(match: str, filters: SearchFilters, counting: bool) -> tuple[str, list[Any]]:
    fts = "steps" if match else ""
    columns = (
        "s.id"
        if counting
        else (
            "'step' AS kind, s.id, s.rowid AS seq, s.day, m.name AS who, g.title AS goal,"
            " s.status,"
            f" {_highlight(fts, 0, 's.text')} AS text,"
            f" {_highlight(fts, 1, 's.learning')} AS detail"
        )
    )
    sql = f"SELECT {columns} FROM "  # noqa: S608 fixed joins and filters; search words are bound
    params: list[Any] = []
    conditions: list[str] = []
    if match:
        sql += "steps_fts JOIN steps s ON s.rowid = steps_fts.rowid"
        conditions.append("steps_fts MATCH ?")
        params.append(match)
    else:
        sql += "steps s"
    if not counting:
        sql += " JOIN members m ON m.id = s.member_id LEFT JOIN goals g ON g.id = s.goal_id"
    if filters.member_id:
        conditions.append("s.member_id = ?")
        params.append(filters.member_id)
    if filters.goal_id:
        conditions.append("s.goal_id = ?")
        params.append(filters.goal_id)
    if filters.status is not None:
        conditions.append("s.status = ?")
        params.append(filters.status.value)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    return sql, params


def _blockers_sql(match: str, filters: SearchFilters, counting: bool) -> tuple[str, list[Any]]:
    fts = "blockers" if match else ""
    detail = (
        f"CASE WHEN b.answer != '' THEN {_highlight(fts, 2, 'b.answer')}"
        f" WHEN b.resolution != '' THEN {_highlight(fts, 3, 'b.resolution')}"
        f" ELSE {_highlight(fts, 1, 'b.escalation_reason')} END"
    )
    columns = (
        "b.id"
        if counting
        else (
            "'blocker' AS kind, b.id, b.rowid AS seq, b.raised_on AS day, r.name AS who,"
            f" NULL AS goal, b.status, {_highlight(fts, 0, 'b.text')} AS text, {detail} AS detail"
        )
    )
    sql = f"SELECT {columns} FROM "  # noqa: S608 fixed joins and filters; search words are bound
    params: list[Any] = []
    conditions: list[str] = []
    if match:
        sql += "blockers_fts JOIN blockers b ON b.rowid = blockers_fts.rowid"
        conditions.append("blockers_fts MATCH ?")
        params.append(match)
    else:
        sql += "blockers b"
    if not counting:
        sql += " JOIN members r ON r.id = b.raised_by"
    if filters.member_id:
        conditions.append("(b.raised_by = ? OR b.owner_id = ?)")
        params += [filters.member_id, filters.member_id]
    if filters.status is not None:
        conditions.append("b.status = ?")
        params.append(filters.status.value)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    return sql, params


def _hit(row: sqlite3.Row) -> SearchHit:
    return SearchHit(
        kind=HitKind(row["kind"]),
        id=row["id"],
        day=date.fromisoformat(row["day"]),
        who=row["who"],
        goal=row["goal"],
        status=row["status"],
        text=row["text"],
        detail=row["detail"] or "",
        seq=row["seq"],
    )

"""A blocker and a line of its history as rows: how they are read (`_SELECT` joins who
raised it, who owns it and the tier it is with) and how a line is appended to the history."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from huddle.core.models import Blocker, BlockerEvent, BlockerStatus
from huddle.core.models.blockers import taken_away_words
from huddle.core.store.db import Db, as_datetime

_TIER_GONE = """(
    SELECT e.tier FROM blocker_events e WHERE e.blocker_id = b.id AND e.tier != ''
    ORDER BY e.at DESC, e.rowid DESC LIMIT 1
)"""
"""The name of the tier a blocker with its tier taken away (tier 0, TIER_TAKEN_AWAY) was
with: the last line of its history naming a tier, the line written when it was taken away."""

_SELECT = f"""
SELECT b.*, r.name AS raised_by_name, o.name AS owner_name,
    t.name AS tier_name, t.answer_limit_days AS tier_limit_days,
    CASE WHEN b.tier = 0 THEN {_TIER_GONE} END AS tier_gone
FROM blockers b JOIN members r ON r.id = b.raised_by LEFT JOIN members o ON o.id = b.owner_id
    LEFT JOIN tiers t ON t.position = b.tier
"""  # noqa: S608 the module's own constants, no value


def _blocker(row: sqlite3.Row) -> Blocker:
    return Blocker(
        id=row["id"],
        raised_by=row["raised_by"],
        raised_by_name=row["raised_by_name"],
        text=row["text"],
        category=row["category"],
        status=BlockerStatus(row["status"]),
        owner_id=row["owner_id"],
        owner_name=row["owner_name"],
        escalation_reason=row["escalation_reason"],
        escalated_to=row["escalated_to"],
        answer=row["answer"],
        answered_by=row["answered_by"],
        resolution=row["resolution"],
        raised_on=date.fromisoformat(row["raised_on"]),
        created_at=as_datetime(row["created_at"]),
        updated_at=as_datetime(row["updated_at"]),
        escalated_at=_maybe_datetime(row["escalated_at"]),
        answered_at=_maybe_datetime(row["answered_at"]),
        answer_seen_at=_maybe_datetime(row["answer_seen_at"]),
        resolved_at=_maybe_datetime(row["resolved_at"]),
        tier=row["tier"] if row["tier_name"] is not None or row["tier"] == 0 else None,
        tier_name=row["tier_name"],
        tier_limit_days=row["tier_limit_days"],
        tier_gone=row["tier_gone"] or None,
    )


def _maybe_datetime(text: str | None) -> datetime | None:
    return as_datetime(text) if text else None


def _event(row: sqlite3.Row) -> BlockerEvent:
    return BlockerEvent(
        at=as_datetime(row["at"]),
        who=row["who"],
        status_from=BlockerStatus(row["status_from"]) if row["status_from"] else None,
        status_to=BlockerStatus(row["status_to"]),
        note=row["note"],
        blocker_id=row["blocker_id"],
        tier=row["tier"],
    )


def record_event(
    conn: sqlite3.Connection,
    db: Db,
    blocker_id: str,
    who: str,
    status_from: BlockerStatus | None,
    status_to: BlockerStatus,
    note: str = "",
    *,
    tier: str = "",
) -> None:
    """Append one line to the blocker's history (which is never rewritten); `tier`: the
    tier a sending up went to (or, on a line saying a tier was taken away, that tier)."""
    conn.execute(
        "INSERT INTO blocker_events (id, blocker_id, at, who, status_from, status_to, note,"
        " tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            db.new_id(),
            blocker_id,
            db.stamp(),
            who,
            status_from.value if status_from else None,
            status_to.value,
            note,
            tier,
        ),
    )


def taken_away_tiers(
    conn: sqlite3.Connection, db: Db, before: dict[int, str], after: Sequence[str]
) -> None:
    """After the team's tiers changed from `before` (position: name) to `after` (names, first
    to last): a blocker with a tier no longer on the ladder stays where it was sent (tier
    TIER_TAKEN_AWAY) with a line in its history naming that tier, so it says so until it is
    moved; one with a tier taken away that is back (its name, in any case) is with it again."""
    positions = {name.casefold(): position for position, name in enumerate(after, 1)}
    gone = conn.execute(f"SELECT b.id, b.status, {_TIER_GONE} FROM blockers b WHERE b.tier = 0")  # noqa: S608 a constant of this module
    for blocker_id, status_value, gone_name in gone.fetchall():
        back = positions.get((gone_name or "").casefold())
        if back is not None:
            conn.execute("UPDATE blockers SET tier = ? WHERE id = ?", (back, blocker_id))
            status = BlockerStatus(status_value)
            note = f"{after[back - 1]} is one of the team's tiers again"
            record_event(conn, db, blocker_id, "", status, status, note)
    moved = conn.execute("SELECT id, status, tier FROM blockers WHERE tier > ?", (len(after),))
    for blocker_id, status_value, position in moved.fetchall():
        name = before.get(position, f"tier {position}")
        status = BlockerStatus(status_value)
        note = taken_away_words(name)
        if status is not BlockerStatus.RESOLVED:
            note += "; it waits there until moved"
        conn.execute("UPDATE blockers SET tier = 0 WHERE id = ?", (blocker_id,))
        record_event(conn, db, blocker_id, "", status, status, note, tier=name)

"""A blocker and a line of its history as rows: how they are read (`_SELECT` joins who
raised it, who owns it and the tier it is with) and how a line is appended to the history."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from huddle.core.models import Blocker, BlockerEvent, BlockerStatus
from huddle.core.store.db import Db, as_datetime

_SELECT = """
SELECT b.*, r.name AS raised_by_name, o.name AS owner_name,
    t.name AS tier_name, t.answer_limit_days AS tier_limit_days
FROM blockers b JOIN members r ON r.id = b.raised_by LEFT JOIN members o ON o.id = b.owner_id
    LEFT JOIN tiers t ON t.position = b.tier
"""


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
        tier=row["tier"] if row["tier_name"] is not None else None,
        tier_name=row["tier_name"],
        tier_limit_days=row["tier_limit_days"],
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
    tier a sending up went to."""
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

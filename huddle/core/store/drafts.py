"""Lines typed at the huddle but not yet saved as steps: kept so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from huddle.core.store.db import Db
from huddle.core.text import MAX_TEXT


class DraftStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def on(self, day: date) -> dict[str, str]:
        """Each member's unsaved line for the huddle of `day`, by member id."""
        rows = self.db.rows("SELECT member_id, text FROM drafts WHERE day = ?", (day.isoformat(),))
        return {r["member_id"]: r["text"] for r in rows}

    def save(self, day: date, texts: Mapping[str, str]) -> None:
        """Keep what each member has typed so far, in one transaction; empty text removes it."""
        if not texts:
            return
        stamp = self.db.stamp()
        with self.db.write() as conn:
            for member_id, text in texts.items():
                if text.strip():
                    conn.execute(
                        "INSERT INTO drafts (day, member_id, text, updated_at) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (day, member_id) DO UPDATE SET text = excluded.text,"
                        " updated_at = excluded.updated_at",
                        (day.isoformat(), member_id, text[: MAX_TEXT * 2], stamp),
                    )
                else:
                    conn.execute(
                        "DELETE FROM drafts WHERE day = ? AND member_id = ?",
                        (day.isoformat(), member_id),
                    )

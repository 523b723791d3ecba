"""The team's settings (one row) and its holidays."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from huddle.core import models  # models.Team, models.Tier, ...: loaded when used
from huddle.core.calendar import HuddleCalendar, format_date
from huddle.core.models import HuddleError
from huddle.core.store.db import Db
from huddle.core.text import clean_line, clean_text

if TYPE_CHECKING:
    from huddle.core.models import DateOrder, SpeakerOrder, Team

_SETTINGS = (
    "name",
    "huddle_days",
    "timebox_minutes",
    "date_order",
    "answer_limit_days",
    "backups_kept",
    "board_seconds",
    "speaker_order",
)

MAX_TIERS = 6
"""More tiers than this is not a team's ladder of management."""


BOARD_SECONDS = (5, 600)
"""The shortest and longest time the board shows a panel, in seconds."""


class TeamStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self) -> Team:
        """The team's settings."""
        row = self.db.row(f"SELECT {', '.join(_SETTINGS)} FROM team WHERE id = 1")  # noqa: S608 fixed column list
        assert row is not None, "the first migration makes the team row"  # noqa: S101 narrows the type; no check relies on it
        return models.Team(
            name=row["name"],
            huddle_days=row["huddle_days"],
            timebox_minutes=row["timebox_minutes"],
            date_order=models.DateOrder(row["date_order"]),
            answer_limit_days=row["answer_limit_days"],
            backups_kept=row["backups_kept"],
            board_seconds=row["board_seconds"],
            speaker_order=models.SpeakerOrder(row["speaker_order"]),
        )

    def update(
        self,
        *,
        name: str | None = None,
        huddle_days: str | None = None,
        timebox_minutes: int | None = None,
        date_order: DateOrder | None = None,
        answer_limit_days: int | None = None,
        backups_kept: int | None = None,
        board_seconds: int | None = None,
        speaker_order: SpeakerOrder | None = None,
    ) -> Team:
        """Change some settings; the others stay as they are."""
        changes: dict[str, object] = {
            "name": clean_line(name, what="a team name", limit=80) if name is not None else None,
            "huddle_days": huddle_days,
            "timebox_minutes": timebox_minutes,
            "date_order": date_order.value if date_order else None,
            "answer_limit_days": answer_limit_days,
            "backups_kept": backups_kept,
            "board_seconds": board_seconds,
            "speaker_order": speaker_order.value if speaker_order else None,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        if timebox_minutes is not None and not 1 <= timebox_minutes <= 120:
            raise HuddleError("the timebox is from 1 to 120 minutes")
        if answer_limit_days is not None and not 1 <= answer_limit_days <= 60:
            raise HuddleError("the answer limit is from 1 to 60 huddle days")
        if backups_kept is not None and not 1 <= backups_kept <= 365:
            raise HuddleError("keep from 1 to 365 backups")
        if board_seconds is not None and not BOARD_SECONDS[0] <= board_seconds <= BOARD_SECONDS[1]:
            raise HuddleError(
                f"the board shows each panel for {BOARD_SECONDS[0]} to {BOARD_SECONDS[1]} seconds"
            )
        if changes:
            columns = ", ".join(f"{k} = ?" for k in changes)
            with self.db.write() as conn:
                conn.execute(f"UPDATE team SET {columns} WHERE id = 1", list(changes.values()))  # noqa: S608 names are update()'s own keys; values are bound
        return self.get()

    def tiers(self) -> list[models.Tier]:
        """The tiers a blocker is sent up through, first to last; empty without tiers."""
        rows = self.db.rows("SELECT position, name, answer_limit_days FROM tiers ORDER BY position")
        return [models.Tier(r["position"], r["name"], r["answer_limit_days"]) for r in rows]

    def set_tiers(self, tiers: Sequence[tuple[str, int]]) -> list[models.Tier]:
        """Set the team's tiers, first to last, each (name, answer-by limit in huddle days);
        none: blockers go up to whoever is named, as before tiers. A blocker sent up before
        the team had tiers is with the first. A tier is its place on the ladder (renamed, its
        blockers stay with it); a blocker with a tier taken away stays where it was sent,
        saying so, until it is moved (see `taken_away_tiers`)."""
        rows = [
            (position, clean_line(name, what="a tier's name", limit=40), days)
            for position, (name, days) in enumerate(tiers, 1)
        ]
        if len(rows) > MAX_TIERS:
            raise HuddleError(f"at most {MAX_TIERS} tiers")
        seen: set[str] = set()
        for _, name, days in rows:
            if not 1 <= days <= 60:
                raise HuddleError(f"{name}: the answer limit is from 1 to 60 huddle days")
            if name.casefold() in seen:
                raise HuddleError(f"'{name}' is named twice; each tier needs its own name")
            seen.add(name.casefold())
        from huddle.core.store.blocker_rows import taken_away_tiers

        with self.db.write() as conn:
            before = dict(conn.execute("SELECT position, name FROM tiers"))
            conn.execute("DELETE FROM tiers")
            conn.executemany(
                "INSERT INTO tiers (position, name, answer_limit_days) VALUES (?, ?, ?)", rows
            )
            if rows:
                conn.execute(
                    "UPDATE blockers SET tier = 1 WHERE tier IS NULL AND escalated_at IS NOT NULL"
                    " AND status IN ('escalated', 'answered')"
                )
            taken_away_tiers(conn, self.db, before, [name for _, name, _ in rows])
        return self.tiers()

    def holidays(self) -> list[models.Holiday]:
        return [
            models.Holiday(date.fromisoformat(r["day"]), r["name"])
            for r in self.db.rows("SELECT day, name FROM holidays ORDER BY day")
        ]

    def add_holiday(self, day: date, name: str = "") -> models.Holiday:
        name = " ".join(clean_text(name.replace("\n", " "), limit=80).split())  # may be empty
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO holidays (day, name) VALUES (?, ?) "
                "ON CONFLICT (day) DO UPDATE SET name = excluded.name",
                (day.isoformat(), name),
            )
        return models.Holiday(day, name)

    def remove_holiday(self, day: date) -> None:
        with self.db.write() as conn:
            gone = conn.execute("DELETE FROM holidays WHERE day = ?", (day.isoformat(),))
            if gone.rowcount == 0:
                raise HuddleError(f"{format_date(day, '%a %d %b %Y')} is not a holiday")

    def calendar(self) -> HuddleCalendar:
        """The team's huddle days, holidays left out: read on their own, not through get()
        (`huddle add` needs no more of the team than this)."""
        days = self.db.rows("SELECT day FROM holidays")
        return HuddleCalendar(
            rule=self.db.value("SELECT huddle_days FROM team WHERE id = 1"),
            holidays=frozenset(date.fromisoformat(r["day"]) for r in days),
        )

"""The team's settings (one row) and its holidays."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import HuddleCalendar
from huddle.core.models import DateOrder, Holiday, HuddleError, Team
from huddle.core.store.db import Db
from huddle.core.text import clean_line, clean_text

_SETTINGS = (
    "name",
    "huddle_days",
    "timebox_minutes",
    "date_order",
    "answer_limit_days",
    "backups_kept",
)


class TeamStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def get(self) -> Team:
        """The team's settings."""
        row = self.db.row(f"SELECT {', '.join(_SETTINGS)} FROM team WHERE id = 1")  # noqa: S608 fixed column list
        assert row is not None, "the first migration makes the team row"  # noqa: S101 narrows the type; no check relies on it
        return Team(
            name=row["name"],
            huddle_days=row["huddle_days"],
            timebox_minutes=row["timebox_minutes"],
            date_order=DateOrder(row["date_order"]),
            answer_limit_days=row["answer_limit_days"],
            backups_kept=row["backups_kept"],
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
    ) -> Team:
        """Change some settings; the others stay as they are."""
        changes: dict[str, object] = {
            "name": clean_line(name, what="a team name", limit=80) if name is not None else None,
            "huddle_days": huddle_days,
            "timebox_minutes": timebox_minutes,
            "date_order": date_order.value if date_order else None,
            "answer_limit_days": answer_limit_days,
            "backups_kept": backups_kept,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        if timebox_minutes is not None and not 1 <= timebox_minutes <= 120:
            raise HuddleError("the timebox is from 1 to 120 minutes")
        if answer_limit_days is not None and not 1 <= answer_limit_days <= 60:
            raise HuddleError("the answer limit is from 1 to 60 huddle days")
        if backups_kept is not None and not 1 <= backups_kept <= 365:
            raise HuddleError("keep from 1 to 365 backups")
        if changes:
            columns = ", ".join(f"{k} = ?" for k in changes)
            with self.db.write() as conn:
                conn.execute(f"UPDATE team SET {columns} WHERE id = 1", list(changes.values()))  # noqa: S608 names are update()'s own keys; values are bound
        return self.get()

    def holidays(self) -> list[Holiday]:
        return [
            Holiday(date.fromisoformat(r["day"]), r["name"])
            for r in self.db.rows("SELECT day, name FROM holidays ORDER BY day")
        ]

    def add_holiday(self, day: date, name: str = "") -> Holiday:
        name = " ".join(clean_text(name.replace("\n", " "), limit=80).split())  # may be empty
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO holidays (day, name) VALUES (?, ?) "
                "ON CONFLICT (day) DO UPDATE SET name = excluded.name",
                (day.isoformat(), name),
            )
        return Holiday(day, name)

    def remove_holiday(self, day: date) -> None:
        with self.db.write() as conn:
            gone = conn.execute("DELETE FROM holidays WHERE day = ?", (day.isoformat(),))
            if gone.rowcount == 0:
                raise HuddleError(f"{day.isoformat()} is not a holiday")

    def calendar(self) -> HuddleCalendar:
        """The team's huddle days, holidays left out."""
        days = self.db.rows("SELECT day FROM holidays")
        return HuddleCalendar(
            rule=self.get().huddle_days,
            holidays=frozenset(date.fromisoformat(r["day"]) for r in days),
        )

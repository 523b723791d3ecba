"""The Kaizen pulse: answers kept with no member and no time, so they can't be read back
per person; a separate record says only who has answered in a week."""

from __future__ import annotations

from datetime import date

from huddle.core.calendar import day_code_checked
from huddle.core.models import HuddleError, Member
from huddle.core.schema import PULSE_FACTORS
from huddle.core.store.db import Db


class PulseStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def pulse_day(self) -> str:
        """The weekday code ("FR") from which the week's pulse is asked; "" when it is off."""
        return str(self.db.value("SELECT pulse_day FROM team WHERE id = 1") or "")

    def set_pulse_day(self, code: str) -> None:
        """Ask the pulse from this weekday ("MO" to "SU"), or "" to turn it off."""
        with self.db.write() as conn:
            conn.execute("UPDATE team SET pulse_day = ? WHERE id = 1", (day_code_checked(code),))

    def answered(self, week: date) -> set[str]:
        """The ids of the members who have answered (or skipped) the week's pulse."""
        rows = self.db.rows("SELECT member_id FROM pulse_taken WHERE week = ?", (week.isoformat(),))
        return {r["member_id"] for r in rows}

    def record(self, member: Member, week: date, answers: dict[str, int | None]) -> None:
        """Keep one person's answers for a week, apart from their name. Once a week each;
        all skipped is kept as answered, with no answers."""
        unknown = set(answers) - set(PULSE_FACTORS)
        if unknown:
            raise HuddleError(f"no pulse question called {', '.join(sorted(unknown))}")
        if any(v is not None and not 1 <= v <= 5 for v in answers.values()):
            raise HuddleError("a pulse answer is from 1 to 5")
        with self.db.write() as conn:
            taken = conn.execute(
                "INSERT INTO pulse_taken (week, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (week.isoformat(), member.id),
            )
            if not taken.rowcount:
                raise HuddleError(f"{member.name} has already answered this week's pulse")
            if any(v is not None for v in answers.values()):
                conn.execute(
                    f"INSERT INTO pulse_answers (id, week, {', '.join(PULSE_FACTORS)})"  # noqa: S608 columns are PULSE_FACTORS; values are bound
                    f" VALUES (?, ?, {', '.join('?' for _ in PULSE_FACTORS)})",
                    (self.db.new_id(), week.isoformat(), *(answers.get(f) for f in PULSE_FACTORS)),
                )

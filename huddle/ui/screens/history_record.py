"""One past day's huddle as History reads it back: the heading and the record's blocks
(who was there, what was looked back on, the day's steps, blockers raised and moved), as
tables and Rich text; user text always literal."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from huddle.core.calendar import format_day
from huddle.core.history import DayRecord
from huddle.ui.widgets.plain_table import Column, PlainTable


def heading(record: DayRecord) -> str:
    """The day, when its huddle ran and who ran it."""
    heading = f"{record.day:%A} {record.day.day} {record.day:%B %Y}"
    huddle = record.huddle
    if huddle is None or huddle.started_at is None:
        return heading + "  ·  no huddle recorded"
    heading += f"  ·  huddle from {huddle.started_at:%H:%M}"
    if huddle.ended_at is not None:
        minutes = round((huddle.ended_at - huddle.started_at).total_seconds() / 60)
        heading += f" to {huddle.ended_at:%H:%M} ({minutes} min)"
    else:
        heading += ", not ended"
    if record.facilitator:
        heading += f"  ·  run by {record.facilitator}"
    return heading


def _table(title: str, *columns: tuple[str, int, int]) -> PlainTable:
    return PlainTable(title, [Column(name, ratio, least) for name, ratio, least in columns])


def record_parts(record: DayRecord, today: date) -> list[PlainTable | Text]:
    """The day's record, as a few blocks of text and tables; user text always literal."""
    parts: list[PlainTable | Text] = []
    if record.is_empty:
        parts.append(
            Text(
                "Nothing was recorded on this day. Use ◂ Day and Day ▸ (the arrow keys) to "
                "move to a day with a huddle, or type a date."
            )
        )
        return parts
    attendance = record.attendance
    who = Text()
    who.append(f"Present ({len(attendance.present)}): ", "bold")
    who.append(", ".join(attendance.present) or "nobody marked")
    if attendance.away:
        who.append(f"\nNot here ({len(attendance.away)}): ", "bold")
        who.append(", ".join(attendance.away))
    parts.append(who)

    if record.looked_back_on is not None:
        table = _table(
            f"Looked back on: the steps for {format_day(record.looked_back_on, today)}"
            f" ({len(record.looked_back)})",
            ("Who", 2, 15),
            ("Small step", 5, 10),
            ("How it went", 2, 13),
            ("What we learned", 5, 10),
        )
        for step in record.looked_back:
            table.add_row(
                step.member_name,
                step.text,
                step.status.value,
                step.learning,
            )
        parts.append(table)

    table = _table(
        f"Small steps for the day ({len(record.planned)})",
        ("Who", 2, 15),
        ("Small step", 6, 10),
        ("Goal", 4, 10),
        ("Status", 2, 8),
    )
    for step in record.planned:
        table.add_row(
            step.member_name,
            step.text,
            step.goal_title or "-",
            step.status.value,
        )
    parts.append(table)

    table = _table(
        f"Blockers raised ({len(record.blockers_raised)})",
        ("Raised by", 2, 15),
        ("Blocker", 8, 10),
        ("Now", 2, 9),
    )
    for blocker in record.blockers_raised:
        table.add_row(blocker.raised_by_name, blocker.text, blocker.status_words)
    parts.append(table)

    if record.blocker_moves:
        table = _table(
            f"Blockers moved ({len(record.blocker_moves)})",
            ("Blocker", 6, 10),
            ("Move", 3, 10),
            ("By", 2, 10),
            ("Note", 5, 10),
        )
        for moved in record.blocker_moves:
            event = moved.event
            before = event.status_from.said if event.status_from else "new"
            table.add_row(
                moved.blocker_text,
                f"{before} → {event.status_to.said}",
                event.who,
                event.note,
            )
        parts.append(table)
    return parts

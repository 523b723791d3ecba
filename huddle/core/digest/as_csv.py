"""The digest as one CSV table with a `section` column, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date

from huddle.core.digest.models import Digest

CSV_COLUMNS = (
    "section",
    "date",
    "id",
    "who",
    "text",
    "status",
    "goal",
    "category",
    "note",
    "sent_to",
    "age_days",
    "age_huddle_days",
    "waiting_huddle_days",
    "flag",
    "count",
    "of",
    "done",
    "partly",
    "not_done",
    "dropped",
    "not_reviewed",
)
"""One table, one row per thing, a `section` column to filter on: it opens as it is."""


def render_csv(digest: Digest) -> str:
    """The digest as one CSV table with a `section` column (see CSV_COLUMNS)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()

    def row(section: str, **cells: object) -> None:
        writer.writerow(
            {
                "section": section,
                **{k: "" if v is None else _cell(v) for k, v in cells.items()},
            }
        )

    d = digest
    row("period", date=d.since, text=d.team, note=f"until {d.until}; made on {d.made_on}")
    for e in d.open_escalations:
        row(
            "sent up, still open",
            date=e.sent_up_on,
            id=e.id,
            who=e.raised_by,
            text=e.text,
            status=e.status,
            category=e.category,
            note=e.answer or e.reason,
            sent_to=e.sent_to,
            age_days=e.age_days,
            age_huddle_days=e.age_huddle_days,
            waiting_huddle_days=e.waiting_huddle_days,
            flag=e.flag,
        )
    for a in d.answers:
        row(
            "answer",
            date=a.answered_on,
            id=a.blocker_id,
            who=a.answered_by,
            text=a.blocker,
            note=a.answer,
        )
    for r in d.resolved:
        row(
            "resolved",
            date=r.resolved_on,
            id=r.blocker_id,
            who=r.resolved_by,
            text=r.blocker,
            note=r.resolution,
            status="resolved",
        )
    for c in d.comes_back:
        row("comes back again", date=c.since, text=c.label, count=c.count)
    for s in d.steps_done:
        row(
            "step done",
            date=s.day,
            who=s.who,
            text=s.text,
            status=s.status,
            goal=s.goal,
            note=s.learning,
        )
    for g in d.steps_per_goal:
        row(
            "steps per goal",
            text=g.goal or "No goal",
            count=g.planned,
            done=g.done,
            partly=g.partly,
            not_done=g.not_done,
            dropped=g.dropped,
            not_reviewed=g.not_reviewed,
        )
    for h in d.huddles:
        row("huddle", date=h.day, count=h.present, of=h.present + h.away)
    for m in d.attendance:
        row("attendance", who=m.who, count=m.present, of=m.of)
    ideas = d.ideas
    row("ideas from people and carers", count=ideas.coproduced, of=ideas.ideas)
    row("minutes a week saved", count=ideas.minutes_a_week_saved, of=ideas.changes)
    row("visits avoided", count=ideas.visits_avoided, of=ideas.changes)
    row("forms avoided", count=ideas.forms_avoided, of=ideas.changes)
    for change, difference in ideas.differences:
        row("difference to a person", text=change, note=difference)
    return buffer.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text

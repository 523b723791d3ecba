"""The digest as JSON, in the shape docs/digest.md documents (kept stable: fields are only
added)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from huddle.core.digest.models import Digest

JSON_VERSION = 1
"""Goes up only if a field changes meaning or is removed (adding one keeps it)."""


def to_json_data(digest: Digest) -> dict[str, Any]:
    """The digest as plain JSON data, in the shape docs/digest.md documents."""
    d = digest

    def dates(record: object) -> dict[str, Any]:
        return {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in vars(record).items()
        }

    return {
        "huddle_digest": JSON_VERSION,
        "team": d.team,
        "since": d.since.isoformat(),
        "until": d.until.isoformat(),
        "made_on": d.made_on.isoformat(),
        "names_left_out": not d.names,
        "answer_limit_huddle_days": d.answer_limit_days,
        "summary": {
            "open_escalations": len(d.open_escalations),
            "overdue": d.overdue,
            "answers": len(d.answers),
            "resolved": len(d.resolved),
            "steps_done": sum(1 for s in d.steps_done if s.status == "done"),
            "steps_partly_done": sum(1 for s in d.steps_done if s.status == "partly"),
            "huddles_held": len(d.huddles),
            "new_ideas": d.ideas.ideas,
            "coproduced_ideas": d.ideas.coproduced,
            "coproduction_share": d.ideas.coproduction_share,
        },
        "open_escalations": [dates(e) for e in d.open_escalations],
        "answers": [dates(a) for a in d.answers],
        "resolved": [dates(r) for r in d.resolved],
        "comes_back_again": [dates(c) for c in d.comes_back],
        "steps_done": [dates(s) for s in d.steps_done],
        "steps_per_goal": [dates(g) for g in d.steps_per_goal],
        "huddles": [dates(h) for h in d.huddles],
        "attendance": [dates(a) for a in d.attendance],
        "impact": {
            "changes": d.ideas.changes,
            "minutes_a_week_saved": d.ideas.minutes_a_week_saved,
            "visits_avoided": d.ideas.visits_avoided,
            "forms_avoided": d.ideas.forms_avoided,
            "differences": [
                {"change": change, "difference": difference}
                for change, difference in d.ideas.differences
            ],
            "all_time_changes": d.ideas.all_time_changes,
            "all_time_minutes_a_week_saved": d.ideas.all_time_minutes_a_week_saved,
        },
    }


def render_json(digest: Digest) -> str:
    """The digest as JSON (UTF-8, indented, keys in a fixed order)."""
    return json.dumps(to_json_data(digest), indent=2, ensure_ascii=False) + "\n"

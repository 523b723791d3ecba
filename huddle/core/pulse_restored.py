"""The pulse of an export brought back as weekly tallies (how many answered, and each
question's sum and how many answered it), so a restored team's Trends read as before.

An export from schema 12 on holds `pulse_tallies`, exact; an older one holds only
`pulse_averages`, from which each week's tallies are made again as nearly as they tell.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from huddle.core.models import HuddleError
from huddle.core.schema import PULSE_FACTORS, PULSE_TALLIES
from huddle.core.store.transfer import TableRows

COLUMNS = ("week", *PULSE_TALLIES)


class BadPulse(HuddleError):
    """The pulse of an export is not in the shape docs/export-format.md gives."""


def _count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _week(week: Any) -> str:
    if not isinstance(week, dict) or not isinstance(week.get("week"), str):
        raise BadPulse("a week of the pulse has no week")
    try:
        return date.fromisoformat(week["week"]).isoformat()
    except ValueError:
        raise BadPulse(f"the pulse has a week that is not a date ({week['week'][:20]})") from None


def pulse_tallies(weeks: Any) -> TableRows:
    """An export's `pulse_tallies`, checked: each week's counts, whole numbers."""
    if not isinstance(weeks, list):
        raise BadPulse("the pulse tallies are not a list of weeks")
    rows = []
    for week in weeks:
        day = _week(week)
        counts = [_count(week.get(name)) for name in PULSE_TALLIES]
        if None in counts:
            raise BadPulse(f"the pulse of the week of {day} is not whole numbers")
        rows.append([day, *counts])
    return TableRows("pulse_tallies", COLUMNS, rows)


def pulse_from_averages(weeks: Any) -> TableRows:
    """An older export's weekly averages as tallies: each question counted as answered by
    the most of that week's answers its average allows. A week without its
    count of answers cannot come back: the rows' note says how many."""
    if not isinstance(weeks, list):
        raise BadPulse("the pulse averages are not a list of weeks")
    rows, lost = [], 0
    for week in weeks:
        day = _week(week)
        answers = _count(week.get("answers"))
        averages = [week.get(name) for name in PULSE_FACTORS]
        if not all(_average(a) for a in averages):
            raise BadPulse(f"the pulse of the week of {day} has an average not from 1 to 5")
        if not answers:
            lost += 1
            continue
        tallies = [_tally(a, answers) for a in averages]
        rows.append([day, answers, *(s for s, _ in tallies), *(n for _, n in tallies)])
    note = "The pulse came back from this older export's weekly averages"
    if lost:
        note += f"; {lost} week{'s' if lost > 1 else ''} could not (no count of answers)"
    return TableRows("pulse_tallies", COLUMNS, rows, note=note)


def _tally(average: float | None, answers: int) -> tuple[int, int]:
    """A question's sum and how many answered it, from its average to 2 places: the most
    who could have answered it (some may leave a question) whose sum gives that average."""
    if average is None:
        return 0, 0
    for answered in range(answers, 0, -1):
        total = round(average * answered)
        if round(total / answered, 2) == round(average, 2):
            return total, answered
    return round(average * answers), answers


def _average(value: Any) -> bool:
    """Whether `value` is an average as exported: a number from 1 to 5, or null."""
    if value is None:
        return True
    return isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 5

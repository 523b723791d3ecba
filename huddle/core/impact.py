"""What a change gave, read from one typed line and added up in words:

parse_impact("30 min a week, 2 visits")   -> 30 minutes a week saved, 2 visits avoided
parse_impact("Mrs B no longer repeats her story")   -> a line on the difference it made
impact_sentence(totals)   -> "about 6 hours a week saved by 14 changes"
"""

from __future__ import annotations

import re

from huddle.core.models import HuddleError, Impact
from huddle.core.numbers import NUMBER, read_number
from huddle.core.results import ImpactTotals

IMPACT_HINT = "e.g. 30 min a week, 2 visits, 3 forms, or a line on the difference to a person"

_AMOUNT = re.compile(
    rf"(?P<n>{NUMBER})\s*(?P<unit>minutes?|mins?|m|hours?|hrs?|h|visits?|forms?)\b",
    re.IGNORECASE,
)
# Time saved is counted a week; said a day or a month it would be added up as a week's.
_NOT_A_WEEK = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?:day|month|year|fortnight|quarter)\b"
    r"|\b(?:daily|monthly|yearly|annually|fortnightly)\b",
    re.IGNORECASE,
)
_MINUTES_SAID = {
    "a quarter of an hour": "15 min",
    "quarter of an hour": "15 min",
    "half an hour": "30 min",
    "an hour and a half": "90 min",
    "an hour": "60 min",
}
_IN_FIGURES = re.compile(r"\b(?:" + "|".join(_MINUTES_SAID) + r")\b", re.IGNORECASE)
"""Times said in words, as the figures they are, in a line that says they are a week's
("half an hour a week" is 30 minutes; "Mrs B had an hour with her son" stays a line)."""
_FILLER = re.compile(
    r"\b(a|an|per|each|every|week|weekly|wk|saved|save|saving|avoided|fewer|less|and|of)\b"
    r"|[\s,;.+&/-]+",
    re.IGNORECASE,
)


def parse_impact(line: str) -> Impact:
    """Read what a change gave: minutes or hours (saved a week), visits and forms (avoided),
    and, when the line says more than amounts, the line itself as the difference it made."""
    text = " ".join(line.split())
    if not text:
        return Impact()
    minutes = visits = forms = 0.0
    if len(text) > 200:
        raise HuddleError(f"keep it to one line (it is {len(text)} characters; 200 at most)")
    counted = text
    if re.search(r"\bweek", text, re.IGNORECASE):  # "half an hour a week"; not a story
        counted = _IN_FIGURES.sub(lambda m: _MINUTES_SAID[m.group().lower()], text)
    for found in _AMOUNT.finditer(counted):
        _whole_amount(counted, found)
        amount = read_number(found["n"])
        unit = found["unit"].lower()
        if unit.startswith("h"):
            minutes += amount * 60
        elif unit.startswith("m"):
            minutes += amount
        elif unit.startswith("v"):
            visits += amount
        else:
            forms += amount
    if minutes and _NOT_A_WEEK.search(counted):
        raise HuddleError("say the time saved a week (10 min a day is 50 min a week)")
    rest = _FILLER.sub("", _AMOUNT.sub("", counted))
    return Impact(
        minutes_a_week=round(minutes),
        visits_avoided=round(visits),
        forms_avoided=round(forms),
        difference=text if rest else "",
    )


def _whole_amount(text: str, found: re.Match[str]) -> None:
    """Refuse an amount that is the end of something else: "-3 visits" (less than none),
    "1e9 visits" (not 9 visits)."""
    before = text[: found.start()]
    if (ranged := re.search(r"\d[\d.,]*\s*[-−]\s*$", before)) is not None:
        raise HuddleError(f"'{ranged.group()}{found.group()}': say one number, e.g. the fewer")
    if before.endswith(("-", "−")):
        raise HuddleError(f"'{before[-1]}{found.group()}': say what it saved or avoided, 0 or more")
    glued = re.search(r"[\w.]+$", before)
    if glued:
        raise HuddleError(f"'{glued.group()}{found['n']}' is not a number")


def time_words(minutes: int) -> str:
    """Minutes as people say them: "45 minutes", "about 1.5 hours", "about 6 hours"."""
    if minutes < 60:
        return f"{minutes} minute" + ("" if minutes == 1 else "s")
    hours = minutes / 60
    shown = f"{hours:.1f}".removesuffix(".0") if hours < 2 else f"{round(hours)}"
    return f"about {shown} hour" + ("" if shown == "1" else "s")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def impact_sentence(totals: ImpactTotals) -> str:
    """The totals in one line: "about 6 hours a week saved, 9 visits and 20 forms avoided,
    by 14 changes; 3 said what difference they made to a person". "" when nothing was said.
    Minutes saved a week add up across changes: each goes on saving them every week."""
    if not totals.changes:
        return ""
    parts = []
    if totals.minutes_a_week:
        parts.append(f"{time_words(totals.minutes_a_week)} a week saved")
    avoided = [
        _count(n, word)
        for n, word in ((totals.visits_avoided, "visit"), (totals.forms_avoided, "form"))
        if n
    ]
    if avoided:
        parts.append(" and ".join(avoided) + " avoided")
    said = ", ".join(parts) + "," if parts else "a difference to a person said"
    sentence = f"{said} by {_count(totals.changes, 'change')}"
    if totals.differences and parts:
        sentence += f"; {totals.differences} said what difference they made to a person"
    return sentence


def impact_words(impact: Impact) -> str:
    """One change's impact in a line: "30 minutes a week saved, 2 visits avoided"."""
    parts = []
    if impact.minutes_a_week:
        parts.append(f"{time_words(impact.minutes_a_week)} a week saved")
    if impact.visits_avoided:
        parts.append(_count(impact.visits_avoided, "visit") + " avoided")
    if impact.forms_avoided:
        parts.append(_count(impact.forms_avoided, "form") + " avoided")
    if impact.difference and not parts:
        parts.append(impact.difference)
    return ", ".join(parts)


def impact_as_dict(totals: ImpactTotals) -> dict[str, int]:
    """The totals for JSON."""
    return {
        "changes": totals.changes,
        "minutes_a_week_saved": totals.minutes_a_week,
        "visits_avoided": totals.visits_avoided,
        "forms_avoided": totals.forms_avoided,
        "differences": totals.differences,
    }

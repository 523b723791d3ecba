"""Day status, the "safety cross": each measure the team tracks daily gets one colour a day
(green, amber, red), shown as a strip for the month."""

from __future__ import annotations

import calendar as month_days
from dataclasses import dataclass
from datetime import date

from huddle.core.calendar import format_date
from huddle.core.models import DayColor, DayMeasure, HuddleError
from huddle.core.store import Store

COLOR_WORDS: dict[str, DayColor | None] = {
    "green": DayColor.GREEN,
    "g": DayColor.GREEN,
    "amber": DayColor.AMBER,
    "a": DayColor.AMBER,
    "red": DayColor.RED,
    "r": DayColor.RED,
    "clear": None,
    "none": None,
}
"""What a person may type for a day's colour; "clear" takes the colour away."""


@dataclass(frozen=True)
class DayStrip:
    """One measure's days in a month, each with its colour or None (not set)."""

    measure: DayMeasure
    days: tuple[tuple[date, DayColor | None], ...]

    def count(self, color: DayColor) -> int:
        return sum(1 for _day, set_to in self.days if set_to is color)


def read_color(typed: str) -> DayColor | None:
    """The colour `typed` names (green/amber/red, or g/a/r); None for "clear"."""
    word = typed.strip().lower()
    if word not in COLOR_WORDS:
        raise HuddleError(f"'{typed[:20]}' is not a colour: say green, amber, red or clear")
    return COLOR_WORDS[word]


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    return day.replace(day=1), day.replace(day=month_days.monthrange(day.year, day.month)[1])


def month_strips(store: Store, day: date) -> list[DayStrip]:
    """A strip for `day`'s month for every measure the team tracks daily."""
    first, last = month_of(day)
    colors = store.day_status.between(first, last)
    days = [first.replace(day=n) for n in range(1, last.day + 1)]
    return [
        DayStrip(measure, tuple((d, colors.get((measure.id, d))) for d in days))
        for measure in store.day_status.measures()
    ]


def set_day_status(store: Store, typed_measure: str, typed_color: str, day: date) -> DayStrip:
    """Set the colour of `day` on the measure `typed_measure` names; its month's strip after.
    A day after today cannot have a colour yet."""
    color = read_color(typed_color)
    measure = store.day_status.find(typed_measure)
    if day > store.today():
        said = format_date(day, "%a %d %b") + (
            f" {day.year}" if day.year != store.today().year else ""
        )
        raise HuddleError(f"{said} has not happened yet: a colour is for a day gone by")
    store.day_status.set(measure, day, color)
    return next(s for s in month_strips(store, day) if s.measure.id == measure.id)

"""A blocker's status as a table cell, flagged when management's answer is overdue."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from huddle.core.blockers import AgeFlag, waiting_for_answer
from huddle.core.calendar import HuddleCalendar
from huddle.core.models import Blocker

FLAG_STYLE = {
    AgeFlag.NONE: "",
    AgeFlag.AMBER: "bold black on dark_orange",
    AgeFlag.RED: "bold white on red3",
}
"""Strong backgrounds that read across a room; the word says it too, for the colour-blind."""


def flag_text(flag: AgeFlag) -> Text:
    """ " AMBER " or " RED " on its colour; empty for no flag."""
    if flag is AgeFlag.NONE:
        return Text("")
    return Text(f" {flag.value.upper()} ", style=FLAG_STYLE[flag])


def status_cell(blocker: Blocker, calendar: HuddleCalendar, today: date, limit: int) -> Text:
    """ "sent up" with " AMBER " or " RED " after it when the answer is overdue."""
    cell = Text(blocker.status_words)
    waiting = waiting_for_answer(blocker, calendar, today, limit)
    if waiting and waiting.flag is not AgeFlag.NONE:
        cell.append(" ")
        cell.append_text(flag_text(waiting.flag))
    return cell

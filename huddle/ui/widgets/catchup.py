"""The catch-up card: for a member back after two or more huddle days away, what changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets import Static

from huddle.core.calendar import format_day
from huddle.core.catchup import CatchUp


def catch_up_text(card: CatchUp, last_here: str) -> Content:
    """The card's words, user text kept literal; `last_here` is the day as people say it."""
    days = card.huddle_days_away
    parts: list[Content | str | tuple[str, str]] = [
        (f"Welcome back, {card.member.name}", "bold"),
        f": {days} huddle day{'s' * (days != 1)} not here (last here {last_here}).",
    ]
    if card.steps_done:
        examples = "; ".join(f"{s.text} ({s.member_name})" for s in card.step_examples)
        more = card.steps_done - len(card.step_examples)
        parts += [
            "\n",
            ("✓ ", "green"),
            f"{card.steps_done - card.steps_partly} small step"
            f"{'s' * (card.steps_done - card.steps_partly != 1)} done",
            f", {card.steps_partly} partly done" if card.steps_partly else "",
            f": {examples}",
            f" and {more} more" if more > 0 else "",
        ]
    if card.blockers_answered_count:
        for blocker in card.blockers_answered:
            state = "resolved" if blocker.resolved else "answered"
            parts += ["\n", ("✓ ", "green"), f"Blocker {state}: {blocker.text} → {blocker.answer}"]
        more = card.blockers_answered_count - len(card.blockers_answered)
        if more > 0:
            parts += ["\n", f"  and {more} more blocker{'s' * (more != 1)} answered"]
    for title in card.goals_added:
        parts += ["\n", ("+ ", "cyan"), f"New goal: {title}"]
    if card.is_empty:
        parts += ["\n", "Nothing much changed while you were not here."]
    return Content.assemble(*parts)


class CatchUpCard(Static):
    """Shows the catch-up of each member back today, or nothing at all when there is none."""

    DEFAULT_CSS = """
    CatchUpCard { height: auto; padding: 0 1; border: round $accent; margin: 0 0 1 0; }
    CatchUpCard.-empty { display: none; }
    """

    def show(self, cards: Sequence[CatchUp], today: date) -> None:
        self.set_class(not cards, "-empty")
        texts = [catch_up_text(card, format_day(card.last_here, today)) for card in cards]
        self.update(Content("\n\n").join(texts))

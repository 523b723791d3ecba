"""Yesterday on the TV: a card per person, each step with its mark as a coloured word and
what was learned under it; a card for the changes due a "still in place?" check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from textual.content import Content

from huddle.core.calendar import format_day
from huddle.core.flow import ReviewGroup
from huddle.core.models import Step, StepStatus
from huddle.core.pdsa import SustainmentCheck
from huddle.ui.widgets.cards import Card, CardRow
from huddle.ui.widgets.goal_colours import goal_label

MARK_WORDS: dict[StepStatus, tuple[str, str]] = {
    StepStatus.PLANNED: ("?", "bold $text-warning"),
    StepStatus.DONE: ("done", "bold $text-success"),
    StepStatus.PARTLY: ("partly", "bold $text-primary"),
    StepStatus.NOT_DONE: ("not done", "bold $text-accent"),
    StepStatus.CARRIED: ("not done", "bold $text-accent"),
    StepStatus.DROPPED: ("dropped", "$foreground-muted"),
}
"""A step's mark as the word the room reads, in its colour ("?" until it is marked)."""

CHECK_WORDS: dict[bool | None, tuple[str, str]] = {
    None: ("?", "bold $text-warning"),
    True: ("yes", "bold $text-success"),
    False: ("no", "bold $text-error"),
}
LEAD = 10
"""Cells for the mark word and the space after it."""


def _lead(word: str, style: str) -> Content:
    return Content.styled(word.ljust(LEAD), style)


def step_lines(step: Step, colours: Mapping[str, str], back_to: date, day: date) -> list[Content]:
    """A step's words, its goal in the goal's colour, how old it is, and what was learned."""
    lines = [Content(step.text)]
    if step.goal_title:
        lines.append(goal_label(step.goal_title, colours.get(step.goal_id or "")))
    if step.day != back_to:
        lines.append(Content.styled(f"from {format_day(step.day, day)}", "$text-warning"))
    if step.learning:
        lines.append(
            Content.assemble(
                ("learned: ", "$foreground-muted"), Content(step.learning).stylize("italic")
            )
        )
    return lines


def review_cards(
    groups: Sequence[ReviewGroup],
    checks: Mapping[str, SustainmentCheck],
    colours: Mapping[str, str],
    back_to: date,
    day: date,
) -> list[Card]:
    """A card per person (someone not here: muted, their steps out of play), then the checks."""
    cards: list[Card] = []
    for group in groups:
        if group.present:
            rows = [
                CardRow(
                    _lead(*MARK_WORDS[step.status]),
                    step_lines(step, colours, back_to, day),
                    step.id,
                )
                for step in group.steps
            ]
            cards.append(Card(Content.styled(group.member_name, "bold"), rows))
        else:
            rows = [
                CardRow(_lead("·", "dim"), [Content(step.text).stylize("dim")])
                for step in group.steps
            ]
            cards.append(
                Card(
                    Content.styled(group.member_name, "bold $foreground-muted"),
                    rows,
                    note=Content.styled("not here: their steps are left as they are", "italic dim"),
                    style="$foreground-disabled",
                )
            )
    if checks:
        rows = [
            CardRow(
                _lead(*CHECK_WORDS[check.in_place]),
                [
                    Content(check.change),
                    Content.styled(f"{check.after_days} days on", "$foreground-muted"),
                ],
                key,
            )
            for key, check in checks.items()
        ]
        cards.append(
            Card(
                Content.styled("Still in place?", "bold"),
                rows,
                note=Content.styled("changes the team adopted: d yes, x no", "dim"),
            )
        )
    if not cards:
        cards.append(
            Card(
                Content.styled("Nothing to look back on", "bold"),
                note=Content("No steps to look back on. Enter goes on to Today."),
            )
        )
    return cards

"""Yesterday's list, row by row: a person's name, each step with its mark as a badge, its
goal and what was learned; a step of someone not here; the "still in place?" checks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.flow import ReviewGroup
from huddle.core.models import Step, StepStatus
from huddle.core.pdsa import SustainmentCheck
from huddle.ui.widgets.keylist import hanging, with_tail

BADGES: dict[StepStatus, tuple[str, str]] = {
    StepStatus.PLANNED: ("   ?      ", "bold $text-warning"),
    StepStatus.DONE: (" ✓ done   ", "bold $text-success"),
    StepStatus.PARTLY: (" ◐ partly ", "bold $text-success"),
    StepStatus.NOT_DONE: (" → carried", "bold $text-accent"),
    StepStatus.CARRIED: (" → carried", "bold $text-accent"),
    StepStatus.DROPPED: (" ✗ dropped", "$text-muted"),
}


CHECK_BADGES: dict[bool | None, tuple[str, str]] = {
    None: ("   ?      ", "bold $text-warning"),
    True: (" ✓ yes    ", "bold $text-success"),
    False: (" ✗ no     ", "bold $text-error"),
}
"""A "still in place?" check: not answered yet, or answered at this huddle."""

CHECK = "check:"
"""The start of the row id of a sustainment check, as against a step's."""

GOAL_TITLES_FROM = 120
"""Columns from which a step's goal is shown by its title rather than its tag."""


def header(group: ReviewGroup) -> Option:
    if group.present:
        return Option(Content.assemble((group.member_name, "bold")), disabled=True)
    return Option(
        Content.assemble(
            (group.member_name, "bold dim"),
            ("  not here: their steps are left as they are", "italic dim"),
        ),
        disabled=True,
    )


def step_row(
    step: Step,
    *,
    tags: Mapping[str, str],
    back_to: date,
    day: date,
    cells: int,
    columns: int,
) -> Content:
    """A step of someone here, in `cells` cells; `columns`: the screen's width."""
    badge = Content.assemble(BADGES[step.status], "  ")
    tail: list[Content] = []
    if step.goal_title:
        # The goal's tag on a small screen, its title where there is room.
        goal = step.goal_title if columns >= GOAL_TITLES_FROM else tags.get(step.goal_id or "")
        if goal:
            said = Content(goal).stylize("italic $text-muted")
            tail.append(Content.assemble(("· ", "dim"), said))
    if step.day != back_to:
        tail.append(Content.styled(f"(from {format_day(step.day, day)})", "$text-warning"))
    text = Content(step.text)
    if tail:
        room = cells - badge.cell_length
        text = with_tail(text, Content("  ").join(tail), room)
    lines = [text]
    if step.learning:
        lines.append(
            Content.assemble(("learned: ", "$text-muted"), Content(step.learning).stylize("italic"))
        )
    return hanging(badge, lines, cells)


def away_row(step: Step, cells: int) -> Content:
    """A step of someone not here: shown, out of play."""
    return hanging(
        Content.styled("   ·        ", "dim"),
        [Content(step.text).stylize("dim")],
        cells,
    )


def check_rows(checks: Mapping[str, SustainmentCheck], *, read_only: bool) -> list[Option]:
    """Adopted PDSA changes due a sustainment check: still in place?"""
    if not checks:
        return []
    rows = [
        Option(
            Content.assemble(
                ("Still in place?", "bold"), ("  changes the team adopted: d yes, x no", "dim")
            ),
            disabled=True,
        )
    ]
    for key, check in checks.items():
        rows.append(
            Option(
                Content.assemble(
                    CHECK_BADGES[check.in_place],
                    "  ",
                    Content(check.change),
                    (f"  ({check.after_days} days on)", "$text-muted"),
                ),
                id=key,
                disabled=read_only,
            )
        )
    return rows

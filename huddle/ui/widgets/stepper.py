"""The five stages of the huddle across the top: where the team is, and time in each."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from huddle.core.flow import STAGE_TITLES, STAGES
from huddle.core.models import Stage
from huddle.core.timebox import clock_text


def stages_line(
    current: Stage,
    seconds: Mapping[Stage, float],
    budgets: Mapping[Stage, float] | None = None,
    *,
    roomy: bool = True,
) -> Content:
    """`1 Who's here > 2 Yesterday > ...` with `current` lit up; the time spent in each
    stage when there is room (`roomy`), and the current stage's share of the timebox
    (amber once a stage runs over its share)."""
    budgets = budgets or {}
    parts: list[str | tuple[str, str]] = []
    done = True
    for number, stage in enumerate(STAGES, start=1):
        if stage is current:
            done = False
        if parts:
            parts.append((" › ", "dim"))
        label = f" {number} {STAGE_TITLES[stage]} "
        spent = seconds.get(stage, 0.0)
        budget = budgets.get(stage, 0.0)
        over = budget > 0 and spent > budget
        if stage is current and budget > 0 and roomy:
            label += f"{clock_text(spent)}/{clock_text(budget)} "
        elif stage is current or (roomy and spent >= 1):
            label += f"{clock_text(spent)} "
        if stage is current:
            parts.append((label, "bold reverse $warning" if over else "bold reverse $accent"))
        elif over:
            parts.append((label, "$text-warning"))
        elif done:
            parts.append((label, "$text-success"))
        else:
            parts.append((label, "$text-muted"))
    return Content.assemble(*parts)

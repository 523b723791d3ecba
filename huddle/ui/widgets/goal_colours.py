"""Each goal's own colour, so a step's goal can be told at a glance across the room: the same
goal has the same colour on every stage and every day (by the order the goals were made)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import App
from textual.content import Content

from huddle.core.models import Goal

ON_DARK = ("#79c0ff", "#7ee787", "#d2a8ff", "#ffa657", "#ff9bce", "#56d4dd", "#e3b341", "#ff7b72")
"""Goal colours that read on a dark background, in the order goals get them."""
ON_LIGHT = ("#0550ae", "#116329", "#8250df", "#953800", "#bf3989", "#1b7c83", "#7d4e00", "#cf222e")
"""The same hues, dark enough to read on a light background."""


def goal_colours(app: App[Any], goals: Sequence[Goal]) -> dict[str, str]:
    """Each goal's colour by its id, for the app's theme (dark or light). Pass every goal,
    retired ones too (`store.goals.all(active_only=False)`), so a goal keeps its colour."""
    palette = ON_DARK if app.current_theme.dark else ON_LIGHT
    return {goal.id: palette[index % len(palette)] for index, goal in enumerate(goals)}


def goal_label(title: str, colour: str | None) -> Content:
    """A goal's title after a small square of its colour, the title in that colour too."""
    style = f"bold {colour}" if colour else "italic $text-muted"
    return Content.assemble(("■ ", colour or "$text-muted"), Content(title).stylize(style))

"""The huddle's top, drawn by one widget: the title and the time left on the first row, the
five stages under it. One widget, not a grid of four: every key visits each widget on the
screen, and the top changes only with the clock."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widget import Widget

from huddle.core.models import Stage
from huddle.core.timebox import Timebox
from huddle.ui.widgets.stepper import stages_line
from huddle.ui.widgets.timebox import TIME_COLOURS, countdown_words

ROOMY_COLUMNS = 96
"""From this width the stages line shows the time spent in each stage."""


class HuddleTop(Widget):
    """`Huddle  Team  Monday 30 November 2026 ........ 12:04 left`, the stages under it
    (a blank row between when it is given three rows, as on the TV)."""

    DEFAULT_CSS = """
    HuddleTop {
        width: 1fr;
        height: 2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = Content("")
        """What the huddle is: the team, the day."""
        self.time_text = ""
        """The countdown in words ("12:04 left")."""
        self.time_style = "bold"
        """How the countdown is drawn: amber near the end, red when over."""
        self._stages: tuple[Stage, Mapping[Stage, float], Mapping[Stage, float]] | None = None

    def show_title(self, title: Content) -> None:
        self.title = title
        self.refresh()

    def show(
        self,
        box: Timebox,
        budgets: Mapping[Stage, float],
        *,
        finished: bool = False,
    ) -> None:
        """The time left and each stage's time, from the huddle's `box`."""
        self.time_text = countdown_words(box, finished=finished)
        colour = TIME_COLOURS.get(box.state)
        self.time_style = f"bold {colour}" if colour else "bold"
        self._stages = (box.stage, dict(box.stage_seconds), budgets)
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        time = Content.styled(f" {self.time_text} ", self.time_style)
        title = Content.assemble(" ", self.title, " ").truncate(
            max(width - time.cell_length, 0), ellipsis=True, pad=True
        )
        first = Content.assemble(title, time).stylize_before("$text on $primary")
        stages = Content("")
        if self._stages is not None:
            current, seconds, budgets = self._stages
            roomy = width >= ROOMY_COLUMNS or width == 0
            stages = Content.assemble(" ", stages_line(current, seconds, budgets, roomy=roomy))
        rows = [first, Content("")] if self.size.height >= 3 else [first]
        return Content("\n").join([*rows, stages])

"""The huddle's countdown: always on screen (in words in the huddle's top line), large when the
screen is wide; amber near the end, red when over. The screen ticks the `Timebox`; these only
draw it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from huddle.core.timebox import Timebox, TimeLeft, clock_text
from huddle.ui.widgets.block_font import block_rows, solid

_TIME_CSS = """
    {name}.-amber {{
        color: $warning;
    }}
    {name}.-over {{
        color: $error;
    }}
"""


def _set_state(widget: Static, box: Timebox) -> None:
    state = box.state
    widget.set_class(state is TimeLeft.AMBER, "-amber")
    widget.set_class(state is TimeLeft.OVER, "-over")


def countdown_words(box: Timebox, *, finished: bool = False) -> str:
    """The countdown in words: "12:04 left", "1:30 over", "took 14:10 of 15:00"."""
    left = box.remaining
    if finished:
        return f"took {clock_text(box.seconds)} of {clock_text(box.limit_seconds)}"
    text = f"{clock_text(left)} left" if left >= 0 else f"{clock_text(-left)} over"
    return text + (" (paused: t)" if box.paused else "")


TIME_COLOURS = {TimeLeft.AMBER: "$warning", TimeLeft.OVER: "$error"}
"""The countdown's colour near the end and when over (else the text's own)."""


class TimeboxDigits(Static):
    """The countdown in solid block digits, for a screen read from across the room."""

    DEFAULT_CSS = """
    TimeboxDigits {
        width: auto;
        height: auto;
        padding: 0 2;
        text-style: bold;
    }
    """ + _TIME_CSS.format(name="TimeboxDigits")

    text = ""
    """The time shown, as digits ("12:04", "-1:30")."""

    def show(self, box: Timebox, *, finished: bool = False) -> None:
        left = box.remaining
        _set_state(self, box)
        text = clock_text(box.seconds if finished else left)
        if left < 0 and not finished:
            text = "-" + text
        self.text = text
        rows = block_rows(text)
        self.update(solid(rows) if rows else Content(text))

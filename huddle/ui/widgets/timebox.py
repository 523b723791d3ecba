"""The huddle's countdown: always on screen, large when the screen is wide; amber near the
end, red when over. The screen ticks the `Timebox`; these only draw it."""

from __future__ import annotations

from textual.widgets import Digits, Static

from huddle.core.timebox import Timebox, TimeLeft, clock_text

_TIME_CSS = """
    {name}.-amber {{
        color: $warning;
    }}
    {name}.-over {{
        color: $error;
    }}
"""


def _set_state(widget: Static | Digits, box: Timebox) -> None:
    state = box.state
    widget.set_class(state is TimeLeft.AMBER, "-amber")
    widget.set_class(state is TimeLeft.OVER, "-over")


class TimeboxView(Static):
    """The countdown in words: "12:04 left", "1:30 over", "took 14:10 of 15:00"."""

    DEFAULT_CSS = """
    TimeboxView {
        width: auto;
        height: 1;
        padding: 0 1;
        text-style: bold;
    }
    """ + _TIME_CSS.format(name="TimeboxView")

    def show(self, box: Timebox, *, finished: bool = False) -> None:
        left = box.remaining
        if finished:
            text = f"took {clock_text(box.seconds)} of {clock_text(box.limit_seconds)}"
        elif left >= 0:
            text = f"{clock_text(left)} left"
        else:
            text = f"{clock_text(-left)} over"
        if box.paused and not finished:
            text += " (paused: t)"
        _set_state(self, box)
        self.update(text)

    @property
    def text(self) -> str:
        """What the countdown says, as words."""
        return str(self.content)


class TimeboxDigits(Digits):
    """The countdown in large digits, for a screen read from across the room."""

    DEFAULT_CSS = """
    TimeboxDigits {
        width: auto;
        padding: 0 2;
    }
    """ + _TIME_CSS.format(name="TimeboxDigits")

    def show(self, box: Timebox, *, finished: bool = False) -> None:
        left = box.remaining
        _set_state(self, box)
        if finished:
            self.update(clock_text(box.seconds))
        else:
            self.update(("-" if left < 0 else "") + clock_text(abs(left)))

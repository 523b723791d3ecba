"""The screen curtain: when the lead steps away from the shared screen, one key hides every
name and every line people wrote. Only the time and a few counts stay on the TV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from huddle.core.calendar import format_date
from huddle.core.models import HuddleError
from huddle.ui.widgets.block_font import BlockDigits

if TYPE_CHECKING:
    from huddle.ui.app import HuddleApp

TICK_SECONDS = 1.0


class CurtainScreen(ModalScreen[None]):
    """Over everything, opaque. Lifted by ctrl+k, escape, or a click."""

    BINDINGS = [
        Binding("ctrl+k,escape", "lift", "Lift the curtain", priority=True),
        # Nothing underneath may be reached while the curtain is down.
        Binding("ctrl+p", "ignore", show=False, priority=True),
        Binding("q", "ignore", show=False),
    ]
    COMMANDS = set()

    DEFAULT_CSS = """
    CurtainScreen {
        align: center middle;
        background: $background;
    }
    CurtainScreen #textual-toastrack { display: none; }
    CurtainScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $background;
        overflow: hidden;
    }
    CurtainScreen BlockDigits { width: 100%; text-align: center; color: $text-primary; }
    CurtainScreen Static { width: 100%; text-align: center; }
    CurtainScreen #curtain-date { text-style: bold; padding: 1 0 0 0; }
    CurtainScreen #curtain-counts { padding: 1 0 0 0; }
    CurtainScreen #curtain-hint { color: $text-muted; padding: 1 0 0 0; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield BlockDigits("", id="curtain-time")
            yield Static(id="curtain-date")
            yield Static(id="curtain-counts")
            yield Static("ctrl+k or a click to lift the curtain", id="curtain-hint")

    def on_mount(self) -> None:
        self.app.clear_notifications()
        self.refresh_counts()
        self.set_interval(TICK_SECONDS, self.refresh_counts)

    @property
    def huddle_app(self) -> HuddleApp:
        from huddle.ui.app import HuddleApp

        assert isinstance(self.app, HuddleApp)  # noqa: S101 narrows the type; no check relies on it
        return self.app

    def refresh_counts(self) -> None:
        """The time and the counts; never a name or a line of text."""
        store = self.huddle_app.store
        now = store.clock.now()
        self.query_one(BlockDigits).show(f"{now:%H:%M}")
        self.query_one("#curtain-date", Static).update(Content(format_date(now, "%A %d %B %Y")))
        try:
            coming = store.coming_huddle_day()
            people = len(store.members.all())
            steps = len(store.steps.on_day(coming))
            blockers = len(store.blockers.open())
            taken = store.trends.total_taken()
        except HuddleError:  # a busy file: the curtain stays down, the counts wait a tick
            return
        self.query_one("#curtain-counts", Static).update(
            Content(
                f"{_count(people, 'person', 'people')} in the team\n"
                f"{_count(steps, 'small step')} for the coming huddle\n"
                f"{_count(blockers, 'open blocker')}\n"
                f"{_count(taken, 'small step')} taken so far"
            )
        )

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.dismiss()

    def action_lift(self) -> None:
        self.dismiss()

    def action_ignore(self) -> None:
        """Keys that would reach the screens underneath do nothing here."""


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"

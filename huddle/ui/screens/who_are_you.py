"""In a web browser (`huddle serve`), each session first says who is at its keyboard: it is
recorded for that session only, and nothing can be added or answered before it is known."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from huddle.core.models import Member

NO_MEMBERS = (
    "The team has no members yet. Add them on the computer that runs huddle serve "
    "(huddle team), then open the link again."
)


class WhoAreYou(ModalScreen[Member]):
    """The team's members; Enter on one says it is you. There is no way round it but q."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    DEFAULT_CSS = """
    WhoAreYou { align: center middle; background: $background 80%; }
    WhoAreYou > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $panel;
        padding: 1 2;
    }
    WhoAreYou #who-question { text-style: bold; }
    WhoAreYou #who-hint { color: $text-muted; padding: 0 0 1 0; }
    WhoAreYou OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, members: list[Member]) -> None:
        super().__init__()
        self.members = {m.id: m for m in members}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Who are you?", id="who-question")
            if not self.members:
                yield Static(Content(NO_MEMBERS), id="who-hint")
                return
            yield Static(
                "Pick your name and press Enter: what you add or answer here is yours.",
                id="who-hint",
            )
            yield OptionList(*(Option(Content(m.name), id=m.id) for m in self.members.values()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.members[event.option.id])

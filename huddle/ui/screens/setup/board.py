"""Team set-up, Board and speakers: who speaks first at Today, how long the board shows each
panel, and the measures the team tracks daily on the board's day-status strip."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from huddle.core.models import HuddleError, SpeakerOrder, Team
from huddle.core.store.team import BOARD_SECONDS
from huddle.ui.screens.setup.pane import SetupPane

ORDER_WORDS = {
    SpeakerOrder.ALPHABETICAL: "Alphabetical: by name, every day",
    SpeakerOrder.ROTATING: "Rotating: the first speaker is one further along each huddle",
    SpeakerOrder.RANDOM: "Random: shuffled each day (the same all day)",
}


class BoardPane(SetupPane):
    """Speaker order, the board's pace, and what is tracked daily; each saved on its own."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="board-form"):
            yield Static("Who speaks first at Today", classes="heading")
            with RadioSet(id="speaker-order"):
                for order, words in ORDER_WORDS.items():
                    yield RadioButton(words, id=f"order-{order.value}")
            yield Static("The board between huddles", classes="heading")
            with Horizontal(classes="row"):
                yield Label("Show each panel for ")
                yield Input(id="board-seconds", type="integer", compact=True)
                yield Label(" seconds")
                yield Button("Save", id="save-seconds", compact=True)
            yield Static("Measures tracked daily (the board's day-status strip)", classes="heading")
            yield Static(id="tracked")
            with Horizontal(classes="row"):
                yield Input(id="measure", placeholder='e.g. "Missed visits"', compact=True)
                yield Button("Track", id="track", compact=True)
                yield Button("Stop tracking", id="stop-tracking", compact=True)
            yield Static(
                "Green, amber or red each day: d on the board, or huddle day-status",
                classes="hint",
            )

    def show(self, team: Team, today: date) -> None:
        with self.prevent(RadioSet.Changed):
            self.query_one(f"#order-{team.speaker_order.value}", RadioButton).value = True
        seconds = self.query_one("#board-seconds", Input)
        if not seconds.has_focus:
            seconds.value = str(team.board_seconds)
        tracked = [m.name for m in self.store.day_status.measures()]
        self.query_one("#tracked", Static).update(
            Content(", ".join(tracked)) if tracked else Content.styled("none yet", "dim")
        )

    @on(RadioSet.Changed, "#speaker-order")
    def order_changed(self, event: RadioSet.Changed) -> None:
        order = SpeakerOrder((event.pressed.id or "").removeprefix("order-"))
        if self.safely(lambda: self.store.team.update(speaker_order=order)) is not None:
            self.notify(f"People speak in {order.value} order at Today")

    @on(Input.Submitted, "#board-seconds")
    @on(Button.Pressed, "#save-seconds")
    def save_seconds(self) -> None:
        typed = self.query_one("#board-seconds", Input).value

        def save() -> object:
            if not typed.strip().isdigit():
                low, high = BOARD_SECONDS
                raise HuddleError(f"type a whole number of seconds, {low} to {high}")
            return self.store.team.update(board_seconds=int(typed))

        if self.safely(save) is not None:
            self.notify(f"The board shows each panel for {int(typed)} seconds")

    @on(Input.Submitted, "#measure")
    @on(Button.Pressed, "#track")
    def track(self) -> None:
        field = self.query_one("#measure", Input)
        added = self.safely(lambda: self.store.day_status.track(field.value))
        if added is not None:
            field.value = ""
            self.notify(f"{added.name} is tracked daily", markup=False)
            self.reload()

    @on(Button.Pressed, "#stop-tracking")
    def stop_tracking(self) -> None:
        field = self.query_one("#measure", Input)
        day_status = self.store.day_status
        stopped = self.safely(lambda: day_status.stop(day_status.find(field.value)))
        if stopped is not None:
            field.value = ""
            self.notify(f"{stopped.name} is no longer tracked (its days are kept)", markup=False)
            self.reload()

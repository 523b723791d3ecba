"""Team set-up, Timebox: how many minutes each stage of the huddle takes."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from huddle.core.models import HuddleError, Stage, Team
from huddle.ui.screens.setup.pane import SetupPane

STAGE_NAMES = {
    Stage.WHO: "Who is here",
    Stage.YESTERDAY: "Yesterday",
    Stage.TODAY: "Today",
    Stage.BLOCKERS: "Blockers",
    Stage.WRAP_UP: "Wrap-up",
}


class TimeboxPane(SetupPane):
    """The minutes of each stage, and their total as it is typed."""

    def compose(self) -> ComposeResult:
        yield Static(
            "How many minutes each stage of the huddle takes. The timebox is the total.",
            classes="heading",
        )
        with VerticalScroll():
            for stage in Stage:
                with Horizontal(classes="stage-row"):
                    yield Label(STAGE_NAMES[stage])
                    yield Input(
                        id=f"minutes-{stage.value}",
                        type="integer",
                        compact=True,
                        classes="stage-minutes",
                    )
                    yield Label(" minutes")
            yield Static(id="split-total")
            with Horizontal(classes="row"):
                yield Button("Save the timebox", id="save-split", variant="primary", compact=True)

    def show(self, team: Team, today: date) -> None:
        split = self.store.timebox.split()
        for stage in Stage:
            minutes = self.query_one(f"#minutes-{stage.value}", Input)
            if not minutes.has_focus:
                with minutes.prevent(Input.Changed):
                    minutes.value = str(split[stage])
        self._show_total()

    def _show_total(self) -> None:
        try:
            total = sum(int(v or 0) for v in self._split_typed().values())
            text = f"In all: {total} minutes"
        except ValueError:
            text = "In all: (type whole minutes)"
        self.query_one("#split-total", Static).update(Content(text))

    def _split_typed(self) -> dict[Stage, int]:
        return {
            stage: int(self.query_one(f"#minutes-{stage.value}", Input).value or 0)
            for stage in Stage
        }

    @on(Input.Changed, ".stage-minutes")
    def split_typed(self) -> None:
        self._show_total()

    @on(Input.Submitted, ".stage-minutes")
    @on(Button.Pressed, "#save-split")
    def save_split(self) -> None:
        def save() -> dict[Stage, int]:
            try:
                split = self._split_typed()
            except ValueError:
                raise HuddleError("type whole minutes for each stage") from None
            return self.store.timebox.set_split(split)

        if self.safely(save) is not None:
            self.notify(f"Timebox saved: {self.store.team.get().timebox_minutes} minutes")
            self.reload()

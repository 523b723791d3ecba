"""The form to add or edit a goal: what, why it matters, how the team will know, by when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from huddle.core.models import Goal
from huddle.ui.screens.dialog import Dialog


@dataclass(frozen=True)
class GoalDraft:
    """What was typed into the form; the target date still as typed."""

    title: str
    why: str
    how_we_know: str
    target: str


class GoalFormScreen(Dialog[Goal]):
    """Typed in, then saved by `save`; the form stays open (typing kept) when saving fails."""

    def __init__(
        self,
        save: Callable[[GoalDraft], Goal],
        *,
        goal: Goal | None = None,
        target_text: str = "",
    ) -> None:
        super().__init__()
        self.save = save
        self.goal = goal
        self.target_text = target_text

    def compose(self) -> ComposeResult:
        goal = self.goal
        with Vertical(id="goal-form", classes="form"):
            yield Static("Edit the goal" if goal else "A new long-term goal", classes="form-title")
            yield Label("What the team aims for")
            yield Input(
                goal.title if goal else "",
                id="goal-title",
                placeholder="e.g. Cut the wait for a care assessment",
            )
            yield Label("Why it matters")
            yield Input(
                goal.why if goal else "",
                id="goal-why",
                placeholder="e.g. People wait six weeks for a first visit",
            )
            yield Label("How the team will know it is getting there")
            yield Input(
                goal.how_we_know if goal else "",
                id="goal-how",
                placeholder="e.g. The median wait is under 14 days",
            )
            yield Label("Target date (optional)")
            yield Input(
                self.target_text, id="goal-target", placeholder="e.g. 31/3/2027, next friday"
            )
            yield Static("Enter saves · Tab moves · Esc cancels", classes="form-help")

    def on_input_submitted(self) -> None:
        draft = GoalDraft(
            title=self.query_one("#goal-title", Input).value,
            why=self.query_one("#goal-why", Input).value,
            how_we_know=self.query_one("#goal-how", Input).value,
            target=self.query_one("#goal-target", Input).value,
        )
        self.attempt(lambda: self.save(draft))


def target_text(target: date | None) -> str:
    """A target date as the form shows it for editing: ISO, which reads the same anywhere."""
    return target.isoformat() if target else ""

"""The Kaizen pulse at wrap-up: each person present rates five things from 1 to 5, one key
each, any skipped. On a shared screen nobody's keys are shown, only how far along they are;
only the team's averages are ever shown, on the Trends screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from huddle.core.models import HuddleError, Member
from huddle.core.pulse import QUESTIONS, PulseAnswers


class PulseCard(Static, can_focus=True):
    """One person's five questions. Posts `Finished` with their answers."""

    DEFAULT_CSS = """
    PulseCard { height: auto; padding: 0 1; border: round $accent; }
    PulseCard:focus { border: round $accent; background: $boost; }
    """
    BINDINGS = [
        *(Binding(str(n), f"rate({n})", str(n), show=False) for n in range(1, 6)),
        Binding("s", "skip", "Skip question"),
        Binding("escape", "stop", "Skip the rest"),
    ]

    class Finished(Message):
        def __init__(self, member: Member, answers: PulseAnswers) -> None:
            super().__init__()
            self.member = member
            self.answers = answers

    def __init__(self, member: Member, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.member = member
        self.answers: PulseAnswers = {}
        self.at = 0
        """Which question is being asked."""

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        question = QUESTIONS[self.at]
        dots = "●" * self.at + "○" * (len(QUESTIONS) - self.at)
        self.update(
            Content.assemble(
                ("Kaizen pulse: ", "bold"),
                self.member.name,
                (f"   question {self.at + 1} of {len(QUESTIONS)}  {dots}\n", "dim"),
                (question.question, "bold"),
                "\n",
                (f"1 = {question.low}   …   5 = {question.high}\n", "dim"),
                ("Press 1 to 5 · s skips this one · Esc skips the rest", "dim italic"),
            )
        )

    def action_rate(self, value: int) -> None:
        self._answer(value)

    def action_skip(self) -> None:
        self._answer(None)

    def action_stop(self) -> None:
        self.post_message(self.Finished(self.member, dict(self.answers)))

    def _answer(self, value: int | None) -> None:
        if self.at >= len(QUESTIONS):
            return
        self.answers[QUESTIONS[self.at].factor] = value
        self.at += 1
        if self.at == len(QUESTIONS):
            self.post_message(self.Finished(self.member, dict(self.answers)))
        else:
            self._show()


class PulseRound(Widget):
    """The week's pulse for the people present, one after another. `record` keeps each
    person's answers (a store call); posts `Done` with how many took part."""

    DEFAULT_CSS = """
    PulseRound { height: auto; }
    PulseRound #pulse-thanks { color: $text-muted; padding: 0 1; }
    """

    class Done(Message):
        def __init__(self, answered: int) -> None:
            super().__init__()
            self.answered = answered

    def __init__(
        self,
        people: Sequence[Member],
        record: Callable[[Member, PulseAnswers], None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.people = list(people)
        self.record = record
        self.answered = 0

    def compose(self) -> ComposeResult:
        yield Static(id="pulse-thanks")
        if self.people:
            yield PulseCard(self.people[0])

    def on_mount(self) -> None:
        if not self.people:
            self._finish()
        else:
            self.query_one(PulseCard).focus()

    async def on_pulse_card_finished(self, event: PulseCard.Finished) -> None:
        event.stop()
        thanks = self.query_one("#pulse-thanks", Static)
        try:
            self.record(event.member, event.answers)
        except HuddleError as error:
            self.app.notify(str(error), severity="error", markup=False)
        else:
            self.answered += 1
            thanks.update(Content(f"Thank you, {event.member.name}."))
        self.people.pop(0)
        await self.query_one(PulseCard).remove()
        if self.people:
            card = PulseCard(self.people[0])
            await self.mount(card)
            card.focus()
        else:
            self._finish()

    def _finish(self) -> None:
        self.query_one("#pulse-thanks", Static).update(
            Content(
                f"Pulse done: {self.answered} answered this week. Only the team's averages"
                " are shown, on the Trends screen (t)."
            )
        )
        self.post_message(self.Done(self.answered))

"""The Kaizen pulse at wrap-up: each person present, once they start their turn (Enter),
rates five things from 1 to 5, one key each, any skipped. The room sees only who is rating
and how far along they are ("Ann Smith is rating... (3 of 5)"): never the question they are
on, nor the key they pressed, so the screen looks the same whatever they rate. Only the
team's averages are ever shown, on the Trends screen; `huddle pulse` rates from one's own
terminal instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from huddle.core.models import Member
from huddle.core.pulse import QUESTIONS, PulseAnswers, has_ratings
from huddle.ui.waiting_writes import KEPT, attempt


class PulseCard(Static, can_focus=True):
    """One person's five questions. Posts `Finished` with their answers."""

    DEFAULT_CSS = """
    PulseCard { height: auto; padding: 0 1; border: round $accent; }
    PulseCard:focus { border: round $accent; background: $boost; }
    """
    BINDINGS = [
        *(Binding(str(n), f"rate({n})", str(n), show=False) for n in range(1, 6)),
        Binding("s", "skip", "Skip question"),
        Binding("escape", "stop", "Skip this turn"),
        Binding("enter", "explain", "How to rate", show=False),
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
        self.unsaved = False
        """The answers could not be saved (a full disk): Enter tries again, Esc skips."""
        self.started = False
        """The person has started rating (Enter): until then no key rates, so a key meant
        for the huddle (the one that went to Wrap-up, pressed again) is never a rating."""

    def on_mount(self) -> None:
        self._show()

    def not_saved(self) -> None:
        """The answers were refused: kept here, to save again or to skip."""
        self.unsaved = True
        self.at = len(QUESTIONS)
        self.update(
            Content.assemble(
                ("Kaizen pulse\n", "bold"),
                (self.member.name, "bold"),
                "'s answers are not saved yet.\n",
                ("Enter tries again · Esc skips (to rate later: huddle pulse)", "dim italic"),
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rate", "skip"):
            return self.started  # (before the start a digit is still the huddle's stage)
        return True

    def _show(self) -> None:
        topics = ", ".join(q.name.lower() for q in QUESTIONS)
        if not self.started:
            self.update(
                Content.assemble(
                    ("Kaizen pulse\n", "bold"),
                    (self.member.name, "bold"),
                    "'s turn to rate: Enter starts\n",
                    (f"Then, in turn, 1 (low) to 5 (high): {topics}.\n", "dim"),
                    (
                        f"Esc skips {self.member.name}'s turn"
                        " (to rate in private later: huddle pulse)",
                        "dim italic",
                    ),
                )
            )
            return
        self.update(
            Content.assemble(
                ("Kaizen pulse\n", "bold"),
                (self.member.name, "bold"),
                f" is rating... ({self.at + 1} of {len(QUESTIONS)})\n",
                (f"In turn, 1 (low) to 5 (high): {topics}.\n", "dim"),
                (
                    f"1 to 5 rates · s skips one · Esc ends {self.member.name}'s turn"
                    " (to rate in private later: huddle pulse)",
                    "dim italic",
                ),
            )
        )

    def action_explain(self) -> None:
        """Enter starts the person's rating; after a number it is a habit: it must not end
        the huddle mid-rating."""
        if self.unsaved:
            self.post_message(self.Finished(self.member, dict(self.answers)))
            return
        if not self.started:
            self.started = True
            self.refresh_bindings()
            self._show()
            return
        self.app.notify(
            f"{self.member.name} is rating: 1 to 5, s skips one, Esc ends the turn",
            markup=False,
        )

    def action_rate(self, value: int) -> None:
        self._answer(value)

    def action_skip(self) -> None:
        self._answer(None)

    def action_stop(self) -> None:
        skipped = {} if self.unsaved else dict(self.answers)
        self.post_message(self.Finished(self.member, skipped))

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
        def __init__(self, answered: int, skipped: int) -> None:
            super().__init__()
            self.answered = answered
            """People who rated at least one question."""
            self.skipped = skipped
            """People who skipped every question."""

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
        self.skipped = 0

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

        def saved(member: Member) -> None:
            """Saved after waiting for the file: the thanks no longer says it waits."""
            if self.is_attached and str(thanks.content).startswith(f"Thank you, {member.name}."):
                thanks.update(Content(f"Thank you, {member.name}."))

        if not has_ratings(event.answers):
            # Nothing kept: who skips here may still rate in private (huddle pulse).
            self.skipped += 1
            thanks.update(Content(f"Thank you, {event.member.name}."))
        else:
            member, answers = event.member, event.answers
            tried = attempt(self, lambda: self.record(member, answers), lambda _: saved(member))
            if not (tried.done or tried.waits):
                # Refused (said in one line): the answers stay with the card, to try again.
                self.query_one(PulseCard).not_saved()
                return
            self.answered += 1
            kept = "" if tried.done else f" {KEPT}."
            thanks.update(Content(f"Thank you, {event.member.name}.{kept}"))
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
                f"Pulse done: {self.answered} answered"
                + (f", {self.skipped} skipped" if self.skipped else "")
                + " this week. Only the team's averages are shown, on the Trends screen (t)."
            )
        )
        self.post_message(self.Done(self.answered, self.skipped))

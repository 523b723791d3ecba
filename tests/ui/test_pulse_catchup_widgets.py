"""The pulse at wrap-up and the catch-up card, in a small host app as the huddle uses them."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Static

from huddle.core.calendar import FixedClock
from huddle.core.catchup import catch_up
from huddle.core.models import Member, StepStatus
from huddle.core.pulse import QUESTIONS, PulseAnswers, week_of, who_to_ask
from huddle.core.store import Store
from huddle.ui.widgets.catchup import CatchUpCard
from huddle.ui.widgets.pulse import PulseCard, PulseRound

from .screen_helpers import screen_text

FRI_27 = date(2026, 11, 27)


class PulseHost(App[None]):
    def __init__(self, store: Store, people: list[Member]) -> None:
        super().__init__()
        self.store = store
        self.people = people
        self.done: int | None = None

    def compose(self) -> ComposeResult:
        yield PulseRound(self.people, self.record)

    def record(self, member: Member, answers: PulseAnswers) -> None:
        self.store.pulse.record(member, week_of(FRI_27), answers)

    def on_pulse_round_done(self, event: PulseRound.Done) -> None:
        self.done = event.answered


def _card_text(app: App[None]) -> str:
    return str(app.query_one(PulseCard).content)


async def test_each_person_rates_with_one_key_and_the_screen_shows_only_how_far_they_are(
    store: Store,
) -> None:
    ann, bea = store.members.find("Ann"), store.members.find("Bea")
    app = PulseHost(store, [ann, bea])
    async with app.run_test(size=(90, 14)) as pilot:
        assert "Ann Smith's turn to rate: Enter starts" in _card_text(app)
        # Esc passes one person's turn, not the round: the words say whose.
        assert "Esc skips Ann Smith's turn" in _card_text(app)
        await pilot.press("enter")  # Ann at the keyboard starts
        assert "Ann Smith is rating... (1 of 5)" in _card_text(app)
        await pilot.press("4", "s", "5")
        assert "Ann Smith is rating... (4 of 5)" in _card_text(app)
        await pilot.press("2", "3", "enter")
        assert "Bea Jones is rating... (1 of 5)" in _card_text(app)
        assert "Esc ends Bea Jones's turn" in _card_text(app)
        assert "Thank you, Ann Smith." in str(app.query_one("#pulse-thanks", Static).content)
        await pilot.press("escape")  # Bea skips the rest
        await pilot.pause()
        assert app.done == 1
    # Bea rated nothing: nothing is kept, and she may still rate in private (huddle pulse).
    assert store.pulse.answered(week_of(FRI_27)) == {ann.id}
    rows = store.db.rows("SELECT goal_clarity, goal_difficulty, commitment FROM pulse_answers")
    assert [tuple(r) for r in rows] == [(4, None, 3)]


async def test_the_shared_screen_never_shows_the_question_or_the_key_pressed(
    store: Store,
) -> None:
    """The room sees the same screen whatever the person rates."""
    seen: list[str] = []
    for keys in (("1", "1", "s"), ("5", "s", "3")):
        app = PulseHost(store, [store.members.find("Ann")])
        async with app.run_test(size=(90, 14)) as pilot:
            await pilot.press("enter", *keys)
            seen.append(screen_text(app))
    assert seen[0] == seen[1]
    assert "(4 of 5)" in seen[0]
    for question in QUESTIONS:
        assert question.question not in seen[0]


async def test_the_round_counts_answers_not_people_asked(store: Store) -> None:
    people = [store.members.find(n) for n in ("Ann", "Bea", "Sam")]
    app = PulseHost(store, people)
    async with app.run_test(size=(90, 14)) as pilot:
        await pilot.press("enter", "4", "escape")  # Ann rates one question
        await pilot.press("escape")  # Bea skips it all
        await pilot.press("enter", "s", "s", "s", "s", "s")  # Sam skips each question
        await pilot.pause()
        assert app.done == 1
        assert "Pulse done: 1 answered, 2 skipped this week." in screen_text(app)


async def test_the_pulse_asks_only_who_has_not_answered_this_week(
    store: Store, clock: FixedClock
) -> None:
    people = store.members.all()
    store.pulse.record(people[0], week_of(FRI_27), {"goal_clarity": 3})
    # Ann answered; Pat manages, so she is not asked to rate her own support.
    assert [m.name for m in who_to_ask(store, FRI_27, people)] == ["Bea Jones", "Sam Okafor"]
    assert who_to_ask(store, date(2026, 11, 26), people) == []  # Thursday: not pulse day


class CardHost(App[None]):
    def compose(self) -> ComposeResult:
        yield CatchUpCard()


async def test_the_catch_up_card_says_what_changed_while_away(store: Store) -> None:
    ann, bea = store.members.find("Ann"), store.members.find("Bea")
    for day, bea_here in ((date(2026, 11, 24), True), (date(2026, 11, 25), False),
                          (date(2026, 11, 26), False), (FRI_27, False)):  # fmt: skip
        store.huddles.start(day)
        store.huddles.mark_attendance(day, ann, True)
        store.huddles.mark_attendance(day, bea, bea_here)
        status = StepStatus.PARTLY if day == FRI_27 else StepStatus.DONE
        store.steps.review(store.steps.add(ann, f"Fix [{day:%a}]", day), status)
    today = date(2026, 11, 30)
    app = CardHost()
    async with app.run_test(size=(100, 10)):
        widget = app.query_one(CatchUpCard)
        cards = [c for c in (catch_up(store, m, today) for m in (ann, bea)) if c]
        widget.show(cards, today)
        text = str(widget.content)
        assert "Welcome back, Bea Jones: 3 huddle days not here (last here Tue 24 Nov)." in text
        # Friday's was only partly done: the card does not call it done.
        assert (
            "2 small steps done, 1 partly done: Fix [Fri] (Ann Smith); Fix [Thu] (Ann Smith);"
            in text
        )
        assert widget.display
        widget.show([], today)
        assert not widget.display

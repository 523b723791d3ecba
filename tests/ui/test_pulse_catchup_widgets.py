"""The pulse at wrap-up and the catch-up card, in a small host app as the huddle uses them."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult
from textual.widgets import Static

from huddle.core.calendar import FixedClock
from huddle.core.catchup import catch_up
from huddle.core.models import Member, StepStatus
from huddle.core.pulse import PulseAnswers, week_of, who_to_ask
from huddle.core.store import Store
from huddle.ui.widgets.catchup import CatchUpCard
from huddle.ui.widgets.pulse import PulseCard, PulseRound

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


async def test_each_person_answers_with_one_key_a_question_and_sees_no_numbers(
    store: Store,
) -> None:
    ann, bea = store.members.find("Ann"), store.members.find("Bea")
    app = PulseHost(store, [ann, bea])
    async with app.run_test(size=(90, 12)) as pilot:
        assert "Ann Smith" in _card_text(app) and "question 1 of 5" in _card_text(app)
        await pilot.press("4", "s", "5")
        text = _card_text(app)
        assert "question 4 of 5" in text and "●●●○○" in text
        assert "4" not in text.split("\n")[0].replace("question 4 of 5", "")
        await pilot.press("2", "3")
        assert "Bea Jones" in _card_text(app)
        assert "Thank you, Ann Smith." in str(app.query_one("#pulse-thanks", Static).content)
        await pilot.press("escape")  # Bea skips the rest
        await pilot.pause()
        assert app.done == 2
    assert store.pulse.answered(week_of(FRI_27)) == {ann.id, bea.id}
    rows = store.db.rows("SELECT goal_clarity, goal_difficulty, commitment FROM pulse_answers")
    assert [tuple(r) for r in rows] == [(4, None, 3)]  # Bea answered nothing: no row


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
        store.steps.review(store.steps.add(ann, f"Fix [{day:%a}]", day), StepStatus.DONE)
    today = date(2026, 11, 30)
    app = CardHost()
    async with app.run_test(size=(100, 10)):
        widget = app.query_one(CatchUpCard)
        cards = [c for c in (catch_up(store, m, today) for m in (ann, bea)) if c]
        widget.show(cards, today)
        text = str(widget.content)
        assert "Welcome back, Bea Jones: 3 huddle days away (last here Tue 24 Nov)." in text
        assert "3 small steps done: Fix [Fri] (Ann Smith); Fix [Thu] (Ann Smith);" in text
        assert widget.display
        widget.show([], today)
        assert not widget.display

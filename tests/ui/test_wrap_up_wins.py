"""Wrap-up celebrates the wins: on the TV the running total and the streak in block figures
with their milestones, the steps done with what was learned, and "you said, we did" for the
week; on a small screen the milestones beside the total and the streak. Monday 30 November
2026, with Friday's steps looked back on."""

from __future__ import annotations

from datetime import date, timedelta

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.wrapup_wins import WrapUpWins
from tests.ui.screen_helpers import screen_text, wait_until

MONDAY, FRIDAY = date(2026, 11, 30), date(2026, 11, 27)


def ninety_nine_steps_then_friday(store: Store, clock: FixedClock) -> None:
    """98 steps taken long ago; at today's huddle Friday's two are looked back on, done."""
    ann, bea = store.members.find("ann"), store.members.find("bea")
    morning, clock.at = clock.at, clock.at - timedelta(days=60)
    for n in range(98):
        store.steps.review(store.steps.add(ann, f"Old step {n}", clock.at.date()), StepStatus.DONE)
    clock.at = morning
    kept = store.steps.add(bea, "Ring the carer the day before [TODO]", FRIDAY)
    tried = store.steps.add(ann, "Write notes within the hour", FRIDAY)
    store.huddles.start(MONDAY)
    store.steps.review(kept, StepStatus.DONE, "Carers like a call", at_huddle=MONDAY)
    store.steps.review(tried, StepStatus.PARTLY, at_huddle=MONDAY)
    form = store.blockers.raise_blocker(ann, "The form asks twice")
    store.blockers.resolve(form, "Second field gone [done]", who="Ann Smith")


async def test_on_the_tv_wrap_up_celebrates_a_milestone_reached_today(
    store: Store, clock: FixedClock
) -> None:
    ninety_nine_steps_then_friday(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "5")
        wins = app.screen.query_one(WrapUpWins)
        assert await wait_until(pilot, lambda: wins.display and wins.region.height > 0)
        text = screen_text(app)
        assert "100 small steps taken: a milestone reached today" in text
        assert "next milestone 10: 9 to go" in text  # the streak: this is the first huddle
        assert "done    Ring the carer the day before [TODO]  - Bea Jones" in text
        assert "learned: Carers like a call" in text
        assert "partly  Write notes within the hour  - Ann Smith" in text
        assert "You said: The form asks twice" in text
        assert "We did: Second field gone [done]  (resolved by Ann Smith, today)" in text
        assert "Digest for management" in text  # the digest offer comes last
        assert text.index("You said, we did") < text.index("Digest for management")
        # On a small screen the wins give way to the summary, the milestone beside the total.
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: not wins.display)
        assert await wait_until(pilot, lambda: "a milestone today!" in screen_text(app))
        text = screen_text(app)
        assert "100 · a milestone today!" in text
        assert "1 huddle day in a row · next 10: 9 to go" in text
        assert "Digest for management" in text


async def test_on_a_small_screen_the_next_milestone_is_beside_the_total(
    store: Store, clock: FixedClock
) -> None:
    store.huddles.start(MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5")
        assert await wait_until(pilot, lambda: "next 100: 100 to go" in screen_text(app))
        assert "milestone today" not in screen_text(app)


async def test_on_pulse_day_the_wins_wait_until_the_round_is_done(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "5")
        assert await wait_until(pilot, lambda: "Ann Smith's turn to rate" in screen_text(app))
        wins = app.screen.query_one(WrapUpWins)
        assert "Running total" not in screen_text(app) and wins.region.height == 0
        await pilot.press("escape", "escape", "escape")
        assert await wait_until(pilot, lambda: "Running total" in screen_text(app))
        assert "Pulse done" in screen_text(app)

"""The guided huddle joined to the long term: the catch-up card at Who's here, adopted
changes checked at Yesterday ("still in place?"), and the weekly pulse at Wrap-up.
Monday 30 November 2026, as in test_huddle.py."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.pdsa import Act
from huddle.core.pulse import week_of
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen

MONDAY = date(2026, 11, 30)


async def shown(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def test_who_is_back_after_days_away_sees_what_changed(store: Store) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    for day, bea_here in ((24, True), (25, False), (26, False), (27, False)):
        store.huddles.start(date(2026, 11, day))
        store.huddles.mark_attendance(date(2026, 11, day), ann, True)
        store.huddles.mark_attendance(date(2026, 11, day), bea, bea_here)
    store.goals.add("Fewer handoffs [new]")
    app = HuddleApp(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HuddleScreen)
        text = await shown(pilot)
        assert "Welcome back, Bea Jones: 3 huddle days not here (last here Tue 24 Nov)." in text
        assert "New goal: Fewer handoffs [new]" in text
        assert "Welcome back, Ann" not in text


async def test_an_adopted_change_is_checked_at_yesterday(store: Store, clock: FixedClock) -> None:
    adopted_on = date(2026, 10, 29)
    clock.at = datetime.combine(adopted_on, time(9)).astimezone()
    cycle = store.pdsa.start("Ring people the day before [visit]")
    store.pdsa.decide(cycle, Act.ADOPT, store.calendar())
    clock.at = datetime.combine(MONDAY, time(9)).astimezone()
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        text = await shown(pilot)
        assert "Still in place?" in text
        assert "Ring people the day before [visit]  (30 days on)" in text
        await pilot.press("end", "d")
        await pilot.pause()
    (thirty, *_later) = store.pdsa.checks(cycle)
    assert thirty.in_place is True and thirty.checked_on == MONDAY
    assert store.pdsa.checks_due(MONDAY) == []


async def test_on_pulse_day_each_person_here_rates_at_wrap_up(
    store: Store, clock: FixedClock
) -> None:
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h", "5", "enter")
        text = await shown(pilot)
        assert "Ann Smith is rating... (1 of 5)" in text
        await pilot.press("4", "enter", "enter")  # a habit after a number: the huddle goes on
        assert "Ann Smith is rating... (2 of 5)" in await shown(pilot)
        assert store.huddles.get(MONDAY).ended_at is None
        await pilot.press("3", "s", "5", "4")
        text = await shown(pilot)
        assert "Thank you, Ann Smith." in text and "Bea Jones's turn to rate" in text
        await pilot.press("escape")  # Bea skips it all
        text = await shown(pilot)
        assert "Sam Okafor's turn" in text  # Pat manages: not asked about herself
        await pilot.press("escape")
        text = await shown(pilot)
        assert "Pulse done: 1 answered, 2 skipped this week." in text
    week = week_of(MONDAY)
    assert store.pulse.answered(week) == {store.members.find("ann").id}  # the others may rate later
    rows = store.db.rows("SELECT goal_clarity, goal_difficulty, team_autonomy FROM pulse_answers")
    assert [tuple(r) for r in rows] == [(4, 3, None)]


async def test_the_key_that_went_to_wrap_up_pressed_again_rates_nobody(
    store: Store, clock: FixedClock
) -> None:
    # 5 goes to Wrap-up, and 5 again is the habit (it goes on past what is left elsewhere):
    # the pulse card that has just come up waits for its person to start it.
    store.pulse.set_pulse_day("MO")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h", "5", "5")
        text = await shown(pilot)
        assert "Ann Smith's turn to rate: Enter starts" in text
        assert "is rating" not in text
        await pilot.press("4")  # a digit before the start is still a stage: back to Blockers
        assert isinstance(app.screen, HuddleScreen)
        assert app.screen.stage.value == "blockers"
        await pilot.press("5", "enter", "3")
        assert "Ann Smith is rating... (2 of 5)" in await shown(pilot)
    assert store.db.rows("SELECT * FROM pulse_answers") == []  # nothing kept before all five

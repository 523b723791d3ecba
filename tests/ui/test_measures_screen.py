"""A goal's measures on the Goals screen and full size (m): the lead adds the wait as a
measure, records the week's figure, and reads the run chart and what the rules say."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from textual.pilot import Pilot
from textual.widgets import Input, Static

from huddle.core.calendar import FixedClock
from huddle.core.measures import Better
from huddle.core.pdsa import Act
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.goals import GoalsScreen
from huddle.ui.screens.measures import MeasuresScreen
from huddle.ui.widgets.run_chart import RunChart

from .screen_helpers import run_from_palette, wait_until

BASELINE = [9.0, 8.5, 9.5, 10, 9, 8.5, 9.5, 9, 10, 8.5, 9, 9.5]
AFTER = [7.5, 7, 6.5, 7, 6, 6.5, 6, 5.5]


def _text(app: HuddleApp, selector: str) -> str:
    return "\n".join(str(s.content) for s in app.screen.query(selector).results(Static))


def _wait_with_a_shift(store: Store, clock: FixedClock) -> None:
    """20 weekly values of the wait to 30 Nov, the last 8 lower, after a change adopted."""
    wait = store.goals.find("wait")
    weeks = store.measures.add(
        wait, "Weeks to first visit", unit="weeks", better=Better.LOWER, target=4
    )
    values = BASELINE + AFTER
    first = date(2026, 11, 30) - timedelta(weeks=len(values) - 1)
    for n, value in enumerate(values):
        store.measures.record(weeks, first + timedelta(weeks=n), value)
    now = clock.at
    clock.at = datetime.combine(first + timedelta(weeks=12), time(9)).astimezone()
    cycle = store.pdsa.start("Triage referrals at the huddle", goal=wait)
    store.pdsa.decide(cycle, Act.ADOPT, store.calendar())
    clock.at = now


async def test_a_measure_is_added_and_a_value_recorded_from_the_goals_screen(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GoalsScreen)
        assert "none yet: n adds one" in _text(app, "#goal-measures Static")
        await pilot.press("n")
        form = app.screen
        form.query_one("#measure-name", Input).value = "Weeks to first [visit]"
        form.query_one("#measure-unit", Input).value = "weeks"
        form.query_one("#measure-better", Input).value = "l"
        form.query_one("#measure-target", Input).value = "4"
        form.query_one("#measure-name", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert "Weeks to first [visit] (weeks, lower is better, target 4)" in _text(
            app, "#goal-measures Static"
        )
        await pilot.press("r", *"9.5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        (measure,) = store.measures.for_goal(store.goals.find("wait"))
        assert [(p.day, p.value) for p in store.measures.points(measure)] == [
            (date(2026, 11, 30), 9.5)
        ]
        assert "1 of 12 values for the baseline" in _text(app, "#goal-measures Static")


async def test_bad_values_are_one_line_and_the_form_keeps_them(
    store: Store, clock: FixedClock
) -> None:
    store.measures.add(store.goals.find("wait"), "Weeks", unit="weeks", better=Better.LOWER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "r", *"lots", "enter")
        await pilot.pause()
        assert app.screen.query_one("#value-value", Input).value == "lots"
        assert any("'lots' is not a number" in str(n.message) for n in app._notifications)


async def test_a_baseline_that_is_not_a_count_is_refused_not_made_twelve(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "n")
        form = app.screen
        form.query_one("#measure-name", Input).value = "Weeks"
        form.query_one("#measure-better", Input).value = "l"
        form.query_one("#measure-baseline", Input).value = "-8"
        form.query_one("#measure-name", Input).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(app._notifications))
        assert app.screen is form
        assert any("a baseline is from 6 to 60" in str(n.message) for n in app._notifications)
        assert store.measures.for_goal(store.goals.find("wait")) == []


async def test_m_shows_the_run_chart_and_the_rules_in_words(
    store: Store, clock: FixedClock
) -> None:
    _wait_with_a_shift(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "m")
        assert isinstance(app.screen, MeasuresScreen)
        chart = app.screen.query_one("#measure-chart", RunChart)
        assert chart.chart is not None and len(chart.chart.points) == 20
        words = _text(app, "#measure-words")
        assert "Shift: 8 points in a row below the median" in words
        assert "(better)" in words
        assert "adopted: Triage referrals at the huddle" in words
        assert "median 9 (of the first 12)" in _text(app, "#measure-summary")


async def _open_measures(pilot: Pilot[None]) -> None:
    await pilot.press("g", "m")


def test_the_run_chart_looks_right_at_80x24(store: Store, clock: FixedClock, snap_compare) -> None:  # type: ignore[no-untyped-def]
    _wait_with_a_shift(store, clock)
    app = HuddleApp(store, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open_measures)


def test_the_run_chart_looks_right_at_200x50(store: Store, clock: FixedClock, snap_compare) -> None:  # type: ignore[no-untyped-def]
    _wait_with_a_shift(store, clock)
    app = HuddleApp(store, clock=clock)
    assert snap_compare(app, terminal_size=(200, 50), run_before=_open_measures)


async def _wrap_up_text(pilot: Pilot[None]) -> str:
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def test_on_measure_day_wrap_up_asks_for_the_weeks_values(
    store: Store, clock: FixedClock
) -> None:
    # Monday is the measure day (the default); the pulse is off so the prompt comes first.
    store.pulse.set_pulse_day("")
    wait, strengths = store.goals.find("wait"), store.goals.find("strengths")
    weeks = store.measures.add(wait, "Weeks to first visit", unit="weeks", better=Better.LOWER)
    audit = store.measures.add(strengths, "Own words", unit="of 10", better=Better.HIGHER)
    done = store.measures.add(strengths, "Audited", unit="", better=Better.HIGHER)
    store.measures.record(done, date(2026, 11, 30), 10)  # this week's is in already
    store.measures.record(weeks, date(2026, 11, 29), 9)  # Sunday: last week's
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5")
        assert "This week's measures (2): Enter starts" in await _wrap_up_text(pilot)
        await pilot.press("enter")
        text = await _wrap_up_text(pilot)
        assert "This week's measures" in text
        assert "1 of 2: Weeks to first visit (weeks)" in text
        await pilot.press(*"lots", "enter")  # not a number: asked again, nothing lost
        assert "1 of 2: Weeks to first visit (weeks)" in await _wrap_up_text(pilot)
        await pilot.press(*["backspace"] * 4, *"8.5", "enter")
        text = await _wrap_up_text(pilot)
        assert "2 of 2: Own words (of 10)" in text
        assert "Recorded Weeks to first visit: 8.5 on 30 Nov 2026" in text
        await pilot.press("enter")  # skips it
        text = await _wrap_up_text(pilot)
        assert "This week's measures" not in text
        assert "Small steps taken so far" in text
    assert [p.value for p in store.measures.points(weeks)] == [9, 8.5]
    assert store.measures.points(audit) == []


async def test_the_keys_that_end_the_huddle_never_become_a_measures_value(
    store: Store, clock: FixedClock
) -> None:
    # 5 to Wrap-up, 5 again (the habit), then Enter to end: none of it is this week's value.
    store.pulse.set_pulse_day("")
    weeks = store.measures.add(
        store.goals.find("wait"), "Weeks to first visit", unit="weeks", better=Better.LOWER
    )
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5", "5")
        text = await _wrap_up_text(pilot)
        assert "This week's measures (1): Enter starts, Esc skips them" in text
        assert "Enter ends the huddle" not in text
        await pilot.press("enter")
        assert "1 of 1: Weeks to first visit (weeks)" in await _wrap_up_text(pilot)
        await pilot.press(*"6.5", "enter")
    assert [p.value for p in store.measures.points(weeks)] == [6.5]


async def test_not_on_the_measure_day_nothing_is_asked(store: Store, clock: FixedClock) -> None:
    store.pulse.set_pulse_day("")
    store.measures.set_measure_day("FR")
    store.measures.add(store.goals.find("wait"), "Weeks", unit="weeks", better=Better.LOWER)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5")
        text = await _wrap_up_text(pilot)
        assert "This week's measures" not in text
        assert "Small steps taken so far" in text


async def test_the_palette_finds_measures_by_run_chart(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_from_palette(pilot, "run chart", "Measures and run charts")
        assert await wait_until(pilot, lambda: isinstance(app.screen, GoalsScreen))


async def test_on_the_steps_with_no_goal_the_measure_keys_say_to_pick_a_goal(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "down", "down", "r", "n", "m")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert said == [
            "Pick a goal to record a value",
            "Pick a goal to add a measure to it",
            "Pick a goal to see its measures",
        ]
        assert isinstance(app.screen, GoalsScreen)


async def test_a_file_problem_reading_measures_is_one_line_not_a_crash(
    store: Store, clock: FixedClock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from huddle.core.store import StoreError

    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")

        def broken(_goal: object) -> list[object]:
            raise StoreError("can't use team.db: the disk reported an error")

        monkeypatch.setattr(type(store.measures), "for_goal", lambda self, goal: broken(goal))
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert any("the disk reported an error" in str(n.message) for n in app._notifications)

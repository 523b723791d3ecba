"""The Goals, PDSA and Trends screens, used as the team lead would: from the home screen,
with the keyboard, reading what the screen shows."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from huddle.core.calendar import FixedClock
from huddle.core.models import GoalStatus, Source, StepStatus
from huddle.core.pdsa import Act
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.goals import GoalsScreen
from huddle.ui.screens.pdsa import PdsaScreen
from huddle.ui.screens.trends import TrendsScreen
from huddle.ui.widgets.chart import BarChart

from .screen_helpers import screen_text

FRI_27 = date(2026, 11, 27)


def _text(app: HuddleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def _rows(app: HuddleApp, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _history(store: Store) -> None:
    """Last Friday: Ann did a step for the wait, Bea's step taught something, Sam's had
    no goal and came from a carer."""
    ann, bea, sam = (store.members.find(n) for n in ("Ann", "Bea", "Sam"))
    wait = store.goals.find("wait")
    steps = store.steps
    steps.review(steps.add(ann, "Ring ahead", FRI_27, goal=wait), StepStatus.DONE)
    steps.review(
        steps.add(bea, "Skip the duplicate field", FRI_27, goal=wait),
        StepStatus.NOT_DONE,
        "the form [really] needs it twice",
    )
    steps.review(steps.add(sam, "Large print", FRI_27, source=Source.CARER), StepStatus.DONE)


async def test_g_shows_each_goal_with_its_steps_done_rate_and_learning(
    store: Store, clock: FixedClock
) -> None:
    _history(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GoalsScreen)
        rows = _rows(app, "#goals")
        assert [r[0] for r in rows] == [
            "Cut the wait for a care assessment",
            "More strengths-based assessments",
            "(steps with no goal)",
        ]
        assert rows[0][2:4] == ["2", "50%"]
        assert rows[2][2:4] == ["1", "100%"]  # the steps with no goal are counted
        assert "the form [really] needs it twice" in _text(app, "#goal-learning")
        assert "2 small steps in all" in _text(app, "#goal-numbers")
        chart = app.screen.query_one("#goal-chart", BarChart)
        assert list(chart.values)[-2:] == [2.0, 0.0]  # last week's two, none yet this week
        await pilot.press("down", "down")
        assert "Steps with no goal" in _text(app, "#goal-heading")
        await pilot.press("escape")
        assert not isinstance(app.screen, GoalsScreen)


async def test_i_add_a_goal_with_why_how_and_a_target_date(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "a")
        await pilot.press(*"[TODO] Fewer forms", "tab")
        form = app.screen
        form.query_one("#goal-why", Input).value = "People fill in the same thing twice"
        form.query_one("#goal-how", Input).value = "Forms per assessment from 6 to 3"
        form.query_one("#goal-target", Input).value = "not a date"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#goal-title", Input).value == "[TODO] Fewer forms"
        assert [g.title for g in store.goals.all()][-1] != "[TODO] Fewer forms"
        target = app.screen.query_one("#goal-target", Input)
        target.value = "31/3/2027"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        goal = store.goals.find("fewer")
        assert (goal.title, goal.why, goal.how_we_know, goal.target_date) == (
            "[TODO] Fewer forms",
            "People fill in the same thing twice",
            "Forms per assessment from 6 to 3",
            date(2027, 3, 31),
        )
        assert "[TODO] Fewer forms" in [r[0] for r in _rows(app, "#goals")]
        assert "[TODO] Fewer forms" in _text(app, "#goal-heading")


async def test_i_edit_a_goal_then_retire_it(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "down", "e")
        title = app.screen.query_one("#goal-title", Input)
        assert title.value == "More strengths-based assessments"
        title.value = "Strengths-based assessments [all]"
        await pilot.press("enter")
        await pilot.pause()
        goal = store.goals.find("strengths")
        assert goal.title == "Strengths-based assessments [all]"
        await pilot.press("x")
        await pilot.pause()
        assert store.goals.get(goal.id).status is GoalStatus.RETIRED
        assert "(retired)" in _rows(app, "#goals")[1][0]


async def test_a_step_becomes_a_pdsa_cycle_studied_and_adopted(
    store: Store, clock: FixedClock
) -> None:
    _history(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "p")
        assert isinstance(app.screen, PdsaScreen)
        assert "No PDSA cycles yet" in _text(app, "#pdsa-plan")
        await pilot.press("n")
        await pilot.press(*"Ring [ahead]")
        app.screen.query_one("#pdsa-change", Input).value = "Ring people the day before"
        app.screen.query_one("#pdsa-prediction", Input).value = "Fewer wasted visits"
        await pilot.press("tab", "tab", "space")  # the newest step of the goal: Bea's
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        (cycle,) = store.pdsa.recent()
        assert cycle.change == "Ring people the day before"
        assert [s.text for s in cycle.steps] == ["Skip the duplicate field"]
        assert "Skip the duplicate field" in _text(app, "#pdsa-do")
        await pilot.press("s")
        app.screen.query_one("#pdsa-study", Input).value = "One wasted visit instead of three"
        await pilot.press("enter")
        await pilot.pause()
        assert "the form [really] needs it twice" in _text(app, "#pdsa-study")
        await pilot.press("d", "a", "enter")  # adopt, with no note
        await pilot.pause()
        await pilot.press("escape")  # what did it give? skipped
        await pilot.pause()
        decided = store.pdsa.get(cycle.id)
        assert decided.act is Act.ADOPT and decided.study == "One wasted visit instead of three"
        assert "30-day check, Wed 30 Dec: not checked yet" in _text(app, "#pdsa-act")
        assert _rows(app, "#pdsa-cycles")[0][0] == "Act: adopt"


async def test_t_shows_the_trends_and_switches_to_months(store: Store, clock: FixedClock) -> None:
    _history(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TrendsScreen)
        assert "2 small steps taken in all" in _text(app, "#trends-summary")
        # This week so far (Monday) against last Monday: never against the whole of last
        # week, whose Friday gave a done rate of 67%.
        assert "so far: Mon, against the same days before" in _text(app, "#trends-periods")
        assert _text(app, "#value-done_rate") == "-  ·  -"
        assert _text(app, "#value-coproduction_share") == "-  ·  -"
        await pilot.press("m")
        assert "[m] month" in _text(app, "#trends-periods")
        assert _text(app, "#value-steps") == "3  ·  0"
        chart = app.screen.query_one("#chart-done_rate", BarChart)
        assert chart.values[-1] == 2 / 3 and chart.top == 1.0


def test_the_trends_screen_looks_right(store: Store, clock: FixedClock, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The picture of the Trends screen at 100x30, on a small known history."""
    _history(store)
    people = store.members.all()
    for answers in ({"goal_clarity": 4, "commitment": 5}, {"goal_clarity": 3}, {"commitment": 4}):
        store.pulse.record(people.pop(), date(2026, 11, 23), answers)
    app = HuddleApp(store, clock=clock, first_screen=TrendsScreen)
    assert snap_compare(app, terminal_size=(100, 30))


async def test_each_trend_carries_its_scale(store: Store, clock: FixedClock) -> None:
    _history(store)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        rows = {
            line.split("  ")[0].strip(): line
            for line in screen_text(app).splitlines()
            if line.strip()
        }
        assert "0-3 " in rows["Small steps planned"]  # the tallest bar is 3 steps
        assert "0-100% " in rows["Done rate"]
        assert "0-5.0 " in rows["Pulse: goal clarity"]

"""`huddle goals` and `huddle pdsa`: the team's goals and PDSA cycles from a shell, as a lead
or a manager would use them between huddles. Today is Wednesday 25 November 2026."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from huddle.core.calendar import FixedClock
from huddle.core.models import GoalStatus, StepStatus
from huddle.core.pdsa import Act
from huddle.core.store import Store

MON_16 = date(2026, 11, 16)


def _steps(huddle) -> None:  # type: ignore[no-untyped-def]
    """Ann's two steps for the wait (one done, one not), Anne's with no goal (done)."""
    store = huddle.open_store()
    try:
        ann, anne = store.members.find("Ann Smith"), store.members.find("Anne")
        wait = store.goals.find("wait")
        steps = store.steps
        steps.review(steps.add(ann, "Ring ahead", MON_16, goal=wait), StepStatus.DONE)
        steps.review(steps.add(ann, "Fix the form", MON_16, goal=wait), StepStatus.NOT_DONE)
        steps.review(steps.add(anne, "Large print [A3]", MON_16), StepStatus.DONE)
    finally:
        store.close()


def _goal(huddle, title: str):  # type: ignore[no-untyped-def]
    store = huddle.open_store()
    try:
        return next(g for g in store.goals.all(active_only=False) if g.title == title)
    finally:
        store.close()


WAIT = "Cut the wait for a care assessment"
STRENGTHS = "More strengths-based assessments"


def test_goals_lists_each_goal_with_its_steps_and_done_rate(huddle_with_team) -> None:
    _steps(huddle_with_team)
    lines = huddle_with_team.ok("goals").splitlines()
    assert lines[0] == "Goals (2 active):"
    assert lines[1].split() == [*WAIT.split(), "2", "steps", "50%", "done"]
    assert lines[2].split() == [*STRENGTHS.split(), "0", "steps", "-", "done"]
    assert lines[4].split() == ["(steps", "with", "no", "goal)", "1", "step", "100%", "done"]


def test_goals_as_json_for_a_script(huddle_with_team) -> None:
    _steps(huddle_with_team)
    huddle_with_team.ok("goals", "edit", "wait", "--target", "31/3/2027")
    data = json.loads(huddle_with_team.ok("goals", "--json"))
    wait, strengths = data["goals"]
    assert wait["title"] == WAIT and wait["status"] == "active"
    assert wait["why"] == "People wait weeks for a first visit"
    assert (wait["target_date"], wait["steps"], wait["taken"], wait["done_rate"]) == (
        "2027-03-31",
        2,
        1,
        0.5,
    )
    assert strengths["done_rate"] is None and strengths["target_date"] is None
    assert data["no_goal"] == {"steps": 1, "taken": 1, "done_rate": 1.0, "learning_lines": 0}


def test_i_edit_a_goal_by_a_word_of_its_title_and_only_what_i_give_changes(
    huddle_with_team,
) -> None:
    out = huddle_with_team.ok(
        "goals", "edit", "strengths", "--why", "[People] say what they *can* do 🙂"
    )
    assert out == f"Saved the goal: {STRENGTHS}\n"
    goal = _goal(huddle_with_team, STRENGTHS)
    assert goal.why == "[People] say what they *can* do 🙂"
    huddle_with_team.ok(
        "goals", "edit", "strengths", "--title", "Strengths first", "--target", "fri"
    )
    goal = _goal(huddle_with_team, "Strengths first")
    assert goal.why == "[People] say what they *can* do 🙂"  # kept
    assert goal.target_date == date(2026, 11, 27)
    huddle_with_team.ok("goals", "edit", "strengths", "--target", "none")
    assert _goal(huddle_with_team, "Strengths first").target_date is None


def test_editing_needs_something_to_change_and_a_goal_that_exists(huddle_with_team) -> None:
    result = huddle_with_team("goals", "edit", "wait")
    assert result.exit_code == 2 and "say what to change" in result.output
    result = huddle_with_team("goals", "edit", "zebra", "--why", "x")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no goal matches 'zebra'")
    assert len(result.output.strip().splitlines()) == 1
    result = huddle_with_team("goals", "edit", "wait", "--target", "someday soon")
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    result = huddle_with_team("goals", "edit", "wait", "--title", "")
    assert result.exit_code == 1
    assert _goal(huddle_with_team, WAIT).title == WAIT


def test_a_goal_is_achieved_or_retired_and_can_come_back(huddle_with_team) -> None:
    _steps(huddle_with_team)
    out = huddle_with_team.ok("goals", "achieved", "wait")
    assert out == f"Achieved: {WAIT}. Its steps keep their link.\n"
    assert _goal(huddle_with_team, WAIT).status is GoalStatus.ACHIEVED
    lines = huddle_with_team.ok("goals").splitlines()
    assert lines[0] == "Goals (1 active):"
    assert lines[2].split()[:8] == [*WAIT.split(), "(achieved)"]
    # It left the huddle's choices: a step can't be linked to it any more.
    result = huddle_with_team("add", "Ring ahead", "--who", "ann", "--goal", "wait")
    assert result.exit_code == 1
    assert "wait" in huddle_with_team.ok("goals", "achieved", "wait", "--undo")
    assert _goal(huddle_with_team, WAIT).status is GoalStatus.ACTIVE
    assert "Retired" in huddle_with_team.ok("goals", "retire", "strengths")
    assert "already retired" in huddle_with_team.ok("goals", "retire", "strengths")
    huddle_with_team.ok("goals", "retire", "strengths", "--undo")
    assert _goal(huddle_with_team, STRENGTHS).status is GoalStatus.ACTIVE


def test_team_goal_still_adds_a_goal(huddle_with_team) -> None:
    out = huddle_with_team.ok("team", "goal", "Fewer forms [all]", "--target", "31/3/2027")
    assert out == "Added the goal: Fewer forms [all]\n"
    assert "Fewer forms [all]" in huddle_with_team.ok("goals")


def _cycles(db: Path) -> None:
    """An adopted change (4 November, its 30-day check is next), one being done, and one
    planned with no steps yet."""
    clock = FixedClock(datetime.combine(date(2026, 11, 4), time(9)).astimezone())
    store = Store.open(db, clock=clock)
    try:
        ann = store.members.find("Ann Smith")
        wait = store.goals.find("wait")
        step = store.steps.add(ann, "Ring ahead", date(2026, 11, 4), goal=wait)
        adopted = store.pdsa.start(
            "Ring the day before", prediction="Fewer empty visits", steps=[step]
        )
        store.pdsa.write_study(adopted, "Wasted visits fell")
        store.pdsa.decide(adopted, Act.ADOPT, store.calendar(), "Everyone does it [now]")
        monday = date(2026, 11, 23)
        clock.at = datetime.combine(monday, time(9)).astimezone()
        notes = store.steps.add(ann, "Notes", monday)
        store.pdsa.start("Visit notes within an hour", steps=[notes])
        clock.at = datetime.combine(monday, time(9, 5)).astimezone()
        store.pdsa.start("Shorter referral form", goal=store.goals.find("strengths"))
    finally:
        store.close()


def test_pdsa_lists_each_cycle_with_its_stage_and_next_check(huddle_with_team) -> None:
    _cycles(huddle_with_team.db)
    out = huddle_with_team.ok("pdsa")
    lines = out.splitlines()
    assert lines[0] == "PDSA cycles (3):"
    firsts = [line for line in lines[1:] if not line.startswith("   ")]
    stages = [line.split("  ")[2] for line in firsts]
    assert stages == ["Plan", "Do", "Act: adopt"]
    assert "Shorter referral form" in lines[1]
    assert "goal: More strengths-based assessments · since Mon 23 Nov · 0 steps" in out
    assert "adopted Wed 4 Nov · next check: 30 days on, Fri 4 Dec" in out
    assert "(due now)" not in out


def test_pdsa_as_json_and_for_one_goal(huddle_with_team) -> None:
    _cycles(huddle_with_team.db)
    (adopted,) = json.loads(huddle_with_team.ok("pdsa", "--goal", "wait", "--json"))
    assert adopted["stage"] == "act" and adopted["act"] == "adopt"
    assert adopted["change"] == "Ring the day before"
    assert adopted["act_note"] == "Everyone does it [now]"
    assert adopted["next_check"] == {"after_days": 30, "due_on": "2026-12-04", "due": False}
    assert [c["after_days"] for c in adopted["checks"]] == [30, 60, 90]
    assert [s["text"] for s in adopted["steps"]] == ["Ring ahead"]
    result = huddle_with_team("pdsa", "--goal", "zebra")
    assert result.exit_code == 1 and result.output.startswith("Error: no goal matches")


def test_pdsa_with_no_cycles_says_where_to_plan_one(huddle_with_team) -> None:
    assert "Plan one in the app" in huddle_with_team.ok("pdsa")
    assert json.loads(huddle_with_team.ok("pdsa", "--json")) == []


def test_trends_say_the_median_days_are_calendar_days(huddle_with_team) -> None:
    out = huddle_with_team.ok("trends", "--last", "1")
    assert "Median calendar days to an answer" in out
    assert "Median calendar days to resolve" in out
    (period,) = json.loads(huddle_with_team.ok("trends", "--last", "1", "--json"))["periods"]
    assert "median_calendar_days_to_answer" in period
    assert "median_calendar_days_to_resolve" in period
    assert "median_days_to_answer" not in period


def test_goals_and_pdsa_from_a_shell_never_load_textual(team_file: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    code = (
        "import sys\n"
        "from huddle.cli import main\n"
        "for args in (['goals'], ['goals', 'edit', 'wait', '--why', 'x'], ['pdsa']):\n"
        f"    main(['--db', {str(team_file)!r}, *args], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"

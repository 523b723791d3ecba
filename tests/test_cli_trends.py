"""`huddle trends` prints the numbers of the Trends screen, as a table or as JSON."""

from __future__ import annotations

import json
from datetime import date

from huddle.core.models import StepStatus


def _steps(huddle) -> None:
    store = huddle.open_store()
    try:
        ann = store.members.find("Ann Smith")
        cut = store.goals.find("cut")
        done = store.steps.add(ann, "Ring ahead", date(2026, 11, 16), goal=cut)
        store.steps.review(done, StepStatus.DONE)
        missed = store.steps.add(ann, "Fix the form", date(2026, 11, 17))
        store.steps.review(missed, StepStatus.NOT_DONE, "IT owns the form [really]")
        store.huddles.start(date(2026, 11, 24))
    finally:
        store.close()


def test_trends_prints_a_table_of_the_last_weeks(huddle_with_team) -> None:
    _steps(huddle_with_team)
    out = huddle_with_team.ok("trends", "--last", "2")
    lines = out.splitlines()
    assert lines[0] == "Trends per week, up to today (25 Nov 2026)"
    assert "Streak: 1 huddle day held in a row." in lines[1]
    assert lines[3].split() == ["16", "Nov", "23", "Nov", "before*"]
    rows = {line[:27].strip(): line[27:].split() for line in lines[4:-2]}
    # before*: Monday to Wednesday of the week before, like with like
    assert rows["Small steps planned"] == ["2", "0", "2"]
    assert rows["Done rate"] == ["50%", "-", "50%"]
    assert rows["Success (done or learned)"] == ["100%", "-", "100%"]
    assert rows["Learning lines"] == ["1", "0", "1"]
    assert rows["Huddles held"] == ["0", "1", "0"]
    assert lines[-1] == (
        "* The last week is so far: Mon-Wed; before* counts the same days of the week"
        " before it: Mon-Wed."
    )


def test_at_the_end_of_march_before_is_the_whole_of_february_and_says_so(
    huddle_with_team,
) -> None:
    huddle_with_team.today = date(2027, 3, 31)
    out = huddle_with_team.ok("trends", "--period", "month", "--last", "2")
    assert out.splitlines()[-1] == (
        "* The last month is so far: 1-31 Mar; before* counts the same days of the month"
        " before it: 1-28 Feb."
    )


def test_trends_as_json_for_a_script(huddle_with_team) -> None:
    _steps(huddle_with_team)
    data = json.loads(huddle_with_team.ok("trends", "--period", "month", "--last", "1", "--json"))
    assert data["period"] == "month"
    (november,) = data["periods"]
    assert november["label"] == "Nov 2026"
    assert november["steps"] == 2 and november["done_rate"] == 0.5
    assert november["pulse_goal_clarity"] is None
    assert data["so_far"]["label"] == "so far: 1-25 Nov"
    assert data["so_far"]["same_days_before"]["start"] == "2026-10-01"
    assert data["so_far"]["same_days_before"]["steps"] == 0


def test_trends_refuses_a_period_it_does_not_know(huddle_with_team) -> None:
    result = huddle_with_team("trends", "--period", "fortnight")
    assert result.exit_code == 2
    assert "fortnight" in result.output


def test_the_team_sets_its_pulse_day_or_turns_it_off(huddle_with_team) -> None:
    assert "from Wed" in huddle_with_team.ok("team", "pulse", "wednesday")
    store = huddle_with_team.open_store()
    try:
        assert store.pulse.pulse_day() == "WE"
    finally:
        store.close()
    assert "off" in huddle_with_team.ok("team", "pulse", "off")
    result = huddle_with_team("team", "pulse", "someday")
    assert result.exit_code == 1 and "not a day of the week" in result.output


def test_days_are_written_without_a_leading_zero_as_everywhere_else(
    huddle_with_team, tmp_path
) -> None:
    huddle_with_team.today = date(2026, 12, 2)
    out = huddle_with_team.ok("trends")
    assert out.splitlines()[0] == "Trends per week, up to today (2 Dec 2026)"
    target = tmp_path / "week.md"
    said = huddle_with_team.ok("digest", "--since", "1/12", "--out", str(target))
    assert said == f"Digest for Tue 1 Dec to Wed 2 Dec 2026 written to {target}\n"
    failed = huddle_with_team("digest", "--since", "2026-12-03", "--until", "2026-12-02")
    assert "the digest starts (3 Dec 2026) after it ends (2 Dec 2026)" in failed.output

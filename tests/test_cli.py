"""The `huddle` command from a shell: what it prints, what it saves, and how it fails."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pytest
from click.testing import CliRunner

from huddle.cli import main
from huddle.core.models import BlockerStatus, DateOrder, Role, Stage

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle, StepsOn

WEDNESDAY = date(2026, 11, 25)  # "today" in these tests
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)
SATURDAY = date(2026, 11, 28)


def one_line_error(output: str) -> str:
    """The error a user sees: exactly one line, no traceback."""
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    return lines[0].removeprefix("Error: ")


# Setting up the team.


def test_team_add_puts_members_in_the_file_with_their_roles(huddle: Huddle) -> None:
    assert huddle.ok("team", "add", "Ann Smith", "--role", "lead") == "Added Ann Smith (lead)\n"
    assert huddle.ok("team", "add", "Sam Patel") == "Added Sam Patel (practitioner)\n"
    store = huddle.open_store()
    try:
        assert [(m.name, m.role) for m in store.members.all()] == [
            ("Ann Smith", Role.LEAD),
            ("Sam Patel", Role.PRACTITIONER),
        ]
    finally:
        store.close()


def test_team_add_refuses_a_name_already_in_the_team(huddle_with_team: Huddle) -> None:
    result = huddle_with_team("team", "add", "ann smith")
    assert result.exit_code == 1
    assert one_line_error(result.output) == "there is already a member called ann smith"


def test_team_add_with_an_unknown_role_is_a_usage_error(huddle: Huddle) -> None:
    result = huddle("team", "add", "Ann Smith", "--role", "boss")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_team_rename_by_a_prefix_keeps_their_steps(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    huddle_with_team.ok("add", "Phone the carer", "--who", "sam")
    assert huddle_with_team.ok("team", "rename", "sam", "Samir Patel") == (
        "Sam Patel is now Samir Patel\n"
    )
    assert steps_on(WEDNESDAY) == [("Samir Patel", "Phone the carer", None)]


def test_team_retire_and_undo(huddle_with_team: Huddle) -> None:
    assert huddle_with_team.ok("team", "retire", "sam") == "Sam Patel is retired\n"
    result = huddle_with_team("add", "A step", "--who", "sam")
    assert result.exit_code == 1
    assert one_line_error(result.output).startswith("no member matches 'sam'")
    assert huddle_with_team.ok("team", "retire", "sam", "--undo") == (
        "Sam Patel is back in the team\n"
    )
    huddle_with_team.ok("add", "A step", "--who", "sam")


def test_team_name(huddle: Huddle) -> None:
    assert huddle.ok("team", "name", "North assessment team") == (
        "The team is called North assessment team\n"
    )
    assert "Team: North assessment team" in huddle.ok("team", "show")


def test_team_goal_with_why_how_and_a_target_date(huddle: Huddle) -> None:
    output = huddle.ok(
        "team",
        "goal",
        "Cut the wait for a care assessment",
        "--why",
        "People wait weeks",
        "--how",
        "Median wait under 14 days",
        "--target",
        "1/6/2027",
    )
    assert output == "Added the goal: Cut the wait for a care assessment\n"
    store = huddle.open_store()
    try:
        [goal] = store.goals.all()
    finally:
        store.close()
    assert (goal.why, goal.how_we_know, goal.target_date) == (
        "People wait weeks",
        "Median wait under 14 days",
        date(2027, 6, 1),
    )


def test_team_goal_with_a_target_that_is_not_a_date(huddle: Huddle) -> None:
    result = huddle("team", "goal", "Cut the wait", "--target", "soon")
    assert result.exit_code == 1
    assert one_line_error(result.output).startswith("can't read 'soon' as a date")


def test_team_days_monday_wednesday_friday(huddle: Huddle) -> None:
    assert huddle.ok("team", "days", "mon, wed,fri") == "Huddle days: Mon, Wed, Fri\n"
    store = huddle.open_store()
    try:
        assert store.team.get().huddle_days == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
        assert store.calendar().next_huddle_day(WEDNESDAY) == FRIDAY
    finally:
        store.close()


def test_team_days_that_are_not_days(huddle: Huddle) -> None:
    result = huddle("team", "days", "mon,blursday")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "'blursday' is not a day of the week (try mon,tue,wed,thu,fri)"
    )


def test_team_holiday_and_its_removal(huddle: Huddle) -> None:
    assert huddle.ok("team", "holiday", "25/12", "Christmas Day") == (
        "Fri 25 Dec 2026 is a holiday: Christmas Day\n"
    )
    assert huddle.ok("team", "holiday", "fri") == "Fri 27 Nov 2026 is a holiday\n"
    shown = huddle.ok("team", "show")
    assert "Holidays ahead:" in shown
    assert "Fri 25 Dec  Christmas Day" in shown
    assert "next huddle: today, not started" in shown
    store = huddle.open_store()
    try:
        assert [h.day for h in store.team.holidays()] == [FRIDAY, date(2026, 12, 25)]
    finally:
        store.close()
    assert huddle.ok("team", "holiday", "fri", "--remove") == (
        "Fri 27 Nov 2026 is no longer a holiday\n"
    )
    result = huddle("team", "holiday", "fri", "--remove")
    assert result.exit_code == 1
    assert one_line_error(result.output) == "Fri 27 Nov 2026 is not a holiday"


def test_team_says_todays_huddle_is_next_until_it_is_held_as_the_app_does(
    huddle_with_team: Huddle,
) -> None:
    assert "next huddle: today, not started" in huddle_with_team.ok("team")
    store = huddle_with_team.open_store()
    try:
        store.huddles.start(WEDNESDAY, store.members.find("ann"))
        store.huddles.set_stage(WEDNESDAY, Stage.YESTERDAY)
        assert "next huddle: today, in progress: at Yesterday" in huddle_with_team.ok("team")
        store.huddles.end(WEDNESDAY)
    finally:
        store.close()
    assert "next huddle: tomorrow;" in huddle_with_team.ok("team")


def test_a_holiday_early_in_the_month_is_written_as_people_write_it(huddle: Huddle) -> None:
    assert huddle.ok("team", "holiday", "1/12", "Staff day") == (
        "Tue 1 Dec 2026 is a holiday: Staff day\n"
    )
    assert "Tue 1 Dec  Staff day" in huddle.ok("team", "show")
    assert huddle.ok("team", "holiday", "1/12", "--remove") == (
        "Tue 1 Dec 2026 is no longer a holiday\n"
    )


def test_team_holiday_name_is_shown_without_control_characters(huddle: Huddle) -> None:
    output = huddle.ok("team", "holiday", "25/12", "Christmas\x1b[2J Day")
    assert output == "Fri 25 Dec 2026 is a holiday: Christmas[2J Day\n"


def test_team_timebox(huddle: Huddle) -> None:
    assert huddle.ok("team", "timebox", "10") == "The huddle's timebox is 10 minutes\n"
    assert "timebox 10 min" in huddle.ok("team", "show")


@pytest.mark.parametrize("minutes", ["0", "121", "ten"])
def test_team_timebox_out_of_range_is_a_usage_error(huddle: Huddle, minutes: str) -> None:
    result = huddle("team", "timebox", minutes)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_team_date_order_month_first_reads_1_12_as_the_12th_of_january(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    assert huddle_with_team.ok("team", "date-order", "month-first") == (
        "Dates like 1/12 are read month-first\n"
    )
    store = huddle_with_team.open_store()
    try:
        assert store.team.get().date_order is DateOrder.MONTH_FIRST
    finally:
        store.close()
    huddle_with_team.ok("add", "New year plan", "--who", "ann", "--for", "1/12/2027")
    assert steps_on(date(2027, 1, 12)) == [("Ann Smith", "New year plan", None)]


def test_team_show_on_a_new_file_says_how_to_start(huddle: Huddle) -> None:
    shown = huddle.ok("team")
    assert "Team: (no name yet: huddle team name NAME)" in shown
    assert f"Database: {huddle.db}" in shown
    assert "Huddle days: Mon, Tue, Wed, Thu, Fri; next huddle: today, not started" in shown
    assert 'none yet: huddle team add "Ann Smith" --role lead' in shown


def test_team_show_lists_members_goals_and_retired_people(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("team", "retire", "anne")
    shown = huddle_with_team.ok("team", "show")
    assert "Team: North assessment team" in shown
    assert "Members (2):" in shown
    assert "  Ann Smith  lead" in shown
    assert "  Anne Jones  practitioner  (retired)" in shown
    assert "Goals (2):" in shown
    assert "  Cut the wait for a care assessment" in shown


# A practitioner's step.


def test_add_a_step_for_the_coming_huddle_by_first_name(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    output = huddle_with_team.ok("add", "Prepare the visit questions", "--who", "ann")
    assert output == "Added for today, Ann Smith: Prepare the visit questions\n"
    assert steps_on(WEDNESDAY) == [("Ann Smith", "Prepare the visit questions", None)]


def test_add_matches_the_name_case_insensitively_by_prefix(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    huddle_with_team.ok("add", "Call the OT", "--who", "SA")
    huddle_with_team.ok("add", "Read the referral", "--who", "jon")
    assert steps_on(WEDNESDAY) == [
        ("Anne Jones", "Read the referral", None),
        ("Sam Patel", "Call the OT", None),
    ]


def test_add_with_a_goal_links_the_step_to_it(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    output = huddle_with_team.ok("add", "Ask what matters", "--who", "ann", "--goal", "STRENGTH")
    assert output == (
        "Added for today, Ann Smith: Ask what matters (goal: More strengths-based assessments)\n"
    )
    assert steps_on(WEDNESDAY) == [
        ("Ann Smith", "Ask what matters", "More strengths-based assessments")
    ]


def test_add_on_a_saturday_is_for_monday(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    huddle_with_team.today = SATURDAY
    output = huddle_with_team.ok("add", "Prepare questions", "--who", "ann")
    assert output == "Added for Mon 30 Nov, Ann Smith: Prepare questions\n"
    assert steps_on(MONDAY) == [("Ann Smith", "Prepare questions", None)]


def test_add_after_todays_huddle_has_ended_is_for_the_next_huddle_day(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    store = huddle_with_team.open_store()
    try:
        store.huddles.start(WEDNESDAY)
        store.huddles.end(WEDNESDAY)
    finally:
        store.close()
    output = huddle_with_team.ok("add", "Prepare questions", "--who", "ann")
    assert output == "Added for tomorrow, Ann Smith: Prepare questions\n"
    assert steps_on(WEDNESDAY) == []


def test_add_for_friday(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    output = huddle_with_team.ok("add", "Phone the carer", "--who", "ann", "--for", "fri")
    assert output == "Added for Fri 27 Nov, Ann Smith: Phone the carer\n"
    assert steps_on(FRIDAY) == [("Ann Smith", "Phone the carer", None)]
    assert steps_on(WEDNESDAY) == []


def test_add_for_a_day_that_is_not_a_huddle_day(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    result = huddle_with_team("add", "Phone the carer", "--who", "ann", "--for", "sat")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "Sat 28 Nov is not a huddle day; the next one is Mon 30 Nov"
    )
    assert steps_on(SATURDAY) == []


@pytest.mark.parametrize("typed", ["yesterday", "1/1/2020"])
def test_add_for_a_day_gone_by_is_refused(
    huddle_with_team: Huddle, steps_on: StepsOn, typed: str
) -> None:
    result = huddle_with_team("add", "Phone the carer", "--who", "ann", "--for", typed)
    assert result.exit_code == 1
    assert one_line_error(result.output).endswith(
        "has gone by: a step is for the coming huddle or a huddle day after it"
    )
    assert steps_on(date(2026, 11, 24)) == []


def test_add_for_a_holiday_is_refused(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    huddle_with_team.ok("team", "holiday", "fri", "Staff training day")
    result = huddle_with_team("add", "Phone the carer", "--who", "ann", "--for", "fri")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "Fri 27 Nov is not a huddle day; the next one is Mon 30 Nov"
    )
    assert steps_on(FRIDAY) == []


@pytest.mark.parametrize("typed", ["next blursday", "soon", "31/2", "[TODO]"])
def test_add_for_a_date_that_cannot_be_read(
    huddle_with_team: Huddle, steps_on: StepsOn, typed: str
) -> None:
    result = huddle_with_team("add", "Phone the carer", "--who", "ann", "--for", typed)
    assert result.exit_code == 1
    assert "try today, tomorrow, fri, next monday" in one_line_error(result.output)
    assert steps_on(WEDNESDAY) == []


def test_add_for_an_unknown_member_names_the_close_matches(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    result = huddle_with_team("add", "A step", "--who", "Sam Patle")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "no member matches 'Sam Patle'; did you mean Sam Patel?"
    )
    assert steps_on(WEDNESDAY) == []


def test_add_for_an_ambiguous_member_lists_the_choices(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    result = huddle_with_team("add", "A step", "--who", "an")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "'an' could be more than one member: Ann Smith, Anne Jones"
    )
    assert steps_on(WEDNESDAY) == []


def test_add_for_an_unknown_goal_lists_the_goals(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    result = huddle_with_team("add", "A step", "--who", "ann", "--goal", "budget")
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "no goal matches 'budget' (goals: Cut the wait for a care assessment,"
        " More strengths-based assessments)"
    )
    assert steps_on(WEDNESDAY) == []


def test_add_for_an_ambiguous_goal_lists_the_choices(huddle_with_team: Huddle) -> None:
    result = huddle_with_team("add", "A step", "--who", "ann", "--goal", "assess")
    assert result.exit_code == 1
    assert one_line_error(result.output).startswith("'assess' could be more than one goal: ")


def test_add_to_a_new_file_says_there_is_nobody_yet(huddle: Huddle) -> None:
    huddle.ok("team", "name", "Northside")  # a file, with nobody in it yet
    result = huddle("add", "A step", "--who", "ann")
    assert result.exit_code == 1
    assert one_line_error(result.output) == "no member matches 'ann'; there are no members yet"


def test_add_an_empty_step_is_refused(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    result = huddle_with_team("add", "   ", "--who", "ann")
    assert result.exit_code == 1
    assert one_line_error(result.output) == "a step can't be empty"
    assert steps_on(WEDNESDAY) == []


def test_add_keeps_odd_text_literally(huddle_with_team: Huddle, steps_on: StepsOn) -> None:
    huddle_with_team.ok("add", "[TODO] check [/tmp] 🎉", "--who", "ann")
    assert steps_on(WEDNESDAY) == [("Ann Smith", "[TODO] check [/tmp] 🎉", None)]


@pytest.mark.parametrize(
    "args",
    [
        # `add` with no text opens a form, and with no --who uses whoami: see
        # test_add_from_a_shell.py
        ["add", "A step", "--who"],  # --who without a name
        ["block", "--who", "ann"],
        ["team", "add"],
        ["team", "rename", "ann"],
        ["team", "nonsense"],
    ],
)
def test_a_missing_argument_is_a_usage_error(huddle_with_team: Huddle, args: list[str]) -> None:
    result = huddle_with_team(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Error: " in result.output


def test_the_database_comes_from_huddle_db_when_there_is_no_option(tmp_path: Path) -> None:
    path = tmp_path / "from env" / "team.db"
    runner = CliRunner()
    env = {"HUDDLE_DB": str(path), "HUDDLE_TODAY": WEDNESDAY.isoformat()}
    added = runner.invoke(main, ["team", "add", "Ann Smith"], env=env, prog_name="huddle")
    assert added.exit_code == 0, added.output
    stepped = runner.invoke(main, ["add", "A step", "--who", "ann"], env=env, prog_name="huddle")
    assert stepped.exit_code == 0, stepped.output
    assert path.is_file()
    shown = runner.invoke(main, ["team"], env=env, prog_name="huddle")
    assert f"Database: {path}" in shown.output


def test_a_bad_huddle_today_is_one_line(huddle_with_team: Huddle) -> None:
    result = huddle_with_team("add", "A step", "--who", "ann", env={"HUDDLE_TODAY": "tuesday"})
    assert result.exit_code == 1
    assert one_line_error(result.output) == (
        "$HUDDLE_TODAY is 'tuesday'; set it as YYYY-MM-DD, or unset it"
    )


def test_a_file_that_is_not_a_huddle_database_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("Shopping list: milk, bread, eggs.\n" * 100)
    result = CliRunner().invoke(
        main, ["--db", str(junk), "add", "A step", "--who", "ann"], prog_name="huddle"
    )
    assert result.exit_code == 1
    assert "not a Huddle database" in one_line_error(result.output)


def test_db_option_after_the_command_works_too(tmp_path: Path) -> None:
    path = tmp_path / "late.db"
    result = CliRunner().invoke(
        main, ["team", "add", "Ann", "--db", str(path)], env={"HUDDLE_TODAY": "2026-11-25"}
    )
    assert result.exit_code == 0, result.output
    assert path.is_file()


# A blocker.


def test_block_raises_an_open_blocker(huddle_with_team: Huddle) -> None:
    output = huddle_with_team.ok(
        "block", "The referral form asks for the NHS number twice", "--who", "sam"
    )
    store = huddle_with_team.open_store()
    try:
        [blocker] = store.blockers.open()
        history = store.blockers.history(blocker)
    finally:
        store.close()
    assert output == (
        f"Blocker {blocker.short_id} raised by Sam Patel:"
        " The referral form asks for the NHS number twice\n"
    )
    assert (blocker.raised_by_name, blocker.status, blocker.raised_on) == (
        "Sam Patel",
        BlockerStatus.OPEN,
        WEDNESDAY,
    )
    assert [(e.who, e.status_to) for e in history] == [("Sam Patel", BlockerStatus.OPEN)]


def test_block_with_a_category(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("block", "No laptop for visits", "--who", "ann", "--category", "systems")
    store = huddle_with_team.open_store()
    try:
        [blocker] = store.blockers.open()
    finally:
        store.close()
    assert blocker.category == "systems"


def test_block_by_someone_unknown_raises_nothing(huddle_with_team: Huddle) -> None:
    result = huddle_with_team("block", "No laptop", "--who", "zed")
    assert result.exit_code == 1
    assert one_line_error(result.output).startswith("no member matches 'zed'")
    store = huddle_with_team.open_store()
    try:
        assert store.blockers.open() == []
    finally:
        store.close()


# Help everywhere.


def _every_command(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _every_command(command, [*prefix, name])
        else:
            found.append([*prefix, name])
    return found


@pytest.mark.parametrize(
    "command", _every_command(main, []), ids=lambda c: " ".join(["huddle", *c])
)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="huddle")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: {' '.join(['huddle', *command])} ")


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(main, ["-h"], prog_name="huddle")
    assert result.exit_code == 0
    for name in ("add", "block", "demo", "team", "completion"):
        assert f"  {name} " in result.output


def test_completion_prints_a_script() -> None:
    result = CliRunner().invoke(main, ["completion", "bash"], prog_name="huddle")
    assert result.exit_code == 0
    assert "_HUDDLE_COMPLETE" in result.output


@pytest.mark.parametrize("typed", ["@bob", "#goal", "!bang", "+carer"])
def test_a_name_that_starts_like_the_shorthand_is_refused(
    huddle_with_team: Huddle, typed: str
) -> None:
    for command in (("team", "add", typed), ("team", "rename", "ann", typed)):
        result = huddle_with_team(*command)
        assert result.exit_code == 1
        assert one_line_error(result.output) == (
            f"'{typed}' starts with {typed[0]}, which the shorthand reads: give the name without it"
        )
    result = huddle_with_team("team", "alias", "ann", typed)
    assert result.exit_code == 1
    assert "which the shorthand reads" in result.output

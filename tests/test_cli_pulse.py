"""`huddle pulse`: rating the week's Kaizen pulse from one's own terminal, in private."""

from __future__ import annotations

from typing import TYPE_CHECKING

from huddle.core.pulse import QUESTIONS

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle

# The tests' today is Wednesday 25 November 2026.


def set_pulse_day(huddle: Huddle, code: str) -> None:
    store = huddle.open_store()
    try:
        store.pulse.set_pulse_day(code)
    finally:
        store.close()


def stored(huddle: Huddle, sql: str) -> list[tuple[object, ...]]:
    store = huddle.open_store()
    try:
        return [tuple(row) for row in store.db.rows(sql)]
    finally:
        store.close()


def one_line_error(huddle: Huddle, *args: str, input: str = "") -> str:
    result = huddle(*args, input=input)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    return line.removeprefix("Error: ")


def test_rating_from_my_own_terminal_keeps_the_ratings_without_my_name(
    huddle_with_team: Huddle,
) -> None:
    set_pulse_day(huddle_with_team, "WE")
    result = huddle_with_team("pulse", "--who", "ann", input="4\n\n5\n3\n2\n")
    assert result.exit_code == 0, result.output
    for question in QUESTIONS:
        assert question.question in result.output
    assert "(1 of 5)" in result.output and "(5 of 5)" in result.output
    assert "Thank you, Ann Smith" in result.output
    columns = "goal_clarity, goal_difficulty, team_autonomy, management_support, commitment"
    assert stored(huddle_with_team, f"SELECT {columns} FROM pulse_answers") == [(4, None, 5, 3, 2)]
    # The ratings carry no name: only a separate list says who has answered this week.
    assert "member_id" not in [
        row[1] for row in stored(huddle_with_team, "PRAGMA table_info(pulse_answers)")
    ]
    assert len(stored(huddle_with_team, "SELECT member_id FROM pulse_taken")) == 1
    # Once a week: asked again, it says so before any question.
    assert one_line_error(huddle_with_team, "pulse", "--who", "ann") == (
        "Ann Smith has already answered this week's pulse"
    )


def test_who_comes_from_the_environment_and_a_rating_out_of_range_is_asked_again(
    huddle_with_team: Huddle,
) -> None:
    set_pulse_day(huddle_with_team, "MO")
    result = huddle_with_team("pulse", env={"HUDDLE_WHO": "anne"}, input="9\n3\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "1 to 5, or Enter to skip it" in result.output
    assert "Thank you, Anne Jones" in result.output
    assert stored(huddle_with_team, "SELECT goal_clarity, commitment FROM pulse_answers") == [
        (3, None)
    ]


def test_nothing_rated_keeps_nothing_and_the_pulse_can_be_taken_later(
    huddle_with_team: Huddle,
) -> None:
    set_pulse_day(huddle_with_team, "WE")
    result = huddle_with_team("pulse", "--who", "ann", input="\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Nothing rated, nothing kept" in result.output
    assert stored(huddle_with_team, "SELECT * FROM pulse_taken") == []


def test_the_pulse_is_only_for_its_week_and_not_for_managers(huddle_with_team: Huddle) -> None:
    set_pulse_day(huddle_with_team, "")
    assert one_line_error(huddle_with_team, "pulse", "--who", "ann") == (
        "the team's weekly pulse is off (turn it on with: huddle team pulse fri)"
    )
    set_pulse_day(huddle_with_team, "FR")
    assert one_line_error(huddle_with_team, "pulse", "--who", "ann") == (
        "this week's pulse opens Fri 27 Nov, the team's pulse day"
    )
    set_pulse_day(huddle_with_team, "MO")
    assert one_line_error(huddle_with_team, "pulse", "--who", "sam") == (
        "Sam Patel manages the team: managers are not asked to rate their own support"
    )
    assert one_line_error(huddle_with_team, "pulse").startswith("who are you?")

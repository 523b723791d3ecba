"""`huddle day-status` and the team's settings for the board: the colour of a day on a
measure tracked daily, which measures are tracked, speaker order, seconds per board panel.
Today is Wednesday 25 November 2026."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fixture's type; not imported at run time (see conftest.py)
    from conftest import Huddle


def test_a_day_gets_a_colour_and_the_month_shows_it(huddle_with_team: Huddle) -> None:
    huddle = huddle_with_team
    assert huddle.ok("team", "track", "Missed visits") == (
        'Missed visits is tracked daily: huddle day-status "Missed visits" green\n'
    )
    assert huddle.ok("day-status", "missed", "red", "--on", "yesterday") == (
        "Missed visits: Tue 24 Nov is red (0 green, 0 amber, 1 red in November)\n"
    )
    assert huddle.ok("day-status", "Missed visits", "green") == (
        "Missed visits: Wed 25 Nov is green (1 green, 0 amber, 1 red in November)\n"
    )
    shown = huddle.ok("day-status").splitlines()
    assert shown[0] == "Day status, November 2026 (G green, A amber, R red, . not set):"
    assert shown[2] == "Missed visits"
    assert shown[3].split()[-3:] == ["28", "29", "30"]
    assert shown[4].split()[22:26] == [".", "R", "G", "."]


def test_bad_input_is_one_line_and_changes_nothing(huddle_with_team: Huddle) -> None:
    huddle = huddle_with_team
    assert "No measures are tracked daily yet" in huddle.ok("day-status")
    huddle.ok("team", "track", "Missed visits")
    for args, said in [
        (("missed", "purple"), "Error: 'purple' is not a colour: say green, amber, red or clear"),
        (("missed", "red", "--on", "tomorrow"), "Error: Thu 26 Nov has not happened yet"),
        (("missed", "red", "--on", "1/1/2030"), "Error: Tue 1 Jan 2030 has not happened yet"),
        (("nothing", "red"), "Error: no measure matches 'nothing'"),
        (("missed",), "Error: say the colour: green, amber, red or clear"),
    ]:
        result = huddle("day-status", *args)
        assert result.exit_code != 0
        assert said in result.output
        assert "Traceback" not in result.output
    assert "R" not in huddle.ok("day-status").splitlines()[4]


def test_the_team_chooses_what_is_tracked_speaker_order_and_board_seconds(
    huddle_with_team: Huddle,
) -> None:
    huddle = huddle_with_team
    huddle.ok("team", "track", "Missed visits")
    huddle.ok("team", "track", "Urgent referrals")
    assert huddle.ok("team", "track") == "Missed visits\nUrgent referrals\n"
    assert huddle.ok("team", "track", "urgent", "--stop") == (
        "Urgent referrals is no longer tracked daily (its days are kept)\n"
    )
    assert (
        huddle.ok("team", "speaker-order", "rotating")
        == "People speak in rotating order at Today\n"
    )
    assert huddle.ok("team", "board-seconds", "45") == "The board shows each panel for 45 seconds\n"
    assert "Speakers: rotating; board panels: 45 s; tracked daily: Missed visits" in huddle.ok(
        "team"
    )
    assert huddle("team", "board-seconds", "2").exit_code != 0
    assert huddle("team", "speaker-order", "by height").exit_code != 0


def test_huddle_board_says_what_it_opens(huddle: Huddle) -> None:
    said = huddle.ok("board", "--help")
    assert "Open the app on the board: the wall between huddles." in said

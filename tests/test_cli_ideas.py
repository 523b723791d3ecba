"""`huddle idea`, `huddle ideas` and `--from`: a practitioner notes an idea from a carer in
a shell, the lead moves it on between huddles. Today is Wednesday 25 November 2026."""

from __future__ import annotations

import json


def test_an_idea_from_a_carer_is_noted_and_listed(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    said = huddle_with_team.ok(
        "idea", "A carers' drop-in before each review", "--from", "carer", "--who", "anne"
    )
    assert said == (
        "Idea noted by Anne Jones, from a carer or family member:"
        " A carers' drop-in before each review\n"
    )
    huddle_with_team.ok("idea", "Send the questions with the letter +person #wait", "--who", "ann")
    listed = huddle_with_team.ok("ideas")
    assert listed.splitlines()[0] == "New (2)"
    assert "A carers' drop-in before each review" in listed
    assert "from a person who uses services, noted by Ann Smith, today," in listed
    assert "goal: Cut the wait for a care assessment" in listed


def test_ideas_move_on_by_a_word_of_their_text(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok(
        "idea", "Share one referral form with the GP", "--from", "partner", "--who", "ann"
    )
    huddle_with_team.ok("idea", "Text people the day before", "--who", "ann")
    tried = huddle_with_team.ok("ideas", "try", "text", "--who", "anne")
    assert tried.splitlines() == [
        "Added for today, Anne Jones: Text people the day before",
        '"Text people the day before" is trying',
    ]
    assert huddle_with_team.ok("ideas", "not-now", "referral") == (
        '"Share one referral form with the GP" is not for now\n'
    )
    adopted = huddle_with_team.ok("ideas", "adopt", "text", "--gave", "30 min a week, 2 visits")
    assert adopted.splitlines() == [
        '"Text people the day before" is adopted',
        "It gave: 30 minutes a week saved, 2 visits avoided",
    ]
    assert huddle_with_team.ok("ideas", "from", "referral", "family") == (
        '"Share one referral form with the GP" came from a carer or family member\n'
    )
    data = json.loads(huddle_with_team.ok("ideas", "--json"))
    assert data["counts"] == {"new": 0, "trying": 0, "adopted": 1, "not for now": 1}
    text, referral = data["ideas"]
    assert (text["status"], text["steps"], text["gave"]["minutes_a_week_saved"]) == (
        "adopted",
        1,
        30,
    )
    assert (referral["source"], referral["coproduced"], referral["gave"]) == ("carer", True, None)
    assert (
        json.loads(huddle_with_team.ok("ideas", "--json", "--status", "not-now"))["counts"][
            "not for now"
        ]
        == 1
    )


def test_a_step_added_from_a_shell_says_where_its_idea_came_from(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    said = huddle_with_team.ok("add", "Ring the daughter first", "--from", "family", "--who", "ann")
    assert said.endswith("Ring the daughter first (from a carer or family member)\n")
    said = huddle_with_team.ok(
        "add", "!! Video calls for family who live away +carer", "--who", "ann"
    )
    assert said.startswith("Idea noted by Ann Smith, from a carer or family member:")
    data = json.loads(huddle_with_team.ok("trends", "--json"))
    assert data["periods"][-1]["coproduction_share"] == 1.0
    assert data["periods"][-1]["ideas_noted"] == 1


def test_bad_input_is_one_line_and_saves_nothing(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    for args, message in [
        (("idea", "x", "--from", "cousin", "--who", "ann"), "--from 'cousin' is not one of:"),
        (("idea", "x +cousin", "--who", "ann"), "+cousin is not one of:"),
        (("idea", "! x", "--who", "ann"), "an idea is not a blocker"),
        # `huddle block "!! x"` noted an idea, not a blocker.
        (("block", "!! x", "--who", "ann"), "a blocker is not an idea"),
        (("ideas", "adopt", "nothing"), "no idea has an id or a word starting 'nothing'"),
        (("ideas", "--status", "maybe"), "'maybe' is not a state"),
        (("add", "!! x", "--for", "fri", "--who", "ann"), "an idea is noted today"),
    ]:
        result = huddle_with_team(*args)
        assert result.exit_code != 0
        assert message in result.output
        assert "Traceback" not in result.output
    assert huddle_with_team.ok("ideas").startswith("No ideas yet.")


def test_one_slip_of_a_key_does_not_move_an_idea_by_its_id(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("idea", "Ring people", "--who", "ann")
    [idea] = json.loads(huddle_with_team.ok("ideas", "--json"))["ideas"]

    result = huddle_with_team("ideas", "adopt", idea["id"][:1])

    assert result.exit_code == 1
    assert "no idea has an id or a word starting" in result.output
    [still] = json.loads(huddle_with_team.ok("ideas", "--json"))["ideas"]
    assert still["status"] == "new"
    assert huddle_with_team.ok("ideas", "adopt", idea["id"][:3]).startswith('"Ring people" is')


def test_a_word_in_brackets_or_quotes_names_its_idea(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    huddle_with_team.ok("idea", "[TODO] ring the carer [/tmp]", "--who", "ann")
    huddle_with_team.ok("idea", '"Ask first" cards for visits', "--who", "ann")

    assert huddle_with_team.ok("ideas", "not-now", "todo") == (
        '"[TODO] ring the carer [/tmp]" is not for now\n'
    )
    assert huddle_with_team.ok("ideas", "not-now", "ask").startswith('""Ask first" cards')

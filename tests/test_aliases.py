"""The names members are also called by (Gaz, Em): `huddle team alias`, and @name, --who
and any name typed finding them; names typed without their accents find them too."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fixtures' types; not imported at run time (see conftest.py)
    from conftest import Huddle, StepsOn


def test_a_nickname_names_the_member_wherever_a_name_is_typed(
    huddle_with_team: Huddle, steps_on: StepsOn
) -> None:
    huddle = huddle_with_team
    huddle.ok("team", "add", "Gareth Price")
    huddle.ok("team", "add", "Zoë Adams")
    assert huddle.ok("team", "alias", "gareth", "Gaz", "Gazza") == (
        "Gareth Price is also called Gaz, Gazza\n"
    )
    assert "  Gareth Price (also Gaz, Gazza)  practitioner" in huddle.ok("team")
    assert "Gareth Price: Chase the OT report" in huddle.ok("add", "Chase the OT report @gaz")
    huddle.ok("add", "Ring the carer", "--who", "gazza")
    huddle.ok("add", "Book the interpreter", "--who", "zoe")  # Zoë, typed without the accent
    assert sorted((who, text) for who, text, _ in steps_on(huddle.today)) == [
        ("Gareth Price", "Chase the OT report"),
        ("Gareth Price", "Ring the carer"),
        ("Zoë Adams", "Book the interpreter"),
    ]
    assert huddle.ok("team", "alias", "gaz") == "Gareth Price is also called Gaz, Gazza\n"
    assert huddle.ok("team", "alias", "gareth", "--clear") == (
        "Gareth Price is called by their name alone\n"
    )
    result = huddle("add", "x", "--who", "gaz")
    assert result.exit_code == 1, result.output


def test_a_nickname_that_is_already_someone_elses_name_is_refused(
    huddle_with_team: Huddle,
) -> None:
    huddle = huddle_with_team
    huddle.ok("team", "alias", "sam", "Sammy")
    for taken, whose in [("Ann", "Ann Smith"), ("smith", "Ann Smith"), ("SAMMY", "Sam Patel")]:
        result = huddle("team", "alias", "anne", taken)
        assert result.exit_code == 1
        assert result.output == f"Error: {taken} is already a name of {whose}\n"
    assert huddle("team", "alias", "anne", "Jo, Annie").output.startswith("Error: 'Jo, Annie'")
    assert huddle.ok("team", "alias", "anne") == "Anne Jones is called by their name alone\n"


def test_a_half_typed_nickname_offers_the_members_tag(huddle_with_team: Huddle) -> None:
    from huddle.core.flow import tag_choices

    huddle_with_team.ok("team", "add", "Robert Green")
    huddle_with_team.ok("team", "alias", "robert", "Bob")
    store = huddle_with_team.open_store()
    try:
        members = store.members.all()
    finally:
        store.close()
    assert tag_choices("@bo", [], members) == ["@bob"]  # names Robert alone

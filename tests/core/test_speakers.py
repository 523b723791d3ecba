"""Speaker order at Today: the team chooses alphabetical, rotating (the first speaker one
further each huddle) or random (shuffled by the date, the same all day)."""

from __future__ import annotations

from datetime import date

from huddle.core import flow
from huddle.core.models import Member, Role, SpeakerOrder
from huddle.core.speakers import in_speaking_order, speaking_order
from huddle.core.store import Store

WEDNESDAY = date(2026, 11, 25)
TEAM = [
    Member(str(n), name, Role.PRACTITIONER, True)
    for n, name in enumerate(["Dee", "Ann", "Cal", "Bo"])
]


def names(members: list[Member]) -> list[str]:
    return [m.name for m in members]


def test_alphabetical_is_by_name() -> None:
    order = in_speaking_order(TEAM, TEAM, SpeakerOrder.ALPHABETICAL, WEDNESDAY, 7)
    assert names(order) == ["Ann", "Bo", "Cal", "Dee"]


def test_rotating_starts_one_further_each_huddle_and_wraps_round() -> None:
    firsts = [
        names(in_speaking_order(TEAM, TEAM, SpeakerOrder.ROTATING, WEDNESDAY, n))[0]
        for n in range(5)
    ]
    assert firsts == ["Ann", "Bo", "Cal", "Dee", "Ann"]
    assert names(in_speaking_order(TEAM, TEAM, SpeakerOrder.ROTATING, WEDNESDAY, 2)) == [
        "Cal",
        "Dee",
        "Ann",
        "Bo",
    ]


def test_someone_not_here_is_skipped_without_moving_the_others() -> None:
    here = [m for m in TEAM if m.name != "Cal"]
    assert names(in_speaking_order(TEAM, here, SpeakerOrder.ROTATING, WEDNESDAY, 2)) == [
        "Dee",
        "Ann",
        "Bo",
    ]


def test_random_is_the_same_all_day_and_changes_from_day_to_day() -> None:
    today = names(in_speaking_order(TEAM, TEAM, SpeakerOrder.RANDOM, WEDNESDAY, 0))
    assert (
        names(in_speaking_order(TEAM, list(reversed(TEAM)), SpeakerOrder.RANDOM, WEDNESDAY, 9))
        == today
    )
    assert sorted(today) == ["Ann", "Bo", "Cal", "Dee"]
    days = {
        tuple(names(in_speaking_order(TEAM, TEAM, SpeakerOrder.RANDOM, date(2026, 11, d), 0)))
        for d in range(1, 15)
    }
    assert len(days) > 1


def test_the_team_setting_orders_todays_speakers(team: Store) -> None:
    assert names(speaking_order(team, WEDNESDAY)) == ["Ann Smith", "Anne Jones", "Sam Patel"]
    flow.start(team, date(2026, 11, 23))
    flow.start(team, date(2026, 11, 24))
    team.team.update(speaker_order=SpeakerOrder.ROTATING)
    assert names(speaking_order(team, WEDNESDAY)) == ["Sam Patel", "Ann Smith", "Anne Jones"]

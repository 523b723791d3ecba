"""Day status, the "safety cross": the team tracks a few measures day by day, one colour a
day. Today is Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import date

import pytest

from huddle.core.day_status import month_strips, read_color, set_day_status
from huddle.core.models import DayColor, HuddleError
from huddle.core.store import Store

TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)


def test_a_tracked_measure_gets_one_colour_a_day_in_its_month_strip(store: Store) -> None:
    store.day_status.track("Missed visits")
    store.day_status.track("Urgent referrals")
    set_day_status(store, "missed", "green", TUESDAY)
    set_day_status(store, "missed", "r", WEDNESDAY)
    strip = set_day_status(store, "urgent", "amber", WEDNESDAY)

    assert strip.measure.name == "Urgent referrals"
    missed, urgent = month_strips(store, WEDNESDAY)
    assert len(missed.days) == 30  # every day of November
    assert dict(missed.days)[TUESDAY] is DayColor.GREEN
    assert dict(missed.days)[WEDNESDAY] is DayColor.RED
    assert dict(missed.days)[date(2026, 11, 1)] is None
    assert (urgent.count(DayColor.AMBER), urgent.count(DayColor.GREEN)) == (1, 0)


def test_a_colour_set_again_replaces_the_first_and_clear_takes_it_away(store: Store) -> None:
    store.day_status.track("Missed visits")
    set_day_status(store, "missed", "green", WEDNESDAY)
    set_day_status(store, "missed", "amber", WEDNESDAY)
    assert dict(month_strips(store, WEDNESDAY)[0].days)[WEDNESDAY] is DayColor.AMBER
    set_day_status(store, "missed", "clear", WEDNESDAY)
    assert dict(month_strips(store, WEDNESDAY)[0].days)[WEDNESDAY] is None


def test_a_measure_no_longer_tracked_keeps_its_days(store: Store) -> None:
    measure = store.day_status.track("Missed visits")
    set_day_status(store, "missed", "red", WEDNESDAY)
    store.day_status.stop(measure)
    assert month_strips(store, WEDNESDAY) == []
    again = store.day_status.track("missed visits")
    assert again.name == "Missed visits"
    assert dict(month_strips(store, WEDNESDAY)[0].days)[WEDNESDAY] is DayColor.RED


@pytest.mark.parametrize(
    ("measure", "color", "day", "said"),
    [
        ("missed", "purple", WEDNESDAY, "'purple' is not a colour: say green, amber, red or clear"),
        ("nothing", "red", WEDNESDAY, "no measure matches 'nothing'"),
        ("missed", "red", date(2026, 11, 26), "Thu 26 Nov has not happened yet"),
    ],
)
def test_bad_input_says_what_is_wrong_and_changes_nothing(
    store: Store, measure: str, color: str, day: date, said: str
) -> None:
    store.day_status.track("Missed visits")
    with pytest.raises(HuddleError, match=said):
        set_day_status(store, measure, color, day)
    assert all(c is None for _d, c in month_strips(store, WEDNESDAY)[0].days)


def test_the_same_measure_cannot_be_tracked_twice(store: Store) -> None:
    store.day_status.track("Missed visits")
    with pytest.raises(HuddleError, match="Missed visits is already tracked daily"):
        store.day_status.track("MISSED VISITS")


def test_colours_are_read_as_words_or_letters() -> None:
    assert [read_color(w) for w in ("Green", "a", "RED", "clear")] == [
        DayColor.GREEN,
        DayColor.AMBER,
        DayColor.RED,
        None,
    ]

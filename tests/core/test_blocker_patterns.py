""" "Comes back again": blockers with the same category or much the same words, raised
twice or more in 30 days, are shown as one pattern."""

from __future__ import annotations

from datetime import date, datetime, time

from huddle.core.blockers import find_patterns, much_the_same
from huddle.core.calendar import FixedClock
from huddle.core.store import Store

TODAY = date(2026, 11, 25)


def raise_on(team: Store, clock: FixedClock, day: date, text: str, category: str | None) -> None:
    clock.at = datetime.combine(day, time(9)).astimezone()
    team.blockers.raise_blocker(team.members.find("anne"), text, category=category)


def test_the_same_category_four_times_in_a_month_is_a_pattern(
    team: Store, clock: FixedClock
) -> None:
    raise_on(team, clock, date(2026, 10, 20), "The old contact form", "forms")  # too long ago
    raise_on(team, clock, date(2026, 11, 2), "The referral form asks twice", "forms")
    raise_on(team, clock, date(2026, 11, 9), "Carer's form repeats contacts", "Forms")
    raise_on(team, clock, date(2026, 11, 12), "No laptop for visits", "computer systems")
    raise_on(team, clock, date(2026, 11, 16), "Review form: NHS number again", "forms")
    raise_on(team, clock, date(2026, 11, 24), "Equipment form has no photo field", "forms")
    patterns = find_patterns(team.blockers.all(), TODAY)
    assert [p.describe() for p in patterns] == ["forms: raised 4 times since 2 November"]
    assert next(b.text for b in patterns[0].blockers) == "The referral form asks twice"


def test_much_the_same_words_with_no_category_are_a_pattern(team: Store, clock: FixedClock) -> None:
    raise_on(team, clock, date(2026, 11, 10), "The duty phone goes to voicemail", None)
    raise_on(team, clock, date(2026, 11, 17), "Duty phone went to voicemail again!", None)
    raise_on(team, clock, date(2026, 11, 18), "Parking permits ran out", None)
    patterns = find_patterns(team.blockers.all(), TODAY)
    assert [p.describe() for p in patterns] == [
        '"The duty phone goes to voicemail": raised 2 times since 10 November'
    ]


def test_a_blocker_raised_once_is_not_a_pattern(team: Store, clock: FixedClock) -> None:
    raise_on(team, clock, date(2026, 11, 10), "The duty phone goes to voicemail", "phones")
    raise_on(team, clock, date(2026, 11, 11), "Parking permits ran out", "process")
    assert find_patterns(team.blockers.all(), TODAY) == []


def test_much_the_same_means_most_of_the_words_not_one() -> None:
    assert much_the_same(
        "The referral form asks for the NHS number twice",
        "The review form asks for the NHS number again on page 4",
    )
    assert not much_the_same("The referral form is long", "The laptop is slow")
    assert not much_the_same("", "The laptop is slow")

"""A typed line made real: the shorthand matched against the team, saved as a step or a
blocker; what one person has on (`mine`); and what arrived for the shared screen's notice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.entries import (
    describe_entry,
    describe_saved,
    resolve_entry,
    resolve_line,
    save_entry,
)
from huddle.core.mine import mine_as_json, mine_as_text, read_mine
from huddle.core.models import Blocker, HuddleError, Role, Step, StepStatus
from huddle.core.shorthand import parse_entry
from huddle.core.store import Store
from huddle.core.store.arrivals import describe_arrivals

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@pytest.fixture
def northside(tmp_path: Path) -> Iterator[Store]:
    """A team of three with two goals, on Monday 30 November 2026 at nine."""
    opened = Store.open(
        tmp_path / "team.db", clock=FixedClock(datetime(2026, 11, 30, 9).astimezone())
    )
    opened.members.add("Ann Smith", Role.LEAD)
    opened.members.add("Bea Jones")
    opened.members.add("Sam Okafor")
    opened.goals.add("Cut the wait for a care assessment")
    opened.goals.add("More strengths-based assessments")
    yield opened
    opened.close()


def test_my_step_with_a_goal_goes_to_the_coming_huddle(northside: Store) -> None:
    entry = resolve_line(northside, "Prepare the visit questions #wait", who="sam")
    saved = save_entry(northside, entry)
    assert isinstance(saved, Step)
    assert (saved.member_name, saved.text, saved.goal_title, saved.day) == (
        "Sam Okafor",
        "Prepare the visit questions",
        "Cut the wait for a care assessment",
        MONDAY,
    )
    assert describe_saved(saved, MONDAY) == (
        "Added for today, Sam Okafor: Prepare the visit questions"
        " (goal: Cut the wait for a care assessment)"
    )


def test_a_lead_types_a_step_for_someone_with_at_name(northside: Store) -> None:
    entry = resolve_line(northside, "Chase the OT report @bea", who="ann")
    assert entry.member.name == "Bea Jones"


def test_every_preview_says_whose_step_it_is_and_what_is_kept_as_typed(
    northside: Store,
) -> None:
    """The home line and the form under the prompt say it in the same words."""
    given = resolve_line(northside, "Ring the carer with @sam first #wait", who="ann")
    assert describe_entry(given) == (
        "Enter adds a step for Ann Smith, @sam kept as typed,"
        " goal: Cut the wait for a care assessment"
    )
    assert describe_entry(resolve_line(northside, "Ring the carer @sam", who="ann"), "today") == (
        "Enter adds a step for Sam Okafor, today, no goal yet (#goal)"
    )
    blocker = resolve_line(northside, "! No laptop", who="bea")
    assert describe_entry(blocker) == "Enter raises a blocker for Bea Jones"


def test_a_bang_raises_a_blocker_instead(northside: Store) -> None:
    saved = save_entry(northside, resolve_line(northside, "! the form is [broken]", who="sam"))
    assert isinstance(saved, Blocker)
    assert [(b.text, b.raised_by_name) for b in northside.blockers.open()] == [
        ("the form is [broken]", "Sam Okafor")
    ]
    assert northside.steps.on_day(MONDAY) == []


@pytest.mark.parametrize(
    ("line", "who", "goal", "message"),
    [
        ("ring the carer", None, None, "whose step is it?"),
        ("ring the carer @zed", "sam", None, "no member matches 'zed'"),
        ("ring the carer #zzz", "sam", None, "no goal matches 'zzz'"),
        ("ring the carer #wait", "sam", "strengths", "two goals given"),
        ("! the form #wait", "sam", None, "a blocker is not linked to a goal"),
        ("#wait", "sam", None, "a step can't be empty"),
        ("!", "sam", None, "a blocker can't be empty"),
    ],
)
def test_a_line_that_cannot_be_saved_says_why_in_one_line(
    northside: Store, line: str, who: str | None, goal: str | None, message: str
) -> None:
    with pytest.raises(HuddleError, match=message.replace("?", r"\?")):
        resolve_entry(northside, parse_entry(line), who=who, goal=goal)


def test_a_blocker_cannot_be_raised_for_another_day(northside: Store) -> None:
    entry = resolve_line(northside, "! no laptop", who="sam")
    with pytest.raises(HuddleError, match="a blocker is raised today"):
        save_entry(northside, entry, day=date(2026, 12, 1))


def test_mine_shows_my_steps_carried_steps_and_blockers(northside: Store) -> None:
    sam = northside.members.find("sam")
    bea = northside.members.find("bea")
    friday = northside.steps.add(sam, "Write visit notes within the hour", FRIDAY)
    northside.steps.carry(friday, MONDAY)
    northside.steps.add(sam, "Ring the carer", MONDAY, goal=northside.goals.find("wait"))
    northside.steps.add(bea, "Not mine", MONDAY)
    northside.blockers.raise_blocker(sam, "No laptop for visits")
    theirs = northside.blockers.raise_blocker(bea, "The form asks twice")
    northside.blockers.take_ownership(theirs, sam, who="Ann Smith")
    northside.blockers.raise_blocker(bea, "Not mine either")

    found = read_mine(northside, sam)

    assert [s.text for s in found.steps] == ["Ring the carer"]
    assert [s.text for s in found.carried] == ["Write visit notes within the hour"]
    assert [b.text for b in found.blockers] == ["No laptop for visits", "The form asks twice"]
    text = mine_as_text(found)
    assert "Sam Okafor: the huddle today" in text
    assert "Carried over (1):" in text
    assert "owned by you, raised by Bea Jones" in text
    shape = mine_as_json(found)
    assert shape["member"] == "Sam Okafor"
    assert shape["huddle_day"] == "2026-11-30"
    assert shape["steps"][0]["goal"] == "Cut the wait for a care assessment"
    assert shape["carried"][0]["carried_from"] == friday.id
    assert shape["carried"][0]["status"] == StepStatus.PLANNED.value
    assert {b["owner"] for b in shape["blockers"]} == {None, "Sam Okafor"}


def test_mine_says_a_blocker_sent_up_in_the_teams_words(northside: Store) -> None:
    sam = northside.members.find("sam")
    blocker = northside.blockers.raise_blocker(sam, "No laptop for visits")
    northside.blockers.escalate(blocker, reason="Only IT can buy one", who="Sam Okafor")
    text = mine_as_text(read_mine(northside, sam))
    assert "No laptop for visits (sent up, raised by you today)" in text
    assert "escalated" not in text
    assert mine_as_json(read_mine(northside, sam))["blockers"][0]["status"] == "escalated"


def test_arrivals_say_who_added_what_since_the_last_look(northside: Store) -> None:
    sam = northside.members.find("sam")
    bea = northside.members.find("bea")
    mark = northside.arrivals.mark()
    assert northside.arrivals.since(mark) == ([], mark)
    northside.steps.add(sam, "Ring the carer", MONDAY)
    northside.blockers.raise_blocker(bea, "The form asks twice")
    northside.steps.add(bea, "Chase the OT", MONDAY)
    northside.steps.add(bea, "Book the room", MONDAY)

    arrivals, later = northside.arrivals.since(mark)

    assert describe_arrivals(arrivals) == (
        "Sam Okafor added a step\nBea Jones added 2 steps and raised a blocker"
    )
    assert northside.arrivals.since(later) == ([], later)


def test_a_step_added_for_a_later_huddle_says_for_which_day(northside: Store) -> None:
    # The huddle on the screen shows Monday's steps: one for Wednesday is not on it.
    sam = northside.members.find("sam")
    mark = northside.arrivals.mark()
    northside.steps.add(sam, "Ring the carer", MONDAY)
    northside.steps.add(sam, "Book the room", date(2026, 12, 2))
    northside.steps.add(sam, "Chase the OT", date(2026, 12, 1))
    arrivals, _ = northside.arrivals.since(mark)
    assert describe_arrivals(arrivals, coming=MONDAY, today=MONDAY) == (
        "Sam Okafor added a step, a step for Wed 2 Dec and a step for tomorrow"
    )


def test_a_carried_step_is_not_news(northside: Store) -> None:
    friday = northside.steps.add(northside.members.find("sam"), "Write notes", FRIDAY)
    mark = northside.arrivals.mark()
    northside.steps.carry(friday, MONDAY)
    assert northside.arrivals.since(mark)[0] == []


def test_many_arrivals_make_a_short_notice() -> None:
    from huddle.core.store.arrivals import Arrival, ArrivalKind

    arrivals = [Arrival(ArrivalKind.STEP, f"Person {n}", "x") for n in range(7)]
    notice = describe_arrivals(arrivals)
    assert notice is not None
    assert notice.splitlines()[-1] == "and 4 more added steps or blockers"
    assert len(notice.splitlines()) == 4

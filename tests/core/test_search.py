"""Searching what the team wrote: steps, what was learned, and blockers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus, Role, StepStatus
from huddle.core.store import Store
from huddle.core.store.search import HitKind, SearchFilters, fts_query, plain

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@pytest.fixture
def team() -> Iterator[Store]:
    store = Store.memory(clock=FixedClock(datetime.combine(MONDAY, time(9)).astimezone()))
    ann = store.members.add("Ann Smith", Role.LEAD)
    sam = store.members.add("Sam Okafor")
    wait = store.goals.add("Cut the wait for a care assessment")
    visit = store.steps.add(ann, "Prepare the visit questions the day before", FRIDAY, goal=wait)
    store.steps.review(visit, StepStatus.DONE, "Visits ran shorter; the carer had answers ready")
    store.steps.add(sam, "Write visit notes within an hour", FRIDAY)
    store.steps.add(sam, "Ring the carer to agree a time [TODO]", MONDAY, goal=wait)
    blocker = store.blockers.raise_blocker(sam, "The referral form asks for the NHS number twice")
    store.blockers.escalate(blocker, "Only the systems team can change the form", who="Ann")
    yield store
    store.close()


def texts(store: Store, **filters: object) -> list[str]:
    page = store.search.search(SearchFilters(**filters))  # type: ignore[arg-type]
    return [plain(hit.text) for hit in page.hits]


def test_a_word_finds_steps_and_learning_lines_newest_first(team: Store) -> None:
    assert texts(team, text="carer") == [
        "Ring the carer to agree a time [TODO]",
        "Prepare the visit questions the day before",  # found by its learning line
    ]


def test_words_match_their_start_and_other_endings(team: Store) -> None:
    assert "Write visit notes within an hour" in texts(team, text="vis")
    assert "Write visit notes within an hour" in texts(team, text="visits")


def test_every_word_typed_must_appear(team: Store) -> None:
    assert texts(team, text="visit notes") == ["Write visit notes within an hour"]


def test_blockers_are_found_by_their_text_and_reason(team: Store) -> None:
    page = team.search.search(SearchFilters(text="systems"))
    assert [(h.kind, plain(h.text)) for h in page.hits] == [
        (HitKind.BLOCKER, "The referral form asks for the NHS number twice")
    ]
    assert plain(page.hits[0].detail) == "Only the systems team can change the form"


def test_matched_words_are_marked_for_the_screen(team: Store) -> None:
    hit = team.search.search(SearchFilters(text="notes")).hits[0]
    assert hit.text == "Write visit \x01notes\x02 within an hour"


def test_filters_by_person_goal_and_status(team: Store) -> None:
    sam = team.members.find("sam")
    wait = team.goals.find("wait")
    assert texts(team, member_id=sam.id) == [
        "Ring the carer to agree a time [TODO]",
        "The referral form asks for the NHS number twice",
        "Write visit notes within an hour",
    ]
    assert texts(team, goal_id=wait.id) == [
        "Ring the carer to agree a time [TODO]",
        "Prepare the visit questions the day before",
    ]
    assert texts(team, status=StepStatus.DONE) == ["Prepare the visit questions the day before"]
    assert texts(team, status=BlockerStatus.ESCALATED) == [
        "The referral form asks for the NHS number twice"
    ]
    assert texts(team, text="visit", member_id=sam.id) == ["Write visit notes within an hour"]


@pytest.mark.parametrize("typed", ['"', "*", "NOT", "AND OR", "[TODO]", "a:b", "(", "^x", "'"])
def test_odd_typing_never_breaks_the_search(team: Store, typed: str) -> None:
    team.search.search(SearchFilters(text=typed))
    team.search.count(SearchFilters(text=typed))


def test_brackets_are_just_words(team: Store) -> None:
    assert texts(team, text="[todo]") == ["Ring the carer to agree a time [TODO]"]
    assert fts_query('say "hi" NOT*') == '"say"* "hi"* "NOT"*'


def test_edits_and_take_backs_reach_the_search(team: Store) -> None:
    step = team.search.search(SearchFilters(text="ring")).hits[0]
    taken_back = team.steps.get(step.id)
    team.steps.set_learning(team.steps.get(step.id), "a word like zebra")
    assert texts(team, text="zebra") == ["Ring the carer to agree a time [TODO]"]
    team.steps.delete(taken_back)
    assert texts(team, text="zebra") == []
    assert texts(team, text="ring") == []


def test_results_come_a_page_at_a_time_without_gaps_or_repeats(team: Store) -> None:
    ann = team.members.find("ann")
    for n in range(23):
        team.steps.add(ann, f"Small step for the audit, part {n}", date(2026, 11, 2 + n % 5))
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = team.search.search(SearchFilters(text="audit"), after=after, limit=5)
        pages += 1
        seen += [hit.id for hit in page.hits]
        after = page.next_after
        if after is None:
            break
    assert pages == 5
    assert len(seen) == len(set(seen)) == 23 == team.search.count(SearchFilters(text="audit"))

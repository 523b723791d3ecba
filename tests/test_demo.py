"""The demo team: what a person trying Huddle out sees in it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from huddle.core.demo import (
    DemoSummary,
    build_demo,
    create_demo_file,
    demo_clock,
    demo_ids,
)
from huddle.core.models import (
    BlockerStatus,
    HuddleError,
    Role,
    Source,
    Step,
    StepStatus,
)
from huddle.core.store import Store

TUESDAY = date(2026, 3, 10)
"""A huddle day whose 90-day history holds Christmas, Boxing Day and New Year's Day."""
YESTERDAY = date(2026, 3, 9)
SATURDAY = date(2026, 3, 14)


def _build(today: date) -> tuple[Store, DemoSummary]:
    store = Store.memory(clock=demo_clock(today), ids=demo_ids(today))
    return store, build_demo(store, today)


@pytest.fixture(scope="module")
def built() -> Iterator[tuple[Store, DemoSummary]]:
    """One demo, shared by the tests that only read it (a build takes a fraction of a second)."""
    store, summary = _build(TUESDAY)
    yield store, summary
    store.close()


@pytest.fixture(scope="module")
def demo(built: tuple[Store, DemoSummary]) -> Store:
    return built[0]


@pytest.fixture(scope="module")
def all_steps(demo: Store) -> list[Step]:
    rows = demo.db.rows("SELECT id FROM steps ORDER BY day, created_at")
    return [demo.steps.get(r["id"]) for r in rows]


def _huddle_days(demo: Store) -> list[date]:
    rows = demo.db.rows("SELECT day FROM huddles ORDER BY day")
    return [date.fromisoformat(r["day"]) for r in rows]


def test_the_team_has_a_lead_a_manager_and_practitioners(
    built: tuple[Store, DemoSummary],
) -> None:
    demo, summary = built
    members = demo.members.all()
    roles = Counter(m.role for m in members)
    assert 6 <= len(members) <= 10
    assert roles[Role.LEAD] == 1
    assert roles[Role.MANAGER] == 1
    assert roles[Role.PRACTITIONER] >= 4
    assert all(len(m.name.split()) == 2 for m in members)
    assert summary.members == len(members)
    team = demo.team.get()
    assert team.name == "Northside Assessment Team"
    assert team.timebox_minutes == 15


def test_goals_say_why_how_we_know_and_by_when(demo: Store) -> None:
    goals = demo.goals.all()
    assert 3 <= len(goals) <= 4
    assert "Cut the wait for a care assessment" in {g.title for g in goals}
    for goal in goals:
        assert goal.why and goal.how_we_know
        assert goal.target_date is not None and goal.target_date > TUESDAY


def test_about_90_huddle_days_end_today_with_todays_huddle_not_started(
    built: tuple[Store, DemoSummary],
) -> None:
    demo, summary = built
    held = _huddle_days(demo)
    calendar = demo.calendar()
    assert summary.huddle_days == 90
    assert summary.first_day == held[0]
    # Every huddle day before today was held and ended; today's has not started.
    assert held == list(calendar.huddle_days(held[0], YESTERDAY))
    assert len(held) == 89
    assert demo.huddles.get(TUESDAY) is None
    assert demo.coming_huddle_day() == TUESDAY
    for day in (held[0], held[40], YESTERDAY):
        huddle = demo.huddles.get(day)
        assert huddle is not None and huddle.started_at and huddle.ended_at
        assert huddle.started_at.date() == day
        assert huddle.ended_at - huddle.started_at <= timedelta(minutes=15)


def test_bank_holidays_inside_the_history_have_no_huddle(demo: Store) -> None:
    holidays = demo.team.holidays()
    assert [h.day for h in holidays] == [date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)]
    assert holidays[0].name == "Christmas Day"
    held = set(_huddle_days(demo))
    for holiday in holidays:
        assert holiday.day not in held
        assert demo.steps.on_day(holiday.day) == []
    # The day after Boxing Day's weekend looks back to Christmas Eve.
    assert demo.calendar().previous_huddle_day(date(2025, 12, 29)) == date(2025, 12, 24)


def test_steps_come_in_every_status_mostly_done(all_steps: list[Step]) -> None:
    statuses = Counter(s.status for s in all_steps)
    assert set(statuses) == set(StepStatus)
    share = {status: count / len(all_steps) for status, count in statuses.items()}
    assert 0.5 < share[StepStatus.DONE] < 0.75
    assert 0.08 < share[StepStatus.PARTLY] < 0.25
    assert 0.05 < share[StepStatus.CARRIED] < 0.2
    assert share[StepStatus.DROPPED] < 0.1
    assert share[StepStatus.NOT_DONE] < 0.08


def test_carried_steps_reappear_on_the_next_huddle_day(demo: Store, all_steps: list[Step]) -> None:
    calendar = demo.calendar()
    by_id = {s.id: s for s in all_steps}
    copies = [s for s in all_steps if s.carried_from]
    assert copies
    for copy in copies:
        original = by_id[copy.carried_from or ""]
        assert original.status is StepStatus.CARRIED
        assert (copy.member_id, copy.text) == (original.member_id, original.text)
        assert copy.day == calendar.next_huddle_day(original.day)


def test_a_good_share_of_reviews_say_what_was_learned(all_steps: list[Step]) -> None:
    reviewed = [s for s in all_steps if s.status.reviewed and s.status is not StepStatus.CARRIED]
    learned = [s for s in reviewed if s.learning]
    assert 0.4 < len(learned) / len(reviewed) < 0.8
    assert all(not s.learning for s in all_steps if s.status is StepStatus.PLANNED)
    lines = {s.learning for s in learned}
    assert len(lines) > 30


def test_steps_read_like_an_assessment_teams_work(all_steps: list[Step]) -> None:
    assert len({s.text for s in all_steps}) >= 100
    assert {s.category for s in all_steps} == {
        "process",
        "forms",
        "computer systems",
        "oversight",
        "skills",
    }
    linked = sum(1 for s in all_steps if s.goal_id) / len(all_steps)
    assert 0.75 < linked < 0.97
    sources = Counter(s.source for s in all_steps)
    assert set(sources) == set(Source)
    assert sources[Source.PRACTITIONER] / len(all_steps) > 0.7
    # Written at the huddle of the day they are for (or before it, for today's).
    assert all(s.created_at.date() == s.day for s in all_steps)
    assert all(s.created_at.time() < time(9, 30) for s in all_steps)


def test_attendance_has_gaps_and_nobody_away_plans_a_step(demo: Store) -> None:
    members = {m.id: m for m in demo.members.all()}
    present = absent = 0
    away_at_least_once: set[str] = set()
    for day in _huddle_days(demo):
        marked = demo.huddles.attendance(day)
        planners = {s.member_id for s in demo.steps.on_day(day) if not s.carried_from}
        for member_id, here in marked.items():
            if members[member_id].role is Role.MANAGER:
                continue
            present += here
            absent += not here
            if not here:
                away_at_least_once.add(member_id)
                assert member_id not in planners
    assert 0.82 < present / (present + absent) < 0.92
    practitioners = {m.id for m in members.values() if m.role is Role.PRACTITIONER}
    assert len(away_at_least_once & practitioners) >= len(practitioners) - 1


def test_yesterdays_steps_wait_for_review_and_some_are_planned_for_today(demo: Store) -> None:
    waiting = demo.steps.unreviewed_before(TUESDAY)
    assert waiting
    assert {s.day for s in waiting} == {YESTERDAY}
    assert len(waiting) == len(demo.steps.on_day(YESTERDAY))
    today = demo.steps.on_day(TUESDAY)
    assert 1 <= len(today) <= 4
    assert all(s.status is StepStatus.PLANNED for s in today)
    assert all(s.created_at.time() < time(9) for s in today)


def test_blockers_are_in_every_state(demo: Store) -> None:
    rows = demo.db.rows("SELECT id FROM blockers ORDER BY raised_on")
    blockers = [demo.blockers.get(r["id"]) for r in rows]
    assert 12 <= len(blockers) <= 20
    assert {b.status for b in blockers} == set(BlockerStatus)
    manager = next(m for m in demo.members.all() if m.role is Role.MANAGER)
    for blocker in blockers:
        if blocker.status is BlockerStatus.ANSWERED:
            assert blocker.answer and blocker.answered_by == manager.name
        if blocker.status is BlockerStatus.OWNED:
            assert blocker.owner_name
        if blocker.status is BlockerStatus.RESOLVED:
            assert blocker.resolution
    held = set(_huddle_days(demo))
    assert all(b.raised_on in held for b in blockers)
    reopened = [
        b
        for b in blockers
        if any(e.status_from is BlockerStatus.RESOLVED for e in demo.blockers.history(b))
    ]
    assert [b.status for b in reopened] == [BlockerStatus.OPEN]


def test_one_escalation_is_overdue_and_one_is_recent(demo: Store) -> None:
    calendar = demo.calendar()
    waiting = [b for b in demo.blockers.open() if b.status is BlockerStatus.ESCALATED]
    ages = []
    for blocker in waiting:
        sent = next(
            e.at.date()
            for e in reversed(demo.blockers.history(blocker))
            if e.status_to is BlockerStatus.ESCALATED
        )
        ages.append(len(list(calendar.huddle_days(sent, TUESDAY))) - 1)
    assert min(ages) <= 2
    assert max(ages) > 4


def test_forms_blockers_come_back_again(demo: Store) -> None:
    rows = demo.db.rows("SELECT raised_on FROM blockers WHERE category = 'forms'")
    recent = [
        d for r in rows if (d := date.fromisoformat(r["raised_on"])) >= TUESDAY - timedelta(30)
    ]
    assert len(recent) >= 3


def _tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        (r["name"], "WITHOUT ROWID" in r["sql"].upper())
        for r in store.db.rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        if r["name"] != "_sqlite_migrations" and "_fts" not in r["name"]  # search index: derived
    ]
    # A table without a rowid has no order of insertion: compare its rows sorted.
    return {
        name: sorted(tuple(r) for r in store.db.rows(f"SELECT * FROM {name}"))
        if without_rowid
        else [tuple(r) for r in store.db.rows(f"SELECT * FROM {name} ORDER BY rowid")]
        for name, without_rowid in tables
    }


def test_the_same_day_gives_the_same_data(demo: Store) -> None:
    again, _ = _build(TUESDAY)
    try:
        first, second = _tables(demo), _tables(again)
        assert set(first) >= {"steps", "blockers", "blocker_events", "attendance", "huddles"}
        assert first == second
    finally:
        again.close()


def test_a_team_already_in_the_file_is_never_overwritten() -> None:
    store = Store.memory(clock=demo_clock(TUESDAY))
    try:
        store.members.add("Ann Smith", Role.LEAD)
        with pytest.raises(HuddleError, match="empty"):
            build_demo(store, TUESDAY)
        assert [m.name for m in store.members.all()] == ["Ann Smith"]
        assert store.db.value("SELECT count(*) FROM steps") == 0
    finally:
        store.close()


def test_on_a_saturday_the_history_ends_with_fridays_huddle() -> None:
    store, summary = _build(SATURDAY)
    try:
        friday = SATURDAY - timedelta(days=1)
        assert summary.huddle_days == 90
        assert _huddle_days(store)[-1] == friday
        assert store.steps.on_day(SATURDAY) == []
        waiting = store.steps.unreviewed_before(SATURDAY)
        assert waiting and {s.day for s in waiting} == {friday}
    finally:
        store.close()


def test_a_clock_that_is_not_fixed_is_put_back() -> None:
    store = Store.memory()
    clock = store.clock
    try:
        build_demo(store, TUESDAY)
        assert store.clock is clock
        assert store.huddles.get(YESTERDAY) is not None
    finally:
        store.close()


def test_create_demo_file_writes_a_file_that_opens(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    summary = create_demo_file(path, TUESDAY)
    assert summary.members == 9 and summary.goals == 4 and summary.blockers >= 12
    store = Store.open(path, clock=demo_clock(TUESDAY))
    try:
        assert store.db.value("SELECT count(*) FROM steps") == summary.steps
        assert store.coming_huddle_day() == TUESDAY
        assert len(store.steps.unreviewed_before(TUESDAY)) > 0
    finally:
        store.close()

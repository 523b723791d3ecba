"""Trends: every number checked against a small history whose answer is known by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle.core.calendar import FixedClock, HuddleCalendar, Period, period_start
from huddle.core.models import Member, Source, StepStatus
from huddle.core.results import StepCounts
from huddle.core.store import Store
from huddle.core.store.trends import period_sql
from huddle.core.trends import (
    compute_trends,
    current_streak,
    goal_progress,
    so_far_label,
    trends_as_dict,
)

MON_16 = date(2026, 11, 16)
MON_23 = date(2026, 11, 23)


def _day(offset: int) -> date:
    return MON_16 + timedelta(days=offset)


def _at(clock: FixedClock, day: date, hour: int = 9) -> None:
    clock.at = datetime.combine(day, time(hour)).astimezone()


def _people(store: Store) -> tuple[Member, Member, Member]:
    ann, anne, sam = (store.members.find(n) for n in ("Ann Smith", "Anne Jones", "Sam Patel"))
    return ann, anne, sam


def _two_weeks_of_steps(store: Store) -> None:
    """Week of 16 Nov: five ideas, one carried to Friday; week of 23 Nov: one done, one
    still planned. Two ideas came from a carer and a person supported."""
    ann, anne, sam = _people(store)
    cut = store.goals.find("cut")
    steps = store.steps
    steps.review(steps.add(ann, "Ring ahead", _day(0), goal=cut), StepStatus.DONE)
    steps.review(
        steps.add(anne, "Large print letter", _day(1), source=Source.CARER), StepStatus.PARTLY
    )
    steps.review(
        steps.add(sam, "Skip the duplicate field", _day(2), goal=cut),
        StepStatus.NOT_DONE,
        "the form needs the NHS number [twice]",
    )
    carried = steps.carry(steps.add(ann, "Visit notes within an hour", _day(3)), _day(4))
    steps.review(carried, StepStatus.DONE)
    steps.review(
        steps.add(anne, "Ask about the stairs", _day(4), source=Source.PERSON_SUPPORTED),
        StepStatus.DROPPED,
    )
    steps.review(steps.add(sam, "Prepare questions", MON_23, goal=cut), StepStatus.DONE)
    steps.add(ann, "Check the rota", MON_23 + timedelta(days=1))


def test_a_weeks_steps_add_up_to_its_rates(team: Store) -> None:
    _two_weeks_of_steps(team)
    trends = compute_trends(team, Period.WEEK, 2)
    last_week, this_week = trends.periods
    assert (last_week.start, this_week.start) == (MON_16, MON_23)
    assert last_week.steps == StepCounts(
        steps=6, ideas=5, coproduced=2, reviewed=6, done=2, partly=1, carried=1, learned=1,
        successes=4,
    )  # fmt: skip
    assert last_week.steps.taken == 3
    assert last_week.steps.done_rate == 3 / 6
    assert last_week.steps.carry_over_rate == 1 / 6
    assert last_week.steps.success_rate == 4 / 6  # the step that taught something counts
    assert last_week.coproduction_share == 2 / 5  # of new ideas, not carried copies
    assert this_week.steps == StepCounts(
        steps=2, ideas=2, reviewed=1, done=1, successes=1
    )  # fmt: skip
    assert this_week.steps.done_rate == 1.0
    assert this_week.coproduction_share == 0.0
    assert trends.total_taken == 4


def test_a_month_sums_its_weeks_and_an_empty_period_has_no_rates(team: Store) -> None:
    _two_weeks_of_steps(team)
    october, november = compute_trends(team, Period.MONTH, 2).periods
    assert (october.start, november.start) == (date(2026, 10, 1), date(2026, 11, 1))
    assert november.steps.steps == 8 and november.steps.reviewed == 7
    assert november.steps.done_rate == 4 / 7
    assert october.steps == StepCounts()
    assert october.steps.done_rate is None and october.coproduction_share is None
    (year,) = compute_trends(team, Period.YEAR, 1).periods
    assert year.start == date(2026, 1, 1) and year.steps.steps == 8


def test_the_tallies_follow_a_step_moved_to_another_goal_or_taken_back(team: Store) -> None:
    _two_weeks_of_steps(team)
    planned = team.steps.on_day(MON_23 + timedelta(days=1))[0]
    team.steps.edit(planned, planned.text, goal=team.goals.find("strengths"))
    cut = team.goals.find("cut")
    assert goal_progress(team, cut, weeks=2).total.steps == 3
    strengths = goal_progress(team, team.goals.find("strengths"), weeks=2)
    assert strengths.total.steps == 1 and strengths.weeks[-1][1].steps == 1
    team.steps.delete(planned)
    assert goal_progress(team, team.goals.find("strengths"), weeks=2).total.steps == 0
    assert compute_trends(team, Period.WEEK, 1).periods[0].steps.steps == 1


def test_a_goal_shows_its_steps_per_week_its_done_rate_and_what_was_learned(
    team: Store,
) -> None:
    _two_weeks_of_steps(team)
    cut = team.goals.find("cut")
    progress = goal_progress(team, cut, weeks=3)
    assert [start for start, _ in progress.weeks] == [date(2026, 11, 9), MON_16, MON_23]
    assert [counts.steps for _, counts in progress.weeks] == [0, 2, 1]
    assert progress.total.steps == 3 and progress.total.done_rate == 2 / 3
    assert [line.learning for line in progress.learning] == [
        "the form needs the NHS number [twice]"
    ]
    unlinked = goal_progress(team, None, weeks=3)
    assert unlinked.goal is None and unlinked.total.steps == 5
    assert [counts.steps for _, counts in unlinked.weeks] == [0, 4, 1]


def test_blockers_opened_resolved_and_the_median_days_to_an_answer(
    team: Store, clock: FixedClock
) -> None:
    ann, _anne, sam = _people(team)
    blockers = team.blockers

    def blocker(raised: date, answered: date, resolved: date | None = None) -> None:
        _at(clock, raised)
        found = blockers.raise_blocker(ann, f"blocked on {raised}")
        found = blockers.escalate(found, "needs a manager", who="Ann Smith")
        _at(clock, answered)
        found = blockers.answer(found, "yes", who=sam.name)
        if resolved:
            _at(clock, resolved)
            blockers.resolve(found, "done", who="Ann Smith")

    blocker(_day(0), answered=_day(2), resolved=_day(4))  # 2 days to answer, 4 to resolve
    blocker(_day(1), answered=_day(2))  # 1 day
    blocker(_day(2), answered=_day(3), resolved=_day(4))  # 1 day; resolved in 2
    blocker(date(2026, 11, 9), answered=_day(4))  # 11 days
    _at(clock, date(2026, 11, 25))
    earlier, last_week, this_week = compute_trends(team, Period.WEEK, 3).periods
    assert earlier.blockers.opened == 1 and earlier.blockers.answered == 0
    assert last_week.blockers.opened == 3
    assert last_week.blockers.answered == 4
    assert last_week.blockers.median_calendar_days_to_answer == 1.5  # of 1, 1, 2, 11
    assert last_week.blockers.resolved == 2
    assert last_week.blockers.median_calendar_days_to_resolve == 3  # of 2 and 4
    assert this_week.blockers.median_calendar_days_to_answer is None


def test_an_odd_number_of_answers_has_the_middle_one_as_median(
    team: Store, clock: FixedClock
) -> None:
    ann = _people(team)[0]
    for raised, answered in ((0, 1), (0, 3), (0, 4)):
        _at(clock, _day(raised))
        found = team.blockers.escalate(
            team.blockers.raise_blocker(ann, "stuck"), "why", who="Ann Smith"
        )
        _at(clock, _day(answered))
        team.blockers.answer(found, "ok", who="Pat")
    (week,) = compute_trends(team, Period.WEEK, 1).periods
    assert week.blockers.median_calendar_days_to_answer == 3


def test_attendance_and_huddles_held(team: Store) -> None:
    ann, anne, sam = _people(team)
    for offset, present in ((0, (1, 1, 1)), (1, (1, 1, 0)), (2, (1, 0, 0))):
        team.huddles.start(_day(offset))
        for member, here in zip((ann, anne, sam), present, strict=True):
            team.huddles.mark_attendance(_day(offset), member, bool(here))
    last_week, this_week = compute_trends(team, Period.WEEK, 2).periods
    assert last_week.attendance.huddles_held == 3
    assert last_week.attendance.attendance_rate == 6 / 9
    assert this_week.attendance.huddles_held == 0
    assert this_week.attendance.attendance_rate is None


def _streak(calendar: HuddleCalendar, held: set[date], today: date) -> int:
    return current_streak(
        calendar, lambda first, last: {d for d in held if first <= d <= last}, today,
        min(held, default=None),
    )  # fmt: skip


def test_the_streak_counts_huddle_days_held_in_a_row_skipping_holidays() -> None:
    wednesday = date(2026, 11, 25)
    calendar = HuddleCalendar()
    held = {_day(3), _day(4), MON_23, MON_23 + timedelta(days=1)}  # Thu, Fri, Mon, Tue
    assert _streak(calendar, held, wednesday) == 4  # today is still to come
    assert _streak(calendar, held | {wednesday}, wednesday) == 5
    assert _streak(calendar, held - {MON_23}, wednesday) == 1
    with_holiday = HuddleCalendar(holidays=frozenset({MON_23}))
    assert _streak(with_holiday, held - {MON_23}, wednesday) == 3
    assert _streak(calendar, set(), wednesday) == 0


def test_a_long_streak_is_read_back_in_growing_windows() -> None:
    today = date(2026, 11, 25)
    calendar = HuddleCalendar()
    every_day = set(calendar.huddle_days(date(2025, 1, 6), today))
    asked: list[tuple[date, date]] = []

    def held(first: date, last: date) -> set[date]:
        asked.append((first, last))
        return {d for d in every_day if first <= d <= last}

    assert current_streak(calendar, held, today, min(every_day)) == len(every_day)
    assert len(asked) <= 4


def test_the_streak_of_the_team_comes_from_its_huddles(team: Store) -> None:
    for offset in (3, 4, 7, 8):
        team.huddles.start(_day(offset))
    assert compute_trends(team, Period.WEEK, 1).streak == 4


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    st.sampled_from(list(Period)),
    st.sampled_from(["", "T23:30:00-05:00", "T00:10:00+13:00"]),
)
def test_sql_puts_a_day_in_the_same_period_as_the_calendar(
    day: date, period: Period, time_of_day: str
) -> None:
    store = _memory()
    stamp = f"'{day.isoformat()}{time_of_day}'"
    assert store.db.value(f"SELECT {period_sql(period, stamp)}") == (
        period_start(day, period).isoformat()
    )


_MEMORY: list[Store] = []


def _memory() -> Store:
    if not _MEMORY:
        _MEMORY.append(Store.memory())
    return _MEMORY[0]


_ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "review", "carry", "learn", "regoal", "delete"]),
        st.integers(0, 20),
        st.integers(0, 6),
        st.sampled_from(list(Source)),
        st.sampled_from([StepStatus.DONE, StepStatus.PARTLY, StepStatus.NOT_DONE]),
    ),
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(_ops)
def test_the_tallies_always_equal_counting_the_steps(ops: list[tuple[object, ...]]) -> None:
    store = Store.memory(clock=FixedClock(datetime(2026, 11, 25, 9).astimezone()))
    try:
        ann = store.members.add("Ann")
        goals = [None, store.goals.add("Cut the wait"), store.goals.add("Strengths")]
        for op, pick, offset, source, status in ops:
            existing = store.db.rows("SELECT id FROM steps ORDER BY rowid")
            step = store.steps.get(existing[pick % len(existing)]["id"]) if existing else None
            goal = goals[offset % 3]
            if op == "add" or step is None:
                assert isinstance(source, Source)
                store.steps.add(ann, "a step", _day(offset), goal=goal, source=source)
            elif op == "review":
                assert isinstance(status, StepStatus)
                store.steps.review(step, status, "learned" if offset % 2 else "")
            elif op == "carry":
                store.steps.carry(step, _day(offset + 7))
            elif op == "learn":
                store.steps.set_learning(step, "" if offset % 2 else "a lesson")
            elif op == "regoal":
                store.steps.edit(step, step.text, goal=goal)
            else:
                store.steps.delete(step)
        _assert_tallies_match(store)
    finally:
        store.close()


def _assert_tallies_match(store: Store) -> None:
    from huddle.core.schema import STEP_TALLIES

    sums = ", ".join(f"sum({name})" for name in STEP_TALLIES)
    counted = ", ".join(
        f"sum({condition.format(row='steps')})" for condition in STEP_TALLIES.values()
    )
    kept = store.db.rows(
        f"SELECT day, goal_id, {sums} FROM step_tallies GROUP BY day, goal_id"
        f" HAVING sum(steps) > 0 ORDER BY day, goal_id"
    )
    direct = store.db.rows(
        f"SELECT day, coalesce(goal_id, '') AS g, {counted} FROM steps GROUP BY day, g"
        " ORDER BY day, g"
    )
    assert [tuple(r) for r in kept] == [tuple(r) for r in direct]


def test_the_trends_as_json_name_every_number(team: Store) -> None:
    _two_weeks_of_steps(team)
    data = trends_as_dict(compute_trends(team, Period.WEEK, 2))
    assert data["period"] == "week"
    periods = data["periods"]
    assert isinstance(periods, list)
    assert periods[0]["start"] == "2026-11-16" and periods[0]["label"] == "w/c 16 Nov 2026"
    assert periods[0]["done_rate"] == 0.5 and periods[0]["learning_lines"] == 1
    assert periods[1]["median_calendar_days_to_answer"] is None
    json.dumps(data)  # plain data all the way down


@pytest.mark.parametrize("count", [0, -1])
def test_at_least_one_period_is_asked_for(team: Store, count: int) -> None:
    with pytest.raises(ValueError):
        compute_trends(team, Period.WEEK, count)


def test_this_week_so_far_is_compared_with_the_same_days_of_last_week(team: Store) -> None:
    """Wednesday 25 November: Monday to Wednesday against Monday to Wednesday before, never
    against the whole of last week."""
    _two_weeks_of_steps(team)
    trends = compute_trends(team, Period.WEEK, 2)
    so_far = trends.so_far
    assert so_far is not None
    assert (so_far.first, so_far.last, so_far.label) == (MON_23, _day(9), "so far: Mon-Wed")
    assert so_far.before.start == MON_16
    assert so_far.before.steps.steps == 3  # Monday, Tuesday and Wednesday's, not Friday's
    assert trends.periods[0].steps.steps == 6  # the whole week, as its own bar
    data = trends_as_dict(trends)["so_far"]
    assert isinstance(data, dict)
    assert data["label"] == "so far: Mon-Wed"
    assert data["same_days_before"]["start"] == "2026-11-16"
    assert data["same_days_before"]["steps"] == 3


def test_a_month_so_far_is_compared_with_as_many_days_of_the_month_before(team: Store) -> None:
    _two_weeks_of_steps(team)
    so_far = compute_trends(team, Period.MONTH, 1).so_far
    assert so_far is not None
    assert so_far.label == "so far: 1-25 Nov"
    assert so_far.before.start == date(2026, 10, 1)
    assert so_far.before.steps == StepCounts()


@pytest.mark.parametrize(
    ("period", "first", "last", "said"),
    [
        (Period.WEEK, MON_23, MON_23, "so far: Mon"),
        (Period.WEEK, MON_23, date(2026, 11, 29), "so far: Mon-Sun"),
        (Period.MONTH, date(2026, 3, 1), date(2026, 3, 31), "so far: 1-31 Mar"),
        (Period.QUARTER, date(2026, 10, 1), date(2026, 11, 25), "so far: 1 Oct-25 Nov"),
        (Period.YEAR, date(2026, 1, 1), date(2026, 1, 1), "so far: 1 Jan"),
    ],
)
def test_the_so_far_label_names_the_days(
    period: Period, first: date, last: date, said: str
) -> None:
    assert so_far_label(period, first, last) == said

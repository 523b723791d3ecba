"""The Kaizen pulse, PDSA cycles with their sustainment checks, and the catch-up card."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from huddle.core.calendar import FixedClock, HuddleCalendar, Period, is_pulse_day
from huddle.core.catchup import catch_up, catch_ups
from huddle.core.models import HuddleError, Role, StepStatus
from huddle.core.pdsa import Act, PdsaStage
from huddle.core.pulse import pulse_is_asked, week_of, who_to_ask
from huddle.core.store import Store
from huddle.core.trends import compute_trends

MON_23 = date(2026, 11, 23)
FRI_27 = date(2026, 11, 27)


def _at(clock: FixedClock, day: date, hour: int = 9) -> None:
    clock.at = datetime.combine(day, time(hour)).astimezone()


# --- The pulse --------------------------------------------------------------------------


def test_the_pulse_is_asked_from_the_teams_pulse_day_to_the_end_of_the_week() -> None:
    weekdays = HuddleCalendar()
    assert not is_pulse_day(MON_23 + timedelta(days=3), weekdays, "FR")  # Thursday
    assert is_pulse_day(FRI_27, weekdays, "FR")
    assert is_pulse_day(MON_23 + timedelta(days=2), weekdays, "WE")
    assert not is_pulse_day(FRI_27, weekdays, "")  # off
    # Friday is a holiday: Thursday is the week's last huddle, so the pulse is asked then.
    no_friday = HuddleCalendar(holidays=frozenset({FRI_27}))
    assert is_pulse_day(MON_23 + timedelta(days=3), no_friday, "FR")
    assert not is_pulse_day(MON_23 + timedelta(days=2), no_friday, "FR")


def test_each_person_answers_once_a_week_and_only_averages_come_back(team: Store) -> None:
    bo = team.members.add("Bo Li")
    people = team.members.all()
    ann, anne, bo, _sam_manages = people
    assert pulse_is_asked(team, FRI_27)
    assert who_to_ask(team, FRI_27, people) == [ann, anne, bo]
    week = week_of(FRI_27)
    team.pulse.record(ann, week, {"goal_clarity": 4, "commitment": 5})
    team.pulse.record(anne, week, {"goal_clarity": 2, "commitment": None})
    assert who_to_ask(team, FRI_27, people) == [bo]
    with pytest.raises(HuddleError, match="already answered"):
        team.pulse.record(ann, week, {"goal_clarity": 1})
    rows = team.db.rows("SELECT * FROM pulse_answers")
    assert all("member_id" not in row.keys() for row in rows)  # noqa: SIM118  # nobody's name is kept
    _at_friday = team.clock
    assert isinstance(_at_friday, FixedClock)
    _at(_at_friday, FRI_27, 10)
    (this_week,) = compute_trends(team, Period.WEEK, 1).periods
    assert this_week.pulse.answers == 2
    assert this_week.pulse.averages["goal_clarity"] is None  # two answers: too few to show
    team.pulse.record(bo, week, {"goal_clarity": 3, "commitment": 2})
    (this_week,) = compute_trends(team, Period.WEEK, 1).periods
    assert this_week.pulse.averages["goal_clarity"] == 3.0  # (4 + 2 + 3) / 3
    assert this_week.pulse.averages["commitment"] is None  # two answered it, one skipped
    assert this_week.pulse.averages["team_autonomy"] is None


def test_managers_are_not_asked_to_rate_their_own_support(team: Store) -> None:
    """The pulse is the team's view: the lead and practitioners rate, a manager present
    at the huddle is not asked (they would be rating "management support" of themselves)."""
    ann, anne, sam = team.members.all()
    assert sam.role is Role.MANAGER
    assert who_to_ask(team, FRI_27, [ann, sam, anne]) == [ann, anne]
    assert who_to_ask(team, FRI_27, [sam]) == []


def test_skipping_every_question_still_counts_as_answered(team: Store) -> None:
    ann = team.members.all()[0]
    team.pulse.record(ann, week_of(FRI_27), {})
    assert team.pulse.answered(week_of(FRI_27)) == {ann.id}
    assert team.db.value("SELECT count(*) FROM pulse_answers") == 0


def test_a_pulse_answer_is_from_one_to_five_and_the_pulse_day_can_be_turned_off(
    team: Store,
) -> None:
    ann = team.members.all()[0]
    with pytest.raises(HuddleError, match="1 to 5"):
        team.pulse.record(ann, week_of(FRI_27), {"goal_clarity": 6})
    team.pulse.set_pulse_day("")
    assert not pulse_is_asked(team, FRI_27)
    assert who_to_ask(team, FRI_27, [ann]) == []
    with pytest.raises(HuddleError, match="day code"):
        team.pulse.set_pulse_day("FRIDAY")


# --- PDSA cycles ------------------------------------------------------------------------


def test_a_step_becomes_a_pdsa_cycle_that_is_studied_and_adopted(
    team: Store, clock: FixedClock
) -> None:
    ann = team.members.find("Ann Smith")
    cut = team.goals.find("cut")
    step = team.steps.add(ann, "Ring the day before the visit", MON_23, goal=cut)
    cycle = team.pdsa.start(
        "Ring people the day before", prediction="Fewer wasted visits", steps=[step]
    )
    assert cycle.stage is PdsaStage.DO and cycle.goal_title == cut.title
    team.steps.review(step, StepStatus.DONE, "two of three were out: [ring] earlier")
    cycle = team.pdsa.get(cycle.id)
    assert [s.learning for s in cycle.learning] == ["two of three were out: [ring] earlier"]
    cycle = team.pdsa.write_study(cycle, "Visits wasted fell from 3 to 1")
    assert cycle.stage is PdsaStage.STUDY
    cycle = team.pdsa.decide(cycle, Act.ADOPT, team.calendar(), "everyone rings ahead")
    assert cycle.stage is PdsaStage.ACT and cycle.decided_on == date(2026, 11, 25)
    checks = team.pdsa.checks(cycle)
    # 30, 60 and 90 days from Wed 25 Nov, each moved to a huddle day:
    # Fri 25 Dec is a weekday here (no holidays set); Sun 24 Jan moves to Mon 25 Jan.
    assert [(c.after_days, c.due_on) for c in checks] == [
        (30, date(2026, 12, 25)),
        (60, date(2027, 1, 25)),
        (90, date(2027, 2, 23)),
    ]
    with pytest.raises(HuddleError, match="already decided"):
        team.pdsa.decide(cycle, Act.ABANDON, team.calendar())


def test_checks_due_on_a_day_stay_until_the_team_answers_them(team: Store) -> None:
    cycle = team.pdsa.start("Write visit notes within an hour")
    team.pdsa.decide(cycle, Act.ADOPT, team.calendar())
    assert team.pdsa.checks_due(date(2026, 12, 24)) == []
    (due,) = team.pdsa.checks_due(date(2026, 12, 25))
    assert due.change == "Write visit notes within an hour" and due.in_place is None
    assert [c.after_days for c in team.pdsa.checks_due(date(2027, 1, 26))] == [30, 60]
    answered = team.pdsa.answer_check(due, True, "yes")
    assert answered.in_place is True and answered.checked_on == date(2026, 11, 25)
    assert [c.after_days for c in team.pdsa.checks_due(date(2027, 1, 26))] == [60]


def test_adapting_plans_a_new_cycle_and_abandoning_plans_no_checks(team: Store) -> None:
    first = team.pdsa.start("Shorter referral form", prediction="Quicker triage")
    again = team.pdsa.decide(first, Act.ADAPT, team.calendar(), "keep the NHS number once")
    assert again.id != first.id and again.adapted_from == first.id
    assert again.stage is PdsaStage.PLAN and again.change == "Shorter referral form"
    assert team.pdsa.get(first.id).act is Act.ADAPT
    dropped = team.pdsa.decide(again, Act.ABANDON, team.calendar())
    assert team.pdsa.checks(dropped) == []
    assert [c.stage for c in team.pdsa.recent()] == [PdsaStage.ACT, PdsaStage.ACT]


def test_a_planned_step_in_a_cycle_can_still_be_taken_back(team: Store) -> None:
    ann = team.members.find("Ann Smith")
    step = team.steps.add(ann, "A typo", MON_23)
    cycle = team.pdsa.start("Something", steps=[step])
    team.steps.delete(step)
    assert team.pdsa.get(cycle.id).steps == ()


# --- The catch-up card ------------------------------------------------------------------


def _hold(store: Store, day: date, present: dict[str, bool]) -> None:
    store.huddles.start(day)
    for name, here in present.items():
        store.huddles.mark_attendance(day, store.members.find(name), here)


def test_back_after_two_huddle_days_away_a_member_sees_what_changed(
    team: Store, clock: FixedClock
) -> None:
    ann, anne = team.members.find("Ann Smith"), team.members.find("Anne Jones")
    thu, fri, mon, tue = date(2026, 11, 26), FRI_27, date(2026, 11, 30), date(2026, 12, 1)
    _at(clock, thu)
    _hold(team, thu, {"Ann Smith": True, "Anne Jones": True})
    blocker = team.blockers.escalate(
        team.blockers.raise_blocker(ann, "No laptop [IT]"), "costs money", who="Ann"
    )
    for day in (fri, mon, tue):
        _at(clock, day)
        _hold(team, day, {"Ann Smith": True, "Anne Jones": False})
        team.steps.review(team.steps.add(ann, f"Step of {day:%a}", day), StepStatus.DONE)
    team.steps.review(team.steps.add(ann, "Not done", fri), StepStatus.NOT_DONE)
    _at(clock, mon)
    team.blockers.answer(blocker, "Laptop ordered", who="Pat Reid")
    team.goals.add("Fewer handoffs")
    wednesday = date(2026, 12, 2)
    _at(clock, wednesday)
    card = catch_up(team, anne, wednesday)
    assert card is not None
    assert card.last_here == thu and card.huddle_days_away == 3
    assert card.steps_done == 3
    assert [s.text for s in card.step_examples] == ["Step of Tue", "Step of Mon", "Step of Fri"]
    assert card.blockers_answered_count == 1
    assert card.blockers_answered[0].answer == "Laptop ordered"
    assert card.goals_added == ["Fewer handoffs"]
    assert catch_up(team, ann, wednesday) is None  # here yesterday
    # The whole team at once (as Who's here reads it): the same cards, in a few reads.
    assert catch_ups(team, team.members.all(), wednesday) == {anne.id: card}


def test_one_day_away_or_never_here_gets_no_card(team: Store) -> None:
    sam = team.members.add("Sam Okafor", Role.PRACTITIONER)
    _hold(team, date(2026, 11, 23), {"Sam Okafor": True})
    _hold(team, date(2026, 11, 24), {"Sam Okafor": False})
    assert catch_up(team, sam, date(2026, 11, 25)) is None
    assert catch_up(team, team.members.find("Anne Jones"), date(2026, 11, 25)) is None
    assert catch_ups(team, team.members.all(), date(2026, 11, 25)) == {}

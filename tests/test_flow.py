"""The guided huddle's rules, without a screen: who is here, what Yesterday looks back on,
how a typed line becomes a step, Wrap-up's numbers, the streak and the timebox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from huddle.core import flow, timebox
from huddle.core.calendar import FixedClock
from huddle.core.models import HuddleError, Member, Role, Stage, StepStatus
from huddle.core.store import Store

THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(at(MONDAY))


@pytest.fixture
def team(clock: FixedClock) -> Iterator[Store]:
    """Ann (lead), Bea and Sam, two goals, on Monday morning."""
    store = Store.memory(clock=clock)
    store.members.add("Ann Smith", Role.LEAD)
    store.members.add("Bea Jones")
    store.members.add("Sam Okafor")
    store.goals.add("Cut the wait for a care assessment")
    store.goals.add("More strengths-based assessments")
    yield store
    store.close()


def member(store: Store, name: str) -> Member:
    return store.members.find(name)


def test_everyone_is_here_by_default_except_who_is_away(team: Store) -> None:
    team.absences.add(member(team, "bea"), FRIDAY, date(2026, 12, 2), "annual leave")
    team.absences.add(member(team, "sam"), THURSDAY, THURSDAY, "off shift")

    here = {p.member.name: p.present for p in flow.who_is_here(team, MONDAY)}
    assert here == {"Ann Smith": True, "Bea Jones": False, "Sam Okafor": True}
    bea = next(p for p in flow.who_is_here(team, MONDAY) if p.member.name == "Bea Jones")
    assert bea.absence is not None and bea.absence.reason == "annual leave"


def test_starting_the_huddle_records_who_is_here_and_the_lead_runs_it(team: Store) -> None:
    team.absences.add(member(team, "sam"), MONDAY, reason="off shift")
    huddle = flow.start(team, MONDAY)
    assert huddle.facilitator_id == member(team, "ann").id
    assert huddle.stage is Stage.WHO
    assert sorted(m.name for m in flow.present_members(team, MONDAY)) == [
        "Ann Smith",
        "Bea Jones",
    ]
    # A later absence does not change a huddle already started; marking does.
    team.absences.add(member(team, "bea"), MONDAY, reason="sick")
    assert [m.name for m in flow.present_members(team, MONDAY)] == ["Ann Smith", "Bea Jones"]
    team.huddles.mark_attendance(MONDAY, member(team, "sam"), True)
    assert len(flow.present_members(team, MONDAY)) == 3


def test_monday_looks_back_on_fridays_steps_and_older_ones_never_reviewed(
    team: Store, clock: FixedClock
) -> None:
    ann, bea = member(team, "ann"), member(team, "bea")
    team.steps.add(ann, "Ring the carer", FRIDAY)
    team.steps.add(bea, "Old step nobody looked at", date(2026, 11, 24))
    reviewed_long_ago = team.steps.add(bea, "Reviewed on Wednesday", date(2026, 11, 24))
    clock.at = at(date(2026, 11, 25))
    team.steps.review(reviewed_long_ago, StepStatus.DONE)
    clock.at = at(MONDAY)
    team.steps.add(ann, "Already for today", MONDAY)

    groups = flow.yesterday(team, MONDAY)
    assert [(g.member_name, [s.text for s in g.steps]) for g in groups] == [
        ("Ann Smith", ["Ring the carer"]),
        ("Bea Jones", ["Old step nobody looked at"]),
    ]
    assert flow.looking_back_to(team, MONDAY) == FRIDAY


def test_a_step_looked_back_on_stays_in_that_huddles_list(team: Store) -> None:
    old = team.steps.add(member(team, "bea"), "Old step", date(2026, 11, 24))
    flow.mark_step(team, old, StepStatus.DONE, MONDAY)
    (group,) = flow.yesterday(team, MONDAY)
    assert [(s.text, s.status) for s in group.steps] == [("Old step", StepStatus.DONE)]


def test_holidays_are_skipped_when_looking_back(team: Store) -> None:
    team.team.add_holiday(FRIDAY, "Staff day")
    team.steps.add(member(team, "ann"), "Thursday's step", THURSDAY)
    assert flow.looking_back_to(team, MONDAY) == THURSDAY
    assert [g.member_name for g in flow.yesterday(team, MONDAY)] == ["Ann Smith"]


def test_people_away_are_listed_last_and_marked_not_here(team: Store) -> None:
    team.steps.add(member(team, "ann"), "Ann's", FRIDAY)
    team.steps.add(member(team, "bea"), "Bea's", FRIDAY)
    groups = flow.yesterday(team, MONDAY, present={member(team, "bea").id})
    assert [(g.member_name, g.present) for g in groups] == [
        ("Bea Jones", True),
        ("Ann Smith", False),
    ]


def test_not_done_carries_the_step_to_today_and_changing_the_mark_takes_it_back(
    team: Store,
) -> None:
    step = team.steps.add(member(team, "ann"), "Ring the carer", FRIDAY)
    carried = flow.mark_step(team, step, StepStatus.CARRIED, MONDAY)
    assert carried.status is StepStatus.CARRIED
    today = flow.steps_for(team, MONDAY)[step.member_id]
    assert [(s.text, s.carried_from) for s in today] == [("Ring the carer", step.id)]

    flow.mark_step(team, carried, StepStatus.DONE, MONDAY)
    assert team.steps.get(step.id).status is StepStatus.DONE
    assert flow.steps_for(team, MONDAY) == {}


def test_a_typed_line_finds_its_goal_and_person(team: Store) -> None:
    goals, members = team.goals.all(), team.members.all()
    ann = member(team, "ann")
    typed = flow.read_entry(
        "Prepare the visit questions #wait", member=ann, goals=goals, members=members
    )
    assert (typed.text, typed.member.name, typed.goal and typed.goal.title) == (
        "Prepare the visit questions",
        "Ann Smith",
        "Cut the wait for a care assessment",
    )
    for_sam = flow.read_entry("! No laptop @sam", member=ann, goals=goals, members=members)
    assert for_sam.is_blocker and for_sam.member.name == "Sam Okafor"
    with pytest.raises(HuddleError, match="no goal matches"):
        flow.read_entry("x #nothing", member=ann, goals=goals, members=members)
    with pytest.raises(HuddleError, match="the step itself"):
        flow.read_entry("#cut", member=ann, goals=goals, members=members)


def test_the_preview_says_what_will_be_saved(team: Store) -> None:
    goals, members = team.goals.all(), team.members.all()
    assert flow.preview_entry("", goals, members) == ""
    assert flow.preview_entry("Ring [TODO] #more", goals, members) == (
        "a step towards: More strengths-based assessments"
    )
    assert "no goal matches 'zzz'" in flow.preview_entry("x #zzz", goals, members)


def test_the_preview_says_whether_an_at_name_gives_the_step_away(team: Store) -> None:
    goals, members = team.goals.all(), team.members.all()
    assert flow.preview_entry("Visit flat 3 with Ann @bea", goals, members).startswith(
        "a step for Bea Jones"
    )
    inside = flow.preview_entry("Visit flat 3 with @bea before 10", goals, members)
    assert inside.startswith("a step, @bea kept as typed")
    # A comma before the goal: not "@bea kept as typed towards: Cut the wait...".
    assert flow.preview_entry("Visit flat 3 with @bea before 10 #cut", goals, members) == (
        "a step, @bea kept as typed, towards: Cut the wait for a care assessment"
    )
    assert "for Bea" not in inside
    ann = member(team, "ann")
    typed = flow.read_entry(
        "Visit flat 3 with @bea before 10 #cut", member=ann, goals=goals, members=members
    )
    assert (typed.text, typed.member.name) == ("Visit flat 3 with @bea before 10", "Ann Smith")


def test_each_goal_gets_a_short_tag_and_tab_completes_it(team: Store) -> None:
    goals = team.goals.all()
    assert sorted(flow.goal_tags(goals).values()) == ["#cut", "#more"]
    team.goals.add("Cut paperwork")
    goals = team.goals.all()
    tags = sorted(flow.goal_tags(goals).values())
    assert tags == ["#cut-paperwork", "#cut-the", "#more"]
    assert sorted(flow.tag_choices("#cu", goals, [])) == ["#cut-paperwork", "#cut-the"]
    assert flow.tag_choices("#strength", goals, []) == ["#strengths"]
    assert flow.tag_choices("#zz", goals, []) == []


def test_dropping_todays_step_keeps_a_carried_one_as_dropped(team: Store) -> None:
    ann = member(team, "ann")
    new = team.steps.add(ann, "New today", MONDAY)
    carried = team.steps.carry(team.steps.add(ann, "From Friday", FRIDAY), MONDAY)
    flow.drop_today(team, new)
    flow.drop_today(team, carried)
    assert [s.status for s in team.steps.on_day(MONDAY)] == [StepStatus.DROPPED]
    assert flow.steps_for(team, MONDAY) == {}


def test_the_streak_counts_huddle_days_held_in_a_row(team: Store) -> None:
    for day in (date(2026, 11, 23), date(2026, 11, 25), THURSDAY, FRIDAY):
        team.huddles.start(day)
    assert flow.streak(team, MONDAY) == 3  # today's huddle not held yet does not break it
    team.huddles.start(MONDAY)
    assert flow.streak(team, MONDAY) == 4


def test_a_huddle_ended_with_no_step_looked_back_on_or_planned_is_not_in_the_streak(
    team: Store, clock: FixedClock
) -> None:
    ann = member(team, "ann")
    for day in (THURSDAY, FRIDAY):
        team.huddles.start(day)
        team.huddles.end(day)
    thursdays = team.steps.add(ann, "Thursday's step", THURSDAY)
    assert flow.streak(team, MONDAY) == 0  # Friday ended with nothing: it breaks the run
    clock.at = at(FRIDAY, 9, 5)
    flow.mark_step(team, thursdays, StepStatus.DONE, FRIDAY)
    clock.at = at(MONDAY)
    assert flow.streak(team, MONDAY) == 2  # Friday looked back on Thursday's step
    team.huddles.start(MONDAY)
    assert flow.streak(team, MONDAY) == 3  # under way: it counts until it ends empty
    team.huddles.end(MONDAY)
    assert flow.streak(team, MONDAY) == 2
    team.steps.add(ann, "Monday's step", MONDAY)
    assert flow.streak(team, MONDAY) == 3


def test_wrap_up_shows_the_streak_the_end_will_give(team: Store) -> None:
    ann = member(team, "ann")
    team.huddles.start(FRIDAY)
    team.steps.add(ann, "Friday's step", FRIDAY)
    flow.start(team, MONDAY)
    assert flow.wrap_up(team, MONDAY, seconds_taken=60).streak == 1  # nothing done yet
    team.steps.add(ann, "Monday's step", MONDAY)
    assert flow.wrap_up(team, MONDAY, seconds_taken=60).streak == 2


def test_wrap_up_counts_what_the_huddle_did(team: Store) -> None:
    ann, bea, sam = (member(team, n) for n in ("ann", "bea", "sam"))
    team.absences.add(sam, MONDAY, reason="off shift")
    flow.start(team, MONDAY)
    done = team.steps.add(ann, "Done one", FRIDAY)
    carried = team.steps.add(bea, "Carried one", FRIDAY)
    team.steps.add(sam, "Sam's, untouched", FRIDAY)
    flow.mark_step(team, done, StepStatus.DONE, MONDAY)
    flow.mark_step(team, carried, StepStatus.CARRIED, MONDAY)
    team.steps.add(ann, "New one", MONDAY)
    blocker = team.blockers.raise_blocker(bea, "No laptop")
    team.blockers.escalate(blocker, "Needs a budget", who="Ann Smith")
    rota = team.blockers.raise_blocker(sam, "The rota is not in the calendar")
    team.blockers.take_ownership(rota, ann, who="Ann Smith", at_huddle=MONDAY)
    team.blockers.resolve(rota, "Added it", who="Ann Smith", at_huddle=MONDAY)

    summary = flow.wrap_up(team, MONDAY, seconds_taken=700)
    assert summary.reviewed == {
        StepStatus.DONE: 1,
        StepStatus.PARTLY: 0,
        StepStatus.CARRIED: 1,
        StepStatus.DROPPED: 0,
        StepStatus.PLANNED: 0,
    }
    assert summary.steps_today == 2
    # Owned and resolved at the huddle count too (before, Wrap-up left them out).
    assert (
        summary.blockers_raised,
        summary.blockers_owned,
        summary.blockers_sent_up,
        summary.blockers_resolved,
    ) == (2, 1, 1, 1)
    assert summary.present == ("Ann Smith", "Bea Jones")
    assert summary.away == ("Sam Okafor",)
    assert (summary.timebox_seconds, summary.steps_taken_total, summary.streak) == (900, 1, 1)


def test_the_timebox_counts_only_while_running_and_turns_amber_then_over() -> None:
    box = timebox.Timebox(limit_seconds=15 * 60)
    box.tick(at(MONDAY))
    box.tick(at(MONDAY, 9, 12))
    assert (box.remaining, box.state) == (180, timebox.TimeLeft.OK)
    box.move_to(
        Stage.YESTERDAY,
        at(
            MONDAY,
            9,
            13,
        ),
    )
    assert box.state is timebox.TimeLeft.AMBER
    box.toggle_pause(at(MONDAY, 9, 13))
    box.tick(at(MONDAY, 9, 40))
    assert box.remaining == 120
    box.toggle_pause(at(MONDAY, 9, 40))
    box.tick(at(MONDAY, 9, 43))
    assert (box.remaining, box.state) == (-60, timebox.TimeLeft.OVER)
    assert box.in_stage(Stage.WHO) == 13 * 60
    assert box.in_stage(Stage.YESTERDAY) == 3 * 60
    box.halt(at(MONDAY, 9, 43))
    box.tick(at(MONDAY, 10, 0))  # time with the screen left is not counted
    assert box.seconds == 16 * 60


def test_the_timebox_resumes_from_what_was_saved(team: Store) -> None:
    flow.start(team, MONDAY)
    team.huddles.save_timer(
        MONDAY, 301.5, paused=True, stage_seconds={Stage.WHO: 60, Stage.YESTERDAY: 241.5}
    )
    box = timebox.Timebox.resume(team.huddles.timer(MONDAY), limit_minutes=15, stage=Stage.TODAY)
    assert (box.seconds, box.paused, box.in_stage(Stage.YESTERDAY)) == (301.5, True, 241.5)
    assert timebox.clock_text(box.remaining) == "9:58"
    assert timebox.clock_text(-3725) == "1:02:05"


def test_drafts_are_kept_per_person_until_the_step_is_saved(team: Store) -> None:
    ann, bea = member(team, "ann"), member(team, "bea")
    team.drafts.save(MONDAY, {ann.id: "half a thought [TODO]", bea.id: "another"})
    team.drafts.save(MONDAY, {bea.id: "  "})
    assert team.drafts.on(MONDAY) == {ann.id: "half a thought [TODO]"}
    team.steps.add(
        ann, "half a thought [TODO]", MONDAY, clear_draft=(ann.id, "half a thought [TODO]")
    )
    assert team.drafts.on(MONDAY) == {}


def test_an_absence_cannot_end_before_it_starts(team: Store) -> None:
    with pytest.raises(HuddleError, match="end before"):
        team.absences.add(member(team, "ann"), MONDAY, FRIDAY)


def test_tab_offers_at_most_ten_choices_in_a_big_team() -> None:
    members = [Member(f"m{i}", f"Aisha Khan {i}", Role.PRACTITIONER, True) for i in range(3000)]
    choices = flow.tag_choices("@ai", [], members)
    assert choices == [f"@aisha-khan-{i}" for i in range(10)]

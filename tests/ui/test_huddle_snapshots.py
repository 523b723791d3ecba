"""What each stage of the huddle looks like, at 100x30 on Monday 30 November 2026 at 09:00,
with a small team part-way through (and the wide, across-the-room layout once).

Update after a deliberate change: pytest tests/ui/test_huddle_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.models import StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

FRIDAY = date(2026, 11, 27)
THURSDAY = date(2026, 11, 26)
MONDAY = date(2026, 11, 30)
SIZE = (100, 30)


@pytest.fixture
def team(store: Store, clock: FixedClock) -> Store:
    """Steps from Friday (one older, never looked at), Sam away, two open blockers."""
    ann, bea, sam, pat = (store.members.find(n) for n in ("ann", "bea", "sam", "pat"))
    cut, more = store.goals.all()
    store.steps.add(ann, "Prepare the visit questions the day before [TODO]", FRIDAY, goal=cut)
    store.steps.add(bea, "Ring the carer to agree a time 📞", FRIDAY, goal=more)
    store.steps.add(bea, "Old step nobody looked at", THURSDAY)
    store.steps.add(pat, "Read the escalations [/tmp]", FRIDAY)
    store.steps.add(sam, "Write visit notes within an hour", FRIDAY)
    store.absences.add(sam, FRIDAY, date(2026, 12, 2), "annual leave")
    clock.advance(days=-4)
    laptop = store.blockers.raise_blocker(bea, "No laptop for the new starter [urgent]")
    store.blockers.escalate(laptop, "Needs budget sign-off", who="Ann Smith")
    store.blockers.answer(store.blockers.get(laptop.id), "Ordered; arrives Thursday", who="Pat")
    clock.advance(days=3)
    store.blockers.raise_blocker(ann, "The referral form asks for the NHS number twice")
    clock.advance(days=1)
    return store


def app_for(team: Store, clock: FixedClock) -> HuddleApp:
    return HuddleApp(team, clock=clock)


def test_whos_here(snap_compare, team: Store, clock: FixedClock) -> None:
    assert snap_compare(app_for(team, clock), terminal_size=SIZE, press=["h"])


@pytest.mark.parametrize("size", [(200, 50), (80, 24)], ids=["tv", "80x24"])
def test_whos_here_on_the_tv_and_a_small_terminal(
    snap_compare, team: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    assert snap_compare(app_for(team, clock), terminal_size=size, press=["h"])


def test_yesterday_part_way(snap_compare, team: Store, clock: FixedClock) -> None:
    ann = team.members.find("ann")
    (friday_step,) = [s for s in team.steps.on_day(FRIDAY) if s.member_id == ann.id]
    team.huddles.start(MONDAY)
    team.steps.review(friday_step, StepStatus.DONE, "Asking the day before saves a visit")
    assert snap_compare(app_for(team, clock), terminal_size=SIZE, press=["h", "2"])


@pytest.mark.parametrize("size", [(200, 50), (80, 24)], ids=["tv", "80x24"])
def test_yesterday_on_the_tv_and_a_small_terminal(
    snap_compare, team: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    """On the TV a card per person, marks as coloured words; at 80x24 the list."""
    ann, bea = team.members.find("ann"), team.members.find("bea")
    team.huddles.start(MONDAY)
    for step in team.steps.on_day(FRIDAY):
        if step.member_id == ann.id:
            team.steps.review(step, StepStatus.DONE, "Asking the day before saves a visit")
        elif step.member_id == bea.id:
            team.steps.review(step, StepStatus.PARTLY, "The carer asked for a later time")
    assert snap_compare(app_for(team, clock), terminal_size=size, press=["h", "2"])


def test_today_with_a_carried_step_and_a_line_being_typed(
    snap_compare, team: Store, clock: FixedClock
) -> None:
    bea = team.members.find("bea")
    carried = next(s for s in team.steps.on_day(FRIDAY) if s.member_id == bea.id)
    team.huddles.start(MONDAY)
    team.steps.carry(carried, MONDAY)

    async def type_a_line(pilot: Pilot[None]) -> None:
        await pilot.press("h", "3", "down")
        await pilot.press(*"Ask what matters first #mo")

    assert snap_compare(app_for(team, clock), terminal_size=SIZE, run_before=type_a_line)


def test_blockers(snap_compare, team: Store, clock: FixedClock) -> None:
    assert snap_compare(app_for(team, clock), terminal_size=SIZE, press=["h", "4"])


def test_wrap_up(snap_compare, team: Store, clock: FixedClock) -> None:
    ann = team.members.find("ann")
    team.huddles.start(MONDAY)
    for step in team.steps.on_day(FRIDAY):
        if step.member_id == ann.id:
            team.steps.review(step, StepStatus.DONE)
    team.steps.add(ann, "Book the OT visit", MONDAY)
    team.huddles.save_timer(MONDAY, 754, paused=False, stage_seconds={})
    assert snap_compare(app_for(team, clock), terminal_size=SIZE, press=["h", "5"])


def test_today_across_the_room(snap_compare, team: Store, clock: FixedClock) -> None:
    """At 160x45 the countdown is large and the person's name has room around it."""
    team.huddles.start(MONDAY)
    team.huddles.save_timer(MONDAY, 13 * 60 + 30, paused=False, stage_seconds={})
    assert snap_compare(app_for(team, clock), terminal_size=(160, 45), press=["h", "3"])


def test_today_on_a_small_terminal(snap_compare, team: Store, clock: FixedClock) -> None:
    assert snap_compare(app_for(team, clock), terminal_size=(80, 24), press=["h", "3"])


def test_today_on_the_tv_with_the_board(snap_compare, team: Store, clock: FixedClock) -> None:
    """At 200x50: the speaker in block letters, then everyone's steps so far as cards."""
    ann, pat = team.members.find("ann"), team.members.find("pat")
    cut, more = team.goals.all()
    team.huddles.start(MONDAY)
    team.steps.add(ann, "Book the OT visit for Mrs [B] before Friday", MONDAY, goal=cut)
    clock.advance(seconds=1)  # steps saved at the same moment come in no fixed order
    team.steps.add(ann, "Ask what matters to the person first", MONDAY, goal=more)
    team.steps.add(
        pat,
        "Read every blocker sent up last week and answer the two oldest before the next"
        " huddle, so nobody waits more than five days for an answer",
        MONDAY,
    )
    team.huddles.save_timer(MONDAY, 9 * 60 + 30, paused=False, stage_seconds={})

    async def bea_types(pilot: Pilot[None]) -> None:
        await pilot.press("h", "3")
        await pilot.press(*"Ring the carer #mo")

    assert snap_compare(app_for(team, clock), terminal_size=(200, 50), run_before=bea_types)

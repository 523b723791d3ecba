"""The team's file: what goes in comes back out, safely, under two writers, and never twice."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from huddle.core.calendar import FixedClock
from huddle.core.matching import match_one
from huddle.core.models import (
    Ambiguous,
    BlockerStatus,
    DateOrder,
    GoalStatus,
    HuddleError,
    InvalidMove,
    NotFound,
    Role,
    Source,
    StepStatus,
)
from huddle.core.store import Store, StoreError
from huddle.core.store.db import BUSY_TIMEOUT_MS, Db

WEDNESDAY = date(2026, 11, 25)  # "today" in these tests
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)
HUDDLE_TABLES = {
    "team",
    "holidays",
    "members",
    "goals",
    "steps",
    "blockers",
    "blocker_events",
    "huddles",
    "attendance",
}


def count(store: Store, table: str) -> int:
    return int(store.db.value(f"SELECT count(*) FROM {table}"))


def raw_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the file the way a person would with the sqlite3 shell, bypassing Huddle."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# A new file.


def test_new_file_gets_every_table_and_the_one_team_row(store: Store, db_path: Path) -> None:
    tables = {row[0] for row in raw_rows(db_path, "SELECT name FROM sqlite_master")}
    assert tables >= HUDDLE_TABLES
    assert raw_rows(db_path, "SELECT id, name, huddle_days, timebox_minutes FROM team") == [
        (1, "", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 15)
    ]
    assert store.is_empty()


def test_reopening_a_file_applies_no_migration_again(db_path: Path, clock: FixedClock) -> None:
    Store.open(db_path, clock=clock).close()
    applied = raw_rows(db_path, "SELECT name, applied_at FROM _sqlite_migrations")
    assert applied[0][0] == "0001_initial"
    Store.open(db_path, clock=clock).close()
    assert raw_rows(db_path, "SELECT name, applied_at FROM _sqlite_migrations") == applied


def test_an_empty_file_made_by_touch_becomes_a_huddle_file(
    db_path: Path, clock: FixedClock
) -> None:
    db_path.touch()
    opened = Store.open(db_path, clock=clock)
    try:
        assert opened.team.get().timebox_minutes == 15
    finally:
        opened.close()


def test_new_file_is_readable_by_its_owner_alone(store: Store, db_path: Path) -> None:
    store.members.add("Ann Smith")  # a write makes the -wal file too
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    wal = db_path.with_name(db_path.name + "-wal")
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_missing_folders_are_created(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "care" / "north team" / "huddle.db"
    opened = Store.open(path, clock=clock)
    opened.close()
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_file_is_opened_in_wal_mode_with_foreign_keys_and_a_busy_timeout(store: Store) -> None:
    assert store.db.value("PRAGMA journal_mode") == "wal"
    assert store.db.value("PRAGMA foreign_keys") == 1
    assert store.db.value("PRAGMA busy_timeout") >= 5000
    assert BUSY_TIMEOUT_MS >= 5000


def test_a_step_for_nobody_is_refused_by_the_foreign_key(store: Store) -> None:
    with pytest.raises(StoreError, match="can't save"), store.db.write() as conn:
        conn.execute(
            "INSERT INTO steps (id, member_id, text, day, created_at, updated_at)"
            " VALUES ('x', 'nobody', 'a step', '2026-11-25', '', '')"
        )
    assert count(store, "steps") == 0


def test_another_programs_sqlite_file_is_refused_and_left_alone(
    tmp_path: Path, clock: FixedClock
) -> None:
    other = tmp_path / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as raised:
        Store.open(other, clock=clock)
    assert str(raised.value) == f"{other} is not a Huddle database"
    assert raw_rows(other, "SELECT name FROM sqlite_master") == [("contacts",)]


def test_a_junk_file_is_refused_with_one_line(tmp_path: Path, clock: FixedClock) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"Shopping list: milk, bread, eggs.\n" * 200)
    with pytest.raises(StoreError) as raised:
        Store.open(junk, clock=clock)
    message = str(raised.value)
    assert "\n" not in message
    assert "not a Huddle database" in message
    assert junk.read_bytes().startswith(b"Shopping list")


def test_a_read_only_connection_says_read_only_and_writes_nothing(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    store.members.add("Ann Smith")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None)
    read_only = Store(Db(conn, path=db_path, clock=clock))
    try:
        assert [m.name for m in read_only.members.all()] == ["Ann Smith"]
        with pytest.raises(StoreError, match="read-only") as raised:
            read_only.members.add("Bob Green")
        assert "\n" not in str(raised.value)
        assert not read_only.db.conn.in_transaction
    finally:
        read_only.close()
    assert [m.name for m in store.members.all()] == ["Ann Smith"]


# Round trips: what is saved comes back as it was.


def test_team_settings_round_trip_and_survive_reopening(store: Store, db_path: Path) -> None:
    store.team.update(
        name="North assessment team",
        huddle_days="FREQ=WEEKLY;BYDAY=MO,WE,FR",
        timebox_minutes=10,
        date_order=DateOrder.MONTH_FIRST,
        answer_limit_days=3,
    )
    store.team.update(timebox_minutes=12)  # the others stay as they are
    store.close()
    reopened = Store.open(db_path)
    try:
        settings = reopened.team.get()
    finally:
        reopened.close()
    assert settings.name == "North assessment team"
    assert settings.huddle_days == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert settings.timebox_minutes == 12
    assert settings.date_order is DateOrder.MONTH_FIRST
    assert settings.answer_limit_days == 3


@pytest.mark.parametrize("minutes", [0, 121])
def test_a_timebox_out_of_range_is_refused(memory_store: Store, minutes: int) -> None:
    with pytest.raises(HuddleError, match="1 to 120 minutes"):
        memory_store.team.update(timebox_minutes=minutes)
    assert memory_store.team.get().timebox_minutes == 15


def test_a_blank_team_name_is_refused(memory_store: Store) -> None:
    with pytest.raises(HuddleError, match="can't be empty"):
        memory_store.team.update(name="  \x07 ")
    assert memory_store.team.get().name == ""


def test_holidays_round_trip_and_change_the_calendar(memory_store: Store) -> None:
    christmas = date(2026, 12, 25)
    memory_store.team.add_holiday(christmas, "Christmas")
    memory_store.team.add_holiday(christmas, "Christmas Day")  # renamed, not doubled
    memory_store.team.add_holiday(date(2026, 12, 28), "")
    assert [(h.day, h.name) for h in memory_store.team.holidays()] == [
        (christmas, "Christmas Day"),
        (date(2026, 12, 28), ""),
    ]
    assert memory_store.calendar().next_huddle_day(date(2026, 12, 24)) == date(2026, 12, 29)
    memory_store.team.remove_holiday(date(2026, 12, 28))
    assert memory_store.calendar().next_huddle_day(date(2026, 12, 24)) == date(2026, 12, 28)
    with pytest.raises(HuddleError, match="Mon 28 Dec 2026 is not a holiday"):
        memory_store.team.remove_holiday(date(2026, 12, 28))


def test_members_round_trip_rename_change_role_and_retire(store: Store) -> None:
    ann = store.members.add("  Ann   Smith ", Role.LEAD)
    assert ann.name == "Ann Smith"
    assert store.members.get(ann.id) == ann
    sam = store.members.add("Sam Patel")
    assert sam.role is Role.PRACTITIONER
    sam = store.members.set_role(sam, Role.MANAGER)
    renamed = store.members.rename(ann, "Ann Smith-Jones")
    assert renamed.id == ann.id
    store.members.set_active(sam, False)
    assert [m.name for m in store.members.all()] == ["Ann Smith-Jones"]
    everyone = store.members.all(active_only=False)
    assert [(m.name, m.role, m.active) for m in everyone] == [
        ("Ann Smith-Jones", Role.LEAD, True),
        ("Sam Patel", Role.MANAGER, False),
    ]


def test_a_second_member_with_the_same_name_in_other_case_is_refused(store: Store) -> None:
    store.members.add("Ann Smith")
    with pytest.raises(HuddleError, match="already a member called ann smith"):
        store.members.add("ann smith")
    bob = store.members.add("Bob Green")
    with pytest.raises(HuddleError, match="already a member"):
        store.members.rename(bob, "ANN SMITH")
    assert count(store, "members") == 2


def test_goals_round_trip_and_a_retired_goal_is_not_offered(store: Store) -> None:
    wait = store.goals.add(
        "Cut the wait for a care assessment",
        why="People wait weeks for a first visit",
        how_we_know="Median wait under 14 days",
        target_date=date(2027, 6, 1),
    )
    assert store.goals.get(wait.id) == wait
    assert (wait.why, wait.how_we_know, wait.target_date, wait.status) == (
        "People wait weeks for a first visit",
        "Median wait under 14 days",
        date(2027, 6, 1),
        GoalStatus.ACTIVE,
    )
    strengths = store.goals.add("More strengths-based assessments")
    store.goals.set_status(strengths, GoalStatus.RETIRED)
    assert [g.title for g in store.goals.all()] == ["Cut the wait for a care assessment"]
    assert len(store.goals.all(active_only=False)) == 2
    with pytest.raises(HuddleError, match="already a goal"):
        store.goals.add("cut the wait for a care assessment")


def test_a_step_round_trips_with_its_goal_category_and_source(team: Store) -> None:
    ann = team.members.find("ann smith")
    wait = team.goals.find("wait")
    step = team.steps.add(
        ann,
        "Prepare the visit questions the day before",
        WEDNESDAY,
        goal=wait,
        category="preparation",
        source=Source.PERSON_SUPPORTED,
    )
    [stored] = team.steps.on_day(WEDNESDAY)
    assert stored == step
    assert (stored.member_name, stored.goal_title, stored.category, stored.source) == (
        "Ann Smith",
        "Cut the wait for a care assessment",
        "preparation",
        Source.PERSON_SUPPORTED,
    )
    assert (stored.status, stored.learning, stored.carried_from) == (StepStatus.PLANNED, "", None)
    assert stored.created_at == team.clock.now().replace(microsecond=0)


def test_reviewing_a_step_keeps_what_was_learned_and_counts_it_taken(team: Store) -> None:
    ann = team.members.find("ann smith")
    step = team.steps.add(ann, "Write visit notes within an hour", WEDNESDAY)
    assert team.steps.unreviewed_before(FRIDAY) == [step]
    done = team.steps.review(step, StepStatus.DONE, "Notes were clearer written the same hour")
    assert done.status is StepStatus.DONE
    assert done.learning == "Notes were clearer written the same hour"
    assert team.steps.unreviewed_before(FRIDAY) == []
    assert team.trends.total_taken() == 1
    with pytest.raises(HuddleError, match="carry it instead"):
        team.steps.review(done, StepStatus.CARRIED)


def test_a_planned_step_can_be_taken_back_but_a_reviewed_one_stays(team: Store) -> None:
    ann = team.members.find("ann smith")
    mistake = team.steps.add(ann, "Typo", WEDNESDAY)
    kept = team.steps.review(team.steps.add(ann, "Kept", WEDNESDAY), StepStatus.DROPPED)
    team.steps.delete(mistake)
    team.steps.delete(kept)
    assert [s.text for s in team.steps.on_day(WEDNESDAY)] == ["Kept"]


def test_a_step_saved_twice_with_the_same_id_stays_one_row(team: Store) -> None:
    ann = team.members.find("ann smith")
    first = team.steps.add(ann, "Call the OT back", WEDNESDAY, step_id="retry-after-crash")
    again = team.steps.add(ann, "Call the OT back", WEDNESDAY, step_id="retry-after-crash")
    assert again == first
    assert count(team, "steps") == 1


def test_a_blocker_raised_twice_with_the_same_id_stays_one_row_with_one_history_line(
    team: Store,
) -> None:
    sam = team.members.find("sam")
    team.blockers.raise_blocker(sam, "The form asks twice", blocker_id="b-retry")
    blocker = team.blockers.raise_blocker(sam, "The form asks twice", blocker_id="b-retry")
    assert count(team, "blockers") == 1
    assert len(team.blockers.history(blocker)) == 1


@pytest.mark.parametrize(
    "typed",
    [
        "[TODO]",
        "[/tmp]",
        "[bold red]not bold[/]",
        "Check the 🏠 visit list 🎉",
        "Robert'); DROP TABLE steps;--",
        "50% of 'urgent' referrals <2 days>",
        "Zoë’s café — naïve façade",
    ],
)
def test_odd_text_is_kept_literally(team: Store, typed: str) -> None:
    ann = team.members.find("ann smith")
    team.steps.add(ann, typed, WEDNESDAY)
    assert [s.text for s in team.steps.on_day(WEDNESDAY)] == [typed]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("\x1b[31mred alert\x1b[0m", "[31mred alert[0m"),
        ("ring\x07 the bell", "ring the bell"),
        ("two\nlines", "two lines"),
        ("tab\tand\r\nreturn", "tab and return"),
        ("\x00null\x7f and \x9bCSI", "null and CSI"),
    ],
)
def test_control_and_escape_characters_are_stripped(team: Store, typed: str, kept: str) -> None:
    ann = team.members.find("ann smith")
    step = team.steps.add(ann, typed, WEDNESDAY)
    assert step.text == kept
    blocker = team.blockers.raise_blocker(ann, typed)
    assert blocker.text == kept


def test_a_100_kb_step_is_refused_and_nothing_is_written(team: Store) -> None:
    ann = team.members.find("ann smith")
    with pytest.raises(HuddleError) as raised:
        team.steps.add(ann, "x" * 100_000, WEDNESDAY)
    assert str(raised.value) == "a step is 100,000 characters; keep it under 2,000"
    with pytest.raises(HuddleError, match="keep it under 2,000"):
        team.blockers.raise_blocker(ann, "y" * 100_000)
    assert count(team, "steps") == 0
    assert count(team, "blockers") == 0
    assert count(team, "blocker_events") == 0


def test_an_empty_step_is_refused(team: Store) -> None:
    ann = team.members.find("ann smith")
    with pytest.raises(HuddleError, match="a step can't be empty"):
        team.steps.add(ann, " \n\t\x1b ", WEDNESDAY)
    assert count(team, "steps") == 0


# Carrying a step that was not done.


def test_a_step_not_done_is_carried_to_the_next_huddle_day(team: Store) -> None:
    ann = team.members.find("ann smith")
    wait = team.goals.find("wait")
    step = team.steps.add(ann, "Phone the carer", FRIDAY, goal=wait, category="process")
    carried = team.steps.carry(step, team.calendar().next_huddle_day(FRIDAY))
    assert carried.day == MONDAY
    assert carried.status is StepStatus.PLANNED
    assert carried.carried_from == step.id
    assert (carried.text, carried.goal_id, carried.category) == (
        "Phone the carer",
        wait.id,
        "process",
    )
    assert team.steps.get(step.id).status is StepStatus.CARRIED
    assert [s.id for s in team.steps.on_day(MONDAY)] == [carried.id]


def test_carrying_the_same_step_twice_makes_one_copy(team: Store) -> None:
    ann = team.members.find("ann smith")
    step = team.steps.add(ann, "Phone the carer", FRIDAY)
    first = team.steps.carry(step, MONDAY)
    again = team.steps.carry(step, MONDAY)  # `step` is stale: it still says planned
    assert again.id == first.id
    assert len(team.steps.on_day(MONDAY)) == 1


# Blockers move through their life, and their history is never rewritten.


def test_a_blocker_goes_up_to_management_and_back_with_its_history(team: Store) -> None:
    sam = team.members.find("sam")
    ann = team.members.find("ann smith")
    blocker = team.blockers.raise_blocker(sam, "The referral form asks for the NHS number twice")
    assert blocker.status is BlockerStatus.OPEN
    assert blocker.raised_on == WEDNESDAY
    blocker = team.blockers.take_ownership(blocker, ann, who="Ann Smith")
    assert (blocker.status, blocker.owner_name) == (BlockerStatus.OWNED, "Ann Smith")
    blocker = team.blockers.escalate(blocker, "Only the systems team can change it", who="Ann")
    assert (blocker.escalated_to, blocker.escalation_reason) == (
        "management",
        "Only the systems team can change it",
    )
    blocker = team.blockers.answer(blocker, "Change requested for the March release", who="Pat")
    assert (blocker.answer, blocker.answered_by) == (
        "Change requested for the March release",
        "Pat",
    )
    blocker = team.blockers.resolve(blocker, "Field removed", who="Ann")
    assert blocker.status is BlockerStatus.RESOLVED
    assert team.blockers.open() == []
    history = team.blockers.history(blocker)
    assert [(e.status_from, e.status_to) for e in history] == [
        (None, BlockerStatus.OPEN),
        (BlockerStatus.OPEN, BlockerStatus.OWNED),
        (BlockerStatus.OWNED, BlockerStatus.ESCALATED),
        (BlockerStatus.ESCALATED, BlockerStatus.ANSWERED),
        (BlockerStatus.ANSWERED, BlockerStatus.RESOLVED),
    ]
    assert history[3].who == "Pat"
    assert history[3].note == "Change requested for the March release"
    reopened = team.blockers.reopen(blocker, "It came back after the upgrade", who="Sam")
    assert reopened.status is BlockerStatus.OPEN
    assert len(team.blockers.history(blocker)) == 6
    assert [b.id for b in team.blockers.open()] == [blocker.id]


def test_a_blocker_cannot_be_answered_before_it_is_sent_up(team: Store) -> None:
    sam = team.members.find("sam")
    blocker = team.blockers.raise_blocker(sam, "No laptop for visits")
    with pytest.raises(InvalidMove) as raised:
        team.blockers.answer(blocker, "Ordered", who="Pat")
    assert "is open; it can't become answered" in str(raised.value)
    assert team.blockers.get(blocker.id).status is BlockerStatus.OPEN
    assert team.blockers.get(blocker.id).answer == ""
    assert len(team.blockers.history(blocker)) == 1


def test_a_move_is_checked_against_the_file_not_a_stale_copy(team: Store) -> None:
    sam = team.members.find("sam")
    stale = team.blockers.raise_blocker(sam, "No laptop for visits")
    team.blockers.resolve(stale, "Laptop arrived", who="Sam")
    with pytest.raises(InvalidMove, match="is resolved"):
        team.blockers.escalate(stale, "Still waiting", who="Sam")  # `stale` still says open
    assert len(team.blockers.history(stale)) == 2


def test_sending_a_blocker_up_needs_a_reason(team: Store) -> None:
    sam = team.members.find("sam")
    blocker = team.blockers.raise_blocker(sam, "No laptop for visits")
    with pytest.raises(HuddleError, match="can't be empty"):
        team.blockers.escalate(blocker, "   ", who="Sam")
    assert team.blockers.get(blocker.id).status is BlockerStatus.OPEN


def test_blocker_history_refuses_to_be_rewritten_or_deleted(team: Store) -> None:
    sam = team.members.find("sam")
    blocker = team.blockers.raise_blocker(sam, "No laptop for visits")
    with pytest.raises(StoreError, match="append-only"), team.db.write() as conn:
        conn.execute("UPDATE blocker_events SET note = 'nothing happened'")
    with pytest.raises(StoreError, match="append-only"), team.db.write() as conn:
        conn.execute("DELETE FROM blocker_events")
    [event] = team.blockers.history(blocker)
    assert event.note == "No laptop for visits"


def test_a_blocker_is_found_by_the_start_of_its_id(team: Store) -> None:
    sam = team.members.find("sam")
    blocker = team.blockers.raise_blocker(sam, "No laptop for visits")
    assert team.blockers.find(blocker.short_id.upper()) == blocker
    with pytest.raises(NotFound):
        team.blockers.find("zzzz")


# The day's huddle.


def test_once_todays_huddle_has_ended_the_coming_huddle_is_the_next_day(team: Store) -> None:
    assert team.coming_huddle_day() == WEDNESDAY
    ann = team.members.find("ann smith")
    team.huddles.start(WEDNESDAY, ann)
    team.huddles.mark_attendance(WEDNESDAY, ann, True)
    team.huddles.mark_attendance(WEDNESDAY, team.members.find("sam"), False)
    assert team.coming_huddle_day() == WEDNESDAY
    team.huddles.end(WEDNESDAY)
    assert team.coming_huddle_day() == WEDNESDAY + timedelta(days=1)
    attendance = team.huddles.attendance(WEDNESDAY)
    assert sorted(attendance.values()) == [False, True]
    assert attendance[ann.id] is True


def test_on_a_saturday_the_coming_huddle_is_monday(db_path: Path) -> None:
    weekend = Store.open(db_path, clock=FixedClock(datetime(2026, 11, 28, 9).astimezone()))
    try:
        assert weekend.coming_huddle_day() == MONDAY
    finally:
        weekend.close()


# Finding what people mean by a few letters.


def test_a_member_is_found_case_insensitively_by_name(team: Store) -> None:
    assert team.members.find("ANN SMITH").name == "Ann Smith"


def test_a_member_is_found_by_a_unique_prefix(team: Store) -> None:
    assert team.members.find("sa").name == "Sam Patel"
    assert team.members.find("anne").name == "Anne Jones"


def test_a_member_is_found_by_the_start_of_their_surname(team: Store) -> None:
    assert team.members.find("pat").name == "Sam Patel"
    assert team.members.find("Jon").name == "Anne Jones"


def test_a_first_name_typed_in_full_beats_a_longer_name_it_starts(team: Store) -> None:
    assert team.members.find("ann").name == "Ann Smith"  # not Anne Jones


def test_an_ambiguous_name_lists_the_choices(team: Store) -> None:
    with pytest.raises(Ambiguous) as raised:
        team.members.find("an")
    assert str(raised.value) == "'an' could be more than one member: Ann Smith, Anne Jones"


def test_an_unknown_name_lists_close_matches(team: Store) -> None:
    with pytest.raises(NotFound) as raised:
        team.members.find("Sam Patle")
    assert str(raised.value) == "no member matches 'Sam Patle'; did you mean Sam Patel?"


def test_an_unknown_name_with_nothing_close_lists_the_team(team: Store) -> None:
    with pytest.raises(NotFound) as raised:
        team.members.find("zed")
    assert str(raised.value) == (
        "no member matches 'zed' (members: Ann Smith, Anne Jones, Sam Patel)"
    )


def test_nobody_matches_in_an_empty_team(store: Store) -> None:
    with pytest.raises(NotFound, match="there are no members yet"):
        store.members.find("ann")


def test_a_retired_member_is_only_found_when_asked(team: Store) -> None:
    team.members.set_active(team.members.find("sam"), False)
    with pytest.raises(NotFound):
        team.members.find("sam")
    assert team.members.find("sam", active_only=False).name == "Sam Patel"


def test_a_goal_is_found_by_a_word_of_its_title(team: Store) -> None:
    assert team.goals.find("wait").title == "Cut the wait for a care assessment"
    assert team.goals.find("STRENGTHS").title == "More strengths-based assessments"


def test_a_word_start_shared_by_two_goals_is_ambiguous(team: Store) -> None:
    with pytest.raises(Ambiguous, match="could be more than one goal"):
        team.goals.find("assess")


def test_matching_with_nothing_typed_or_many_candidates() -> None:
    names = [f"Worker {n}" for n in range(20)]
    with pytest.raises(NotFound, match="no member given"):
        match_one("  ", names, str, "member")
    with pytest.raises(Ambiguous) as raised:
        match_one("work", names, str, "member")
    assert len(str(raised.value).split(", ")) == 5  # the first few choices, not all twenty
    with pytest.raises(NotFound) as not_found:
        match_one("[/tmp]", names, str, "member")
    assert str(not_found.value) == "no member matches '[/tmp]'"


# Two writers on one file.


def test_two_connections_writing_at_once_both_succeed(team_file: Path, clock: FixedClock) -> None:
    db_path = team_file
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(who: str) -> None:
        own = Store.open(db_path, clock=clock)  # each thread its own connection
        try:
            member = own.members.find(who)
            start.wait()
            for n in range(60):
                own.steps.add(member, f"{who} step {n}", WEDNESDAY)
                if n % 10 == 0:  # a read-then-write: the status is checked, then moved
                    blocker = own.blockers.raise_blocker(member, f"{who} blocker {n}")
                    own.blockers.resolve(blocker, "sorted", who=who)
        except BaseException as error:
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(who,)) for who in ("ann smith", "sam")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert raw_rows(db_path, "SELECT count(*) FROM steps") == [(120,)]
    assert raw_rows(db_path, "SELECT status, count(*) FROM blockers GROUP BY status") == [
        ("resolved", 12)
    ]


def test_a_write_waits_for_another_process_holding_the_lock(team: Store, db_path: Path) -> None:
    blocker = team.blockers.raise_blocker(team.members.find("sam"), "No laptop")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"conn = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
            "conn.execute('BEGIN IMMEDIATE')\n"
            "conn.execute(\"UPDATE team SET name = 'Renamed elsewhere'\")\n"
            "print('locked', flush=True)\n"
            "time.sleep(0.5)\n"
            "conn.execute('COMMIT')\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        # A read-then-write (the status is read, then the move written) while the other
        # process holds the write lock: a deferred transaction would fail "database is locked".
        team.blockers.resolve(blocker, "Arrived", who="Sam")
        waited = time.monotonic() - started
    finally:
        assert holder.wait(timeout=10) == 0
    assert waited > 0.2  # it waited for the lock instead of failing
    assert team.blockers.get(blocker.id).status is BlockerStatus.RESOLVED
    assert team.team.get().name == "Renamed elsewhere"


def test_another_connections_write_is_noticed(team: Store, db_path: Path) -> None:
    seen, version = team.changed_since(team.db.data_version())
    assert not seen
    other = Store.open(db_path, clock=team.clock)
    try:
        other.members.add("Bob Green")
    finally:
        other.close()
    changed, _ = team.changed_since(version)
    assert changed
    assert "Bob Green" in [m.name for m in team.members.all()]


def test_schema_version_counts_every_migration(tmp_path: Path) -> None:
    from huddle.core.migrations import migrations
    from huddle.core.store.db import SCHEMA_VERSION

    store = Store.open(tmp_path / "team.db")
    assert len(migrations.applied(store.db.utils)) == SCHEMA_VERSION
    assert store.db.value("PRAGMA user_version") == SCHEMA_VERSION
    store.close()

"""The tables as Huddle first shipped them (schema 1), as SQL. Once a version has shipped
its list is frozen; a change is a new list in schema_upgrades.py, applied by a new
migration."""

from __future__ import annotations

from huddle.core.calendar import WEEKDAYS_RULE
from huddle.core.schema import (
    BLOCKERS_SEARCH,
    PULSE_FACTORS,
    STEP_TALLIES,
    STEPS_SEARCH,
    search_index,
    tally_triggers,
)

SCHEMA_1 = [
    f"""CREATE TABLE team (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        huddle_days TEXT NOT NULL DEFAULT '{WEEKDAYS_RULE}',
        timebox_minutes INTEGER NOT NULL DEFAULT 15,
        date_order TEXT NOT NULL DEFAULT 'day-first',
        answer_limit_days INTEGER NOT NULL DEFAULT 2
    )""",
    "INSERT INTO team (id) VALUES (1)",
    """CREATE TABLE holidays (
        day TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE members (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL DEFAULT 'practitioner',
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE goals (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL UNIQUE COLLATE NOCASE,
        why TEXT NOT NULL DEFAULT '',
        how_we_know TEXT NOT NULL DEFAULT '',
        target_date TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE steps (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        goal_id TEXT REFERENCES goals(id),
        text TEXT NOT NULL,
        category TEXT,
        source TEXT NOT NULL DEFAULT 'practitioner',
        day TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned',
        learning TEXT NOT NULL DEFAULT '',
        carried_from TEXT REFERENCES steps(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX steps_by_day ON steps (day, member_id)",
    "CREATE INDEX steps_by_status ON steps (status, day)",
    "CREATE INDEX steps_by_goal ON steps (goal_id, day)",
    """CREATE TABLE blockers (
        id TEXT PRIMARY KEY,
        raised_by TEXT NOT NULL REFERENCES members(id),
        text TEXT NOT NULL,
        category TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        owner_id TEXT REFERENCES members(id),
        escalation_reason TEXT NOT NULL DEFAULT '',
        escalated_to TEXT NOT NULL DEFAULT '',
        answer TEXT NOT NULL DEFAULT '',
        answered_by TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT '',
        raised_on TEXT NOT NULL,
        escalated_at TEXT,
        answered_at TEXT,
        answer_seen_at TEXT,
        resolved_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX blockers_by_status ON blockers (status, raised_on)",
    """CREATE TABLE blocker_events (
        id TEXT PRIMARY KEY,
        blocker_id TEXT NOT NULL REFERENCES blockers(id),
        at TEXT NOT NULL,
        who TEXT NOT NULL DEFAULT '',
        status_from TEXT,
        status_to TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX blocker_events_by_blocker ON blocker_events (blocker_id, at)",
    """CREATE TRIGGER blocker_events_append_only_update BEFORE UPDATE ON blocker_events
       BEGIN SELECT RAISE(ABORT, 'blocker history is append-only'); END""",
    """CREATE TRIGGER blocker_events_append_only_delete BEFORE DELETE ON blocker_events
       BEGIN SELECT RAISE(ABORT, 'blocker history is append-only'); END""",
    """CREATE TABLE huddles (
        day TEXT PRIMARY KEY,
        started_at TEXT,
        ended_at TEXT,
        facilitator_id TEXT REFERENCES members(id),
        stage TEXT NOT NULL DEFAULT 'who',
        timer_seconds REAL NOT NULL DEFAULT 0,
        timer_paused INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE attendance (
        day TEXT NOT NULL REFERENCES huddles(day),
        member_id TEXT NOT NULL REFERENCES members(id),
        present INTEGER NOT NULL,
        PRIMARY KEY (day, member_id)
    )""",
    "CREATE INDEX attendance_by_member ON attendance (member_id, day)",
    # Full-text search (FTS5) over steps and blockers, kept in step by triggers; named as
    # sqlite-utils names them, so Datasette offers search on these tables too.
    *search_index(*STEPS_SEARCH),
    *search_index(*BLOCKERS_SEARCH),
    # Every digest written for management: the next one starts where the last one ended.
    """CREATE TABLE digests (
        id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        format TEXT NOT NULL,
        names_left_out INTEGER NOT NULL DEFAULT 0,
        written_to TEXT NOT NULL DEFAULT '',
        written_at TEXT NOT NULL
    )""",
    "CREATE INDEX blocker_events_by_time ON blocker_events (at, status_to)",
    # --- Trends, goals' progress, PDSA cycles and the Kaizen pulse (issue 6) ---
    # step_tallies: the steps of each day and goal counted by triggers, so a trend over five
    # years reads ~10,000 small rows, never the 260,000 steps. goal_id '' is "no goal".
    # Steps must never be written with INSERT OR REPLACE (it deletes without the trigger).
    f"""CREATE TABLE step_tallies (
        day TEXT NOT NULL,
        goal_id TEXT NOT NULL DEFAULT '',
        {", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in STEP_TALLIES)},
        PRIMARY KEY (day, goal_id)
    ) WITHOUT ROWID""",
    *tally_triggers(),
    "CREATE INDEX steps_learned_by_goal ON steps (goal_id, day) WHERE learning != ''",
    "CREATE INDEX blockers_by_raised_on ON blockers (raised_on)",
    "CREATE INDEX attendance_by_day ON attendance (day, present)",
    # The pulse day: the weekday from which the week's pulse is asked at wrap-up; '' is off.
    "ALTER TABLE team ADD COLUMN pulse_day TEXT NOT NULL DEFAULT 'FR'",
    # Pulse answers carry no member and no time, and a random key, so nobody can read back
    # one person's answers; pulse_taken only says who has answered in a week.
    f"""CREATE TABLE pulse_answers (
        week TEXT NOT NULL,
        id TEXT NOT NULL,
        {", ".join(f"{name} INTEGER CHECK ({name} BETWEEN 1 AND 5)" for name in PULSE_FACTORS)},
        PRIMARY KEY (week, id)
    ) WITHOUT ROWID""",
    """CREATE TABLE pulse_taken (
        week TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members(id),
        PRIMARY KEY (week, member_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE pdsa_cycles (
        id TEXT PRIMARY KEY,
        goal_id TEXT REFERENCES goals(id),
        change TEXT NOT NULL,
        prediction TEXT NOT NULL DEFAULT '',
        study TEXT NOT NULL DEFAULT '',
        act TEXT CHECK (act IN ('adopt', 'adapt', 'abandon')),
        act_note TEXT NOT NULL DEFAULT '',
        decided_on TEXT,
        adapted_from TEXT REFERENCES pdsa_cycles(id),
        started_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX pdsa_cycles_by_start ON pdsa_cycles (started_on)",
    """CREATE TABLE pdsa_steps (
        cycle_id TEXT NOT NULL REFERENCES pdsa_cycles(id) ON DELETE CASCADE,
        step_id TEXT NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
        PRIMARY KEY (cycle_id, step_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX pdsa_steps_by_step ON pdsa_steps (step_id)",
    """CREATE TABLE sustainment_checks (
        cycle_id TEXT NOT NULL REFERENCES pdsa_cycles(id) ON DELETE CASCADE,
        after_days INTEGER NOT NULL,
        due_on TEXT NOT NULL,
        in_place INTEGER,
        checked_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (cycle_id, after_days)
    ) WITHOUT ROWID""",
    "CREATE INDEX sustainment_checks_open ON sustainment_checks (due_on) WHERE checked_on IS NULL",
    # The guided huddle (issue 3): who is away, typed text not yet saved, time per stage.
    """CREATE TABLE absences (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX absences_by_day ON absences (last_day, first_day)",
    """CREATE TABLE drafts (
        day TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members(id),
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (day, member_id)
    )""",
    """CREATE TABLE stage_times (
        day TEXT NOT NULL REFERENCES huddles(day),
        stage TEXT NOT NULL,
        seconds REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (day, stage)
    )""",
    # The huddle day a step was looked back on, so that huddle can show it again.
    "ALTER TABLE steps ADD COLUMN reviewed_on TEXT",
    # Minutes for each stage of the huddle (issue 7); the team's timebox is their total.
    """CREATE TABLE stage_minutes (
        stage TEXT PRIMARY KEY,
        minutes INTEGER NOT NULL
    )""",
    # Text typed in a huddle dialog (what was learned, why a blocker goes up, ...) and not yet
    # saved, by what the dialog is for ("learning:<step id>"), so a crash loses none of it.
    """CREATE TABLE dialog_drafts (
        purpose TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
]

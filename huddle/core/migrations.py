"""The schema, one migration per shipped version. Never edit a shipped migration:
add a new one below it."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from huddle.core.calendar import WEEKDAYS_RULE

migrations = Migrations("huddle")


def _search_index(table: str, columns: tuple[str, ...], on_update: str) -> list[str]:
    """An external-content FTS5 table `<table>_fts` over `columns`, with its triggers."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5 ({cols}, content={table},"
        " tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN"
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN"
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER {table}_au {on_update} BEGIN"
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
    ]


_SCHEMA_1 = [
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
    *_search_index("steps", ("text", "learning"), "AFTER UPDATE OF text, learning ON steps"),
    *_search_index(
        "blockers",
        ("text", "escalation_reason", "answer", "resolution"),
        "AFTER UPDATE OF text, escalation_reason, answer, resolution ON blockers",
    ),
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
]


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    for statement in _SCHEMA_1:
        db.execute(statement)

"""The tables, as SQL: what each schema version creates. Plain constants, so the store can
name columns (PULSE_FACTORS, STEP_TALLIES) without loading sqlite-utils. Once a version has
shipped its list is frozen; a change is a new list, applied by a new migration."""

from __future__ import annotations

from huddle.core.calendar import WEEKDAYS_RULE
from huddle.core.models import Source


def _search_index(
    table: str, columns: tuple[str, ...], on_update: str, *, quoted: bool = False
) -> list[str]:
    """An external-content FTS5 table `<table>_fts` over `columns`, with its triggers.
    `quoted`: content="table", as sqlite-utils and Datasette look for it (from schema 2)."""
    cols = ", ".join(columns)
    content = f'"{table}"' if quoted else table
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5 ({cols}, content={content},"
        " tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN"  # noqa: S608 DDL from this module's fixed names
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN"  # noqa: S608 DDL from this module's fixed names
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER {table}_au {on_update} BEGIN"  # noqa: S608 DDL from this module's fixed names
        f" INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
        f" INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
    ]


def _search_index_again(table: str, columns: tuple[str, ...], on_update: str) -> list[str]:
    """The search index made again, with content="table", and filled from the table."""
    fts = f"{table}_fts"
    return [
        *(f"DROP TRIGGER {table}_{when}" for when in ("ai", "ad", "au")),
        f"DROP TABLE {fts}",
        *_search_index(table, columns, on_update, quoted=True),
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",  # noqa: S608 DDL from this module's fixed names
    ]


STEPS_SEARCH = ("steps", ("text", "learning"), "AFTER UPDATE OF text, learning ON steps")
BLOCKERS_SEARCH = (
    "blockers",
    ("text", "escalation_reason", "answer", "resolution"),
    "AFTER UPDATE OF text, escalation_reason, answer, resolution ON blockers",
)
"""What each search index covers: the table, its columns, and when a change re-indexes it."""


STEP_TALLIES: dict[str, str] = {
    "steps": "1",
    "ideas": "{row}.carried_from IS NULL",
    "coproduced": "{row}.carried_from IS NULL"
    f" AND {{row}}.source IN ('{Source.PERSON_SUPPORTED}', '{Source.CARER}')",
    "reviewed": "{row}.status != 'planned'",
    "done": "{row}.status = 'done'",
    "partly": "{row}.status = 'partly'",
    "carried": "{row}.status = 'carried'",
    "learned": "{row}.status != 'planned' AND {row}.learning != ''",
    "successes": "{row}.status IN ('done', 'partly')"
    " OR ({row}.status != 'planned' AND {row}.learning != '')",
}
"""The columns of step_tallies, each the count of steps a condition holds for. An idea is a
step not carried over from an earlier day; a success is a step done, partly done, or one
that did not work but taught something (it has a learning line)."""

PULSE_FACTORS = (
    "goal_clarity",
    "goal_difficulty",
    "team_autonomy",
    "management_support",
    "commitment",
)
"""The Kaizen pulse's questions (Farris et al. 2009), as stored column names."""


def _tally_triggers() -> list[str]:
    """Triggers that keep step_tallies equal to counting the steps, in the same transaction."""

    def flags(row: str) -> list[str]:
        return [f"({condition.format(row=row)})" for condition in STEP_TALLIES.values()]

    names = ", ".join(STEP_TALLIES)
    add = (
        f"INSERT INTO step_tallies (day, goal_id, {names})"  # noqa: S608 DDL from this module's fixed names
        f" VALUES (NEW.day, coalesce(NEW.goal_id, ''), {', '.join(flags('NEW'))})"
        " ON CONFLICT (day, goal_id) DO UPDATE SET "
        + ", ".join(f"{name} = {name} + excluded.{name}" for name in STEP_TALLIES)
        + ";"
    )
    take = (
        "UPDATE step_tallies SET "  # noqa: S608 DDL from this module's fixed names
        + ", ".join(
            f"{name} = {name} - {flag}"
            for name, flag in zip(STEP_TALLIES, flags("OLD"), strict=True)
        )
        + " WHERE day = OLD.day AND goal_id = coalesce(OLD.goal_id, '');"
    )
    watched = "day, goal_id, status, source, learning, carried_from"
    return [
        f"CREATE TRIGGER steps_tally_insert AFTER INSERT ON steps BEGIN {add} END",
        f"CREATE TRIGGER steps_tally_delete AFTER DELETE ON steps BEGIN {take} END",
        f"CREATE TRIGGER steps_tally_update AFTER UPDATE OF {watched} ON steps"
        f" BEGIN {take} {add} END",
    ]


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
    *_search_index(*STEPS_SEARCH),
    *_search_index(*BLOCKERS_SEARCH),
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
    *_tally_triggers(),
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

SCHEMA_2 = [
    # The search indexes name their table in quotes (content="steps"): sqlite-utils and
    # Datasette find a table's index by that, so `sqlite-utils search` works on the file.
    *_search_index_again(*STEPS_SEARCH),
    *_search_index_again(*BLOCKERS_SEARCH),
]

SCHEMA_3 = [
    # How many dated backups `huddle backup` (and the app, each huddle day) keeps.
    "ALTER TABLE team ADD COLUMN backups_kept INTEGER NOT NULL DEFAULT 14",
]

SCHEMA_4 = [
    # The names a member is also called by ("Gaz, Em"): @name finds them by these too, and
    # --no-names leaves them out. Comma-separated; a name never holds a comma.
    "ALTER TABLE members ADD COLUMN aliases TEXT NOT NULL DEFAULT ''",
]

SCHEMA_5 = [
    # The last change at each stage of a huddle (a mark, an answer, a blocker's move), with
    # what it replaced, so `u` can take it back after a restart too. One row per stage.
    """CREATE TABLE last_changes (
        day TEXT NOT NULL,
        stage TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        made_at TEXT NOT NULL,
        PRIMARY KEY (day, stage)
    ) WITHOUT ROWID""",
]

SCHEMA_6 = [
    # The streak asks which huddles looked back on a step (steps.reviewed_on, schema 1): read
    # through an index, not by scanning every step (5 years of a big team: 400 ms to 10 ms).
    "CREATE INDEX steps_by_reviewed_on ON steps (reviewed_on)",
]

SCHEMA_7 = [
    # The tiers a blocker goes up through (issue 15): the team manager, then the service
    # manager, then the director, each with its own answer-by limit in huddle days.
    """CREATE TABLE tiers (
        position INTEGER PRIMARY KEY CHECK (position >= 1),
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        answer_limit_days INTEGER NOT NULL CHECK (answer_limit_days BETWEEN 1 AND 60)
    )""",
    # The tier a blocker sent up is with now (NULL: never sent up, or the team has no tiers).
    "ALTER TABLE blockers ADD COLUMN tier INTEGER",
    # The tier each sending up went to, by its name then, so the history shows each one.
    "ALTER TABLE blocker_events ADD COLUMN tier TEXT NOT NULL DEFAULT ''",
]

SCHEMA_8 = [
    # The board between huddles (issue 13): seconds each panel shows before the next one.
    "ALTER TABLE team ADD COLUMN board_seconds INTEGER NOT NULL DEFAULT 20",
    # Who speaks first at Today: alphabetical, rotating (one further each huddle) or random.
    "ALTER TABLE team ADD COLUMN speaker_order TEXT NOT NULL DEFAULT 'alphabetical'",
    # Day status (the "safety cross"): measures the team tracks daily, one colour a day.
    # A measure no longer tracked keeps its days (active = 0).
    """CREATE TABLE day_measures (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE day_statuses (
        measure_id TEXT NOT NULL REFERENCES day_measures(id),
        day TEXT NOT NULL,
        color TEXT NOT NULL CHECK (color IN ('green', 'amber', 'red')),
        set_at TEXT NOT NULL,
        PRIMARY KEY (measure_id, day)
    ) WITHOUT ROWID""",
]

SCHEMA_9 = [
    # Goal measures (issue 14): each drawn as a run chart. `better` is which way is an
    # improvement; the median is of the first `baseline_points` values, then frozen.
    """CREATE TABLE measures (
        id TEXT PRIMARY KEY,
        goal_id TEXT NOT NULL REFERENCES goals(id),
        name TEXT NOT NULL COLLATE NOCASE,
        unit TEXT NOT NULL DEFAULT '',
        better TEXT NOT NULL CHECK (better IN ('lower', 'higher')),
        baseline_points INTEGER NOT NULL DEFAULT 12,
        target REAL,
        created_at TEXT NOT NULL,
        UNIQUE (goal_id, name)
    )""",
    # One value a day at most: recording the same day again replaces it.
    """CREATE TABLE measure_values (
        measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        value REAL NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (measure_id, day)
    ) WITHOUT ROWID""",
    # The measure day: from this weekday, Wrap-up asks for the week's values; '' is off.
    "ALTER TABLE team ADD COLUMN measure_day TEXT NOT NULL DEFAULT 'MO'",
]

SCHEMA_10 = [
    # Ideas not yet steps (issue 14): where each came from (steps.source's words), the member
    # who noted it, and where it stands: new, trying, adopted, not for now.
    """CREATE TABLE ideas (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'practitioner',
        raised_by TEXT NOT NULL REFERENCES members(id),
        goal_id TEXT REFERENCES goals(id),
        status TEXT NOT NULL DEFAULT 'new',
        raised_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX ideas_by_status ON ideas (status, raised_on)",
    "CREATE INDEX ideas_by_raised_on ON ideas (raised_on)",
    # A step made from an idea (the idea is then being tried).
    "ALTER TABLE steps ADD COLUMN idea_id TEXT REFERENCES ideas(id)",
    "CREATE INDEX steps_by_idea ON steps (idea_id) WHERE idea_id IS NOT NULL",
    # What a change gave, said when a step was done or a cycle (or idea) adopted: minutes
    # saved a week, visits and forms avoided, a line on the difference to a person.
    """CREATE TABLE impacts (
        id TEXT PRIMARY KEY,
        step_id TEXT UNIQUE REFERENCES steps(id) ON DELETE CASCADE,
        cycle_id TEXT UNIQUE REFERENCES pdsa_cycles(id) ON DELETE CASCADE,
        idea_id TEXT UNIQUE REFERENCES ideas(id) ON DELETE CASCADE,
        minutes_a_week INTEGER NOT NULL DEFAULT 0 CHECK (minutes_a_week >= 0),
        visits_avoided INTEGER NOT NULL DEFAULT 0 CHECK (visits_avoided >= 0),
        forms_avoided INTEGER NOT NULL DEFAULT 0 CHECK (forms_avoided >= 0),
        difference TEXT NOT NULL DEFAULT '',
        said_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((step_id IS NOT NULL) + (cycle_id IS NOT NULL) + (idea_id IS NOT NULL) = 1)
    )""",
    "CREATE INDEX impacts_by_day ON impacts (said_on)",
]


def _counted_by_triggers(
    source: str, tally: str, key: str, counts: dict[str, str], watched: str
) -> list[str]:
    """Triggers that keep `tally` (one row per `key`) equal to counting the rows of `source`,
    in the same transaction: each of `counts` is a tally column and what a row adds to it
    (SQL over {row}); an update of a `watched` column takes the old row off, adds the new."""

    def adds(row: str) -> str:
        return ", ".join(f"({value.format(row=row)})" for value in counts.values())

    names = ", ".join(counts)
    add = (
        f"INSERT INTO {tally} ({key}, {names}) VALUES (NEW.{key}, {adds('NEW')})"  # noqa: S608 DDL from this module's fixed names
        f" ON CONFLICT ({key}) DO UPDATE SET "
        + ", ".join(f"{name} = {name} + excluded.{name}" for name in counts)
        + ";"
    )
    take = (
        f"UPDATE {tally} SET "  # noqa: S608 DDL from this module's fixed names
        + ", ".join(
            f"{name} = {name} - ({value.format(row='OLD')})" for name, value in counts.items()
        )
        + f" WHERE {key} = OLD.{key};"
    )
    return [
        f"CREATE TRIGGER {source}_{tally}_insert AFTER INSERT ON {source} BEGIN {add} END",
        f"CREATE TRIGGER {source}_{tally}_delete AFTER DELETE ON {source} BEGIN {take} END",
        f"CREATE TRIGGER {source}_{tally}_update AFTER UPDATE OF {watched} ON {source}"
        f" BEGIN {take} {add} END",
    ]


DAY_TALLIES = (*STEP_TALLIES, "held", "marked", "present")
"""The columns of day_tallies: the steps of a day (all goals together, as STEP_TALLIES),
whether its huddle was held (started), and its attendance marks and how many were present."""

PULSE_TALLIES = ("answers", *PULSE_FACTORS, *(f"{name}_n" for name in PULSE_FACTORS))
"""The columns of pulse_tallies: a week's answers, each question's sum and how many answered it."""

SCHEMA_11 = [
    # Trends read what each day and each week adds up to (issue 12): one small row a day,
    # kept by triggers, so five years of a big team are ~1,300 rows read in one pass, never
    # the 65,000 attendance marks, nor the steps counted again goal by goal.
    f"""CREATE TABLE day_tallies (
        day TEXT PRIMARY KEY,
        {", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in DAY_TALLIES)}
    ) WITHOUT ROWID""",
    *_counted_by_triggers(
        "steps", "day_tallies", "day", STEP_TALLIES, "day, status, source, learning, carried_from"
    ),
    *_counted_by_triggers(
        "huddles", "day_tallies", "day", {"held": "{row}.started_at IS NOT NULL"}, "day, started_at"
    ),
    *_counted_by_triggers(
        "attendance",
        "day_tallies",
        "day",
        {"marked": "1", "present": "{row}.present"},
        "day, present",
    ),
    f"""INSERT INTO day_tallies (day, {", ".join(STEP_TALLIES)})
        SELECT day, {", ".join(f"sum({name})" for name in STEP_TALLIES)} FROM step_tallies
        GROUP BY day""",  # noqa: S608 DDL from this module's fixed names
    """INSERT INTO day_tallies (day, held) SELECT day, 1 FROM huddles
        WHERE started_at IS NOT NULL
        ON CONFLICT (day) DO UPDATE SET held = excluded.held""",
    """INSERT INTO day_tallies (day, marked, present)
        SELECT day, count(*), sum(present) FROM attendance GROUP BY day
        ON CONFLICT (day) DO UPDATE SET marked = excluded.marked, present = excluded.present""",
    f"""CREATE TABLE pulse_tallies (
        week TEXT PRIMARY KEY,
        {", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in PULSE_TALLIES)}
    ) WITHOUT ROWID""",
    *_counted_by_triggers(
        "pulse_answers",
        "pulse_tallies",
        "week",
        {
            "answers": "1",
            **{name: f"coalesce({{row}}.{name}, 0)" for name in PULSE_FACTORS},
            **{f"{name}_n": f"{{row}}.{name} IS NOT NULL" for name in PULSE_FACTORS},
        },
        f"week, {', '.join(PULSE_FACTORS)}",
    ),
    f"""INSERT INTO pulse_tallies (week, {", ".join(PULSE_TALLIES)})
        SELECT week, count(*),
            {", ".join(f"coalesce(sum({name}), 0)" for name in PULSE_FACTORS)},
            {", ".join(f"count({name})" for name in PULSE_FACTORS)}
        FROM pulse_answers GROUP BY week""",  # noqa: S608 DDL from this module's fixed names
]

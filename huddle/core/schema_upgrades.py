"""What each schema version since the first changes, as SQL (schema 2 on). Once a
version has shipped its list is frozen; a change is a new list, applied by a new
migration."""

from __future__ import annotations

from huddle.core.schema import (
    BLOCKERS_SEARCH,
    DAY_TALLIES,
    PULSE_FACTORS,
    PULSE_TALLIES,
    STEP_TALLIES,
    STEPS_SEARCH,
    counted_by_triggers,
    search_index_again,
)

SCHEMA_2 = [
    # The search indexes name their table in quotes (content="steps"): sqlite-utils and
    # Datasette find a table's index by that, so `sqlite-utils search` works on the file.
    *search_index_again(*STEPS_SEARCH),
    *search_index_again(*BLOCKERS_SEARCH),
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


SCHEMA_11 = [
    # Trends read what each day and each week adds up to (issue 12): one small row a day,
    # kept by triggers, so five years of a big team are ~1,300 rows read in one pass, never
    # the 65,000 attendance marks, nor the steps counted again goal by goal.
    f"""CREATE TABLE day_tallies (
        day TEXT PRIMARY KEY,
        {", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in DAY_TALLIES)}
    ) WITHOUT ROWID""",
    *counted_by_triggers(
        "steps", "day_tallies", "day", STEP_TALLIES, "day, status, source, learning, carried_from"
    ),
    *counted_by_triggers(
        "huddles", "day_tallies", "day", {"held": "{row}.started_at IS NOT NULL"}, "day, started_at"
    ),
    *counted_by_triggers(
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
    *counted_by_triggers(
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

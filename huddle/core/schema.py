"""What the tables are named by, and the SQL built from those names (search indexes,
the tallies' triggers): plain constants, so the store can name columns (PULSE_FACTORS,
STEP_TALLIES) without loading sqlite-utils. The tables themselves: schema_tables.py (as
first shipped) and schema_upgrades.py (each version since)."""

from __future__ import annotations

from huddle.core.models import Source


def search_index(
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


def search_index_again(table: str, columns: tuple[str, ...], on_update: str) -> list[str]:
    """The search index made again, with content="table", and filled from the table."""
    fts = f"{table}_fts"
    return [
        *(f"DROP TRIGGER {table}_{when}" for when in ("ai", "ad", "au")),
        f"DROP TABLE {fts}",
        *search_index(table, columns, on_update, quoted=True),
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


def tally_triggers() -> list[str]:
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


def counted_by_triggers(
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

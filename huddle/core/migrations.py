"""Schema versions through sqlite_utils.Migrations, one migration per shipped version.
Never edit a shipped migration (nor the schema list it applies): add a new one below it,
raise store.db.SCHEMA_VERSION, and commit the new version's fixture file (python
tests/fixtures/make_schema_fixture.py). Before an upgrade the store copies the file beside
it (NAME.before-schema-N.db)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from huddle.core.models import Tier
from huddle.core.schema_tables import SCHEMA_1
from huddle.core.schema_upgrades import (
    SCHEMA_2,
    SCHEMA_3,
    SCHEMA_4,
    SCHEMA_5,
    SCHEMA_6,
    SCHEMA_7,
    SCHEMA_8,
    SCHEMA_9,
    SCHEMA_10,
    SCHEMA_11,
)

migrations = Migrations("huddle")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    for statement in SCHEMA_1:
        db.execute(statement)


@migrations(name="0002_search_index_for_sqlite_utils")
def search_index_for_sqlite_utils(db: Database) -> None:
    for statement in SCHEMA_2:
        db.execute(statement)


@migrations(name="0003_backups_kept")
def backups_kept(db: Database) -> None:
    for statement in SCHEMA_3:
        db.execute(statement)


@migrations(name="0004_member_aliases")
def member_aliases(db: Database) -> None:
    for statement in SCHEMA_4:
        db.execute(statement)


@migrations(name="0005_last_changes")
def last_changes(db: Database) -> None:
    for statement in SCHEMA_5:
        db.execute(statement)


@migrations(name="0006_steps_by_reviewed_on")
def steps_by_reviewed_on(db: Database) -> None:
    for statement in SCHEMA_6:
        db.execute(statement)


@migrations(name="0007_escalation_tiers")
def escalation_tiers(db: Database) -> None:
    for statement in SCHEMA_7:
        db.execute(statement)


@migrations(name="0008_board_and_day_status")
def board_and_day_status(db: Database) -> None:
    for statement in SCHEMA_8:
        db.execute(statement)


@migrations(name="0009_measures")
def measures(db: Database) -> None:
    for statement in SCHEMA_9:
        db.execute(statement)


@migrations(name="0010_ideas_and_impact")
def ideas_and_impact(db: Database) -> None:
    for statement in SCHEMA_10:
        db.execute(statement)


@migrations(name="0011_day_and_pulse_tallies")
def day_and_pulse_tallies(db: Database) -> None:
    for statement in SCHEMA_11:
        db.execute(statement)


@migrations(name="0012_tier_apart_from_person")
def tier_apart_from_person(db: Database) -> None:
    """A blocker sent up to no one by name held its tier's name where a person's goes
    (blockers.escalated_to): that name is now its tier (blockers.tier), so tiers renamed
    later show their new name, and a person named like a tier stays a person."""
    from huddle.core.tiers import tier_apart

    tiers = [
        Tier(*row) for row in db.execute("SELECT position, name, answer_limit_days FROM tiers")
    ]
    sent = db.execute("SELECT id, escalated_to, tier FROM blockers WHERE escalated_to != ''")
    for blocker_id, sent_to, tier in sent.fetchall():
        apart = tier_apart(sent_to, tier, tiers)
        if apart != (sent_to, tier):
            db.execute(
                "UPDATE blockers SET escalated_to = ?, tier = ? WHERE id = ?", (*apart, blocker_id)
            )

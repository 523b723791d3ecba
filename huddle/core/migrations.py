"""Schema versions through sqlite_utils.Migrations, one migration per shipped version.
Never edit a shipped migration (nor the schema list it applies): add a new one below it,
and raise store.db.SCHEMA_VERSION."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from huddle.core.schema import SCHEMA_1

migrations = Migrations("huddle")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    for statement in SCHEMA_1:
        db.execute(statement)

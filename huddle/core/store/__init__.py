"""The only place that holds SQL. `Store` opens one team's file and hands out a part of
the store for each thing: `store.steps`, `store.blockers`, `store.members`, ... Each part
is made, and its module imported, when first used: `huddle add` loads only what it needs."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from huddle.core.calendar import Clock, HuddleCalendar
from huddle.core.store.db import SCHEMA_VERSION, Db, StoreError, new_id

if TYPE_CHECKING:
    from huddle.core.store.absences import AbsenceStore
    from huddle.core.store.arrivals import ArrivalStore
    from huddle.core.store.blockers import BlockerStore
    from huddle.core.store.catchup import CatchUpStore
    from huddle.core.store.day_status import DayStatusStore
    from huddle.core.store.dialog_drafts import DialogDraftStore
    from huddle.core.store.digests import DigestStore
    from huddle.core.store.drafts import DraftStore
    from huddle.core.store.goals import GoalStore
    from huddle.core.store.history import HistoryStore
    from huddle.core.store.huddles import HuddleStore
    from huddle.core.store.ideas import IdeaStore
    from huddle.core.store.impacts import ImpactStore
    from huddle.core.store.measures import MeasureStore
    from huddle.core.store.members import MemberStore
    from huddle.core.store.pdsa import PdsaStore
    from huddle.core.store.pulse import PulseStore
    from huddle.core.store.search import SearchStore
    from huddle.core.store.steps import StepStore
    from huddle.core.store.team import TeamStore
    from huddle.core.store.timebox import TimeboxStore
    from huddle.core.store.transfer import TransferStore
    from huddle.core.store.trends import TrendStore
    from huddle.core.store.undo import LastChangeStore
    from huddle.core.store.wins import WinStore

__all__ = ["Store", "StoreError"]


class Store:
    """One team's huddle file."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self._migrate()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        ids: Callable[[], str] = new_id,
        waiting: Callable[[], None] | None = None,
    ) -> Store:
        """Open a team's file, creating it (owner-only) and its tables when new. `waiting`:
        told when a save (an upgrade's too) waits for another process's (Db.waiting)."""
        db = Db.open(path, clock=clock, ids=ids)
        db.waiting = waiting
        try:
            return cls(db)
        except BaseException:
            db.close()
            raise

    @classmethod
    def open_for_reading(cls, path: str | os.PathLike[str], *, clock: Clock | None = None) -> Store:
        """Open another team's file to read it and nothing else (the service view): never
        created, upgraded, written or checkpointed, and no -wal or -shm file left beside it.
        A file at an older schema is read through a copy in memory, upgraded there by the
        same migrations (its own team's Huddle upgrades the file itself); every change to
        that copy is refused too."""
        db = Db.open_for_reading(path, clock=clock)
        try:
            version = db.value("PRAGMA user_version")
            if version == 0:
                raise StoreError(f"{path} is not a Huddle database (it holds no team yet)")
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path} was made by a newer Huddle (schema {version}): upgrade Huddle"
                )
            if version == SCHEMA_VERSION:
                return cls(db)
            copy = db.copied_to_memory()
        except BaseException:
            db.close()
            raise
        db.close()
        try:
            store = cls(copy)  # upgraded in memory
            with copy.translated_errors():
                copy.conn.execute("PRAGMA query_only = ON")  # as read-only as the file
        except BaseException:
            copy.close()
            raise
        copy.read_only = True
        return store

    @classmethod
    def memory(cls, *, clock: Clock | None = None, ids: Callable[[], str] = new_id) -> Store:
        return cls(Db.memory(clock=clock, ids=ids))

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        if self.db.value("PRAGMA user_version") == SCHEMA_VERSION:
            return
        from huddle.core.migrations import migrations  # sqlite-utils, only when needed

        with self.db.translated_errors():
            if not migrations.pending(self.db.utils):
                self._set_schema_version()
                return
        with self.db.write():
            # Checked again under the write lock: another process may have just done it.
            pending = migrations.pending(self.db.utils)
            others = set(self.db.utils.table_names()) - {"_sqlite_migrations"}
            if pending and pending[0].name == "0001_initial" and others:
                raise StoreError(f"{self.db.where} is not a Huddle database")
            if pending and pending[0].name != "0001_initial":
                self._copy_before_upgrade()
            if pending:
                migrations.apply(self.db.utils)
            self.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _copy_before_upgrade(self) -> None:
        """A copy of the file as it was, beside it, before a newer schema changes it. Made
        under the write lock: it is the last state before the upgrade."""
        from huddle.core.store.backup import CopyFailed, copy_file

        path = self.db.path
        if path is None or self.db.untouched:
            return  # in memory, or a copy in memory of a file that is only read
        copy = path.with_name(f"{path.stem}.before-schema-{SCHEMA_VERSION}{path.suffix}")
        if not copy.exists():
            try:
                copy_file(path, copy)
            except CopyFailed as failed:
                raise StoreError(
                    f"can't upgrade {path} for this Huddle, so it is left as it was: can't copy"
                    f" it to {failed.folder} first: {failed.why}"
                ) from None

    def _set_schema_version(self) -> None:
        """Note the version on a file migrated before versions were noted (if it can be)."""
        with contextlib.suppress(StoreError), self.db.write() as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def clock(self) -> Clock:
        return self.db.clock

    def today(self) -> date:
        return self.db.today()

    def calendar(self) -> HuddleCalendar:
        return self.team.calendar()

    def coming_huddle_day(self) -> date:
        """Today if today is a huddle day and its huddle has not ended, else the next one."""
        calendar = self.calendar()
        today = self.today()
        if calendar.is_huddle_day(today) and not self.huddles.has_ended(today):
            return today
        return calendar.next_huddle_day(today)

    def is_empty(self) -> bool:
        """A new file: nobody in the team yet."""
        return not self.db.value("SELECT 1 FROM members LIMIT 1")

    def version(self) -> tuple[int, int, date]:
        """Changes whenever what a screen shows may have: a save from here or from another
        process, or a new day."""
        return self.db.saves, self.db.data_version(), self.today()

    def changed_since(self, version: int) -> tuple[bool, int]:
        """Whether another process has written since `version` was read, and the new one."""
        rescued = self.db.follow_the_file()
        now = self.db.data_version()
        return rescued or now != version, now

    # --- The parts, each made (and its module imported) on first use -------------------

    @cached_property
    def team(self) -> TeamStore:
        from huddle.core.store.team import TeamStore

        return TeamStore(self.db)

    @cached_property
    def members(self) -> MemberStore:
        from huddle.core.store.members import MemberStore

        return MemberStore(self.db)

    @cached_property
    def goals(self) -> GoalStore:
        from huddle.core.store.goals import GoalStore

        return GoalStore(self.db)

    @cached_property
    def measures(self) -> MeasureStore:
        from huddle.core.store.measures import MeasureStore

        return MeasureStore(self.db)

    @cached_property
    def steps(self) -> StepStore:
        from huddle.core.store.steps import StepStore

        return StepStore(self.db)

    @cached_property
    def blockers(self) -> BlockerStore:
        from huddle.core.store.blockers import BlockerStore

        return BlockerStore(self.db)

    @cached_property
    def huddles(self) -> HuddleStore:
        from huddle.core.store.huddles import HuddleStore

        return HuddleStore(self.db)

    @cached_property
    def search(self) -> SearchStore:
        from huddle.core.store.search import SearchStore

        return SearchStore(self.db)

    @cached_property
    def history(self) -> HistoryStore:
        from huddle.core.store.history import HistoryStore

        return HistoryStore(self.db)

    @cached_property
    def digests(self) -> DigestStore:
        from huddle.core.store.digests import DigestStore

        return DigestStore(self.db)

    @cached_property
    def arrivals(self) -> ArrivalStore:
        from huddle.core.store.arrivals import ArrivalStore

        return ArrivalStore(self.db)

    @cached_property
    def trends(self) -> TrendStore:
        from huddle.core.store.trends import TrendStore

        return TrendStore(self.db)

    @cached_property
    def pulse(self) -> PulseStore:
        from huddle.core.store.pulse import PulseStore

        return PulseStore(self.db)

    @cached_property
    def pdsa(self) -> PdsaStore:
        from huddle.core.store.pdsa import PdsaStore

        return PdsaStore(self.db, self.steps)

    @cached_property
    def catchup(self) -> CatchUpStore:
        from huddle.core.store.catchup import CatchUpStore

        return CatchUpStore(self.db)

    @cached_property
    def absences(self) -> AbsenceStore:
        from huddle.core.store.absences import AbsenceStore

        return AbsenceStore(self.db)

    @cached_property
    def drafts(self) -> DraftStore:
        from huddle.core.store.drafts import DraftStore

        return DraftStore(self.db)

    @cached_property
    def timebox(self) -> TimeboxStore:
        from huddle.core.store.timebox import TimeboxStore

        return TimeboxStore(self.db)

    @cached_property
    def dialog_drafts(self) -> DialogDraftStore:
        from huddle.core.store.dialog_drafts import DialogDraftStore

        return DialogDraftStore(self.db)

    @cached_property
    def last_changes(self) -> LastChangeStore:
        from huddle.core.store.undo import LastChangeStore

        return LastChangeStore(self.db)

    @cached_property
    def ideas(self) -> IdeaStore:
        from huddle.core.store.ideas import IdeaStore

        return IdeaStore(self.db)

    @cached_property
    def impacts(self) -> ImpactStore:
        from huddle.core.store.impacts import ImpactStore

        return ImpactStore(self.db)

    @cached_property
    def transfer(self) -> TransferStore:
        from huddle.core.store.transfer import TransferStore

        return TransferStore(self.db)

    @cached_property
    def day_status(self) -> DayStatusStore:
        from huddle.core.store.day_status import DayStatusStore

        return DayStatusStore(self.db)

    @cached_property
    def wins(self) -> WinStore:
        from huddle.core.store.wins import WinStore

        return WinStore(self.db)

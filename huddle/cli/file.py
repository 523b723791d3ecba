"""`huddle backup` and `huddle check`: keeping the team's file safe."""

from __future__ import annotations

from pathlib import Path

import click

from huddle.cli.common import State, db_option, pass_state
from huddle.core.store import StoreError


@click.command()
@click.argument("dest", required=False, type=click.Path())
@db_option
@pass_state
def backup(state: State, dest: str | None) -> None:
    """Copy the team's file, safely even while the app and others are writing to it.

    With no DEST the copy goes in the `backups` folder beside the file, named by the date
    (huddle-2026-11-30.db; a second backup the same day replaces the first), and only the
    newest are kept (14, or as set by `huddle team backups N`). DEST may be a folder (dated
    copies there, kept the same way) or a new file's name. Copies are readable by you alone.
    """
    from huddle.core.store.backup import back_up, copy_file
    from huddle.core.store.file_check import damage

    store = state.store()
    path = store.db.path
    assert path is not None  # noqa: S101 narrows the type; the CLI always opens a file
    if damage(store.db.conn):  # a damaged copy must not push a good one out
        raise StoreError(f"won't back up {path}: it is damaged; `huddle check` says what to do")
    target = Path(dest).expanduser() if dest else None
    if dest and target and not target.is_dir() and not dest.endswith("/"):
        if target.exists():
            raise StoreError(f"{target} exists: give a new file's name, or a folder")
        click.echo(f"Backed up to {copy_file(path, target)}")
        return
    try:
        made = back_up(path, store.today(), keep=store.team.get().backups_kept, folder=target)
    except StoreError as error:
        if target is None:  # the folder beside the file can't be written: say what to do
            hint = "give a folder you can write to: huddle backup DEST"
            raise StoreError(f"{error}; {hint}") from None
        raise
    click.echo(f"Backed up to {made.path}")
    for old in made.removed:
        click.echo(f"Removed the older {old.name}")


@click.command()
@click.option("--rebuild-search", is_flag=True, help="Fill the search indexes again.")
@db_option
@pass_state
def check(state: State, rebuild_search: bool) -> None:
    """Check the whole team's file with SQLite's integrity check (changes nothing), and
    that the search finds what the file holds.

    If it is damaged, says which backup to restore.
    """
    from huddle.core.store.backup import backups_folder, backups_of
    from huddle.core.store.db import SCHEMA_VERSION
    from huddle.core.store.file_check import damage_of, examine

    path = state.path
    if not path.exists() or path.is_dir():
        examine(path, create=False, schema_version=SCHEMA_VERSION)  # says what is wrong
    problems = damage_of(path, thorough=True)
    newest = next(iter(backups_of(path)), None)
    if problems:
        first = problems[0] + (f" and {len(problems) - 1} more" if len(problems) > 1 else "")
        if newest is None:
            advice = (
                f"there is no backup in {backups_folder(path)};"
                f" `sqlite3 {path} .recover` may save what can still be read"
            )
        else:
            advice = (
                f"close Huddle everywhere, delete {path}-wal and {path}-shm if there,"
                f" then restore the newest backup: cp {newest} {path}"
            )
        raise StoreError(f"{path} is damaged ({first}); {advice}")
    examine(path, create=False, schema_version=SCHEMA_VERSION)  # newer, or not Huddle's
    click.echo(f"{path} passed SQLite's integrity check: nothing is damaged.")
    _check_search(state, rebuild=rebuild_search)
    click.echo(f"Newest backup: {newest}" if newest else "No backup yet: huddle backup")


def _check_search(state: State, *, rebuild: bool) -> None:
    """The search indexes follow the tables' rowids, which a VACUUM by another tool may
    renumber: then search finds the wrong steps until the indexes are filled again."""
    from huddle.core.store.db import Db, FileBusy
    from huddle.core.store.search import SearchStore

    db = Db.open(state.path, create=False)  # not the Store: no upgrade, nothing changed
    try:
        search = SearchStore(db)
        if rebuild:
            search.rebuild()
            click.echo("The search indexes were filled again.")
        stale = [] if db.read_only else search.out_of_step()
    except FileBusy:
        raise StoreError(
            f"the search indexes were not checked: {state.path} is busy, someone else is"
            " saving; run `huddle check` again"
        ) from None
    finally:
        db.close()
    if stale:
        raise StoreError(
            f"the search index of {' and '.join(stale)} is out of step with the file"
            " (after a VACUUM?): huddle check --rebuild-search"
        )

"""The floor under `huddle add`: click and sqlite3 imported, a group with one subcommand
parsed, the file opened in WAL mode with synchronous FULL, one row written and committed
(fsync), the connection closed (the checkpoint) - and nothing else. bench_cli.py times it
beside `huddle add`, so RESULTS.md shows how much of the figure any click command pays.

    python bench/floor_add.py --db FILE add TEXT --who NAME
"""

from __future__ import annotations

import sqlite3

import click


@click.group()
@click.option("--db", required=True)
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    ctx.obj = db


@main.command()
@click.argument("text")
@click.option("--who", required=True)
@click.pass_obj
def add(db: str, text: str, who: str) -> None:
    conn = sqlite3.connect(db, timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS steps (who TEXT, text TEXT)")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO steps VALUES (?, ?)", (who, text))
    conn.execute("COMMIT")
    conn.close()
    click.echo(f"Added for today, {who}: {text}")


if __name__ == "__main__":
    main()

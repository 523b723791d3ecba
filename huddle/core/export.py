"""`huddle export`: the whole team as one JSON document, in the shape docs/export-format.md
documents, written row by row so a file of any size is never held in memory.

The document is an object: FORMAT_VERSION first, a few facts about the export, the pulse's
weekly team averages and tallies (never one person's answers), then `tables`, each with its
`columns` and its `rows` (one array per row, one row per line).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from huddle import __version__
from huddle.core.store.transfer import EXPORTED_TABLES

if TYPE_CHECKING:
    from huddle.core.store import Store

FORMAT_KEY = "huddle_export"
"""The first key of an export: its value is the format version."""
FORMAT_VERSION = 1
"""Goes up when a field changes meaning or is removed; adding a table or column keeps it."""


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_export(store: Store, out: TextIO) -> dict[str, int]:
    """Write the team to `out` as JSON, as it stood when the export began, whoever writes
    meanwhile; returns how many rows each table had."""
    with store.transfer.snapshot():
        return _write(store, out)


def _write(store: Store, out: TextIO) -> dict[str, int]:
    from huddle.core.store.db import SCHEMA_VERSION

    counts: dict[str, int] = {}
    out.write("{\n")
    out.write(f'  "{FORMAT_KEY}": {FORMAT_VERSION},\n')
    out.write(f'  "made_by": {_dump("huddle " + __version__)},\n')
    out.write(f'  "schema_version": {SCHEMA_VERSION},\n')
    out.write(f'  "exported_at": {_dump(store.db.stamp())},\n')
    out.write(f'  "team": {_dump(store.team.get().name)},\n')
    out.write('  "pulse_averages": [')
    for index, week in enumerate(store.transfer.pulse_averages()):
        out.write(("," if index else "") + "\n    " + _dump(week))
    out.write("\n  ],\n")
    out.write('  "pulse_tallies": [')
    for index, week in enumerate(store.transfer.pulse_tallies()):
        out.write(("," if index else "") + "\n    " + _dump(week))
    out.write("\n  ],\n")
    out.write('  "tables": {')
    for index, table in enumerate(EXPORTED_TABLES):
        out.write(("," if index else "") + f"\n    {_dump(table)}: {{\n")
        out.write(f'      "columns": {_dump(store.transfer.columns(table))},\n')
        out.write('      "rows": [')
        count = 0
        for row in store.transfer.rows(table):
            out.write(("," if count else "") + "\n        " + _dump(list(row)))
            count += 1
        out.write("\n      ]\n    }")
        counts[table] = count
    out.write("\n  }\n}\n")
    return counts

"""The digest for management: what was sent up and what came back, what the team did and
learned, and who was there, for a period of days.

By job: `gather.build_digest` reads the store once into the plain dataclasses of `models`;
one renderer per format (`as_markdown`, `as_csv`, `as_json`) turns those into text and
never touches the store. With `names=False` every person's name is left out: name fields
are empty (None in JSON) and names inside the free text (a step, a blocker, an answer) are
replaced by "[name]"; see `names.Names` for which names and in which forms.

The JSON shape is documented in docs/digest.md and kept stable: fields are only added.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from huddle.core.digest.as_csv import CSV_COLUMNS, render_csv
from huddle.core.digest.as_json import JSON_VERSION, render_json, to_json_data
from huddle.core.digest.as_markdown import render_markdown
from huddle.core.digest.gather import DEFAULT_DAYS, build_digest, default_period, read_period
from huddle.core.digest.models import (
    NAME_LEFT_OUT,
    Answer,
    Attendance,
    ComesBack,
    Digest,
    GoalTally,
    HuddleHeld,
    OpenEscalation,
    Resolution,
    StepDone,
)
from huddle.core.models import HuddleError

if TYPE_CHECKING:
    from huddle.core.store import Store

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_DAYS",
    "FORMATS",
    "JSON_VERSION",
    "NAME_LEFT_OUT",
    "Answer",
    "Attendance",
    "ComesBack",
    "Digest",
    "GoalTally",
    "HuddleHeld",
    "OpenEscalation",
    "Resolution",
    "StepDone",
    "build_digest",
    "default_file_name",
    "default_period",
    "format_for",
    "read_period",
    "render",
    "render_csv",
    "render_json",
    "render_markdown",
    "to_json_data",
    "write_digest",
]

FORMATS = ("md", "csv", "json")
"""The formats a digest is written in."""


def render(digest: Digest, format: str) -> str:
    """The digest in one of FORMATS."""
    if format == "md":
        return render_markdown(digest)
    if format == "csv":
        return render_csv(digest)
    if format == "json":
        return render_json(digest)
    raise HuddleError(f"no digest format '{format}' (choose {', '.join(FORMATS)})")


# --- Writing --------------------------------------------------------------------------


def default_file_name(digest: Digest, format: str) -> str:
    """ "huddle-digest-2026-11-16-to-2026-11-27.md" and so on."""
    return f"huddle-digest-{digest.since.isoformat()}-to-{digest.until.isoformat()}.{format}"


def format_for(path: str | None, given: str | None) -> str:
    """The format asked for, else the one the file name ends with, else Markdown."""
    if given:
        return given
    suffix = Path(path or "").suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "md"


def write_digest(store: Store, digest: Digest, format: str, path: str | None) -> str:
    """Render the digest; write it to `path` (readable by the user alone: it may hold what
    people wrote about the people they support) unless `path` is None; and note in the
    team's file that it was written, so the next digest starts after it. Returns the text."""
    text = render(digest, format)
    if path is not None:
        from huddle.core.files import private_output

        with private_output(path) as out:
            # A spreadsheet reads UTF-8 with accents right only with the byte order mark.
            out.write(("\ufeff" if format == "csv" else "") + text)
    store.digests.record(
        digest.since,
        digest.until,
        format=format,
        names_left_out=not digest.names,
        written_to=str(Path(path).expanduser().resolve()) if path else "",
    )
    return text

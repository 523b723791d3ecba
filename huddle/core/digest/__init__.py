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
from huddle.core.digest.as_email import render_email, render_text
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
    "render_email",
    "render_json",
    "render_markdown",
    "render_text",
    "to_json_data",
    "write_digest",
]

FORMATS = ("md", "csv", "json", "text", "email")
"""The formats a digest is written in: "text" is the email's plain text, "email" the whole
message (plain text and HTML)."""
SUFFIXES = {"md": "md", "csv": "csv", "json": "json", "text": "txt", "email": "eml"}
"""The file name ending of each format."""


def render(
    digest: Digest, format: str, *, to: str | None = None, attendance_names: bool = False
) -> str:
    """The digest in one of FORMATS; the email `to` an address if given. Attendance by
    name in the email and its text only with `attendance_names` (a team total otherwise)."""
    if format == "email":
        return render_email(digest, to=to, attendance_names=attendance_names)
    if format == "text":
        return render_text(digest, attendance_names=attendance_names)
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
    period = f"{digest.since.isoformat()}-to-{digest.until.isoformat()}"
    return f"huddle-digest-{period}.{SUFFIXES.get(format, format)}"


def format_for(path: str | None, given: str | None) -> str:
    """The format asked for, else the one the file name ends with, else Markdown."""
    if given:
        return given
    suffix = Path(path or "").suffix.lower().lstrip(".")
    by_suffix = {ending: format for format, ending in SUFFIXES.items()}
    return by_suffix.get(suffix, "md")


def write_digest(
    store: Store,
    digest: Digest,
    format: str,
    path: str | None,
    *,
    to: str | None = None,
    attendance_names: bool = False,
) -> str:
    """Render the digest; write it to `path` (readable by the user alone: it may hold what
    people wrote about the people they support) unless `path` is None; and note in the
    team's file that it was written, so the next digest starts after it. Returns the text.
    A file that failed SQLite's check gives no digest: what it holds may be read wrong."""
    store.db.refuse_if_damaged("can't write the digest")
    text = render(digest, format, to=to, attendance_names=attendance_names)
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

"""The digests written for management."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DigestRecord:
    """A digest written for management: the period it covered, and when and where it went."""

    since: date
    until: date
    format: str
    names_left_out: bool
    written_to: str
    """The file it was written to, or "" for the terminal."""
    written_at: datetime

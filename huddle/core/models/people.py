"""The people in a team and their roles."""

from __future__ import annotations

import enum

from huddle.core.models.record import Record


class Role(enum.StrEnum):
    LEAD = "lead"
    PRACTITIONER = "practitioner"
    MANAGER = "manager"


class Member(Record):
    """A person in the team (a retired one is not `active`; their history stays)."""

    id: str
    name: str
    role: Role
    active: bool
    aliases: tuple[str, ...] = ()
    """Other names the member is called by ("Gaz"): @name matches them, --no-names hides them."""

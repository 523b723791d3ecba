"""The people in the team."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from huddle.core.matching import match_member
from huddle.core.models import HuddleError, Member, Role
from huddle.core.store.db import Db
from huddle.core.text import clean_line

_COLUMNS = "id, name, role, active, aliases"


_ROLES = {role.value: role for role in Role}
"""(A dict look-up: Role(value) costs a big team's list a good part of its read.)"""


def _member(row: sqlite3.Row) -> Member:
    aliases = row["aliases"]
    return Member(
        id=row["id"],
        name=row["name"],
        role=_ROLES.get(row["role"]) or Role(row["role"]),
        active=bool(row["active"]),
        aliases=tuple(a for a in aliases.split(", ") if a) if aliases else (),
    )


class MemberStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def all(self, *, active_only: bool = True) -> list[Member]:
        """Members by name; retired ones only when asked."""
        where = "WHERE active = 1" if active_only else ""
        rows = self.db.rows(f"SELECT {_COLUMNS} FROM members {where} ORDER BY name COLLATE NOCASE")  # noqa: S608 fixed column list and filter
        return [_member(r) for r in rows]

    def get(self, member_id: str) -> Member:
        row = self.db.row(f"SELECT {_COLUMNS} FROM members WHERE id = ?", (member_id,))  # noqa: S608 fixed column list and filter
        if row is None:
            raise HuddleError("that member no longer exists")
        return _member(row)

    def find(self, typed: str, *, active_only: bool = True) -> Member:
        """The one member `typed` names (or a name they are also called by): case-insensitive,
        by unique prefix."""
        return match_member(typed, self.all(active_only=active_only))

    def add(self, name: str, role: Role = Role.PRACTITIONER) -> Member:
        name = _person_name(clean_line(name, what="a name", limit=80))
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM members WHERE name = ?", (name,)).fetchone():
                raise HuddleError(f"there is already a member called {name}")
            member_id = self.db.new_id()
            conn.execute(
                "INSERT INTO members (id, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
                (member_id, name, role.value, self.db.stamp()),
            )
        return Member(member_id, name, role, True)

    def rename(self, member: Member, new_name: str) -> Member:
        new_name = _person_name(clean_line(new_name, what="a name", limit=80))
        with self.db.write() as conn:
            clash = conn.execute(
                "SELECT 1 FROM members WHERE name = ? AND id != ?", (new_name, member.id)
            ).fetchone()
            if clash:
                raise HuddleError(f"there is already a member called {new_name}")
            conn.execute("UPDATE members SET name = ? WHERE id = ?", (new_name, member.id))
        return self.get(member.id)

    def set_role(self, member: Member, role: Role) -> Member:
        with self.db.write() as conn:
            conn.execute("UPDATE members SET role = ? WHERE id = ?", (role.value, member.id))
        return self.get(member.id)

    def set_active(self, member: Member, active: bool) -> Member:
        """Retire a member (their history stays) or bring them back."""
        with self.db.write() as conn:
            conn.execute("UPDATE members SET active = ? WHERE id = ?", (int(active), member.id))
        return self.get(member.id)

    def set_aliases(self, member: Member, aliases: Sequence[str]) -> Member:
        """The names a member is also called by ("Gaz", "Em"), replacing any before; none
        clears them. Refused when one is another member's name, a word of it, or their alias,
        so @name still finds one person."""
        cleaned: dict[str, str] = {}
        for alias in aliases:
            alias = _person_name(clean_line(alias, what="a name they are called by", limit=40))
            if "," in alias:
                raise HuddleError(f"'{alias}' has a comma; give each name on its own")
            cleaned.setdefault(alias.casefold(), alias)
        with self.db.write() as conn:
            others = conn.execute(
                "SELECT name, aliases FROM members WHERE id != ?", (member.id,)
            ).fetchall()
            for name, their_aliases in others:
                taken = {name.casefold(), *name.casefold().split()}
                taken.update(a.casefold() for a in their_aliases.split(", ") if a)
                for folded, alias in cleaned.items():
                    if folded in taken:
                        raise HuddleError(f"{alias} is already a name of {name}")
            conn.execute(
                "UPDATE members SET aliases = ? WHERE id = ?",
                (", ".join(cleaned.values()), member.id),
            )
        return self.get(member.id)


def _person_name(name: str) -> str:
    """A name as the shorthand can find it: one starting with @ # ! or + would be read as
    the shorthand (@bob as a person named "bob", +carer as where an idea came from)."""
    if name[0] in "@#!+":
        raise HuddleError(
            f"'{name}' starts with {name[0]}, which the shorthand reads: give the name without it"
        )
    return name

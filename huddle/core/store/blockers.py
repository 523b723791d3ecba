"""Blockers: what stops a step, owned by the team or sent up to management."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from huddle.core.models import (
    BLOCKER_MOVES,
    Ambiguous,
    Blocker,
    BlockerEvent,
    BlockerStatus,
    HuddleError,
    InvalidMove,
    Member,
    NotFound,
)
from huddle.core.store.blocker_rows import _SELECT, _blocker, _event, record_event
from huddle.core.store.db import SHORT_ID_MIN, Db, is_hex, is_short_id
from huddle.core.text import clean_line, quoted

_HINT: dict[BlockerStatus, str] = {
    BlockerStatus.OPEN: "reopen it",
    BlockerStatus.OWNED: "give it an owner",
    BlockerStatus.ESCALATED: "send it up to management",
    BlockerStatus.ANSWERED: "record management's answer",
    BlockerStatus.RESOLVED: "resolve it",
}
"""Each move as an instruction, for the message that says what can be done instead."""


def refusal(words: str, current: BlockerStatus, to: BlockerStatus) -> str:
    """Why a move is not allowed, in one line that says what can be done instead. The
    blocker is named by its own words, in the team's words for where it stands."""
    start = f"{quoted(words)} is {current.said}; it can't become {to.said}"
    if current is to:
        return f"{quoted(words)} is already {current.said}"
    if current is BlockerStatus.RESOLVED:
        return f"{start} (reopen it first)"
    if to is BlockerStatus.ANSWERED:
        return f"{start} (only a blocker sent up to management is answered: send it up first)"
    choices = " or ".join(_HINT[s] for s in BlockerStatus if s in BLOCKER_MOVES[current])
    return f"{start} (you can {choices})"


_Plan = tuple[dict[str, object], str, str]
"""A move worked out under the write lock: the columns it changes, its note, its tier."""


class BlockerStore:
    """Blockers and their history. Every move is checked against `BLOCKER_MOVES` under the
    write lock and appended to `blocker_events`, which triggers keep append-only."""

    def __init__(self, db: Db) -> None:
        self.db = db

    # --- Reading ----------------------------------------------------------------------

    def get(self, blocker_id: str) -> Blocker:
        row = self.db.row(_SELECT + " WHERE b.id = ?", (blocker_id,))
        if row is None:
            raise HuddleError("that blocker no longer exists")
        return _blocker(row)

    def open(self) -> list[Blocker]:
        """Every blocker not yet resolved, oldest first."""
        rows = self.db.rows(
            _SELECT + " WHERE b.status != 'resolved' ORDER BY b.raised_on, b.created_at"
        )
        return [_blocker(r) for r in rows]

    def all(self, status: BlockerStatus | None = None) -> list[Blocker]:
        """Every blocker, or those with one status, oldest first."""
        where, params = ("WHERE b.status = ?", (status.value,)) if status else ("", ())
        rows = self.db.rows(_SELECT + f" {where} ORDER BY b.raised_on, b.created_at", params)
        return [_blocker(r) for r in rows]

    def escalated(self, *, include_resolved: bool = False) -> list[Blocker]:
        """Blockers sent up to management: waiting or answered, and when asked those resolved
        after being sent up. Longest waiting first."""
        statuses = "'escalated', 'answered'" + (", 'resolved'" if include_resolved else "")
        rows = self.db.rows(
            _SELECT + f" WHERE b.escalated_at IS NOT NULL AND b.status IN ({statuses})"
            " ORDER BY b.escalated_at, b.created_at"
        )
        return [_blocker(r) for r in rows]

    def raised_between(self, first: date, last: date) -> list[Blocker]:
        """Blockers raised from `first` to `last` (both included), oldest first."""
        rows = self.db.rows(
            _SELECT + " WHERE b.raised_on BETWEEN ? AND ? ORDER BY b.raised_on, b.created_at",
            (first.isoformat(), last.isoformat()),
        )
        return [_blocker(r) for r in rows]

    def find(self, typed: str) -> Blocker:
        """The blocker whose id starts with what was typed (the short id people see)."""
        prefix = typed.strip().lower()
        if not is_short_id(prefix):
            said = (
                f"'{typed.strip()[:20]}' is too short for a blocker id: type {SHORT_ID_MIN}"
                f" or more characters of its id"
                if is_hex(prefix)
                else f"'{typed.strip()[:20]}' is not a blocker id"
            )
            raise NotFound(f"{said} (ids look like 3fa2c1; `huddle blockers` lists them)")
        rows = self.db.rows(_SELECT + " WHERE b.id LIKE ? || '%' LIMIT 6", (prefix,))
        found = [_blocker(r) for r in rows]
        if not found:
            raise NotFound(f"no blocker has an id starting {prefix} (`huddle blockers` lists them)")
        if len(found) > 1:
            which = ", ".join(b.id[: len(prefix) + 2] for b in found[:5])
            raise Ambiguous(f"more than one blocker starts {prefix}: type more of it ({which})")
        return found[0]

    def history(self, blocker: Blocker) -> list[BlockerEvent]:
        """Every change to the blocker, oldest first."""
        rows = self.db.rows(
            "SELECT blocker_id, at, who, status_from, status_to, note, tier FROM blocker_events"
            " WHERE blocker_id = ? ORDER BY at, rowid",
            (blocker.id,),
        )
        return [_event(r) for r in rows]

    def events_between(
        self, first: date, last: date, *, to: BlockerStatus | None = None
    ) -> list[BlockerEvent]:
        """Moves made from `first` to `last` (both days included), oldest first; only the
        moves to one status when `to` is given. Notes that move nothing (an answer read out
        at the huddle) are left out, and so are moves taken back with `u` (with the lines
        that took them back): they did not happen, as far as the digest is concerned."""
        from huddle.core.store.undo import UNDONE  # `huddle block` and `mine` never need it

        where = " AND (status_from IS NULL OR status_from != status_to)"
        where += (
            " AND note NOT LIKE ? || '%' AND NOT EXISTS (SELECT 1 FROM blocker_events u"
            " WHERE u.blocker_id = e.blocker_id AND u.rowid > e.rowid"
            " AND u.status_from = e.status_to AND u.status_to = e.status_from"
            " AND u.note = ? || e.note)"
        )
        where += " AND status_to = ?" if to else ""
        params: tuple[str, ...] = (first.isoformat(), last.isoformat(), UNDONE, UNDONE)
        rows = self.db.rows(
            "SELECT blocker_id, at, who, status_from, status_to, note, tier FROM blocker_events e"  # noqa: S608 a fixed filter; dates are bound
            f" WHERE substr(at, 1, 10) BETWEEN ? AND ?{where} ORDER BY at, rowid",
            params + ((to.value,) if to else ()),
        )
        return [_event(r) for r in rows]

    def unseen_answers(self) -> list[Blocker]:
        """ "You said, we did": management's answers the team has not yet heard at a huddle,
        in the order they were given."""
        rows = self.db.rows(
            _SELECT + " WHERE b.answered_at IS NOT NULL AND b.answer_seen_at IS NULL"
            " ORDER BY b.answered_at, b.created_at"
        )
        return [_blocker(r) for r in rows]

    # --- Writing ----------------------------------------------------------------------

    def raise_blocker(
        self,
        member: Member,
        text: str,
        *,
        category: str | None = None,
        blocker_id: str | None = None,
    ) -> Blocker:
        """Record what stops a step; it stays open until it is resolved."""
        text = clean_line(text, what="a blocker")
        blocker_id = blocker_id or self.db.new_id()
        stamp = self.db.stamp()
        with self.db.write() as conn:
            inserted = conn.execute(
                "INSERT INTO blockers (id, raised_by, text, category, status, raised_on,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    blocker_id,
                    member.id,
                    text,
                    clean_line(category, what="a category", limit=60) if category else None,
                    self.db.today().isoformat(),
                    stamp,
                    stamp,
                ),
            )
            if inserted.rowcount:
                record_event(conn, self.db, blocker_id, member.name, None, BlockerStatus.OPEN, text)
        return self.get(blocker_id)

    def take_ownership(
        self, blocker: Blocker, owner: Member, *, who: str, at_huddle: date | None = None
    ) -> Blocker:
        """The team owns it: one of its members will deal with it. On a blocker the team
        owns already, the owner changes (the history says from whom to whom)."""
        if not owner.active:
            raise HuddleError(f"{owner.name} has left the team; pick someone in it")
        current = self.get(blocker.id)
        if current.status is BlockerStatus.OWNED and current.owner_id == owner.id:
            raise InvalidMove(f"{quoted(blocker.text)} is already owned by {owner.name}")
        note = f"owned by {owner.name}"
        if current.status is BlockerStatus.OWNED and current.owner_name:
            note = f"owner changed from {current.owner_name} to {owner.name}"
        return self._move(
            blocker,
            BlockerStatus.OWNED,
            who=who,
            note=note,
            changes={"owner_id": owner.id},
            again=True,
            at_huddle=at_huddle,
        )

    def escalate(
        self,
        blocker: Blocker,
        reason: str,
        *,
        who: str,
        to: str | None = None,
        at_huddle: date | None = None,
    ) -> Blocker:
        """Send it up, with the reason the team can't fix it (required). With the team's
        tiers, a blocker the team has goes to the first tier and one already sent up
        (answered or not) to the next tier, with its own reason; at the top tier it is
        refused. `to` names who at that tier, if anyone. Without tiers it goes to `to`
        ("management" if not given), and only once while it waits. An earlier answer stays
        in the history; at the new tier it waits afresh."""
        reason = clean_line(reason, what="the reason for sending it up")
        to = clean_line(to, what="who it goes to", limit=80) if to is not None else ""

        def plan(conn: sqlite3.Connection, current: BlockerStatus) -> _Plan:
            from huddle.core.models import Tier
            from huddle.core.tiers import next_tier

            rows = conn.execute(
                "SELECT position, name, answer_limit_days FROM tiers ORDER BY position"
            )
            tiers = [Tier(*row) for row in rows]
            (now,) = conn.execute(
                "SELECT tier FROM blockers WHERE id = ?", (blocker.id,)
            ).fetchone()
            tier = next_tier(replace(blocker, status=current, tier=now), tiers)
            changes: dict[str, object] = {
                "escalation_reason": reason,
                "escalated_at": self.db.stamp(),
                "answer": "",
                "answered_by": "",
                "answered_at": None,
                "answer_seen_at": None,
            }
            if tier is None:
                to_whom = to or "management"
                changes |= {"escalated_to": to_whom, "tier": None}
                return changes, f"to {to_whom}: {reason}", ""
            changes |= {"escalated_to": to, "tier": tier.position}
            return changes, f"to {tier.name}{f' ({to})' if to else ''}: {reason}", tier.name

        return self._move(
            blocker, BlockerStatus.ESCALATED, who=who, plan=plan, again=True, at_huddle=at_huddle
        )

    def answer(self, blocker: Blocker, answer: str, *, who: str) -> Blocker:
        """Management's answer to an escalated blocker; it stays open until resolved, and
        the team hears it at the next huddle ("You said, we did")."""
        answer = clean_line(answer, what="the answer")
        who = clean_line(who, what="who answered", limit=80)
        return self._move(
            blocker,
            BlockerStatus.ANSWERED,
            who=who,
            note=answer,
            changes={
                "answer": answer,
                "answered_by": who,
                "answered_at": self.db.stamp(),
                "answer_seen_at": None,
            },
        )

    def resolve(
        self, blocker: Blocker, note: str, *, who: str, at_huddle: date | None = None
    ) -> Blocker:
        """Closed, with a note on how: nothing is closed by silence."""
        note = clean_line(note, what="a note on how it was resolved")
        return self._move(
            blocker,
            BlockerStatus.RESOLVED,
            who=who,
            note=note,
            changes={"resolution": note, "resolved_at": self.db.stamp()},
            at_huddle=at_huddle,
        )

    def reopen(self, blocker: Blocker, note: str, *, who: str) -> Blocker:
        """It came back: open again with a note on why, its history kept (who owned it
        too). Nobody owns it until the team says who does: never "open with an owner"."""
        note = clean_line(note, what="a note on why it is back")
        return self._move(
            blocker,
            BlockerStatus.OPEN,
            who=who,
            note=note,
            changes={"resolution": "", "resolved_at": None, "owner_id": None},
        )

    def mark_answers_seen(self, blockers: Sequence[Blocker], *, who: str = "") -> int:
        """The team heard these answers at the huddle: they are not read out again.
        Returns how many were newly marked (one seen already is left as it was)."""
        stamp = self.db.stamp()
        marked = 0
        with self.db.write() as conn:
            for blocker in blockers:
                row = conn.execute(
                    "SELECT status FROM blockers WHERE id = ? AND answered_at IS NOT NULL"
                    " AND answer_seen_at IS NULL",
                    (blocker.id,),
                ).fetchone()
                if row is None:
                    continue
                conn.execute(
                    "UPDATE blockers SET answer_seen_at = ? WHERE id = ?", (stamp, blocker.id)
                )
                status = BlockerStatus(row[0])
                record_event(
                    conn, self.db, blocker.id, who, status, status, "answer read out at the huddle"
                )
                marked += 1
        return marked

    def _move(
        self,
        blocker: Blocker,
        to: BlockerStatus,
        *,
        who: str,
        note: str = "",
        changes: dict[str, object] | None = None,
        plan: Callable[[sqlite3.Connection, BlockerStatus], _Plan] | None = None,
        again: bool = False,
        at_huddle: date | None = None,
    ) -> Blocker:
        """Move the blocker to `to` (checked against BLOCKER_MOVES under the write lock; with
        `again`, a blocker already `to` is changed too, e.g. a new owner). The changes and
        note are given, or `plan` makes them under the lock from where the blocker stands
        (with the tier it is sent up to). Made `at_huddle` (its day), the move is kept as
        the last at the Blockers stage, for undo."""
        who = clean_line(who, what="who made the change", limit=80)
        with self.db.write() as conn:
            # Read the status under the write lock: another screen may have moved it.
            row = conn.execute("SELECT status FROM blockers WHERE id = ?", (blocker.id,)).fetchone()
            if row is None:
                raise HuddleError("that blocker no longer exists")
            current = BlockerStatus(row[0])
            tier = ""
            if plan is not None:
                changes, note, tier = plan(conn, current)
            changes = changes or {}
            if to not in BLOCKER_MOVES[current] and not (again and current is to):
                raise InvalidMove(refusal(blocker.text, current, to))
            if at_huddle is not None:
                from huddle.core.models import Stage
                from huddle.core.store.undo import keep, row_of

                now = row_of(conn, "blockers", "id = ?", (blocker.id,))
                kept = {column: now[column] for column in [*changes, "status"]}
                after = {
                    "status": to.value,
                    "owner_id": changes.get("owner_id", now["owner_id"]),
                    "tier": changes.get("tier", now["tier"]),
                }
                keep(
                    conn,
                    self.db,
                    at_huddle,
                    Stage.BLOCKERS,
                    "blocker",
                    blocker.id,
                    kept,
                    {**after, "note": note},
                )
            changes = {**changes, "status": to.value, "updated_at": self.db.stamp()}
            columns = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(
                f"UPDATE blockers SET {columns} WHERE id = ?",  # noqa: S608 names are this module's own keys; values are bound
                [*changes.values(), blocker.id],
            )
            record_event(conn, self.db, blocker.id, who, current, to, note, tier=tier)
        return self.get(blocker.id)

"""What arrived in the file since the shared screen last looked: new steps and new blockers,
so the screen can say "Sam added a step" when someone adds one from their own terminal.

Rows are told apart by rowid, which SQLite gives in increasing order. A row deleted just
after it was seen could have its rowid reused unnoticed; the screen still reloads, only the
notice is missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from huddle.core.store.db import Db


class ArrivalKind(StrEnum):
    STEP = "step"
    BLOCKER = "blocker"


@dataclass(frozen=True)
class Arrival:
    kind: ArrivalKind
    who: str
    """The member's name: whose step, or who raised the blocker."""
    text: str
    day: date | None = None
    """A step's huddle day (a blocker has none)."""


@dataclass(frozen=True)
class Mark:
    """How far the screen has seen: the last rowid of each table."""

    steps: int
    blockers: int


class ArrivalStore:
    def __init__(self, db: Db) -> None:
        self.db = db

    def mark(self) -> Mark:
        """Where the file is now; `since()` will report only what comes after."""
        return Mark(
            steps=int(self.db.value("SELECT coalesce(max(rowid), 0) FROM steps")),
            blockers=int(self.db.value("SELECT coalesce(max(rowid), 0) FROM blockers")),
        )

    def since(self, mark: Mark) -> tuple[list[Arrival], Mark]:
        """New steps and blockers after `mark`, oldest first, and the mark to use next.

        Carried-over steps are left out: they are made by a review, not added by someone.
        """
        steps = self.db.rows(
            "SELECT s.rowid AS n, m.name AS who, s.text, s.day, s.carried_from FROM steps s"
            " JOIN members m ON m.id = s.member_id WHERE s.rowid > ? ORDER BY s.rowid",
            (mark.steps,),
        )
        blockers = self.db.rows(
            "SELECT b.rowid AS n, m.name AS who, b.text FROM blockers b"
            " JOIN members m ON m.id = b.raised_by WHERE b.rowid > ? ORDER BY b.rowid",
            (mark.blockers,),
        )
        arrivals = [
            Arrival(ArrivalKind.STEP, r["who"], r["text"], date.fromisoformat(r["day"]))
            for r in steps
            if not r["carried_from"]
        ] + [Arrival(ArrivalKind.BLOCKER, r["who"], r["text"]) for r in blockers]
        new_mark = Mark(
            steps=max([mark.steps, *(r["n"] for r in steps)]),
            blockers=max([mark.blockers, *(r["n"] for r in blockers)]),
        )
        return arrivals, new_mark

    def watch(self) -> ArrivalWatch:
        """Start following what others add, from now."""
        return ArrivalWatch(self)


def describe_arrivals(
    arrivals: list[Arrival],
    *,
    most: int = 4,
    coming: date | None = None,
    today: date | None = None,
) -> str | None:
    """A short notice of what arrived, one line per person: "Sam added a step",
    "Bea added 2 steps and raised a blocker"; a step for another day than the `coming`
    huddle's (the one the screen shows) says which: "Sam added a step for Fri 4 Dec".
    None when nothing did."""
    from huddle.core.typed_dates import format_day  # (only when something arrived)

    steps: dict[str, dict[date | None, int]] = {}
    blockers: dict[str, int] = {}
    for arrival in arrivals:
        if arrival.kind is ArrivalKind.STEP:
            day = arrival.day if coming is not None and arrival.day != coming else None
            per_day = steps.setdefault(arrival.who, {})
            per_day[day] = per_day.get(day, 0) + 1
        else:
            blockers[arrival.who] = blockers.get(arrival.who, 0) + 1
        steps.setdefault(arrival.who, {})
    lines = []
    for who, per_day in steps.items():
        said = [
            ("a step" if count == 1 else f"{count} steps")
            + (f" for {format_day(day, today or day)}" if day else "")
            for day, count in sorted(per_day.items(), key=lambda item: item[0] is not None)
        ]
        parts = [f"added {in_words(said)}"] if said else []
        if count := blockers.get(who):
            parts.append("raised a blocker" if count == 1 else f"raised {count} blockers")
        lines.append(f"{who} {' and '.join(parts)}")
    if len(lines) > most:
        lines = [*lines[: most - 1], f"and {len(lines) - most + 1} more added steps or blockers"]
    return "\n".join(lines) or None


def in_words(items: list[str]) -> str:
    """Items said as a list in words: "a, b and c"."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


class ArrivalWatch:
    """Follows what other processes add, for a screen that polls: `news()` at each poll.

    Rows this connection wrote itself (the shared screen's own saves) are not news; they are
    told apart by the connection's change count.
    """

    def __init__(self, arrivals: ArrivalStore) -> None:
        self.arrivals = arrivals
        self.mark = arrivals.mark()
        self._own = arrivals.db.conn.total_changes

    def news(self, others_wrote: bool) -> list[Arrival]:
        """What arrived since the last call. `others_wrote`: did another process commit
        (PRAGMA data_version moved)? If not, only this app's own writes can be new."""
        own = self.arrivals.db.conn.total_changes
        if not others_wrote:
            if own != self._own:
                self.mark, self._own = self.arrivals.mark(), own
            return []
        found, self.mark = self.arrivals.since(self.mark)
        self._own = own
        return found

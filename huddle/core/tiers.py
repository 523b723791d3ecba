"""The team's tiers of management, as people type them and as they read: "Team manager:2"
is the tier and its answer-by limit in huddle days."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from huddle.core.models import (
    TIER_TAKEN_AWAY,
    Blocker,
    BlockerStatus,
    HuddleError,
    InvalidMove,
    Tier,
)
from huddle.core.text import quoted

_WITH_DAYS = re.compile(r"^(?P<name>.*?)\s*:\s*(?P<days>\S*)$")


def read_tiers(typed: Iterable[str], default_days: int) -> list[tuple[str, int]]:
    """Tiers as typed, first to last: "Team manager" (answers within the team's limit,
    `default_days`) or "Service manager:5" (within 5 huddle days). Each item may hold
    several, comma-separated ("Team manager:2, Director:10"); empty items are skipped."""
    tiers = []
    for item in typed:
        before = ""
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            if part.isdigit():  # "Director:1,5" is not a tier named "5"
                if before and (split := _WITH_DAYS.match(before)) and split["days"].isdigit():
                    raise HuddleError(
                        f"'{before},{part}': {split['days']},{part} is not a number of huddle"
                        f" days; write whole days ('{split['name']}:2')"
                    )
                raise HuddleError(f"'{part}' is not a tier's name: type a name ('Director:5')")
            before = part
            found = _WITH_DAYS.match(part)
            if found is None:
                tiers.append((part, default_days))
                continue
            name, days = found["name"], found["days"]
            if not name or not days.isdigit():
                raise HuddleError(
                    f"'{part}' is not a tier: type its name, then : and the huddle days it"
                    " has to answer ('Service manager:5')"
                )
            tiers.append((name, int(days)))
    return tiers


def next_tier(blocker: Blocker, tiers: Sequence[Tier]) -> Tier | None:
    """Where sending the blocker up takes it: the first tier from the team, the next one up
    once sent up (answered or not), the top tier from a tier taken away since; None when
    the team has no tiers. Refused (InvalidMove,
    one line) at the top tier, and without tiers while it waits for an answer."""
    sent_up = blocker.status in (BlockerStatus.ESCALATED, BlockerStatus.ANSWERED)
    words = quoted(blocker.text)
    if not tiers:
        if blocker.status is BlockerStatus.ESCALATED:
            raise InvalidMove(
                f"{words} is already sent up and waits for an answer"
                " (to send it higher, set the team's tiers: huddle team tiers)"
            )
        return None
    if sent_up and blocker.tier == TIER_TAKEN_AWAY:
        return tiers[-1]  # a tier taken away was above the ladder there is now
    position = (blocker.tier or 1) + 1 if sent_up else 1
    if position > len(tiers):
        raise InvalidMove(
            f"{words} is with {tiers[-1].name}, the top tier; it can't go higher"
            " (resolve it, or the team owns it)"
        )
    return tiers[position - 1]


def tiers_typed(tiers: Sequence[Tier]) -> str:
    """The tiers as one line to type again: "Team manager:2, Director:10"."""
    return ", ".join(f"{t.name}:{t.answer_limit_days}" for t in tiers)


def tiers_said(tiers: Sequence[Tier]) -> str:
    """The ladder in words: "Team manager (answers in 2 huddle days), then Director (10)"."""
    if not tiers:
        return "no tiers: a blocker goes up to whoever is named"
    first, *rest = tiers
    days = "day" if first.answer_limit_days == 1 else "days"
    words = [f"{first.name} (answers in {first.answer_limit_days} huddle {days})"]
    words += [f"{t.name} ({t.answer_limit_days})" for t in rest]
    return ", then ".join(words)


def tier_apart(sent_to: str, tier: int | None, tiers: Sequence[Tier]) -> tuple[str, int | None]:
    """A blocker sent up as schema 11 and older stored it (who it went to, and its tier), as
    it is stored now: a name that is one of `tiers`' names (letters in any case, as tiers are
    told apart) was that tier, with no one named; any other name is a person's. Used by the
    upgrade to schema 12 and by the import of older exports; frozen with them."""
    folded = sent_to.casefold()
    named = next((t for t in tiers if t.name.casefold() == folded), None) if sent_to else None
    return ("", named.position) if named else (sent_to, tier)

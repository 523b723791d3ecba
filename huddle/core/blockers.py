"""What the team and management need to see about blockers: how long an escalated blocker
has waited for an answer (and whether that is too long), and blockers that come back again.

Plain functions over `Blocker`s and the team's calendar; the store reads them, this decides.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from huddle.core.calendar import HuddleCalendar
from huddle.core.models import Blocker, BlockerStatus

E = TypeVar("E", bound=enum.Enum)

PATTERN_WINDOW_DAYS = 30
"""How far back "comes back again" looks."""
PATTERN_MIN_COUNT = 2
"""Raised this many times or more in the window makes a pattern."""


class AgeFlag(enum.StrEnum):
    """How overdue management's answer is."""

    NONE = "none"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Waiting:
    """An escalated blocker still waiting for management's answer."""

    huddle_days: int
    """Huddle days since it was sent up (the day it was sent up not counted)."""
    flag: AgeFlag

    def describe(self) -> str:
        """ "waiting 3 huddle days" and so on, for a table cell."""
        days = self.huddle_days
        if days == 0:
            return "sent up today"
        return f"waiting {days} huddle day{'s' if days != 1 else ''}"


def waiting_for_answer(
    blocker: Blocker, calendar: HuddleCalendar, today: date, limit: int
) -> Waiting | None:
    """How long an escalated, unanswered blocker has waited, with its flag; None for any
    other blocker.

    Counted in the team's huddle days (weekends and holidays do not count), from when it
    reached the tier it is with. With a limit of `limit` huddle days (its tier's own limit
    when it has a tier, else the team's `limit`) it is amber once it has waited that many
    huddle days with no answer, and red once it has waited twice that.
    """
    if blocker.status is not BlockerStatus.ESCALATED or blocker.escalated_at is None:
        return None
    days = huddle_days_since(blocker.escalated_at.date(), calendar, today)
    limit = max(1, blocker.tier_limit_days or limit)
    if days >= 2 * limit:
        flag = AgeFlag.RED
    elif days >= limit:
        flag = AgeFlag.AMBER
    else:
        flag = AgeFlag.NONE
    return Waiting(days, flag)


def age_flag(blocker: Blocker, calendar: HuddleCalendar, today: date, limit: int) -> AgeFlag:
    """The flag alone: NONE for blockers not waiting on management."""
    waiting = waiting_for_answer(blocker, calendar, today, limit)
    return waiting.flag if waiting else AgeFlag.NONE


def huddle_days_old(blocker: Blocker, calendar: HuddleCalendar, today: date) -> int:
    """How many of the team's huddle days have passed since `blocker` was raised (the day
    it was raised not counted): weekends and holidays do not make it older."""
    return huddle_days_since(blocker.raised_on, calendar, today)


def huddle_days_since(day: date, calendar: HuddleCalendar, today: date) -> int:
    """The team's huddle days after `day` up to `today` (`day` itself not counted)."""
    if today <= day:
        return 0
    return sum(1 for _ in calendar.huddle_days(day + timedelta(days=1), today))


def describe_age(huddle_days: int) -> str:
    """ "raised today", "1 huddle day", "12 huddle days": a blocker's age as people say it."""
    if huddle_days <= 0:
        return "raised today"
    return f"{huddle_days} huddle day{'s' if huddle_days != 1 else ''}"


def raised_ago(raised_on: date, today: date, huddle_days: int) -> str:
    """ "today", "0 huddle days ago" (raised at the weekend), "3 huddle days ago": when a
    blocker was raised, in the same huddle days as `describe_age`."""
    if raised_on >= today:
        return "today"
    return f"{huddle_days} huddle day{'s' if huddle_days != 1 else ''} ago"


# --- Comes back again -------------------------------------------------------------------

_SMALL_WORDS = (
    "a an and are as at be been but by can cant can't do does don't for from get gets got had"
    " has have in into is isn't it its it's no not of off on or our out so than that the their"
    " them then there they this to too up us was we were what when where which who why will"
    " with won't you your again also just very"
)
_STOPWORDS = frozenset(_SMALL_WORDS.split())


def _words(text: str) -> frozenset[str]:
    """The words that carry the meaning: lower case, no small words, plurals folded."""
    found = set()
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        if len(word) < 3 or word in _STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.add(word)
    return frozenset(found)


def much_the_same(a: str, b: str) -> bool:
    """Whether two blockers say much the same thing: most of the words of the shorter one
    are in the other."""
    return _alike_words(_words(a), _words(b))


def _alike_words(first: frozenset[str], second: frozenset[str]) -> bool:
    if not first or not second:
        return False
    shared = len(first & second)
    return shared >= 2 and shared / min(len(first), len(second)) >= 0.6


@dataclass(frozen=True)
class Pattern:
    """Blockers that came back again: the same category or much the same words."""

    label: str
    """The category they share, or the words of the first one."""
    blockers: tuple[Blocker, ...]
    """Oldest first."""

    @property
    def count(self) -> int:
        return len(self.blockers)

    @property
    def since(self) -> date:
        return self.blockers[0].raised_on

    def describe(self) -> str:
        """ "forms: raised 4 times since 2 November"."""
        return f"{self.label}: raised {self.count} times since {self.since.day} {self.since:%B}"


def find_patterns(
    blockers: Iterable[Blocker],
    today: date,
    *,
    window_days: int = PATTERN_WINDOW_DAYS,
    min_count: int = PATTERN_MIN_COUNT,
) -> list[Pattern]:
    """Blockers raised `min_count` times or more in the last `window_days` days with the
    same category or much the same words, as groups; the biggest group first."""
    start = today - timedelta(days=window_days)
    recent = sorted(
        (b for b in blockers if start < b.raised_on <= today),
        key=lambda b: (b.raised_on, b.created_at, b.id),
    )
    groups = [[recent[i] for i in group] for group in alike_groups(recent)]
    patterns = [
        Pattern(pattern_label(group), tuple(group)) for group in groups if len(group) >= min_count
    ]
    return sorted(patterns, key=lambda p: (-p.count, p.since, p.label.casefold()))


def alike_groups(blockers: Sequence[Blocker]) -> list[list[int]]:
    """The blockers (by their place in `blockers`) in groups of the same category or much
    the same words, each group in the order given; one group per blocker with no like."""
    parent = list(range(len(blockers)))
    words = [_words(b.text) for b in blockers]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, first in enumerate(blockers):
        for j in range(i + 1, len(blockers)):
            second = blockers[j]
            same_category = bool(
                first.category
                and second.category
                and first.category.casefold() == second.category.casefold()
            )
            if same_category or _alike_words(words[i], words[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(blockers)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def pattern_label(group: Sequence[Blocker]) -> str:
    """The category most of them share, or the words of the first."""
    categories = Counter(b.category.casefold() for b in group if b.category)
    if categories:
        top, count = categories.most_common(1)[0]
        if count * 2 >= len(group):
            return next(b.category for b in group if b.category and b.category.casefold() == top)
    text = group[0].text
    return f'"{text if len(text) <= 40 else text[:39].rstrip() + "…"}"'


# --- The Management view ----------------------------------------------------------------


class StatusFilter(enum.Enum):
    """Which blockers sent up to management to show, by where they are now."""

    OPEN = "waiting or answered"
    WAITING = "waiting for an answer"
    ANSWERED = "answered, not resolved"
    RESOLVED = "resolved"
    ALL = "all sent up"

    def statuses(self) -> frozenset[BlockerStatus]:
        return {
            StatusFilter.OPEN: frozenset({BlockerStatus.ESCALATED, BlockerStatus.ANSWERED}),
            StatusFilter.WAITING: frozenset({BlockerStatus.ESCALATED}),
            StatusFilter.ANSWERED: frozenset({BlockerStatus.ANSWERED}),
            StatusFilter.RESOLVED: frozenset({BlockerStatus.RESOLVED}),
            StatusFilter.ALL: frozenset(
                {BlockerStatus.ESCALATED, BlockerStatus.ANSWERED, BlockerStatus.RESOLVED}
            ),
        }[self]


class AgeFilter(enum.Enum):
    """Which blockers sent up to show, by how long ago and how overdue."""

    ANY = "any age"
    OVERDUE = "overdue (amber or red)"
    RED = "red only"
    WEEK = "sent up over a week ago"
    MONTH = "sent up over 30 days ago"


def cycle(current: E) -> E:
    """The next choice of a filter, back to the first after the last."""
    members: list[E] = list(type(current))
    return members[(members.index(current) + 1) % len(members)]


@dataclass(frozen=True)
class SentUp:
    """One line of the Management view."""

    blocker: Blocker
    days_since_sent_up: int
    waiting: Waiting | None
    """None once answered (or resolved)."""

    @property
    def flag(self) -> AgeFlag:
        return self.waiting.flag if self.waiting else AgeFlag.NONE


def sent_up_view(
    blockers: Iterable[Blocker],
    calendar: HuddleCalendar,
    today: date,
    limit: int,
    status: StatusFilter = StatusFilter.OPEN,
    age: AgeFilter = AgeFilter.ANY,
) -> list[SentUp]:
    """The blockers sent up to management that pass both filters, the most overdue first,
    then the longest since sent up."""
    shown = []
    wanted = status.statuses()
    for blocker in blockers:
        if blocker.escalated_at is None or blocker.status not in wanted:
            continue
        row = SentUp(
            blocker,
            (today - blocker.escalated_at.date()).days,
            waiting_for_answer(blocker, calendar, today, limit),
        )
        keep = {
            AgeFilter.ANY: True,
            AgeFilter.OVERDUE: row.flag is not AgeFlag.NONE,
            AgeFilter.RED: row.flag is AgeFlag.RED,
            AgeFilter.WEEK: row.days_since_sent_up > 7,
            AgeFilter.MONTH: row.days_since_sent_up > 30,
        }[age]
        if keep:
            shown.append(row)
    severity = {AgeFlag.RED: 0, AgeFlag.AMBER: 1, AgeFlag.NONE: 2}
    return sorted(shown, key=lambda r: (severity[r.flag], -r.days_since_sent_up, r.blocker.id))

"""The service view: many teams' files read side by side, never changed.

Each file is opened for reading only (`Store.open_for_reading`), its figures worked out by
the same functions its own Trends screen and Management view use, and closed again. A file
that can't be read (missing, busy, damaged, made by another Huddle) is named with the reason,
and the others still show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from huddle.core.blockers import AgeFlag, alike_groups, pattern_label, waiting_for_answer
from huddle.core.calendar import Clock, Period, SystemClock, recent_periods
from huddle.core.models import Blocker, BlockerStatus, HuddleError
from huddle.core.results import IdeaCounts, StepCounts, coproduction_share
from huddle.core.trends import compute_trends

COMING_BACK_DAYS = 30
"""How far back a blocker raised in two teams counts as coming back across teams."""


@dataclass(frozen=True)
class SentUpBlocker:
    """A blocker waiting for management's answer, in one team."""

    words: str
    to: str
    """The tier it is with, or without tiers whoever it was sent to ("" if not said)."""
    huddle_days: int
    """Huddle days it has waited for an answer."""
    flag: AgeFlag


@dataclass(frozen=True)
class TeamFigures:
    """One team's line of the service view."""

    path: Path
    team: str
    steps: StepCounts
    """The week asked for (this week so far, or last week), as the team's own Trends has it."""
    ideas: IdeaCounts
    """The ideas noted that week and not made into a step, as its Trends has them."""
    streak: int
    total_taken: int
    open: int
    """Blockers raised and not yet owned or sent up."""
    owned: int
    waiting: tuple[SentUpBlocker, ...]
    """Sent up and not answered, the longest waiting first."""
    answered: int
    """Answered by management, not yet closed by the team."""
    recent_blockers: tuple[Blocker, ...] = field(repr=False)
    """Raised in the last COMING_BACK_DAYS days: to find what comes back across teams."""
    shown_as: str = ""
    """How the service view names it: its name, with its file when another team read with
    it has the same name ("North (north.db)"); set by `rollup`."""

    @property
    def coproduction_share(self) -> float | None:
        """Of the week's new ideas, the share from people who use services and carers."""
        return coproduction_share(self.steps, self.ideas)

    @property
    def overdue(self) -> int:
        """Answers overdue: waited the team's answer limit or longer."""
        return sum(1 for w in self.waiting if w.flag is not AgeFlag.NONE)

    @property
    def oldest_wait(self) -> int | None:
        return max((w.huddle_days for w in self.waiting), default=None)

    def waiting_by_where(self) -> dict[str, int]:
        """How many answers are awaited from each tier (or, without tiers, each person or
        place named when sending up)."""
        return dict(Counter(w.to or "sent up" for w in self.waiting))


@dataclass(frozen=True)
class Unread:
    """A file the service view could not read, and why, in one line."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ComingBack:
    """Much the same blocker (same category or words) raised in two or more teams lately."""

    label: str
    teams: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Rollup:
    teams: tuple[TeamFigures, ...]
    unread: tuple[Unread, ...]
    coming_back: tuple[ComingBack, ...]
    today: date
    week: date
    """The Monday (first day) of the week the steps are counted in."""
    last_week: bool
    """The week before this one, whole; else this week so far."""

    @property
    def week_words(self) -> str:
        """ "this week so far (from 30 November 2026)" or "last week (from 23 November 2026)"."""
        said = "last week" if self.last_week else "this week so far"
        return f"{said} (from {self.week.day} {self.week:%B %Y})"

    @property
    def steps(self) -> StepCounts:
        """Every team's week added up (rates then come from the sums, not an average)."""
        return StepCounts(
            **{
                f.name: sum(getattr(t.steps, f.name) for t in self.teams)
                for f in fields(StepCounts)
            }
        )

    @property
    def ideas(self) -> IdeaCounts:
        """Every team's ideas noted in the week, added up."""
        return IdeaCounts(
            noted=sum(t.ideas.noted for t in self.teams),
            coproduced=sum(t.ideas.coproduced for t in self.teams),
        )

    @property
    def coproduction_share(self) -> float | None:
        """Of every team's new ideas in the week, the share from people and carers."""
        return coproduction_share(self.steps, self.ideas)

    def total(self, figure: str) -> int:
        """The sum over teams of an integer figure of TeamFigures (or of one of its properties)."""
        return sum(int(getattr(t, figure) or 0) for t in self.teams)

    @property
    def waiting(self) -> int:
        return sum(len(t.waiting) for t in self.teams)

    @property
    def all_teams(self) -> str:
        """ "All 3 teams", or "The 1 team": the total row's name."""
        count = len(self.teams)
        return f"All {count} teams" if count != 1 else "The 1 team"


def team_files(arguments: Iterable[Path]) -> list[Path]:
    """The files named, with a folder standing for every `.db` file directly in it (the
    copies made before an upgrade left out). Whether each is a Huddle file is found out
    when it is read."""
    found: list[Path] = []
    for path in arguments:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.iterdir())
                if p.suffix == ".db" and p.is_file() and ".before-schema-" not in p.name
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def read_team(path: Path, clock: Clock | None = None, *, last_week: bool = False) -> TeamFigures:
    """One team's figures, from its file opened read-only; HuddleError (one line) if it
    can't be read."""
    from huddle.core.store import Store

    store = Store.open_for_reading(path, clock=clock)
    try:
        today = store.today()
        team = store.team.get()
        trends = compute_trends(store, Period.WEEK, 2)
        week = trends.periods[-2 if last_week else -1]
        calendar = store.calendar()
        blockers = store.blockers.all()
        waiting = []
        for b in blockers:
            wait = waiting_for_answer(b, calendar, today, team.answer_limit_days)
            if wait is not None:
                to = b.tier_said or b.escalated_to
                waiting.append(SentUpBlocker(b.text, to, wait.huddle_days, wait.flag))
        waiting.sort(key=lambda w: -w.huddle_days)
        statuses = [b.status for b in blockers]
        return TeamFigures(
            path=path,
            team=team.name or path.stem,
            steps=week.steps,
            ideas=week.ideas,
            streak=trends.streak,
            total_taken=trends.total_taken,
            open=statuses.count(BlockerStatus.OPEN),
            owned=statuses.count(BlockerStatus.OWNED),
            waiting=tuple(waiting),
            answered=statuses.count(BlockerStatus.ANSWERED),
            recent_blockers=tuple(
                b for b in blockers if (today - b.raised_on).days < COMING_BACK_DAYS
            ),
            shown_as=team.name or path.stem,
        )
    finally:
        store.close()


def rollup(paths: Sequence[Path], clock: Clock | None = None, *, last_week: bool = False) -> Rollup:
    """Every team's figures (steps: this week so far, or last week), and what comes back
    across teams."""
    teams: list[TeamFigures] = []
    unread: list[Unread] = []
    for path in paths:
        try:
            teams.append(read_team(path, clock, last_week=last_week))
        except HuddleError as error:
            unread.append(Unread(path, str(error)))
        except OSError as error:
            unread.append(Unread(path, f"can't read {path}: {error.strerror or error}"))
    teams = shown_apart(teams)
    today = (clock or SystemClock()).now().date()
    week = recent_periods(today, Period.WEEK, 2)[0 if last_week else 1]
    return Rollup(tuple(teams), tuple(unread), coming_back_across(teams), today, week, last_week)


def shown_apart(teams: Sequence[TeamFigures]) -> list[TeamFigures]:
    """The teams, each with its name as the service view shows it: with its file's name when
    another team has the same name (letters in any case), with the file's whole path when
    that is the same too."""
    names = Counter(t.team.casefold() for t in teams)
    files = Counter(t.path.name for t in teams if names[t.team.casefold()] > 1)
    shown = []
    for t in teams:
        if names[t.team.casefold()] > 1:
            where = t.path.name if files[t.path.name] == 1 else str(t.path)
            t = replace(t, shown_as=f"{t.team} ({where})")
        shown.append(t)
    return shown


def coming_back_across(teams: Sequence[TeamFigures]) -> tuple[ComingBack, ...]:
    """Groups of much the same blocker raised in two or more different teams lately, the
    most teams first."""
    every = [(t.shown_as, b) for t in teams for b in t.recent_blockers]
    every.sort(key=lambda pair: (pair[1].raised_on, pair[1].created_at))
    found = []
    for group in alike_groups([b for _, b in every]):
        names = sorted({every[i][0] for i in group}, key=str.casefold)
        if len(names) >= 2:
            label = pattern_label([every[i][1] for i in group])
            found.append(ComingBack(label, tuple(names), len(group)))
    return tuple(sorted(found, key=lambda c: (-len(c.teams), -c.count, c.label.casefold())))

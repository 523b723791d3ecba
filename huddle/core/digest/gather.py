"""Gathering a digest: the period it covers, and the figures read from the store once into
the models of `huddle.core.digest.models` (names left out when asked, see `names.Names`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from huddle.core.blockers import AgeFlag, find_patterns, huddle_days_old, waiting_for_answer
from huddle.core.calendar import Towards, parse_day
from huddle.core.digest.models import (
    Answer,
    Attendance,
    ComesBack,
    Digest,
    GoalTally,
    HuddleHeld,
    IdeasAndImpact,
    OpenEscalation,
    Resolution,
    StepDone,
)
from huddle.core.digest.names import Names
from huddle.core.ideas import idea_share
from huddle.core.models import Blocker, BlockerEvent, BlockerStatus, HuddleError, StepStatus

if TYPE_CHECKING:
    from huddle.core.store import Store

DEFAULT_DAYS = 7
"""With no digest written before, a digest covers the last week."""


def default_period(store: Store) -> tuple[date, date]:
    """Since the last digest (the day after the latest days one covered), or the last 7
    days; until today. Written again the same day, a digest covers the same days again."""
    today = store.today()
    last = store.digests.furthest()
    if last is None:
        return today - timedelta(days=DEFAULT_DAYS - 1), today
    if last.until >= today:
        return min(last.since, today), today
    return last.until + timedelta(days=1), today


def read_period(store: Store, since: str | None, until: str | None) -> tuple[date, date]:
    """The period from what was typed ("last monday", "1/11", "2026-11-01"); what is not
    typed comes from `default_period`."""
    order = store.team.get().date_order
    today = store.today()
    default_since, default_until = default_period(store)
    # The last day may run ahead ("--until fri" on a Wednesday: this week's); the first looks
    # back ("--since mon" on a Thursday: this week's Monday).
    last = parse_day(until, today, order) if until else default_until
    if since:
        first = parse_day(since, today, order, towards=Towards.PAST)
    elif until:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    else:
        first = default_since
    if first > last:
        raise HuddleError(
            f"the digest starts ({first.day} {first:%b %Y}) after it ends ({last.day} {last:%b %Y})"
        )
    return first, last


def build_digest(store: Store, since: date, until: date, *, names: bool = True) -> Digest:
    """Everything the digest says about the days from `since` to `until` (both included).
    Blockers still open are as they stand today."""
    team = store.team.get()
    today = store.today()
    calendar = store.calendar()
    members = store.members.all(active_only=False)
    by_id = {m.id: m for m in members}
    hide = Names(members, store.digests.people_named(), names)

    open_escalations = []
    for b in store.blockers.escalated():
        waiting = waiting_for_answer(b, calendar, today, team.answer_limit_days)
        assert b.escalated_at is not None  # noqa: S101 narrows the type; no check relies on it
        open_escalations.append(
            OpenEscalation(
                id=b.short_id,
                text=hide.text(b.text),
                category=hide.text(b.category) if b.category else None,
                status=b.status.value,
                raised_on=b.raised_on,
                raised_by=hide.field(b.raised_by_name),
                age_days=(today - b.raised_on).days,
                age_huddle_days=huddle_days_old(b, calendar, today),
                sent_up_on=b.escalated_at.date(),
                sent_to=_sent_to(b, hide),
                reason=hide.text(b.escalation_reason),
                waiting_huddle_days=waiting.huddle_days if waiting else None,
                flag=(waiting.flag if waiting else AgeFlag.NONE).value,
                answer=hide.text(b.answer),
                answered_by=hide.field(b.answered_by) if b.answered_by else None,
                answered_on=b.answered_at.date() if b.answered_at else None,
                tier=b.tier_name,
                tier_gone=b.tier_gone,
                answer_limit_days=b.tier_limit_days or team.answer_limit_days,
            )
        )

    texts: dict[str, str] = {}

    def blocker_text(event: BlockerEvent) -> str:
        if event.blocker_id not in texts:
            texts[event.blocker_id] = store.blockers.get(event.blocker_id).text
        return hide.text(texts[event.blocker_id])

    answers = tuple(
        Answer(
            blocker_id=e.blocker_id[:6],
            blocker=blocker_text(e),
            answer=hide.text(e.note),
            answered_by=hide.field(e.who) if e.who else None,
            answered_on=e.at.date(),
        )
        for e in store.blockers.events_between(since, until, to=BlockerStatus.ANSWERED)
    )
    resolved = tuple(
        Resolution(
            blocker_id=e.blocker_id[:6],
            blocker=blocker_text(e),
            resolution=hide.text(e.note),
            resolved_by=hide.field(e.who) if e.who else None,
            resolved_on=e.at.date(),
            was_sent_up=e.status_from in (BlockerStatus.ESCALATED, BlockerStatus.ANSWERED),
        )
        for e in store.blockers.events_between(since, until, to=BlockerStatus.RESOLVED)
    )

    steps = store.digests.steps_between(since, until)
    steps_done = tuple(
        StepDone(
            day=s.day,
            who=hide.field(s.member_name),
            text=hide.text(s.text),
            goal=hide.text(s.goal_title) if s.goal_title else None,
            status=s.status.value,
            learning=hide.text(" ".join(s.learning.split())),
        )
        for s in steps
        if s.status in (StepStatus.DONE, StepStatus.PARTLY)
    )
    steps_per_goal = _tally(
        [(hide.text(s.goal_title) if s.goal_title else None, s.status) for s in steps],
        [hide.text(g.title) for g in store.goals.all()],
    )

    held = store.digests.attendance_between(since, until)
    huddles = tuple(
        HuddleHeld(day, sum(marks.values()), sum(not p for p in marks.values()))
        for day, marks in held.items()
    )
    attendance: tuple[Attendance, ...] = ()
    if names:
        present: Counter[str] = Counter()
        marked: set[str] = set()
        for marks in held.values():
            for member_id, there in marks.items():
                marked.add(member_id)
                present[member_id] += there
        attendance = tuple(
            Attendance(by_id[member_id].name, present[member_id], len(held))
            for member_id in sorted(marked, key=lambda i: by_id[i].name.casefold())
        )

    recent = store.blockers.raised_between(until - timedelta(days=29), until)
    comes_back = tuple(
        ComesBack(hide.text(p.label), p.count, p.since) for p in find_patterns(recent, until)
    )
    return Digest(
        ideas=_ideas_and_impact(store, since, until, hide),
        team=team.name,
        since=since,
        until=until,
        made_on=today,
        names=names,
        answer_limit_days=team.answer_limit_days,
        open_escalations=tuple(open_escalations),
        answers=answers,
        resolved=resolved,
        steps_done=steps_done,
        steps_per_goal=steps_per_goal,
        huddles=huddles,
        attendance=attendance,
        comes_back=comes_back,
    )


def _sent_to(blocker: Blocker, hide: Names) -> str | None:
    """Who it was sent up to by name; None if no one was (its tier says where it is, even
    a tier taken away since), and "management" with no tier either."""
    if blocker.escalated_to:
        return hide.field(blocker.escalated_to)
    return None if blocker.tier_said else "management"


def _ideas_and_impact(store: Store, since: date, until: date, hide: Names) -> IdeasAndImpact:
    """The period's co-production share and what its changes gave (all time too: minutes
    saved a week go on being saved)."""
    end = until + timedelta(days=1)
    share = idea_share(store, since, end)
    said = store.impacts.totals(since, end)
    ever = store.impacts.totals()
    return IdeasAndImpact(
        ideas=share.ideas,
        coproduced=share.coproduced,
        changes=said.changes,
        minutes_a_week_saved=said.minutes_a_week,
        visits_avoided=said.visits_avoided,
        forms_avoided=said.forms_avoided,
        differences=tuple(
            (hide.text(change), hide.text(difference))
            for change, difference in store.impacts.differences(since, end)
        ),
        all_time_changes=ever.changes,
        all_time_minutes_a_week_saved=ever.minutes_a_week,
    )


def _tally(
    steps: Iterable[tuple[str | None, StepStatus]], goal_order: Sequence[str]
) -> tuple[GoalTally, ...]:
    counts: dict[str | None, Counter[StepStatus]] = {}
    for goal, status in steps:
        counts.setdefault(goal, Counter())[status] += 1
    order = {title: i for i, title in enumerate(goal_order)}
    ranked = sorted(
        counts, key=lambda g: (g is None, order.get(g or "", len(order)), (g or "").casefold())
    )
    return tuple(
        GoalTally(
            goal=goal,
            planned=sum(counts[goal].values()),
            done=counts[goal][StepStatus.DONE],
            partly=counts[goal][StepStatus.PARTLY],
            not_done=counts[goal][StepStatus.NOT_DONE] + counts[goal][StepStatus.CARRIED],
            dropped=counts[goal][StepStatus.DROPPED],
            not_reviewed=counts[goal][StepStatus.PLANNED],
        )
        for goal in ranked
    )

"""The service view as a letter to a service manager (`huddle rollup --format email|text`):
the same sections, in the same order, as a team's digest letter, over every team."""

from __future__ import annotations

from huddle.core.blockers import AgeFlag
from huddle.core.digest.letter import Letter, Section
from huddle.core.rollup import Rollup, TeamFigures
from huddle.core.rollup_report import percent


def _days(n: int) -> str:
    return f"{n} huddle day{'s' * (n != 1)}"


def service_letter(found: Rollup) -> Letter:
    day = f"{found.today.day} {found.today:%B %Y}"
    teams = len(found.teams)
    subject = f"Service view: {teams} team{'s' * (teams != 1)}, {day}"
    total = found.steps
    opening = (
        f"Steps are counted {found.week_words}. Across the {teams} team{'s' * (teams != 1)}:"
        f" {total.steps} small steps, done rate {percent(total.done_rate)}; {found.waiting} blocker"
        f"{'s' * (found.waiting != 1)} waiting for an answer, {found.total('overdue')} overdue.",
    )
    waiting = Section("Waiting for you")
    rows = [(t.shown_as, w) for t in found.teams for w in t.waiting]
    for team, w in sorted(rows, key=lambda r: -r[1].huddle_days):
        late = {AgeFlag.RED: ", well past the limit", AgeFlag.AMBER: ", past the limit"}
        waiting.item(
            w.words,
            f"{team}; with {w.to or 'management'}; waiting {_days(w.huddle_days)}"
            + late.get(w.flag, ""),
        )
    if not rows:
        waiting.line("Nothing is waiting for an answer.")
    answered = Section("Answered, teams to close")
    for t in found.teams:
        if t.answered:
            answered.line(f"{t.shown_as}: {t.answered} answered, not yet closed by the team.")
    if not any(t.answered for t in found.teams):
        answered.line("No answer is waiting for a team to close it.")
    did = Section("What the teams did")
    for t in found.teams:
        did.item(t.shown_as, *_team_details(t))
    coming = Section("What is coming back across teams")
    for c in found.coming_back:
        coming.item(
            c.label, f"raised {c.count} times in {len(c.teams)} teams: {', '.join(c.teams)}"
        )
    if not found.coming_back:
        coming.line("Nothing raised in two teams in the last 30 days.")
    sections = [waiting, answered, did, coming]
    if found.unread:
        unread = Section("Not read")
        for u in found.unread:
            unread.line(u.reason)
        sections.append(unread)
    return Letter(subject, opening, tuple(sections))


def _team_details(t: TeamFigures) -> tuple[str, ...]:
    steps = t.steps
    return (
        f"{steps.steps} small steps, done rate {percent(steps.done_rate)},"
        f" ideas from people and carers {percent(t.coproduction_share)}",
        f"{_days(t.streak)} in a row; {t.total_taken:,} small steps taken in all",
        f"blockers: {t.open} open, {t.owned} owned by the team, {len(t.waiting)} waiting"
        f" ({t.overdue} overdue), {t.answered} answered",
    )

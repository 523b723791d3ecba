"""The digest as a letter to management, in the order a manager reads it: what waits for
them, what they answered and the team has still to close, what the team did, what keeps
coming back, and how many came to the huddles. `as_email` writes it as plain text and as
HTML; both say the same, from the `Letter` made here.

Strings here are plain text, user text as typed (one line each): the plain text shows it
as it is and the HTML escapes all of it. No blocker ids: a blocker is named by its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from huddle.core.blockers import raised_ago
from huddle.core.digest.as_markdown import _day, _ideas_line, _impact_line
from huddle.core.digest.models import Digest, OpenEscalation
from huddle.core.models import StepStatus
from huddle.core.text import plural

LESSONS_SHOWN = 10
"""The latest lessons the letter lists; the Markdown digest lists every one."""


@dataclass(frozen=True)
class Entry:
    """A paragraph, a subheading, or an item (a blocker, a step: its words and details)."""

    text: str
    kind: Literal["line", "sub", "item"] = "line"
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    entries: list[Entry] = field(default_factory=list)

    def line(self, text: str) -> None:
        self.entries.append(Entry(_one_line(text)))

    def sub(self, text: str) -> None:
        self.entries.append(Entry(_one_line(text), "sub"))

    def item(self, text: str, *details: str) -> None:
        self.entries.append(Entry(_one_line(text), "item", tuple(_one_line(d) for d in details)))


@dataclass(frozen=True)
class Letter:
    subject: str
    opening: tuple[str, ...]
    sections: tuple[Section, ...]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sentence(words: str) -> str:
    """A line of the Markdown's "In short" as a sentence: a capital, a full stop."""
    return words[:1].upper() + words[1:] + "."


def write_letter(digest: Digest, *, attendance_names: bool = False) -> Letter:
    """The letter for `digest`; attendance is a team total unless `attendance_names` (and
    the digest has names in it)."""
    d = digest
    team = _one_line(d.team) or "the team"
    period = f"{_day(d.since, True)} to {_day(d.until, True)}"
    waiting = sorted(
        (e for e in d.open_escalations if e.waiting_huddle_days is not None),
        key=lambda e: (-(e.waiting_huddle_days or 0), e.sent_up_on, e.raised_on),
    )
    answered = [e for e in d.open_escalations if e.waiting_huddle_days is None]
    taken = sum(1 for s in d.steps_done if s.status == StepStatus.DONE.value)
    overdue = f" ({d.overdue} overdue)" if d.overdue else ""
    in_short = (
        f"In short: {plural(len(waiting), 'blocker')} waiting for you{overdue};"
        f" {len(answered)} answered, for the team to close;"
        f" {plural(taken, 'small step')} done, {len(d.steps_done) - taken} partly done;"
        f" {plural(len(d.resolved), 'blocker')} resolved."
    )
    opening = (
        f"The huddle digest of {team} for {period}"
        + (", with people's names left out." if not d.names else "."),
        in_short,
    )
    sections = (
        _waiting_for_you(d, waiting),
        _answered(answered),
        _what_the_team_did(d, taken),
        _coming_back(d),
        _attendance(d, attendance_names),
    )
    return Letter(f"Huddle digest: {team}, {period}", opening, sections)


def _with_whom(e: OpenEscalation) -> str:
    return e.with_whom or "management"


def _ago(e: OpenEscalation, d: Digest) -> str:
    return raised_ago(e.raised_on, d.made_on, e.age_huddle_days)


def _waiting_for_you(d: Digest, waiting: list[OpenEscalation]) -> Section:
    section = Section("Waiting for you")
    if not waiting:
        section.line("Nothing sent up is waiting for an answer.")
    for e in waiting:
        days = e.waiting_huddle_days or 0
        if e.sent_up_on == d.made_on:
            wait = "sent up today"
        else:
            wait = f"waiting {plural(days, 'huddle day')}{e.how_late}"
        raised_by = f" by {e.raised_by}" if e.raised_by else ""
        section.item(
            e.text + (f" ({e.category})" if e.category else ""),
            f"With {_with_whom(e)}, {wait}.",
            f"Sent up {_day(e.sent_up_on)}: {e.reason}",
            f"Raised{raised_by} on {_day(e.raised_on)}, {_ago(e, d)}.",
        )
    return section


def _answered(answered: list[OpenEscalation]) -> Section:
    section = Section("Answered, team to close")
    if not answered:
        section.line("No answer is waiting for the team to close.")
    for e in answered:
        by = f" by {e.answered_by}" if e.answered_by else ""
        when = f" {_day(e.answered_on)}" if e.answered_on else ""
        section.item(
            e.text,
            f"Answered{when}{by}: {e.answer}",
            f"Sent up {_day(e.sent_up_on)} to {_with_whom(e)}: {e.reason}",
        )
    return section


def _what_the_team_did(d: Digest, taken: int) -> Section:
    section = Section("What the team did")
    section.line(
        f"{plural(taken, 'small step')} done and {len(d.steps_done) - taken} partly done"
        f" at {plural(len(d.huddles), 'huddle')}."
    )
    for g in d.steps_per_goal:
        not_reviewed = f", {g.not_reviewed} not yet reviewed" if g.not_reviewed else ""
        section.item(
            g.goal or "No goal",
            f"{g.planned} planned: {g.done} done, {g.partly} partly, {g.not_done} not done,"
            f" {g.dropped} dropped{not_reviewed}.",
        )
    if d.resolved:
        section.sub("Blockers resolved")
    for r in d.resolved:
        by = f", {r.resolved_by}" if r.resolved_by else ""
        sent_up = " (it had been sent up)" if r.was_sent_up else ""
        section.item(r.blocker + sent_up, f"{_day(r.resolved_on)}{by}: {r.resolution}")
    learned = [s for s in d.steps_done if s.learning]
    if learned:
        section.sub("What was learned")
    for s in learned[-LESSONS_SHOWN:]:
        who = f", {s.who}" if s.who else ""
        section.item(s.text, f"{_day(s.day)}{who}. Learned: {s.learning}")
    if len(learned) > LESSONS_SHOWN:
        more = len(learned) - LESSONS_SHOWN
        section.line(f"And {plural(more, 'lesson')} more, earlier (the Markdown digest has all).")
    section.sub("What the changes gave")
    section.line(_sentence(_ideas_line(d)))
    if d.ideas.changes or d.ideas.all_time_changes:
        section.line(_sentence(_impact_line(d)))
    for change, difference in d.ideas.differences:
        section.item(difference, change)
    return section


def _coming_back(d: Digest) -> Section:
    section = Section("What is coming back")
    if not d.comes_back:
        section.line("No blocker was raised more than once in the last 30 days.")
    for c in d.comes_back:
        section.item(c.describe())
    return section


def _attendance(d: Digest, names: bool) -> Section:
    section = Section("Attendance")
    if not d.huddles:
        section.line("No huddles held in this period.")
        return section
    average = sum(h.present for h in d.huddles) / len(d.huddles)
    section.line(
        f"{plural(len(d.huddles), 'huddle')} held, {average:.1f} people at each on average."
    )
    if names:
        for member in d.attendance:
            section.item(f"{member.who}: {member.present} of {member.of}")
    return section

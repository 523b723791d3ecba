"""The digest as Markdown that also reads well as the plain text of an email."""

from __future__ import annotations

import re
from datetime import date

from huddle.core.blockers import raised_ago
from huddle.core.digest.models import NAME_LEFT_OUT, Digest
from huddle.core.impact import impact_sentence, time_words
from huddle.core.models import StepStatus
from huddle.core.results import ImpactTotals
from huddle.core.text import plural


def _day(day: date, year: bool = False) -> str:
    return f"{day:%a} {day.day} {day:%b}" + (f" {day:%Y}" if year else "")


# Escaped so a renderer shows them as typed: \ and ` always, < (raw HTML, <http://...>),
# "](" (a link or an image), * and _ that could open or close emphasis. "[TODO]" needs no
# escape: a link needs "(" after it, or a "[x]: url" line, which user text never starts.
_MARKDOWN_SIGNS = re.compile(r"[\\`*<]|(?<!\w)_|_(?!\w)|(?<=\])\(")


def _line(text: str) -> str:
    """What someone wrote, on one line (so a bullet stays one bullet) and shown as text when
    the Markdown is rendered: HTML, links, images and emphasis are escaped, not followed."""
    return _MARKDOWN_SIGNS.sub(lambda sign: "\\" + sign.group(), " ".join(text.split()))


def _by(who: str | None) -> str:
    return f", {_line(who)}" if who else ""


def render_markdown(digest: Digest) -> str:
    """The digest as Markdown that also reads well as the plain text of an email."""
    d = digest
    out: list[str] = []
    add = out.append
    add(f"# Huddle digest: {_line(d.team) or 'the team'}")
    add("")
    add(
        f"{_day(d.since, True)} to {_day(d.until, True)}. Made on {_day(d.made_on, True)}"
        + ("; names left out." if not d.names else ".")
    )
    add("")
    add("## In short")
    add("")
    taken = sum(1 for s in d.steps_done if s.status == StepStatus.DONE.value)
    partly = len(d.steps_done) - taken
    overdue = f" ({d.overdue} overdue)" if d.overdue else ""
    add(f"- {plural(len(d.open_escalations), 'blocker')} sent up and still open{overdue}")
    add(f"- {plural(len(d.answers), 'answer')} from management")
    add(f"- {plural(len(d.resolved), 'blocker')} resolved")
    add(f"- {plural(taken, 'small step')} done, {partly} partly done")
    if d.huddles:
        average = sum(h.present for h in d.huddles) / len(d.huddles)
        add(f"- {plural(len(d.huddles), 'huddle')} held, {average:.1f} people at each on average")
    else:
        add("- no huddles held")
    add(f"- {_ideas_line(d)}")
    if d.ideas.changes or d.ideas.all_time_changes:
        add(f"- {_impact_line(d)}")
    add("")

    add("## Sent up to management and still open")
    add("")
    if not d.open_escalations:
        add("Nothing is waiting on management.")
    for e in d.open_escalations:
        category = f" ({_line(e.category)})" if e.category else ""
        add(f"- {_line(e.text)}{category}")
        to_whom = f" to {_line(e.with_whom or NAME_LEFT_OUT)}"
        add(f"  Sent up {_day(e.sent_up_on)}{to_whom}: {_line(e.reason)}")
        if e.waiting_huddle_days is not None and e.sent_up_on == d.made_on:
            add("  No answer yet, sent up today.")
        elif e.waiting_huddle_days is not None:
            waited = plural(e.waiting_huddle_days, "huddle day")
            add(f"  No answer yet, waiting {waited}{_line(e.how_late)}.")
        elif e.answered_on is not None:
            add(f"  Answered {_day(e.answered_on)}{_by(e.answered_by)}: {_line(e.answer)}")
        raised_by = f" by {_line(e.raised_by)}" if e.raised_by else ""
        ago = raised_ago(e.raised_on, d.made_on, e.age_huddle_days)
        add(f"  Raised{raised_by} on {_day(e.raised_on)}, {ago}.")
    add("")

    add("## Answers from management")
    add("")
    if not d.answers:
        add("No answers in this period.")
    for a in d.answers:
        add(f"- {_line(a.blocker)}")
        add(f"  {_day(a.answered_on)}{_by(a.answered_by)}: {_line(a.answer)}")
    add("")

    add("## Resolved")
    add("")
    if not d.resolved:
        add("No blockers resolved in this period.")
    for r in d.resolved:
        sent_up = " (had been sent up)" if r.was_sent_up else ""
        add(f"- {_line(r.blocker)}{sent_up}")
        add(f"  {_day(r.resolved_on)}{_by(r.resolved_by)}: {_line(r.resolution)}")
    add("")

    if d.comes_back:
        add("## Comes back again")
        add("")
        for c in d.comes_back:
            add(f"- {_line(c.describe())}")
        add("")

    if d.ideas.differences:
        add("## The difference to people")
        add("")
        for change, difference in d.ideas.differences:
            add(f"- {_line(change)}: {_line(difference)}")
        add("")

    add("## Small steps done, and what was learned")
    add("")
    if not d.steps_done:
        add("No steps done in this period.")
        add("")
    goals = list(dict.fromkeys(s.goal for s in d.steps_done))
    for goal in sorted(goals, key=lambda g: (g is None, _goal_rank(d, g))):
        add(f"### {_line(goal) if goal else 'No goal'}")
        add("")
        for s in d.steps_done:
            if s.goal != goal:
                continue
            partly_done = " (partly)" if s.status == StepStatus.PARTLY.value else ""
            who = _by(s.who)
            add(f"- {_day(s.day)}{who}: {_line(s.text)}{partly_done}")
            if s.learning:
                add(f"  Learned: {_line(s.learning)}")
        add("")

    add("## Steps per goal")
    add("")
    if not d.steps_per_goal:
        add("No steps planned in this period.")
    for g in d.steps_per_goal:
        parts = [f"{g.done} done", f"{g.partly} partly", f"{g.not_done} not done"]
        parts.append(f"{g.dropped} dropped")
        if g.not_reviewed:
            parts.append(f"{g.not_reviewed} not yet reviewed")
        add(f"- {_line(g.goal) if g.goal else 'No goal'}: {g.planned} planned; {', '.join(parts)}")
    add("")

    add("## Attendance")
    add("")
    if not d.huddles:
        add("No huddles held in this period.")
    else:
        days = ", ".join(f"{_day(h.day)} {h.present}" for h in d.huddles)
        add(f"People at each huddle: {days}.")
        if d.attendance:
            add("")
            for member in d.attendance:
                add(f"- {_line(member.who)}: {member.present} of {member.of}")
    add("")
    return "\n".join(out)


def _goal_rank(digest: Digest, goal: str | None) -> int:
    titles = [g.goal for g in digest.steps_per_goal]
    return titles.index(goal) if goal in titles else len(titles)


def _ideas_line(d: Digest) -> str:
    """ "3 of 12 new ideas (25%) from people who use services, carers and families"."""
    ideas = d.ideas
    if not ideas.ideas:
        return "no new ideas"
    share = f" ({ideas.coproduction_share:.0%})" if ideas.coproduction_share is not None else ""
    return (
        f"{ideas.coproduced} of {plural(ideas.ideas, 'new idea')}{share} from people who use"
        " services, carers and families"
    )


def _impact_line(d: Digest) -> str:
    """What the changes gave, this period and in all: "about 2 hours a week saved, 3 visits
    avoided, by 4 changes (in all: about 6 hours a week by 14 changes)"."""
    ideas = d.ideas
    said = impact_sentence(
        ImpactTotals(
            changes=ideas.changes,
            minutes_a_week=ideas.minutes_a_week_saved,
            visits_avoided=ideas.visits_avoided,
            forms_avoided=ideas.forms_avoided,
            differences=len(ideas.differences),
        )
    ).split(";")[0]
    in_all = ""
    if ideas.all_time_minutes_a_week_saved and ideas.all_time_changes > ideas.changes:
        in_all = (
            f" (in all: {time_words(ideas.all_time_minutes_a_week_saved)} a week saved by"
            f" {plural(ideas.all_time_changes, 'change')})"
        )
    return (said or "no change said what it gave this period") + in_all

"""The digest for management: what was sent up and what came back, what the team did and
learned, and who was there, for a period of days.

`build_digest` reads the store once into plain dataclasses; `render_markdown`,
`render_csv` and `render_json` turn those into text and never touch the store. With
`names=False` every person's name is left out: name fields are empty (None in JSON) and
names inside the free text (a step, a blocker, an answer) are replaced by "[name]"; see
`_Names` for which names and in which forms.

The JSON shape is documented in docs/digest.md and kept stable: fields are only added.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huddle.core.blockers import (
    AgeFlag,
    find_patterns,
    waiting_for_answer,
)
from huddle.core.calendar import parse_day
from huddle.core.models import (
    BlockerEvent,
    BlockerStatus,
    HuddleError,
    Member,
    StepStatus,
)

if TYPE_CHECKING:
    from huddle.core.store import Store

FORMATS = ("md", "csv", "json")
"""The formats a digest is written in."""
DEFAULT_DAYS = 7
"""With no digest written before, a digest covers the last week."""
JSON_VERSION = 1
"""Goes up only if a field changes meaning or is removed (adding one keeps it)."""
NAME_LEFT_OUT = "[name]"


# --- The data -------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenEscalation:
    """A blocker sent up to management and not yet resolved."""

    id: str
    text: str
    category: str | None
    status: str
    """ "escalated" (waiting for an answer) or "answered" (answered, not yet resolved)."""
    raised_on: date
    raised_by: str | None
    age_days: int
    """Days since it was raised."""
    sent_up_on: date
    sent_to: str | None
    """Who it was sent up to, as typed; None when names are left out."""
    reason: str
    waiting_huddle_days: int | None
    """Huddle days it has waited for an answer; None once answered."""
    flag: str
    """ "none", "amber" (waited the team's limit) or "red" (twice the limit)."""
    answer: str
    answered_by: str | None
    answered_on: date | None


@dataclass(frozen=True)
class Answer:
    """Management's answer to a blocker, given in the period."""

    blocker_id: str
    blocker: str
    answer: str
    answered_by: str | None
    answered_on: date


@dataclass(frozen=True)
class Resolution:
    """A blocker resolved in the period."""

    blocker_id: str
    blocker: str
    resolution: str
    resolved_by: str | None
    resolved_on: date
    was_sent_up: bool


@dataclass(frozen=True)
class StepDone:
    """A small step done (or partly done) on a huddle day of the period."""

    day: date
    who: str | None
    text: str
    goal: str | None
    status: str
    """ "done" or "partly"."""
    learning: str


@dataclass(frozen=True)
class GoalTally:
    """What happened to the steps planned for one goal in the period."""

    goal: str | None
    """None for steps linked to no goal."""
    planned: int
    done: int
    partly: int
    not_done: int
    """Not done, or carried over to a later day."""
    dropped: int
    not_reviewed: int


@dataclass(frozen=True)
class HuddleHeld:
    day: date
    present: int
    away: int


@dataclass(frozen=True)
class Attendance:
    """How many of the period's huddles one member was at."""

    who: str
    present: int
    of: int


@dataclass(frozen=True)
class ComesBack:
    """Blockers raised again and again in the 30 days to the end of the period."""

    label: str
    count: int
    since: date

    def describe(self) -> str:
        return f"{self.label}: raised {self.count} times since {self.since.day} {self.since:%B}"


@dataclass(frozen=True)
class Digest:
    team: str
    since: date
    until: date
    made_on: date
    names: bool
    """False when members' names are left out."""
    answer_limit_days: int
    open_escalations: tuple[OpenEscalation, ...]
    answers: tuple[Answer, ...]
    resolved: tuple[Resolution, ...]
    steps_done: tuple[StepDone, ...]
    steps_per_goal: tuple[GoalTally, ...]
    huddles: tuple[HuddleHeld, ...]
    attendance: tuple[Attendance, ...]
    """Empty when names are left out (the huddles still say how many were there)."""
    comes_back: tuple[ComesBack, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for e in self.open_escalations if e.flag != AgeFlag.NONE.value)


# --- The period -----------------------------------------------------------------------


def default_period(store: Store) -> tuple[date, date]:
    """Since the last digest (the day after the period it covered), or the last 7 days;
    until today. Written again the same day, a digest covers the same days again."""
    today = store.today()
    last = store.digests.last()
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
    last = parse_day(until, today, order) if until else default_until
    if since:
        first = parse_day(since, today, order)
    elif until:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    else:
        first = default_since
    if first > last:
        raise HuddleError(f"the digest starts ({first:%d %b %Y}) after it ends ({last:%d %b %Y})")
    return first, last


# --- Building -------------------------------------------------------------------------


_NOT_NAMES = frozenset(
    {
        *("Adult", "Adults", "And", "Assistant", "Board", "Care", "Council", "Department"),
        *("Deputy", "Director", "Dr", "For", "Group", "Head", "Lead", "Management", "Manager"),
        *("Miss", "Mr", "Mrs", "Ms", "Of", "Officer", "Panel", "Principal", "Senior"),
        *("Service", "Services", "Social", "Team", "The"),
    }
)
"""Capitalised words in "sent up to Jane Roe, Director" that are not a person's name."""


def _unaccented(char: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    return base[0] if len(base) == 1 else char


class _Names:
    """People's names, and how to leave them out of a field or of free text.

    Left out of text: each member's name, each word of it, and the names they are also
    called by; and the names of people who are not members but were typed as such ("sent
    up to Jane Roe, Director"). Found in any case, with or without accents ("Zoe" for Zoë),
    before a possessive ("Sarah's", "Sarahs"), joined by punctuation ("Sarah/Bea",
    "Em-Gaz", "sarah_w"), run together ("SarahWhitfield") or with an initial ("SarahW").
    """

    def __init__(self, members: Sequence[Member], others: Iterable[str], keep: bool) -> None:
        self.keep = keep
        words: set[str] = set()
        for name in (n for m in members for n in (m.name, *m.aliases)):
            words.add(name)
            words.update(part for part in re.split(r"[\s\-'.]+", name) if len(part) >= 2)
        for typed in others:  # "Jane Roe, Director": the words before a comma or "("
            head = re.split(r"[,(;:]| - ", typed, maxsplit=1)[0]
            words.update(
                word
                for word in re.split(r"[\s\-'.]+", head)
                if len(word) >= 2
                and word[0].isupper()
                and not word.isupper()
                and word not in _NOT_NAMES
            )
        plain = {self._plain(w) for w in words}
        alternatives = "|".join(re.escape(w) for w in sorted(plain, key=len, reverse=True))
        self._pattern = re.compile(
            rf"(?<![^\W_])(?:{alternatives})+(?:s|(?-i:[A-Z])|\d+)?(?![^\W_])", re.IGNORECASE
        )
        self._any = bool(plain)

    @staticmethod
    def _plain(text: str) -> str:
        """The text without accents, one character for one, so a match's place holds."""
        return "".join(_unaccented(c) for c in text)

    def field(self, name: str | None) -> str | None:
        return name if self.keep else None

    def text(self, text: str) -> str:
        if self.keep or not self._any:
            return text
        text = unicodedata.normalize("NFC", text)
        out: list[str] = []
        end = 0
        for found in self._pattern.finditer(self._plain(text)):
            out += [text[end : found.start()], NAME_LEFT_OUT]
            end = found.end()
        return "".join([*out, text[end:]])


def build_digest(store: Store, since: date, until: date, *, names: bool = True) -> Digest:
    """Everything the digest says about the days from `since` to `until` (both included).
    Blockers still open are as they stand today."""
    team = store.team.get()
    today = store.today()
    calendar = store.calendar()
    members = store.members.all(active_only=False)
    by_id = {m.id: m for m in members}
    hide = _Names(members, store.digests.people_named(), names)

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
                sent_up_on=b.escalated_at.date(),
                sent_to=hide.field(b.escalated_to),
                reason=hide.text(b.escalation_reason),
                waiting_huddle_days=waiting.huddle_days if waiting else None,
                flag=(waiting.flag if waiting else AgeFlag.NONE).value,
                answer=hide.text(b.answer),
                answered_by=hide.field(b.answered_by) if b.answered_by else None,
                answered_on=b.answered_at.date() if b.answered_at else None,
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


# --- Markdown ---------------------------------------------------------------------------


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


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


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
    add(f"- {_plural(len(d.open_escalations), 'blocker')} sent up and still open{overdue}")
    add(f"- {_plural(len(d.answers), 'answer')} from management")
    add(f"- {_plural(len(d.resolved), 'blocker')} resolved")
    add(f"- {_plural(taken, 'small step')} done, {partly} partly done")
    if d.huddles:
        average = sum(h.present for h in d.huddles) / len(d.huddles)
        add(f"- {_plural(len(d.huddles), 'huddle')} held, {average:.1f} people at each on average")
    else:
        add("- no huddles held")
    add("")

    add("## Sent up to management and still open")
    add("")
    if not d.open_escalations:
        add("Nothing is waiting on management.")
    for e in d.open_escalations:
        category = f" ({_line(e.category)})" if e.category else ""
        add(f"- {_line(e.text)}{category}")
        to_whom = f" to {_line(e.sent_to or NAME_LEFT_OUT)}"
        add(f"  Sent up {_day(e.sent_up_on)}{to_whom}: {_line(e.reason)}")
        if e.waiting_huddle_days is not None and e.sent_up_on == d.made_on:
            add("  No answer yet, sent up today.")
        elif e.waiting_huddle_days is not None:
            flag = {
                "red": f": OVERDUE, more than twice the team's limit of {d.answer_limit_days}",
                "amber": f": overdue, past the team's limit of {d.answer_limit_days}",
            }.get(e.flag, "")
            waited = _plural(e.waiting_huddle_days, "huddle day")
            add(f"  No answer yet, waiting {waited}{flag}.")
        elif e.answered_on is not None:
            add(f"  Answered {_day(e.answered_on)}{_by(e.answered_by)}: {_line(e.answer)}")
        raised_by = f" by {_line(e.raised_by)}" if e.raised_by else ""
        add(f"  Raised{raised_by} on {_day(e.raised_on)}, {_plural(e.age_days, 'day')} ago.")
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

    add("## Small steps done, and what was learned")
    add("")
    if not d.steps_done:
        add("No steps done in this period.")
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


# --- CSV ------------------------------------------------------------------------------

CSV_COLUMNS = (
    "section",
    "date",
    "id",
    "who",
    "text",
    "status",
    "goal",
    "category",
    "note",
    "sent_to",
    "age_days",
    "waiting_huddle_days",
    "flag",
    "count",
    "of",
    "done",
    "partly",
    "not_done",
    "dropped",
    "not_reviewed",
)
"""One table, one row per thing, a `section` column to filter on: it opens as it is."""


def render_csv(digest: Digest) -> str:
    """The digest as one CSV table with a `section` column (see CSV_COLUMNS)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()

    def row(section: str, **cells: object) -> None:
        writer.writerow(
            {
                "section": section,
                **{k: "" if v is None else _cell(v) for k, v in cells.items()},
            }
        )

    d = digest
    row("period", date=d.since, text=d.team, note=f"until {d.until}; made on {d.made_on}")
    for e in d.open_escalations:
        row(
            "sent up, still open",
            date=e.sent_up_on,
            id=e.id,
            who=e.raised_by,
            text=e.text,
            status=e.status,
            category=e.category,
            note=e.answer or e.reason,
            sent_to=e.sent_to,
            age_days=e.age_days,
            waiting_huddle_days=e.waiting_huddle_days,
            flag=e.flag,
        )
    for a in d.answers:
        row(
            "answer",
            date=a.answered_on,
            id=a.blocker_id,
            who=a.answered_by,
            text=a.blocker,
            note=a.answer,
        )
    for r in d.resolved:
        row(
            "resolved",
            date=r.resolved_on,
            id=r.blocker_id,
            who=r.resolved_by,
            text=r.blocker,
            note=r.resolution,
            status="resolved",
        )
    for c in d.comes_back:
        row("comes back again", date=c.since, text=c.label, count=c.count)
    for s in d.steps_done:
        row(
            "step done",
            date=s.day,
            who=s.who,
            text=s.text,
            status=s.status,
            goal=s.goal,
            note=s.learning,
        )
    for g in d.steps_per_goal:
        row(
            "steps per goal",
            text=g.goal or "No goal",
            count=g.planned,
            done=g.done,
            partly=g.partly,
            not_done=g.not_done,
            dropped=g.dropped,
            not_reviewed=g.not_reviewed,
        )
    for h in d.huddles:
        row("huddle", date=h.day, count=h.present, of=h.present + h.away)
    for m in d.attendance:
        row("attendance", who=m.who, count=m.present, of=m.of)
    return buffer.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


# --- JSON -----------------------------------------------------------------------------


def to_json_data(digest: Digest) -> dict[str, Any]:
    """The digest as plain JSON data, in the shape docs/digest.md documents."""
    d = digest

    def dates(record: object) -> dict[str, Any]:
        return {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in vars(record).items()
        }

    return {
        "huddle_digest": JSON_VERSION,
        "team": d.team,
        "since": d.since.isoformat(),
        "until": d.until.isoformat(),
        "made_on": d.made_on.isoformat(),
        "names_left_out": not d.names,
        "answer_limit_huddle_days": d.answer_limit_days,
        "summary": {
            "open_escalations": len(d.open_escalations),
            "overdue": d.overdue,
            "answers": len(d.answers),
            "resolved": len(d.resolved),
            "steps_done": sum(1 for s in d.steps_done if s.status == "done"),
            "steps_partly_done": sum(1 for s in d.steps_done if s.status == "partly"),
            "huddles_held": len(d.huddles),
        },
        "open_escalations": [dates(e) for e in d.open_escalations],
        "answers": [dates(a) for a in d.answers],
        "resolved": [dates(r) for r in d.resolved],
        "comes_back_again": [dates(c) for c in d.comes_back],
        "steps_done": [dates(s) for s in d.steps_done],
        "steps_per_goal": [dates(g) for g in d.steps_per_goal],
        "huddles": [dates(h) for h in d.huddles],
        "attendance": [dates(a) for a in d.attendance],
    }


def render_json(digest: Digest) -> str:
    """The digest as JSON (UTF-8, indented, keys in a fixed order)."""
    return json.dumps(to_json_data(digest), indent=2, ensure_ascii=False) + "\n"


def render(digest: Digest, format: str) -> str:
    """The digest in one of FORMATS."""
    if format == "md":
        return render_markdown(digest)
    if format == "csv":
        return render_csv(digest)
    if format == "json":
        return render_json(digest)
    raise HuddleError(f"no digest format '{format}' (choose {', '.join(FORMATS)})")


# --- Writing --------------------------------------------------------------------------


def default_file_name(digest: Digest, format: str) -> str:
    """ "huddle-digest-2026-11-16-to-2026-11-27.md" and so on."""
    return f"huddle-digest-{digest.since.isoformat()}-to-{digest.until.isoformat()}.{format}"


def format_for(path: str | None, given: str | None) -> str:
    """The format asked for, else the one the file name ends with, else Markdown."""
    if given:
        return given
    suffix = Path(path or "").suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "md"


def write_digest(store: Store, digest: Digest, format: str, path: str | None) -> str:
    """Render the digest; write it to `path` (readable by the user alone: it may hold what
    people wrote about the people they support) unless `path` is None; and note in the
    team's file that it was written, so the next digest starts after it. Returns the text."""
    text = render(digest, format)
    if path is not None:
        from huddle.core.files import private_output

        with private_output(path) as out:
            # A spreadsheet reads UTF-8 with accents right only with the byte order mark.
            out.write(("\ufeff" if format == "csv" else "") + text)
    store.digests.record(
        digest.since,
        digest.until,
        format=format,
        names_left_out=not digest.names,
        written_to=str(Path(path).expanduser().resolve()) if path else "",
    )
    return text

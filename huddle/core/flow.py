"""The guided daily huddle, apart from the screen: who is here, what Yesterday looks back on,
how a typed line becomes a step, the numbers of Wrap-up and the streak (the timebox is in
core/timebox.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from huddle.core.matching import match_member, match_one
from huddle.core.models import (
    SOURCE_TAGS,
    Absence,
    BlockerStatus,
    Goal,
    Huddle,
    HuddleError,
    Member,
    Role,
    Source,
    Stage,
    Step,
    StepStatus,
)
from huddle.core.shorthand import kept_as_typed, parse_entry
from huddle.core.store import Store
from huddle.core.text import MAX_TEXT

STAGES: tuple[Stage, ...] = tuple(Stage)
"""The stages in the order the huddle walks through them."""

STAGE_TITLES: dict[Stage, str] = {
    Stage.WHO: "Who's here",
    Stage.YESTERDAY: "Yesterday",
    Stage.TODAY: "Today",
    Stage.BLOCKERS: "Blockers",
    Stage.WRAP_UP: "Wrap-up",
}

REVIEW_MARKS: dict[str, StepStatus] = {
    "d": StepStatus.DONE,
    "p": StepStatus.PARTLY,
    "n": StepStatus.CARRIED,
    "x": StepStatus.DROPPED,
}
"""The one key that marks how a step went; not done means carried over to today."""

# Who's here


@dataclass(frozen=True)
class Presence:
    """One active member at a huddle: here or not, and why they are away by default."""

    member: Member
    present: bool
    absence: Absence | None = None


def default_attendance(members: Iterable[Member], absences: Iterable[Absence]) -> dict[str, bool]:
    """Everyone active is present, except those away or off shift that day."""
    away = {a.member_id for a in absences}
    return {m.id: m.id not in away for m in members if m.active}


def who_is_here(store: Store, day: date) -> list[Presence]:
    """Every active member, by name, with whether they are marked present at `day`'s huddle."""
    members = store.members.all()
    absences = store.absences.on(day)
    by_member = {a.member_id: a for a in absences}
    marked = store.huddles.attendance(day)
    default = default_attendance(members, absences)
    return [Presence(m, marked.get(m.id, default[m.id]), by_member.get(m.id)) for m in members]


def present_members(store: Store, day: date) -> list[Member]:
    """The members who get a turn at `day`'s huddle, by name."""
    return [p.member for p in who_is_here(store, day) if p.present]


def start(store: Store, day: date) -> Huddle:
    """Start `day`'s huddle (or give back the one started): absent members marked away,
    the team lead who is here as facilitator."""
    members = store.members.all()
    attendance = default_attendance(members, store.absences.on(day))
    leads = [m for m in members if m.role is Role.LEAD and attendance.get(m.id)]
    return store.huddles.start(day, leads[0] if leads else None, attendance=attendance)


# Yesterday


@dataclass(frozen=True)
class ReviewGroup:
    """One person's steps to look back on."""

    member_id: str
    member_name: str
    present: bool
    steps: tuple[Step, ...]


def looking_back_to(store: Store, day: date) -> date:
    """The huddle day that `day`'s huddle looks back on (Monday's is Friday)."""
    return store.calendar().previous_huddle_day(day)


def yesterday(store: Store, day: date, present: Iterable[str] | None = None) -> list[ReviewGroup]:
    """What `day`'s huddle looks back on, grouped by person (people here first, by name):
    the previous huddle day's steps and older steps nobody has looked back on yet."""
    here = set(present) if present is not None else {m.id for m in present_members(store, day)}
    groups: dict[str, list[Step]] = {}
    for step in store.steps.for_review(day, looking_back_to(store, day)):
        groups.setdefault(step.member_id, []).append(step)
    found = [
        ReviewGroup(
            steps[0].member_id, steps[0].member_name, steps[0].member_id in here, tuple(steps)
        )
        for steps in groups.values()
    ]
    return sorted(found, key=lambda g: (not g.present, g.member_name.casefold()))


def mark_step(store: Store, step: Step, mark: StepStatus, day: date) -> Step:
    """Mark how a step went at `day`'s huddle; not done carries it over to `day`. One
    transaction, which also keeps the mark as the last at Yesterday (`u` takes it back)."""
    if mark is StepStatus.CARRIED:
        store.steps.carry(step, day, at_huddle=True)
        return store.steps.get(step.id)
    return store.steps.review(step, mark, at_huddle=day)


# Today


@dataclass(frozen=True)
class TypedStep:
    """A line typed at the huddle, with its #goal and @name found."""

    text: str
    member: Member
    goal: Goal | None
    is_blocker: bool
    source: Source | None = None
    """Where the idea came from (+carer), if the line says."""
    is_idea: bool = False
    """A line opened with !!: an idea to note, not yet a step."""


def read_entry(
    line: str, *, member: Member, goals: Sequence[Goal], members: Sequence[Member]
) -> TypedStep:
    """Read a typed line (shorthand: #goal, @name, +carer, a leading ! for a blocker, !!
    for an idea)."""
    entry = parse_entry(line)
    if not entry.text:
        raise HuddleError("type the step itself, not only its #goal or @name")
    if entry.is_blocker and entry.source:
        raise HuddleError("a blocker has no source; leave out the +word")
    goal = match_one(entry.goal, goals, lambda g: g.title, "goal") if entry.goal else None
    who = match_member(entry.who, members) if entry.who else member
    return TypedStep(entry.text, who, goal, entry.is_blocker, entry.source, entry.is_idea)


def preview_entry(line: str, goals: Sequence[Goal], members: Sequence[Member]) -> str:
    """One line saying what a typed line will be saved as, or what is wrong with it."""
    if not line.strip():
        return ""
    if len(line.strip()) > MAX_TEXT:
        return f"that is {len(line.strip()):,} characters; keep it under {MAX_TEXT:,}"
    try:
        entry = parse_entry(line)
        goal = match_one(entry.goal, goals, lambda g: g.title, "goal") if entry.goal else None
        who = match_member(entry.who, members) if entry.who else None
    except HuddleError as error:
        return str(error)
    parts = ["a blocker" if entry.is_blocker else "an idea" if entry.is_idea else "a step"]
    if who:
        parts.append(f"{'noted by' if entry.is_idea else 'for'} {who.name}")
    if entry.is_idea:
        parts[-1] += ","
        parts.append("not yet a step")
    if entry.source:
        parts[-1] += ","
        parts.append(f"from {entry.source.said}")
    if entry.mentions:  # an @name inside the sentence gives the step to nobody
        parts[-1] += ","
        parts.append(kept_as_typed(entry.mentions))
    if goal:
        if entry.mentions or entry.source:
            parts[-1] += ","
        parts.append(f"towards: {goal.title}")
    elif not entry.is_blocker and not entry.is_idea:
        parts.append("(no goal yet: #word links one)")
    return " ".join(parts)


def goal_tags(goals: Sequence[Goal]) -> dict[str, str]:
    """The shortest #tag that names each goal alone, by goal id (e.g. "#cut")."""
    tags: dict[str, str] = {}
    for goal in goals:
        words = goal.title.casefold().replace("#", "").split()
        for count in range(1, len(words) + 1):
            tag = "-".join(words[:count])
            try:
                found = match_one(parse_entry("x #" + tag).goal or "", goals, _title, "goal")
            except HuddleError:
                continue
            if found.id == goal.id:
                tags[goal.id] = "#" + tag
                break
    return tags


def _title(goal: Goal) -> str:
    return goal.title


_PUNCTUATION = ".,;:!?'\"()[]"


def _words(name: str) -> list[str]:
    """A title's or a name's words, folded, without the punctuation around them."""
    folded = name.casefold().replace("#", "")
    return [w.strip(_PUNCTUATION) for w in re.split(r"[\s\-]+", folded) if w.strip(_PUNCTUATION)]


def _runs(name: str) -> Iterator[str]:
    """Each run of a name's words, hyphen-joined, from each word on: "cut", "cut-the", ...,
    "the", "the-wait", ..."""
    words = _words(name)
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            yield "-".join(words[start:end])


def _names_alone(
    tag: str, item: Goal | Member, goals: Sequence[Goal], members: Sequence[Member]
) -> bool:
    """`tag` ("#wait", "@bea") names `item` and nothing else."""
    try:
        entry = parse_entry("x " + tag)
        if isinstance(item, Goal):
            return (
                entry.goal is not None
                and match_one(entry.goal, goals, _title, "goal").id == item.id
            )
        return entry.who is not None and match_member(entry.who, members).id == item.id
    except HuddleError:
        return False


MOST_TAG_CHOICES = 10
"""Tab goes round this many choices at most (the grey hint shows the first)."""


def tag_choices(tag: str, goals: Sequence[Goal], members: Sequence[Member]) -> list[str]:
    """What a half-typed #goal, @name or +source could become on Tab, in the team's order:
    for each goal (person) the first word, or run of words, of its title (name, nickname)
    that goes on from the letters typed and names it alone. What was typed stays as typed
    ("#wa" -> "#wait", "@Sa" -> "@Sam", "@ga" -> "@gaz" for Sam called Gaz), so what Tab
    puts in is what the grey hint showed: the one idea of completion in every box."""
    kind, wanted = tag[:1], tag[1:].casefold()
    if not wanted:
        return []
    found: list[str] = []
    if kind == "+":
        found = [source for source in SOURCE_TAGS if source.startswith(wanted)]
    named: Sequence[Goal | Member] = goals if kind == "#" else members if kind == "@" else ()
    for item in named:
        if len(found) == MOST_TAG_CHOICES:
            break  # a big team: each check reads every name, so only the first few
        names = [item.title] if isinstance(item, Goal) else [item.name, *item.aliases]
        runs = (run for name in names for run in _runs(name) if run.startswith(wanted))
        for run in runs:
            if _names_alone(kind + run, item, goals, members):
                if len(run) > len(wanted):
                    found.append(run)
                break
    return [tag + word[len(wanted) :] for word in found]


def steps_for(store: Store, day: date) -> dict[str, list[Step]]:
    """Each member's steps planned for `day`, carried-over ones first, by member id."""
    found: dict[str, list[Step]] = {}
    for step in store.steps.on_day(day):
        if step.status is not StepStatus.DROPPED:
            found.setdefault(step.member_id, []).append(step)
    for steps in found.values():
        steps.sort(key=lambda s: s.carried_from is None)
    return found


def drop_today(store: Store, step: Step, *, at_huddle: date | None = None) -> bool:
    """Drop a step planned for today: one carried over is kept as dropped, a new one goes.
    Made `at_huddle`, `u` at its Today brings it back. False when there was nothing to drop."""
    return store.steps.drop_planned(step, at_huddle=at_huddle)


# Wrap-up


@dataclass(frozen=True)
class WrapUp:
    """What a huddle did, in numbers and names."""

    reviewed: dict[StepStatus, int]
    """Yesterday's steps of the people here, by how they went (PLANNED: not looked at)."""
    steps_today: int
    blockers_raised: int
    blockers_owned: int
    blockers_sent_up: int
    blockers_resolved: int
    present: tuple[str, ...]
    away: tuple[str, ...]
    seconds_taken: float
    timebox_seconds: int
    steps_taken_total: int
    streak: int


def wrap_up(store: Store, day: date, seconds_taken: float) -> WrapUp:
    """The numbers Wrap-up shows for `day`'s huddle."""
    presence = who_is_here(store, day)
    here = {p.member.id for p in presence if p.present}
    reviewed = dict.fromkeys(
        (
            StepStatus.DONE,
            StepStatus.PARTLY,
            StepStatus.CARRIED,
            StepStatus.DROPPED,
            StepStatus.PLANNED,
        ),
        0,
    )
    for group in yesterday(store, day, here):
        if not group.present:
            continue
        for step in group.steps:
            status = StepStatus.CARRIED if step.status is StepStatus.NOT_DONE else step.status
            reviewed[status] = reviewed.get(status, 0) + 1

    def moved(to: BlockerStatus) -> int:
        """How many blockers were moved to `to` that day (a move taken back with u: not)."""
        return len({e.blocker_id for e in store.blockers.events_between(day, day, to=to)})

    return WrapUp(
        reviewed=reviewed,
        steps_today=sum(len(s) for s in steps_for(store, day).values()),
        blockers_raised=len(store.blockers.raised_between(day, day)),
        blockers_owned=moved(BlockerStatus.OWNED),
        blockers_sent_up=moved(BlockerStatus.ESCALATED),
        blockers_resolved=moved(BlockerStatus.RESOLVED),
        present=tuple(p.member.name for p in presence if p.present),
        away=tuple(p.member.name for p in presence if not p.present),
        seconds_taken=seconds_taken,
        timebox_seconds=store.team.get().timebox_minutes * 60,
        steps_taken_total=store.trends.total_taken(),
        streak=streak(store, day, ending=True),
    )


def streak(store: Store, day: date, *, ending: bool = False) -> int:
    """How many huddle days in a row, up to `day`, the team held its huddle. A huddle day
    not held yet today does not break it. `ending`: as it will be if `day`'s huddle ends
    now (one that did nothing does not count)."""
    # One walk over the calendar (trends.current_streak), not a calendar search per day.
    from huddle.core.trends import current_streak

    def held(first: date, last: date) -> set[date]:
        return store.trends.held_days(first, last, ending=day if ending else None)

    return current_streak(store.calendar(), held, day, store.trends.first_held_day())

"""A typed line made real: the shorthand (#goal, @name, +carer, leading ! or !!) matched
against the team, then saved as a step, a blocker or an idea. The shell (`huddle add`), the
inline form and the huddle screen all go through here, so the same line means the same thing
everywhere.

    entry = parse_entry("ring the carer before the visit #wait @sam")
    resolved = resolve_entry(store, entry, who=None)
    saved = save_entry(store, resolved)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from huddle.core import models  # models.Blocker: loaded when used
from huddle.core.calendar import format_day
from huddle.core.models import HuddleError, Member, Source, Step
from huddle.core.shorthand import Entry, kept_as_typed, parse_entry
from huddle.core.store import Store
from huddle.core.text import clean_line

if TYPE_CHECKING:
    from huddle.core.models import Blocker, Goal, Idea

NOBODY = "whose step is it? Start it with @name"
"""Said when a line names nobody and there is no one to default to."""


class ResolvedEntry(NamedTuple):
    """A line whose person and goal are found in the team; ready to save. (A NamedTuple, as
    shorthand.Entry is.)"""

    text: str
    member: Member
    goal: Goal | None
    is_blocker: bool
    mentions: tuple[str, ...] = ()
    """The @names inside the sentence, kept in the text (they name nobody)."""
    source: Source | None = None
    """Where the idea came from, when the line says (+carer)."""
    is_idea: bool = False

    @property
    def kind(self) -> str:
        return "blocker" if self.is_blocker else "idea" if self.is_idea else "step"


def resolve_entry(
    store: Store,
    entry: Entry,
    *,
    who: Member | str | None = None,
    goal: str | None = None,
    nobody: str = NOBODY,
    source: Source | None = None,
) -> ResolvedEntry:
    """Match an entry's @name (else `who`, the person typing) and #goal (else `goal`);
    its +source, else `source`.

    Raises HuddleError, one line, when a name or goal matches nothing or more than one,
    when nobody is named, when the text is empty, or when a blocker is given a goal.
    """
    if entry.goal and goal and entry.goal.casefold() != goal.casefold():
        raise HuddleError(f"two goals given (#{entry.goal} and {goal}); keep one")
    if entry.who is not None:
        member = store.members.find(entry.who)
    elif isinstance(who, Member):
        member = who
    elif who is not None and who.strip():
        member = store.members.find(who)
    else:
        raise HuddleError(nobody)
    goal_typed = entry.goal or goal
    if entry.is_blocker and goal_typed:
        raise HuddleError("a blocker is not linked to a goal; leave out the #goal")
    if entry.source and source and entry.source is not source:
        raise HuddleError(f"two sources given (+{entry.source} and {source}); keep one")
    if entry.is_blocker and (entry.source or source):
        raise HuddleError("a blocker has no source; leave out the +word")
    linked = store.goals.find(goal_typed) if goal_typed else None
    what = "a blocker" if entry.is_blocker else "an idea" if entry.is_idea else "a step"
    text = clean_line(entry.text, what=what)
    return ResolvedEntry(
        text=text,
        member=member,
        goal=linked,
        is_blocker=entry.is_blocker,
        mentions=entry.mentions,
        source=entry.source or source,
        is_idea=entry.is_idea,
    )


def resolve_line(
    store: Store, line: str, *, who: Member | str | None = None, nobody: str = NOBODY
) -> ResolvedEntry:
    """`parse_entry` then `resolve_entry`: what an input box does with what was typed."""
    return resolve_entry(store, parse_entry(line), who=who, nobody=nobody)


def save_entry(
    store: Store,
    entry: ResolvedEntry,
    *,
    day: date | None = None,
    category: str | None = None,
    entry_id: str | None = None,
) -> Step | Blocker | Idea:
    """Save a step for `day` (default: the coming huddle day), or raise the blocker, or note
    the idea (today).

    One store call, one transaction. Saving the same `entry_id` twice saves it once.
    """
    if entry.is_idea:
        if day is not None and day != store.today():
            raise HuddleError("an idea is noted today; a date is only for steps")
        return store.ideas.add(
            entry.member,
            entry.text,
            source=entry.source or Source.PRACTITIONER,
            goal=entry.goal,
            idea_id=entry_id,
        )
    if entry.is_blocker:
        if day is not None and day != store.today():
            raise HuddleError("a blocker is raised today; a date is only for steps")
        return store.blockers.raise_blocker(
            entry.member, entry.text, category=category, blocker_id=entry_id
        )
    return store.steps.add(
        entry.member,
        entry.text,
        day or store.coming_huddle_day(),
        goal=entry.goal,
        category=category,
        source=entry.source or Source.PRACTITIONER,
        step_id=entry_id,
    )


def describe_entry(entry: ResolvedEntry, day: str | None = None) -> str:
    """What Enter would save, in one line, for a form's preview: "Enter adds a step for Sam
    Okafor, @bea kept as typed, today, goal: Cut the wait..." (`day` as people say it)."""
    if entry.is_blocker:
        return f"Enter raises a blocker for {entry.member.name}"
    if entry.is_idea:
        parts = [f"Enter notes an idea for {entry.member.name} (not yet a step)"]
    else:
        parts = [f"Enter adds a step for {entry.member.name}"]
    if entry.source:
        parts.append(f"from {entry.source.said}")
    if entry.mentions:
        parts.append(kept_as_typed(entry.mentions))
    if day and not entry.is_idea:
        parts.append(day)
    parts.append(f"goal: {entry.goal.title}" if entry.goal else "no goal yet (#goal)")
    return ", ".join(parts)


def describe_saved(saved: Step | Blocker | Idea, today: date) -> str:
    """One line saying what was saved, for a shell or a notice."""
    if isinstance(saved, Step):  # first: a step is what `huddle add` saves most
        goal_note = f" (goal: {saved.goal_title})" if saved.goal_title else ""
        came_from = "" if saved.source is Source.PRACTITIONER else f" (from {saved.source.said})"
        return (
            f"Added for {format_day(saved.day, today)}, {saved.member_name}: {saved.text}"
            f"{goal_note}{came_from}"
        )
    if isinstance(saved, models.Blocker):
        return f"Blocker {saved.short_id} raised by {saved.raised_by_name}: {saved.text}"
    return f"Idea noted by {saved.raised_by_name}, from {saved.source.said}: {saved.text}"

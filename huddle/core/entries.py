"""A typed line made real: the shorthand (#goal, @name, leading !) matched against the team,
then saved as a step or a blocker. The shell (`huddle add`), the inline form and the huddle
screen all go through here, so the same line means the same thing everywhere.

    entry = parse_entry("ring the carer before the visit #wait @sam")
    resolved = resolve_entry(store, entry, who=None)
    saved = save_entry(store, resolved)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huddle.core.calendar import format_day
from huddle.core.models import Blocker, Goal, HuddleError, Member, Step
from huddle.core.shorthand import Entry, kept_as_typed, parse_entry
from huddle.core.store import Store
from huddle.core.text import clean_line

NOBODY = "whose step is it? Start it with @name"
"""Said when a line names nobody and there is no one to default to."""


@dataclass(frozen=True)
class ResolvedEntry:
    """A line whose person and goal are found in the team; ready to save."""

    text: str
    member: Member
    goal: Goal | None
    is_blocker: bool
    mentions: tuple[str, ...] = ()
    """The @names inside the sentence, kept in the text (they name nobody)."""

    @property
    def kind(self) -> str:
        return "blocker" if self.is_blocker else "step"


def resolve_entry(
    store: Store,
    entry: Entry,
    *,
    who: Member | str | None = None,
    goal: str | None = None,
    nobody: str = NOBODY,
) -> ResolvedEntry:
    """Match an entry's @name (else `who`, the person typing) and #goal (else `goal`).

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
    linked = store.goals.find(goal_typed) if goal_typed else None
    text = clean_line(entry.text, what="a blocker" if entry.is_blocker else "a step")
    return ResolvedEntry(
        text=text,
        member=member,
        goal=linked,
        is_blocker=entry.is_blocker,
        mentions=entry.mentions,
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
) -> Step | Blocker:
    """Save a step for `day` (default: the coming huddle day), or raise the blocker (today).

    One store call, one transaction. Saving the same `entry_id` twice saves it once.
    """
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
        step_id=entry_id,
    )


def describe_entry(entry: ResolvedEntry, day: str | None = None) -> str:
    """What Enter would save, in one line, for a form's preview: "Enter adds a step for Sam
    Okafor, @bea kept as typed, today, goal: Cut the wait..." (`day` as people say it)."""
    if entry.is_blocker:
        return f"Enter raises a blocker for {entry.member.name}"
    parts = [f"Enter adds a step for {entry.member.name}"]
    if entry.mentions:
        parts.append(kept_as_typed(entry.mentions))
    if day:
        parts.append(day)
    parts.append(f"goal: {entry.goal.title}" if entry.goal else "no goal yet (#goal)")
    return ", ".join(parts)


def describe_saved(saved: Step | Blocker, today: date) -> str:
    """One line saying what was saved, for a shell or a notice."""
    if isinstance(saved, Blocker):
        return f"Blocker {saved.short_id} raised by {saved.raised_by_name}: {saved.text}"
    goal_note = f" (goal: {saved.goal_title})" if saved.goal_title else ""
    return f"Added for {format_day(saved.day, today)}, {saved.member_name}: {saved.text}{goal_note}"

"""Ideas, before they are steps: listed, tried as a step, adopted or set aside, and where
they came from counted (co-production). The store keeps them; this says them in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from huddle.core.calendar import Period, format_day
from huddle.core.impact import impact_words
from huddle.core.models import (
    HuddleError,
    Idea,
    IdeaStatus,
    Impact,
    Member,
    Step,
)

if TYPE_CHECKING:
    from huddle.core.store import Store

STATUS_WORDS = {
    "new": IdeaStatus.NEW,
    "trying": IdeaStatus.TRYING,
    "adopted": IdeaStatus.ADOPTED,
    "not-now": IdeaStatus.NOT_NOW,
    "not for now": IdeaStatus.NOT_NOW,
}
"""The states as typed in a shell (`--status not-now`) or read in JSON."""


def read_status(typed: str) -> IdeaStatus:
    """The state a typed word names; a clear error otherwise."""
    found = STATUS_WORDS.get(" ".join(typed.lower().split()))
    if found is None:
        raise HuddleError(f"'{typed[:20]}' is not a state: new, trying, adopted or not-now")
    return found


@dataclass(frozen=True)
class IdeaShare:
    """New ideas in a span of days, and how many came from people who use services or
    their carers and families (co-production)."""

    ideas: int
    coproduced: int


def idea_share(store: Store, first: date, end: date) -> IdeaShare:
    """New steps and the ideas noted but not made into a step, from `first` up to (not
    including) `end`, as Trends counts them."""
    steps = store.trends.step_counts(Period.YEAR, first, end).values()
    noted = store.ideas.per_period(Period.YEAR, first, end).values()
    return IdeaShare(
        ideas=sum(c.ideas for c in steps) + sum(c.noted for c in noted),
        coproduced=sum(c.coproduced for c in steps) + sum(c.coproduced for c in noted),
    )


RECENT_WEEKS = 12
"""How far back the Ideas screen reads the share of ideas from people and carers."""


def recent_idea_share(store: Store, weeks: int = RECENT_WEEKS) -> IdeaShare:
    """The share over the last `weeks` weeks, today included: 7 x `weeks` days, not one more."""
    today = store.today()
    return idea_share(store, today - timedelta(weeks=weeks, days=-1), today + timedelta(days=1))


def try_idea(store: Store, idea: Idea, member: Member, day: date | None = None) -> Step:
    """Make a step from an idea, for `member` at the coming huddle (or `day`): the idea is
    then being tried, and the step carries where it came from."""
    if idea.status is IdeaStatus.ADOPTED:
        raise HuddleError(f'"{short(idea.text)}" is adopted already; no need to try it')
    day = day or store.coming_huddle_day()
    if any(s.idea_id == idea.id and s.member_id == member.id for s in store.steps.on_day(day)):
        when = format_day(day, store.today())
        raise HuddleError(f'"{short(idea.text)}" is already {member.name}\'s step for {when}')
    return store.steps.add(
        member,
        idea.text,
        day,
        goal=store.goals.get(idea.goal_id) if idea.goal_id else None,
        idea=idea,
    )


def move_idea(store: Store, idea: Idea, status: IdeaStatus, gave: Impact | None = None) -> Idea:
    """Move an idea to another state; adopting it may say what it gave."""
    if gave is not None and status is not IdeaStatus.ADOPTED:
        raise HuddleError("what it gave is said when an idea is adopted")
    moved = store.ideas.move(idea, status) if idea.status is not status else idea
    if gave is not None and not gave.is_empty:
        store.impacts.say(gave, idea_id=idea.id)
    return moved


def short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def moved_words(idea: Idea) -> str:
    """What a shell says after a move: '"Drop the duplicate field" is adopted'."""
    return f'"{short(idea.text)}" is {idea.status.value}'


def ideas_as_text(ideas: list[Idea], today: date, store: Store) -> str:
    """The ideas as a shell shows them, one a line, grouped by where they stand."""
    if not ideas:
        return 'No ideas yet. Note one: huddle idea "TEXT" --from carer'
    lines: list[str] = []
    for status in IdeaStatus:
        these = [i for i in ideas if i.status is status]
        if not these:
            continue
        lines.append(f"{status.value.capitalize()} ({len(these)})")
        for idea in these:
            said = f"from {idea.source.said}, noted by {idea.raised_by_name}"
            when = format_day(idea.raised_on, today)
            goal = f", goal: {idea.goal_title}" if idea.goal_title else ""
            steps = f", {idea.steps} step{'s' if idea.steps != 1 else ''}" if idea.steps else ""
            lines.append(f"  {idea.short_id}  {idea.text}")
            lines.append(f"          {said}, {when}{goal}{steps}")
            gave = store.impacts.of(idea_id=idea.id)
            if gave is not None and impact_words(gave):
                lines.append(f"          gave: {impact_words(gave)}")
    return "\n".join(lines)


def ideas_as_json(ideas: list[Idea], store: Store) -> dict[str, Any]:
    """The ideas for scripts (the shape is in `huddle ideas --help`)."""
    rows = []
    for idea in ideas:
        gave = store.impacts.of(idea_id=idea.id)
        rows.append(
            {
                "id": idea.id,
                "text": idea.text,
                "status": idea.status.value,
                "source": idea.source.value,
                "coproduced": idea.source.coproduced,
                "raised_by": idea.raised_by_name,
                "raised_on": idea.raised_on.isoformat(),
                "goal": idea.goal_title,
                "steps": idea.steps,
                "gave": None
                if gave is None
                else {
                    "minutes_a_week_saved": gave.minutes_a_week,
                    "visits_avoided": gave.visits_avoided,
                    "forms_avoided": gave.forms_avoided,
                    "difference": gave.difference,
                },
            }
        )
    counts = {status.value: 0 for status in IdeaStatus}
    for idea in ideas:
        counts[idea.status.value] += 1
    return {"ideas": rows, "counts": counts}

"""What one practitioner has on: `huddle mine`. Their steps for the coming huddle day, the steps
carried over to them, and the blockers they raised or own that are still open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from huddle.core.blockers import huddle_days_old, raised_ago
from huddle.core.calendar import format_day
from huddle.core.models import Blocker, Member, Step
from huddle.core.store import Store


@dataclass(frozen=True)
class Mine:
    member: Member
    day: date
    """The coming huddle day."""
    today: date
    steps: list[Step]
    """Their steps for `day`, not counting carried ones."""
    carried: list[Step]
    """Steps carried over from an earlier day, still planned (for `day` or later)."""
    blockers: list[Blocker]
    """Open blockers they raised or own."""
    ages: dict[str, int]
    """Each blocker's age (by its id) in the team's huddle days, as the screens say it."""


def read_mine(store: Store, member: Member) -> Mine:
    """Read what `member` has on for the coming huddle."""
    day = store.coming_huddle_day()
    carried = store.steps.carried_over(member)
    carried_ids = {step.id for step in carried}
    steps = [
        step
        for step in store.steps.on_day(day)
        if step.member_id == member.id and step.id not in carried_ids and not step.carried_from
    ]
    blockers = [
        blocker
        for blocker in store.blockers.open()
        if member.id in (blocker.raised_by, blocker.owner_id)
    ]
    today, calendar = store.today(), store.calendar()
    ages = {b.id: huddle_days_old(b, calendar, today) for b in blockers}
    return Mine(member, day, today, steps, carried, blockers, ages)


def mine_as_text(found: Mine) -> str:
    """The readable form: a few short sections, empty ones said in a word."""
    today = found.today
    lines = [f"{found.member.name}: the huddle {format_day(found.day, today)}"]
    lines.append("")
    lines.append(f"Steps ({len(found.steps)}):")
    lines += [f"  - {_step_line(step)}" for step in found.steps] or ["  none yet: huddle add"]
    if found.carried:
        lines.append("")
        lines.append(f"Carried over ({len(found.carried)}):")
        lines += [
            f"  - {_step_line(step)} (for {format_day(step.day, today)})" for step in found.carried
        ]
    lines.append("")
    lines.append(f"Open blockers ({len(found.blockers)}):")
    lines += [f"  - {_blocker_line(b, found)}" for b in found.blockers] or ["  none"]
    return "\n".join(lines)


def _step_line(step: Step) -> str:
    return step.text + (f"  [goal: {step.goal_title}]" if step.goal_title else "")


def _blocker_line(blocker: Blocker, found: Mine) -> str:
    when = raised_ago(blocker.raised_on, found.today, found.ages[blocker.id])
    mine = (
        "raised by you"
        if blocker.raised_by == found.member.id
        else f"owned by you, raised by {blocker.raised_by_name}"
    )
    return f"{blocker.short_id} {blocker.text} ({blocker.status.said}, {mine} {when})"


def mine_as_json(found: Mine) -> dict[str, Any]:
    """The form for scripts; its shape is documented in `huddle mine --help`."""
    today = found.today
    return {
        "member": found.member.name,
        "huddle_day": found.day.isoformat(),
        "steps": [_step_json(step) for step in found.steps],
        "carried": [_step_json(step) for step in found.carried],
        "blockers": [
            {
                "id": blocker.id,
                "short_id": blocker.short_id,
                "text": blocker.text,
                "status": blocker.status.value,
                "raised_on": blocker.raised_on.isoformat(),
                "age_days": (today - blocker.raised_on).days,
                "age_huddle_days": found.ages[blocker.id],
                "raised_by": blocker.raised_by_name,
                "owner": blocker.owner_name,
            }
            for blocker in found.blockers
        ],
    }


def _step_json(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "text": step.text,
        "goal": step.goal_title,
        "day": step.day.isoformat(),
        "status": step.status.value,
        "carried_from": step.carried_from,
    }

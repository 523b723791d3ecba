"""PDSA cycles as `huddle pdsa` lists them: each with its stage and, for an adopted change,
its next sustainment check ("still in place?")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from huddle.core.calendar import format_day
from huddle.core.models import Goal
from huddle.core.pdsa import Act, PdsaCycle, SustainmentCheck

if TYPE_CHECKING:
    from huddle.core.store import Store


_DONE = {Act.ADOPT: "adopted", Act.ADAPT: "adapted", Act.ABANDON: "abandoned"}


@dataclass(frozen=True)
class CycleWithChecks:
    cycle: PdsaCycle
    checks: list[SustainmentCheck]

    @property
    def next_check(self) -> SustainmentCheck | None:
        """The first check nobody has answered yet (only an adopted change has checks)."""
        return next((c for c in self.checks if c.in_place is None), None)


def list_cycles(store: Store, goal: Goal | None = None) -> list[CycleWithChecks]:
    """The newest cycles (of one goal, if given), undecided ones first."""
    return [CycleWithChecks(c, store.pdsa.checks(c)) for c in store.pdsa.recent(goal=goal)]


def cycles_as_text(found: list[CycleWithChecks], today: date) -> str:
    """Two lines a cycle: short id, stage and the change; then its goal, dates, steps and
    next check."""
    if not found:
        return "No PDSA cycles yet. Plan one in the app: g (Goals), then p, then n."
    stage_width = max(len(f.cycle.stage_label) for f in found)
    lines = [f"PDSA cycles ({len(found)}):"]
    for item in found:
        cycle = item.cycle
        lines.append(f"  {cycle.short_id}  {cycle.stage_label:<{stage_width}}  {cycle.change}")
        about = [f"goal: {cycle.goal_title}" if cycle.goal_title else "no goal"]
        about.append(f"since {format_day(cycle.started_on, today)}")
        about.append(f"{len(cycle.steps)} step{'s' * (len(cycle.steps) != 1)}")
        lines.append(" " * 10 + " · ".join(about))
        later = [f"adapted from {cycle.adapted_from[:6]}"] if cycle.adapted_from else []
        if cycle.act and cycle.decided_on:
            later.append(f"{_DONE[cycle.act]} {format_day(cycle.decided_on, today)}")
        check = item.next_check
        if check is not None:
            due = " (due now)" if check.due_on <= today else ""
            later.append(
                f"next check: {check.after_days} days on, {format_day(check.due_on, today)}{due}"
            )
        if later:
            lines.append(" " * 10 + " · ".join(later))
    return "\n".join(lines)


def cycles_as_json(found: list[CycleWithChecks], today: date) -> list[dict[str, Any]]:
    """The form for scripts; its shape is documented in `huddle pdsa --help`."""
    return [_cycle_json(item, today) for item in found]


def _cycle_json(item: CycleWithChecks, today: date) -> dict[str, Any]:
    cycle, check = item.cycle, item.next_check
    return {
        "id": cycle.id,
        "short_id": cycle.short_id,
        "stage": cycle.stage.value,
        "change": cycle.change,
        "prediction": cycle.prediction,
        "goal": cycle.goal_title,
        "started_on": cycle.started_on.isoformat(),
        "steps": [
            {
                "id": s.id,
                "day": s.day.isoformat(),
                "who": s.member_name,
                "text": s.text,
                "status": s.status.value,
                "learning": s.learning or None,
            }
            for s in cycle.steps
        ],
        "study": cycle.study or None,
        "act": cycle.act.value if cycle.act else None,
        "act_note": cycle.act_note or None,
        "decided_on": cycle.decided_on.isoformat() if cycle.decided_on else None,
        "adapted_from": cycle.adapted_from,
        "next_check": None
        if check is None
        else {
            "after_days": check.after_days,
            "due_on": check.due_on.isoformat(),
            "due": check.due_on <= today,
        },
        "checks": [
            {
                "after_days": c.after_days,
                "due_on": c.due_on.isoformat(),
                "in_place": c.in_place,
                "checked_on": c.checked_on.isoformat() if c.checked_on else None,
                "note": c.note or None,
            }
            for c in item.checks
        ],
    }

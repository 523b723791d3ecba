"""The team's goals as `huddle goals` lists them: each with its small steps in all and its
done rate, active goals first; and the steps linked to no goal, counted too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from huddle.core.calendar import format_target
from huddle.core.matching import match_one
from huddle.core.models import Goal, GoalStatus, NotFound
from huddle.core.results import StepCounts
from huddle.core.trends import format_value

if TYPE_CHECKING:
    from huddle.core.store import Store


@dataclass(frozen=True)
class GoalTotals:
    goal: Goal | None
    """None for the steps linked to no goal."""
    total: StepCounts


def goal_totals(store: Store) -> list[GoalTotals]:
    """Every goal (active, then achieved, then retired), and last the steps with no goal."""
    order = {GoalStatus.ACTIVE: 0, GoalStatus.ACHIEVED: 1, GoalStatus.RETIRED: 2}
    goals = sorted(store.goals.all(active_only=False), key=lambda g: order[g.status])
    found = [GoalTotals(g, store.trends.goal_total(g.id)) for g in goals]
    return [*found, GoalTotals(None, store.trends.goal_total(""))]


def find_any_goal(store: Store, typed: str) -> Goal:
    """The goal `typed` names, by unique prefix of a word: an active one if one matches,
    else an achieved or retired one (so they can be edited or brought back)."""
    try:
        return store.goals.find(typed)
    except NotFound:
        every = store.goals.all(active_only=False)
        inactive = [g for g in every if g.status is not GoalStatus.ACTIVE]
        try:
            return match_one(typed, inactive, lambda g: g.title, "goal")
        except NotFound:
            # Not found anywhere: the message names every goal there is.
            return match_one(typed, every, lambda g: g.title, "goal")


def goals_as_text(found: list[GoalTotals]) -> str:
    """One line a goal: title, status when not active, target, steps and done rate."""
    goals = [t for t in found if t.goal is not None]
    active = sum(t.goal.status is GoalStatus.ACTIVE for t in goals if t.goal)
    lines = [f"Goals ({active} active):"]
    if not goals:
        lines.append('  none yet: huddle team goal "Cut the wait for a care assessment"')
    rows = [_row(t) for t in found]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for totals, row in zip(found, rows, strict=True):
        if totals.goal is None:
            lines.append("")
        title, steps, rate, target = row
        lines.append(
            f"  {title:<{widths[0]}}  {steps:>{widths[1]}}  {rate:>{widths[2]}}  {target}".rstrip()
        )
    return "\n".join(lines)


def _row(totals: GoalTotals) -> tuple[str, str, str, str]:
    goal, total = totals.goal, totals.total
    steps = f"{total.steps} step{'s' * (total.steps != 1)}"
    rate = f"{format_value(total.done_rate, 'rate')} done"
    if goal is None:
        return "(steps with no goal)", steps, rate, ""
    status = "" if goal.status is GoalStatus.ACTIVE else f" ({goal.status.value})"
    target = f"by {format_target(goal.target_date)}" if goal.target_date else ""
    return goal.title + status, steps, rate, target


def goals_as_json(found: list[GoalTotals]) -> dict[str, Any]:
    """The form for scripts; its shape is documented in `huddle goals --help`."""
    goals = []
    no_goal: dict[str, Any] = {}
    for totals in found:
        counts = {
            "steps": totals.total.steps,
            "taken": totals.total.taken,
            "done_rate": totals.total.done_rate,
            "learning_lines": totals.total.learned,
        }
        goal = totals.goal
        if goal is None:
            no_goal = counts
            continue
        goals.append(
            {
                "id": goal.id,
                "title": goal.title,
                "status": goal.status.value,
                "why": goal.why,
                "how_we_know": goal.how_we_know,
                "target_date": goal.target_date.isoformat() if goal.target_date else None,
                **counts,
            }
        )
    return {"goals": goals, "no_goal": no_goal}

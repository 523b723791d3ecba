"""The service view as Markdown or JSON, for a service manager's shell or email."""

from __future__ import annotations

import json

from huddle.core.results import IdeaCounts, StepCounts, coproduction_share
from huddle.core.rollup import Rollup, TeamFigures
from huddle.core.trends import format_value


def percent(value: float | None) -> str:
    return format_value(value, "rate")


def oldest(team: TeamFigures) -> str:
    days = team.oldest_wait
    return "-" if days is None else f"{days} huddle day{'s' * (days != 1)}"


def where_waiting(team: TeamFigures) -> str:
    """ "David Marsh 2, sent up 1" ("-" when nothing waits)."""
    return ", ".join(f"{where} {n}" for where, n in team.waiting_by_where().items()) or "-"


def as_markdown(found: Rollup) -> str:
    day = f"{found.today.day} {found.today:%B %Y}"
    lines = [f"# Service view on {day}", "", f"Steps: {found.week_words}.", ""]
    lines += [
        "| Team | Steps | Done rate | Streak | Open | Owned | Waiting for an answer"
        " | Oldest wait | Answers overdue | Answered, to close | Ideas from people & carers |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for team in found.teams:
        steps = team.steps
        lines.append(
            f"| {_cell(team.shown_as)} | {steps.steps} | {percent(steps.done_rate)} | {team.streak}"
            f" | {team.open} | {team.owned} | {_cell(where_waiting(team))} | {oldest(team)}"
            f" | {team.overdue} | {team.answered} | {percent(team.coproduction_share)} |"
        )
    total = found.steps
    lines.append(
        f"| **{found.all_teams}** | {total.steps} | {percent(total.done_rate)} | -"
        f" | {found.total('open')} | {found.total('owned')} | {found.waiting} | -"
        f" | {found.total('overdue')} | {found.total('answered')}"
        f" | {percent(found.coproduction_share)} |"
    )
    lines += ["", "## Coming back across teams", ""]
    if found.coming_back:
        lines += [
            f"- {_cell(c.label)}: raised {c.count} times in {len(c.teams)} teams"
            f" ({', '.join(c.teams)})"
            for c in found.coming_back
        ]
    else:
        lines.append("Nothing raised in two teams in the last 30 days.")
    if found.unread:
        lines += ["", "## Not read", ""]
        lines += [f"- {_cell(u.reason)}" for u in found.unread]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text in a Markdown table cell or list: pipes and line breaks can't break it."""
    return " ".join(text.split()).replace("|", "\\|")


def _week(steps: StepCounts, ideas: IdeaCounts) -> dict[str, object]:
    """The week's steps, and its new ideas (new steps and ideas noted) as Trends counts them."""
    return {
        "steps": steps.steps,
        "taken": steps.taken,
        "reviewed": steps.reviewed,
        "done_rate": steps.done_rate,
        "ideas": steps.ideas + ideas.noted,
        "ideas_noted": ideas.noted,
        "coproduced": steps.coproduced + ideas.coproduced,
        "coproduction_share": coproduction_share(steps, ideas),
    }


def as_json(found: Rollup) -> str:
    teams = [
        {
            "team": t.team,
            "shown_as": t.shown_as,
            "file": str(t.path),
            "week": _week(t.steps, t.ideas),
            "streak": t.streak,
            "total_taken": t.total_taken,
            "blockers": {
                "open": t.open,
                "owned": t.owned,
                "waiting": len(t.waiting),
                "waiting_by_where": t.waiting_by_where(),
                "oldest_wait_huddle_days": t.oldest_wait,
                "overdue": t.overdue,
                "answered": t.answered,
            },
        }
        for t in found.teams
    ]
    totals = {
        "teams": len(found.teams),
        "week": _week(found.steps, found.ideas),
        "blockers": {
            "open": found.total("open"),
            "owned": found.total("owned"),
            "waiting": found.waiting,
            "overdue": found.total("overdue"),
            "answered": found.total("answered"),
        },
    }
    return json.dumps(
        {
            "today": found.today.isoformat(),
            "week": {"from": found.week.isoformat(), "last_week": found.last_week},
            "teams": teams,
            "totals": totals,
            "coming_back": [
                {"label": c.label, "teams": list(c.teams), "count": c.count}
                for c in found.coming_back
            ],
            "not_read": [{"file": str(u.path), "reason": u.reason} for u in found.unread],
        },
        indent=2,
    )

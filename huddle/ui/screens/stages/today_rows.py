"""What the Today stage draws: whose turn it is, a planned step's row and the line of
everyone's names. User text always literal."""

from __future__ import annotations

from textual.content import Content

from huddle.core.models import Member, Source, Step
from huddle.ui.widgets.keylist import hanging, with_tail


def step_row(step: Step, carried_from: str | None, width: int) -> Content:
    """A step planned for today, wrapped to `width`; `carried_from` names the day a carried
    step was first planned."""
    parts: list[str | tuple[str, str] | Content] = []
    if carried_from is not None:
        lead = Content.styled("→ ", "$text-accent")
        parts.append((f"carried from {carried_from}: ", "$text-accent"))
    else:
        lead = Content.styled("• ", "$text-success")
    parts.append(Content(step.text))
    text = Content.assemble(*parts)
    tail: list[Content] = []
    if step.goal_title:
        tail.append(
            Content.assemble(("· ", "dim"), Content(step.goal_title).stylize("italic $text-muted"))
        )
    if step.source is not Source.PRACTITIONER:
        tail.append(Content.styled(f"from {step.source.said}", "$text-muted"))
    if tail:
        text = with_tail(text, Content("  ").join(tail), width - lead.cell_length)
    return hanging(lead, [text], width)


AROUND = 40
"""People named either side of the one whose turn it is; a bigger team's line says how many
more there are (a screen never builds more than it can show)."""


def people_chunks(
    people: list[Member], steps: dict[str, list[Step]], drafts: dict[str, str], current: str | None
) -> list[Content]:
    """Everyone here, marked: ✓ has a step, ✎ has a draft, the current turn reversed."""
    at = next((n for n, member in enumerate(people) if member.id == current), 0)
    start, end = max(0, at - AROUND), min(len(people), at + AROUND + 1)
    chunks: list[Content] = []
    if start:
        chunks.append(Content.styled(f" … {start:,} before ", "$text-muted"))
    for member in people[start:end]:
        has = bool(steps.get(member.id))
        mark = "✓ " if has else ("✎ " if drafts.get(member.id) else "· ")
        label = mark + member.name
        if member.id == current:
            style = "bold reverse $accent"
        else:
            style = "$text-success" if has else "$text-muted"
        chunks.append(Content.styled(f" {label} ", style))
    if end < len(people):
        chunks.append(Content.styled(f" … {len(people) - end:,} more ", "$text-muted"))
    return chunks


def by_name(steps: dict[str, list[Step]]) -> list[tuple[str, list[Step]]]:
    """Everybody's steps, grouped under their names in alphabetical order."""
    grouped: dict[str, list[Step]] = {}
    for theirs in steps.values():
        for step in theirs:
            grouped.setdefault(step.member_name, []).append(step)
    return sorted(grouped.items(), key=lambda item: item[0].casefold())

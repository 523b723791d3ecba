"""The one-line shorthand people type everywhere (shell, inline form, huddle screen):

    prepare the visit questions #wait @ann      a step for Ann, linked to the goal "...wait..."
    ! the referral form asks for the NHS number twice      a blocker, not a step

`#goal` names a goal by the start of any word of its title (hyphens for spaces), `@name`
a member by the start of their name; both are taken out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from huddle.core.models import Goal, HuddleError, Member

# A tag starts a word and starts with a letter, so "room #3" and "a@b.org" stay text.
_TAG = re.compile(r"(?<!\S)([#@])([^\W\d_][\w\-'.]*)")


@dataclass(frozen=True)
class Entry:
    """A typed line, taken apart; names are as typed, not yet matched."""

    text: str
    goal: str | None = None
    who: str | None = None
    is_blocker: bool = False


def parse_entry(line: str) -> Entry:
    """Take the shorthand out of a line. Refuses two goals or two names in one line."""
    stripped = line.strip()
    is_blocker = stripped.startswith("!")
    if is_blocker:
        stripped = stripped[1:].lstrip()
    goals: list[str] = []
    names: list[str] = []

    def take(match: re.Match[str]) -> str:
        word = match.group(2)
        kept = word.rstrip(".'-")
        (goals if match.group(1) == "#" else names).append(kept.replace("-", " ").replace("_", " "))
        return word[len(kept) :]  # the full stop that ended the sentence stays

    text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(_TAG.sub(take, stripped).split()))
    if len(goals) > 1:
        raise HuddleError(f"one goal per step, please (found #{' #'.join(goals)})")
    if len(names) > 1:
        raise HuddleError(f"one person per step, please (found @{' @'.join(names)})")
    return Entry(
        text=text,
        goal=goals[0] if goals else None,
        who=names[0] if names else None,
        is_blocker=is_blocker,
    )


def goal_tag(goal: Goal) -> str:
    """The tag that names a goal when typed: its first word, e.g. #cut."""
    return "#" + goal.title.split()[0].lower()


def member_tag(member: Member) -> str:
    return "@" + member.name.split()[0].lower()

"""The things a huddle is made of, as frozen dataclasses, and their statuses.

One module per kind of thing (people, team, steps, blockers, ...); import every name from
here (`from huddle.core.models import Step`). A module is loaded when one of its names is
first asked for (PEP 562): building a frozen dataclass costs about a millisecond at start-up,
and `huddle add` needs only a few of them (issue 12).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from huddle.core.models.blockers import (
        BLOCKER_MOVES,
        TIER_TAKEN_AWAY,
        Blocker,
        BlockerEvent,
        BlockerStatus,
        Tier,
    )
    from huddle.core.models.day_status import DayColor, DayMeasure
    from huddle.core.models.days_off import Absence, Holiday
    from huddle.core.models.digests import DigestRecord
    from huddle.core.models.goals import Goal, GoalStatus
    from huddle.core.models.huddles import Huddle, HuddleTimer, Stage
    from huddle.core.models.ideas import Idea, IdeaStatus, Impact
    from huddle.core.models.people import Member, Role
    from huddle.core.models.steps import SOURCE_TAGS, Source, Step, StepStatus
    from huddle.core.models.team import DateOrder, SpeakerOrder, Team


class HuddleError(Exception):
    """A problem the user can fix, with a one-line message meant for them."""


class NotFound(HuddleError):
    """Nothing matched what the user typed."""


class Ambiguous(HuddleError):
    """More than one thing matched what the user typed."""


class InvalidMove(HuddleError):
    """A status change that is not allowed from the current status."""


PARTS: dict[str, tuple[str, ...]] = {
    "people": ("Role", "Member"),
    "team": ("DateOrder", "SpeakerOrder", "Team"),
    "days_off": ("Holiday", "Absence"),
    "day_status": ("DayColor", "DayMeasure"),
    "goals": ("GoalStatus", "Goal"),
    "steps": ("StepStatus", "Source", "SOURCE_TAGS", "Step"),
    "ideas": ("IdeaStatus", "Idea", "Impact"),
    "blockers": (
        "BlockerStatus",
        "BLOCKER_MOVES",
        "TIER_TAKEN_AWAY",
        "Tier",
        "Blocker",
        "BlockerEvent",
    ),
    "huddles": ("Stage", "Huddle", "HuddleTimer"),
    "digests": ("DigestRecord",),
}
"""Each module of the models and the names it holds (a test keeps this in step)."""

_HOME = {name: part for part, names in PARTS.items() for name in names}

if not TYPE_CHECKING:  # mypy reads the imports above instead

    def __getattr__(name: str) -> object:
        """A name of the models, from its module, loaded now if it was not yet."""
        part = _HOME.get(name)
        if part is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{part}"), name)
        globals()[name] = value
        return value


__all__ = [
    "BLOCKER_MOVES",
    "SOURCE_TAGS",
    "TIER_TAKEN_AWAY",
    "Absence",
    "Ambiguous",
    "Blocker",
    "BlockerEvent",
    "BlockerStatus",
    "DateOrder",
    "DayColor",
    "DayMeasure",
    "DigestRecord",
    "Goal",
    "GoalStatus",
    "Holiday",
    "Huddle",
    "HuddleError",
    "HuddleTimer",
    "Idea",
    "IdeaStatus",
    "Impact",
    "InvalidMove",
    "Member",
    "NotFound",
    "Role",
    "Source",
    "SpeakerOrder",
    "Stage",
    "Step",
    "StepStatus",
    "Team",
    "Tier",
]

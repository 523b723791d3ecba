"""What the store reads for the trends and the catch-up card, as plain values: kept here,
beside the models, so core/store never imports the modules (trends.py, catchup.py) that
use the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class StepCounts:
    """Steps planned for the days of a period, and how they went."""

    steps: int = 0
    """Steps planned (a step carried over counts again on each day it is planned for)."""
    ideas: int = 0
    """New steps: not carried over from an earlier day."""
    coproduced: int = 0
    """New steps whose idea came from a person supported or their carer."""
    reviewed: int = 0
    """Steps looked back on at a huddle (anything but still planned)."""
    done: int = 0
    partly: int = 0
    carried: int = 0
    learned: int = 0
    """Reviewed steps with a line on what was learned."""
    successes: int = 0
    """Done, partly done, or not done but with something learned."""

    @property
    def taken(self) -> int:
        """Small steps taken: done or partly done."""
        return self.done + self.partly

    @property
    def done_rate(self) -> float | None:
        """Taken, of the steps looked back on."""
        return _share(self.taken, self.reviewed)

    @property
    def carry_over_rate(self) -> float | None:
        return _share(self.carried, self.reviewed)

    @property
    def success_rate(self) -> float | None:
        """Taken or learned from, of the steps looked back on."""
        return _share(self.successes, self.reviewed)


@dataclass(frozen=True)
class BlockerCounts:
    opened: int = 0
    answered: int = 0
    """Escalated blockers management answered in the period."""
    resolved: int = 0
    median_calendar_days_to_answer: float | None = None
    """From being sent up to management's answer, for blockers answered in the period.
    Calendar days (weekends and holidays count), unlike a blocker's age in huddle days."""
    median_calendar_days_to_resolve: float | None = None
    """From being raised to resolved, for blockers resolved in the period; calendar days."""


@dataclass(frozen=True)
class AttendanceCounts:
    huddles_held: int = 0
    marked: int = 0
    """People marked present or away."""
    present: int = 0

    @property
    def attendance_rate(self) -> float | None:
        return _share(self.present, self.marked)


@dataclass(frozen=True)
class PulseAverages:
    answers: int = 0
    """People who answered at least one question."""
    averages: dict[str, float | None] = field(default_factory=dict)
    """The team's average per question, 1 to 5; None when too few answered to show it."""


@dataclass(frozen=True)
class LearningLine:
    """What a step taught, as said at the huddle."""

    day: date
    member_name: str
    step: str
    learning: str
    status: str


@dataclass(frozen=True)
class StepDone:
    member_name: str
    text: str


@dataclass(frozen=True)
class BlockerAnswered:
    text: str
    answer: str
    resolved: bool


@dataclass(frozen=True)
class ImpactTotals:
    """What the changes said in a period gave, added up."""

    changes: int = 0
    """Steps done, cycles or ideas adopted, with what they gave said."""
    minutes_a_week: int = 0
    visits_avoided: int = 0
    forms_avoided: int = 0
    differences: int = 0
    """Changes with a line on the difference to a person."""


@dataclass(frozen=True)
class IdeaCounts:
    """Ideas noted in a period and not (yet) made into a step: a step made from one is
    counted as a new step instead, so no idea counts twice."""

    noted: int = 0
    coproduced: int = 0
    """From a person who uses services or a carer."""


def coproduction_share(steps: StepCounts, ideas: IdeaCounts) -> float | None:
    """Of the new ideas (new steps, and ideas noted but not made into a step), the share
    from people who use services or their carers: the one reading of it, everywhere."""
    return _share(steps.coproduced + ideas.coproduced, steps.ideas + ideas.noted)

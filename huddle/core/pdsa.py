"""Plan-Do-Study-Act: a small step, or a few, tried as a change with a prediction, studied
against what happened, then adopted, adapted or abandoned. An adopted change is checked
30, 60 and 90 days later: is it still in place?"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from huddle.core.models import Step


class PdsaStage(enum.StrEnum):
    PLAN = "plan"
    DO = "do"
    STUDY = "study"
    ACT = "act"


class Act(enum.StrEnum):
    """What the team decides after studying a change."""

    ADOPT = "adopt"
    ADAPT = "adapt"
    ABANDON = "abandon"


@dataclass(frozen=True)
class PdsaCycle:
    id: str
    goal_id: str | None
    goal_title: str | None
    change: str
    """Plan: the change to try."""
    prediction: str
    """Plan: what the team expects to happen."""
    study: str
    """Study: what happened, against the prediction."""
    act: Act | None
    act_note: str
    decided_on: date | None
    adapted_from: str | None
    started_on: date
    steps: tuple[Step, ...]
    """Do: the small steps that carry the change out."""

    @property
    def stage(self) -> PdsaStage:
        """Where the cycle is: decided (Act), studied, being done, or only planned."""
        if self.act is not None:
            return PdsaStage.ACT
        if self.study:
            return PdsaStage.STUDY
        if self.steps:
            return PdsaStage.DO
        return PdsaStage.PLAN

    @property
    def stage_label(self) -> str:
        """The stage as shown: "Plan", "Do", "Study", or the decision, "Act: adopt"."""
        return f"Act: {self.act.value}" if self.act else self.stage.value.title()

    @property
    def learning(self) -> list[Step]:
        """The steps with a line on what was learned: what the Study draws on."""
        return [s for s in self.steps if s.learning]

    @property
    def short_id(self) -> str:
        return self.id[:6]


@dataclass(frozen=True)
class SustainmentCheck:
    """Is an adopted change still in place, `after_days` after it was adopted?"""

    cycle_id: str
    change: str
    after_days: int
    due_on: date
    in_place: bool | None
    """None until the team has said."""
    checked_on: date | None
    note: str

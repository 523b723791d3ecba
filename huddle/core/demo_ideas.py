"""The demo team's ideas (from practitioners, people who use services, carers, partners) and
what its changes gave, added once its history is written, on their own seeded chance, so
adding them moves nothing else in the demo."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from huddle.core.calendar import FixedClock
from huddle.core.impact import parse_impact
from huddle.core.models import IdeaStatus, Source, StepStatus
from huddle.core.pdsa import Act
from huddle.core.store import Store

_IDEAS = (
    # (days ago, who noted it, text, where it came from, goal word or "", where it stands)
    (
        50,
        "Aisha Khan",
        "Send the assessment questions with the appointment letter",
        Source.PERSON_SUPPORTED,
        "wait",
        IdeaStatus.ADOPTED,
    ),
    (
        41,
        "Tom Bradley",
        "A carers' drop-in before each review, so carers can speak first",
        Source.CARER,
        "strengths",
        IdeaStatus.TRYING,
    ),
    (
        33,
        "Helen Carter",
        "Share one referral form with the GP surgeries",
        Source.PARTNER,
        "forms",
        IdeaStatus.NOT_NOW,
    ),
    (
        20,
        "Emma Walsh",
        "Ask people which time of day suits them before booking the visit",
        Source.PERSON_SUPPORTED,
        "strengths",
        IdeaStatus.NEW,
    ),
    (
        9,
        "Gareth Evans",
        "Let a daughter who lives away join the assessment by video",
        Source.CARER,
        "wait",
        IdeaStatus.NEW,
    ),
    (
        4,
        "Sarah Whitfield",
        "One shared list of equipment suppliers across the two teams",
        Source.MANAGER,
        "forms",
        IdeaStatus.NEW,
    ),
    (
        2,
        "Lucy Fletcher",
        "Print the care plan in the person's own words first",
        Source.PERSON_SUPPORTED,
        "strengths",
        IdeaStatus.NEW,
    ),
)

_GAVE = (
    "20 min a week",
    "30 min a week",
    "15 min a week, 1 form",
    "1 visit",
    "45 min a week",
    "10 min a week, 2 forms",
    "25 min a week",
    "30 min a week, 1 visit",
    "20 min a week",
    "1 hour a week",
)
"""What done steps gave, as the team said it at the huddle."""

_DIFFERENCES = (
    ("twice", "Mr J did not have to tell his story twice"),
    ("carer", "Mrs P's daughter could be there for the visit"),
)
"""A word of a done step's text, and the difference the team said it made to a person."""


def add_ideas_and_impact(store: Store, clock: FixedClock, today: date) -> None:
    """A few ideas in every state, and what some done steps and the adopted cycle gave."""
    rng = random.Random(f"huddle-demo-ideas-{today.isoformat()}")  # noqa: S311 seeded for a repeatable demo team, not a secret
    zone = clock.now().tzinfo
    for ago, who, text, source, goal_word, status in _IDEAS:
        clock.at = datetime.combine(today - timedelta(days=ago), time(9, 6), tzinfo=zone)
        member = store.members.find(who)
        goal = store.goals.find(goal_word) if goal_word else None
        idea = store.ideas.add(member, text, source=source, goal=goal)
        if status is not IdeaStatus.NEW:
            store.ideas.move(idea, status)
        if status is IdeaStatus.ADOPTED:
            store.impacts.say(parse_impact("40 min a week, 1 visit"), idea_id=idea.id)
    done = [
        step
        for ago in range(60, 0, -1)
        for step in store.steps.on_day(today - timedelta(days=ago))
        if step.status is StepStatus.DONE and step.carried_from is None
    ]
    said_of: dict[str, str] = {}
    for word, difference in _DIFFERENCES:
        fitting = [s for s in done if word in s.text.lower() and s.id not in said_of]
        if fitting:
            said_of[rng.choice(fitting).id] = difference
    rest = [s for s in done if s.id not in said_of]
    for step in rng.sample(rest, k=min(len(_GAVE), len(rest))):
        said_of[step.id] = _GAVE[len(said_of) % len(_GAVE)]
    for step in sorted((s for s in done if s.id in said_of), key=lambda s: s.day):
        clock.at = datetime.combine(step.reviewed_on or step.day, time(9, 8), tzinfo=zone)
        store.impacts.say(parse_impact(said_of[step.id]), step_id=step.id)
    adopted = [c for c in store.pdsa.recent() if c.act is Act.ADOPT]
    for cycle in adopted:
        clock.at = datetime.combine(cycle.decided_on or today, time(9, 20), tzinfo=zone)
        store.impacts.say(parse_impact("2 visits, 90 min a week"), cycle_id=cycle.id)

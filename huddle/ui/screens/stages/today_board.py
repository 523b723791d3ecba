"""Today on the TV: under the speaker's turn, the board of everyone's steps so far today, a
card per person in speaking order, each step with its goal in the goal's own colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from huddle.core.models import Goal, Member, Step
from huddle.ui.widgets.cards import Card, CardBoard, CardRow
from huddle.ui.widgets.goal_colours import goal_colours, goal_label

NEW = Content.styled("• ", "bold $text-success")
CARRIED = Content.styled("→ ", "bold $text-accent")


def step_lines(step: Step, colours: Mapping[str, str]) -> list[Content]:
    """A step's words (carried ones say so), then its goal in the goal's colour."""
    words = Content(step.text)
    if step.carried_from:
        words = Content.assemble(("carried over: ", "$text-accent"), words)
    lines = [words]
    if step.goal_title:
        lines.append(goal_label(step.goal_title, colours.get(step.goal_id or "")))
    return lines


def board_cards(
    people: Sequence[Member],
    steps: Mapping[str, Sequence[Step]],
    drafts: Mapping[str, str],
    current: str | None,
    colours: Mapping[str, str],
) -> list[Card]:
    """A card per person here, in speaking order (the speaker's stands out), then anyone not
    here who has a step today (added from their own terminal)."""
    here = {member.id for member in people}
    away = sorted(
        {
            s.member_id: s.member_name
            for m, theirs in steps.items()
            if m not in here
            for s in theirs
        }.items(),
        key=lambda item: item[1].casefold(),
    )
    cards: list[Card] = []
    for member_id, name in [(m.id, m.name) for m in people] + away:
        theirs = steps.get(member_id, ())
        rows = [
            CardRow(CARRIED if step.carried_from else NEW, step_lines(step, colours))
            for step in theirs
        ]
        note = None
        if not theirs:
            typing = drafts.get(member_id, "").strip()
            note = Content.styled(
                "✎ typing…" if typing else "no step yet", "italic $foreground-muted"
            )
        if member_id == current:
            title = Content.styled(f"▶ {name}", "bold $text-accent")
            style = "bold $accent"
        else:
            title = Content.styled(name, "bold" if member_id in here else "bold $foreground-muted")
            style = "" if member_id in here else "$foreground-disabled"
        cards.append(Card(title, rows, note=note, style=style, card_id=member_id))
    return cards


class TodayBoard(Vertical):
    """Everyone's steps so far today, as cards: hidden unless the stage shows it on the TV
    (its CSS: `TodayStage.-wide #today-board { display: block; }`)."""

    DEFAULT_CSS = """
    TodayBoard {
        display: none;
        height: 1fr;
    }
    TodayBoard > #today-board-title {
        height: auto;
        margin: 1 0 0 0;
        padding: 0 1;
        text-style: bold;
        color: $text-accent;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="today-board-title")
        yield CardBoard(id="today-board-cards")

    def show(
        self,
        people: Sequence[Member],
        steps: Mapping[str, Sequence[Step]],
        drafts: Mapping[str, str],
        current: str | None,
        goals: Sequence[Goal],
    ) -> None:
        """Draw the board; `goals`: every goal, retired too, so each keeps its colour."""
        colours = goal_colours(self.app, goals)
        count = sum(len(theirs) for theirs in steps.values())
        with_one = sum(bool(steps.get(m.id)) for m in people)
        said = (
            f"{count} step{'s' * (count != 1)}, {with_one} of {len(people)} here with a step"
            if count
            else "none yet"
        )
        self.query_one("#today-board-title", Static).update(
            Content(f"Everyone's steps so far today: {said}")
        )
        cards = board_cards(people, steps, drafts, current, colours)
        self.query_one(CardBoard).show(cards, picked=current)  # the speaker's card in view

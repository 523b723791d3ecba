"""Today on the TV: under the speaker's turn, the board of everyone's steps so far today, a
card per person in speaking order, each step with its goal in the goal's own colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import overload

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


def person_card(
    member_id: str,
    name: str,
    theirs: Sequence[Step],
    typing: bool,
    speaking: bool,
    here: bool,
    colours: Mapping[str, str],
) -> Card:
    """One person's card: their steps today, else whether they are typing one; the
    speaker's stands out, someone not here is greyed."""
    rows = [
        CardRow(CARRIED if step.carried_from else NEW, step_lines(step, colours)) for step in theirs
    ]
    note = None
    if not theirs:
        note = Content.styled("✎ typing…" if typing else "no step yet", "italic $foreground-muted")
    if speaking:
        title = Content.styled(f"▶ {name}", "bold $text-accent")
        style = "bold $accent"
    else:
        title = Content.styled(name, "bold" if here else "bold $foreground-muted")
        style = "" if here else "$foreground-disabled"
    return Card(title, rows, note=note, style=style, card_id=member_id, big=name)


class BoardCards(Sequence[Card]):
    """A card per person here, in speaking order, then anyone not here who has a step today
    (added from their own terminal): each card made only when the board shows it, and
    made again only when something on it changed (`made` keeps them from one show to the
    next)."""

    def __init__(
        self,
        who: Sequence[tuple[str, str, bool]],
        steps: Mapping[str, Sequence[Step]],
        drafts: Mapping[str, str],
        current: str | None,
        colours: Mapping[str, str],
        made: dict[str, tuple[tuple[object, ...], Card]],
    ) -> None:
        self._who, self._steps, self._drafts, self._current = who, steps, drafts, current
        self._colours, self._made = colours, made

    def __len__(self) -> int:
        return len(self._who)

    @overload
    def __getitem__(self, index: int) -> Card: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Card]: ...
    def __getitem__(self, index: int | slice) -> Card | Sequence[Card]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        member_id, name, here = self._who[index]
        theirs = tuple(self._steps.get(member_id, ()))
        typing = bool(self._drafts.get(member_id, "").strip())
        key = (name, theirs, typing, member_id == self._current, here, self._colours)
        was = self._made.get(member_id)
        if was is None or was[0] != key:
            card = person_card(member_id, name, theirs, typing, key[3], here, self._colours)
            self._made[member_id] = was = (key, card)
        return was[1]


def everyone(
    people: Sequence[Member], steps: Mapping[str, Sequence[Step]]
) -> tuple[list[tuple[str, str, bool]], str]:
    """Whose card comes where (id, name, here): the people here in speaking order, then
    anyone not here who has a step today, by name; and the board's count of steps."""
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
    who = [(m.id, m.name, True) for m in people] + [(m, n, False) for m, n in away]
    count = sum(len(theirs) for theirs in steps.values())
    with_one = sum(bool(steps.get(m.id)) for m in people)
    said = (
        f"{count} step{'s' * (count != 1)}, {with_one} of {len(people)} here with a step"
        if count
        else "none yet"
    )
    return who, said


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._made: dict[str, tuple[tuple[object, ...], Card]] = {}
        self._everyone: tuple[object, object, list[tuple[str, str, bool]], dict[str, int], str]
        self._everyone = (None, None, [], {}, "")
        self._colours: tuple[list[Goal], str, dict[str, str]] = ([], "", {})
        """(people, steps) as last shown, and what is worked out from them (a key that
        moves the turn changes neither: nothing is counted again)."""

    def compose(self) -> ComposeResult:
        yield Static(id="today-board-title")
        yield CardBoard(fill=True, id="today-board-cards")

    def show(
        self,
        people: Sequence[Member],
        steps: Mapping[str, Sequence[Step]],
        drafts: Mapping[str, str],
        current: str | None,
        goals: Sequence[Goal],
    ) -> None:
        """Draw the board; `goals`: every goal, retired too, so each keeps its colour."""
        theme = self.app.current_theme.name
        if (goals, theme) != self._colours[:2]:  # (the same colours: no card made again)
            self._colours = (list(goals), theme, goal_colours(self.app, goals))
        colours = self._colours[2]
        if self._everyone[0] is not people or self._everyone[1] is not steps:
            who, said = everyone(people, steps)
            places = {member_id: at for at, (member_id, _, _) in enumerate(who)}
            self._everyone = (people, steps, who, places, said)
            self.query_one("#today-board-title", Static).update(
                Content(f"Everyone's steps so far today: {said}")
            )
        _, _, who, places, _ = self._everyone
        cards = BoardCards(who, steps, drafts, current, colours, self._made)
        # the speaker's card in view
        self.query_one(CardBoard).show(cards, picked=current, around=places.get(current or ""))

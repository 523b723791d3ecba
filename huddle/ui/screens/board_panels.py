"""What each panel of the board draws, from core.board's Board: text large and plain enough
to read from the back of the room, user text always literal (Content, never markup)."""

from __future__ import annotations

from datetime import date

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from huddle.core.blockers import AgeFlag, describe_age
from huddle.core.board import BlockerCard, Board, BoardGoal
from huddle.core.calendar import format_date, format_day, format_target
from huddle.core.day_status import DayStrip
from huddle.core.models import DayColor, Step, StepStatus
from huddle.ui.widgets.cards import Card, CardRow
from huddle.ui.widgets.wall_cards import figure

DAY_STYLE = {
    DayColor.GREEN: "bold #ffffff on #2e7d32",
    DayColor.AMBER: "bold #000000 on #ffb300",
    DayColor.RED: "bold #ffffff on #c62828",
}
"""Strong backgrounds that read across a room; the letter says it too, for the colour-blind."""

FLAG_STYLE = {AgeFlag.AMBER: "bold #000000 on #ffb300", AgeFlag.RED: "bold #ffffff on #c62828"}


def goal_style(colours: dict[str, str], goal_id: str | None) -> str:
    """The goal's own colour (widgets/goal_colours.py); dim for a step with no goal."""
    return colours.get(goal_id or "", "dim")


def lines(parts: list[Content]) -> Content:
    return Content("\n").join(parts)


# --- Small steps, by person ---------------------------------------------------------


def person_card(name: str, steps: tuple[Step, ...], colours: dict[str, str]) -> Card:
    """One person's steps under their name, each step's words then the goal it serves in
    the goal's colour."""
    rows = []
    for step in steps:
        mark = "✓ " if step.status in (StepStatus.DONE, StepStatus.PARTLY) else "• "
        words = [Content.styled(step.text, "bold")]
        if step.goal_title:
            words.append(Content.styled(step.goal_title, goal_style(colours, step.goal_id)))
        rows.append(CardRow(Content(mark), words))
    return Card(Content.styled(name, "bold $text-accent"), rows, big=name)


def steps_heading(board: Board, wide: bool) -> Content:
    """The panel's figure: in block figures on the TV, else a line."""
    count = sum(len(p.steps) for p in board.people)
    when = format_day(board.steps_day, board.today)
    people = f"from {len(board.people)} {'person' if len(board.people) == 1 else 'people'}"
    if not wide:
        return Content(f"Small steps for {when}: {count} {people}")
    caption = [
        Content.styled(f"small step{'s' * (count != 1)} for {when}", "bold"),
        Content(people),
    ]
    return figure(count, caption, "bold $text-accent")


# --- Blockers, in columns by where they stand --------------------------------------------


def blocker_card(card: BlockerCard, column: str) -> Card:
    """One open blocker: its words, how old it is and where it stands (unless its
    `column` says all of that: "open"), the answer if there is one; a blocker waiting too
    long for its answer in the flag's colour."""
    detail = Content.styled(card.where, "$text-muted")
    if card.flag in FLAG_STYLE:
        detail = Content.assemble(
            detail, " ", (f" {card.flag.value.upper()} ", FLAG_STYLE[card.flag])
        )
    lines = [Content.styled(card.text, "bold")]
    if card.where != column.casefold() or card.flag in FLAG_STYLE:
        lines.append(detail)
    if card.answer:
        lines.append(Content.assemble(("answer: ", "italic"), Content(card.answer)))
    style = {AgeFlag.AMBER: "$warning", AgeFlag.RED: "$error"}.get(card.flag, "")
    age = describe_age(card.huddle_days_old)
    old = Content.styled(age if card.huddle_days_old <= 0 else f"{age} old", "$text-muted")
    return Card(old, [CardRow(Content(""), lines)], style=style)


def column_heading(title: str, count: int, wide: bool) -> Content:
    """A column's name and how many blockers stand there: the count in block figures on
    the TV."""
    if not wide:
        return Content(f"{title} ({count})")
    return figure(count, [Content.styled(title, "bold"), Content("")], "bold $text-accent")


# --- Goals ---------------------------------------------------------------------------


BAR = 24
"""Cells of a goal's bar of steps this week (the goal with the most fills it)."""


def goals_heading(board: Board, wide: bool) -> Content:
    """The small steps planned this week towards the goals: in block figures on the TV."""
    count = sum(goal.this_week for goal in board.goals)
    if not wide:
        return Content(f"Small steps this week towards the team's goals: {count}")
    caption = [
        Content.styled("small steps this week", "bold"),
        Content(f"towards {len(board.goals)} goal{'s' * (len(board.goals) != 1)}"),
    ]
    return figure(count, caption, "bold $text-accent")


def goal_card(goal: BoardGoal, most: int, colours: dict[str, str], wide: bool) -> Card:
    """A goal: its steps this week (in block figures on the TV) on a bar against the goal
    with the most, its target date, the steps taken in all and how many were done."""
    style = goal_style(colours, goal.goal_id)
    filled = round(BAR * goal.this_week / most) if most else 0
    bar = Content.assemble(
        ("█" * filled, style),
        ("░" * (BAR - filled), "dim"),
        "" if wide else f" {goal.this_week} this week",  # (on the TV, the figure says it)
    )
    rate = f"{goal.done_rate:.0%} done" if goal.done_rate is not None else "none looked back on"
    lines = [bar, Content.styled(f"{goal.taken} small steps taken in all · {rate}", "dim")]
    if goal.target:
        lines.append(Content.styled(f"by {format_target(goal.target)}", "dim"))
    note = figure(goal.this_week, [Content.styled("this week", "bold")], f"bold {style}")
    return Card(
        Content.styled(goal.title, f"bold {style}"),
        [CardRow(Content(""), lines)],
        note=note if wide else None,
    )


def goal_cards(board: Board, colours: dict[str, str], wide: bool) -> list[Card]:
    most = max((g.this_week for g in board.goals), default=0)
    return [goal_card(goal, most, colours, wide) for goal in board.goals]


# --- Wins of the week ------------------------------------------------------------------


def wins_heading(board: Board) -> Content:
    """The running total and the streak in a line (on the TV they are tiles: Tile)."""
    wins = board.wins
    return Content.styled(
        f"{wins.taken_in_all.count:,} small steps taken in all"
        f" ({wins.taken_in_all.next_words(brief=True)})"
        f" · {wins.streak.count} huddle days in a row ({wins.streak.next_words(brief=True)})",
        "bold",
    )


def wins_cards(board: Board) -> list[Card]:
    """The steps taken this week with what was learned; "you said, we did"."""
    wins = board.wins
    taken = [
        CardRow(
            Content.styled("✓ ", "bold $text-success"),
            [
                Content.assemble(Content(text).stylize("bold"), ("  - ", "dim"), Content(who)),
                *([Content.assemble(("learned: ", "italic"), Content(learned))] if learned else []),
            ],
        )
        for who, text, learned in wins.steps_taken
    ]
    we_did = [
        CardRow(
            Content(""),
            [
                Content.assemble(("You said: ", "bold"), Content(did.said).stylize("bold")),
                Content.assemble(
                    ("We did: ", "bold $text-success"),
                    Content(did.did),
                    ("  - ", "dim"),
                    Content(did.by).stylize("dim"),
                    (" (resolved)" if did.resolved else "", "dim"),
                ),
            ],
        )
        for did in wins.we_did
    ]
    return [
        Card(
            Content.styled(
                f"Small steps taken since {format_date(wins.since, '%a %d %b')} ({wins.taken})",
                "bold",
            ),
            taken,
            note=None if taken else Content.styled("none looked back on yet this week", "dim"),
            style="$success",
        ),
        Card(
            Content.styled(f"You said, we did: the last 7 days ({len(we_did)})", "bold"),
            we_did,
            note=None
            if we_did
            else Content.styled("no blocker answered or resolved in the last 7 days", "dim"),
            style="$success",
        ),
    ]


# --- Day status (the "safety cross") --------------------------------------------------------


class DayStripView(Widget):
    """One measure's month, a cell a day, drawn to the width it has."""

    DEFAULT_CSS = """
    DayStripView { height: auto; margin: 0 0 1 0; }
    """

    picked: reactive[date | None] = reactive(None)
    """The day chosen for g/a/r while picking (None: not picking this measure)."""

    def __init__(self, strip: DayStrip, today: date) -> None:
        super().__init__()
        self.strip = strip
        self.today = today
        self.colour_rows = 1
        """Rows of colour a day: more on the TV, to fill the room the strips share."""

    def show(self, strip: DayStrip, today: date, colour_rows: int = 1) -> None:
        self.strip, self.today, self.colour_rows = strip, today, colour_rows
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> RenderResult:
        return lines(self._rows(self.content_region.width))

    def on_resize(self) -> None:
        self.refresh()  # the days are laid out for a width: lay them out again

    def _rows(self, width: int) -> list[Content]:
        """The name and the month's counts (on the TV the green days in block figures),
        then rows of days: numbers over colours (`colour_rows` of them), with a mark under
        the day being picked. Days are 3 to 6 cells wide; a month that does not fit on one
        row goes on two."""
        days = self.strip.days
        greens, ambers, reds = (self.strip.count(c) for c in DayColor)
        month = f"{days[0][0]:%B}"
        if self.screen.has_class("-wide"):
            caption = [
                Content.styled(self.strip.measure.name, "bold"),
                Content.styled(f"green days in {month} · {ambers} amber, {reds} red", "dim"),
            ]
            rows = list(figure(greens, caption, "bold $text-success").split("\n"))
        else:
            rows = [
                Content.assemble(
                    (self.strip.measure.name, "bold"),
                    (f"   {month}: {greens} green, {ambers} amber, {reds} red", "dim"),
                )
            ]
        cell = max(3, min(6, max(1, width) // len(days)))
        per_row = len(days) if cell * len(days) <= width else (len(days) + 1) // 2
        for first in range(0, len(days), per_row):
            chunk = days[first : first + per_row]
            numbers, colors, fills, marks = [], [], [], []
            for day, color in chunk:
                weekend = day.weekday() >= 5
                style = "bold underline" if day == self.today else "dim" if weekend else ""
                numbers.append(Content.assemble((f"{day.day:^{cell - 1}}", style), " "))
                if color is not None:
                    box = (f"{color.value[0].upper():^{cell - 1}}", DAY_STYLE[color])
                elif day > self.today:
                    box = (" " * (cell - 1), "")
                else:
                    box = (f"{'·':^{cell - 1}}", "dim")
                colors.append(Content.assemble(box, " "))
                fills.append(Content.assemble((" " * (cell - 1), box[1]), " "))
                marks.append("▲".center(cell - 1) + " " if day == self.picked else " " * cell)
            rows.append(Content("").join(numbers))
            rows.append(Content("").join(colors))  # the letter once, for the colour-blind
            rows.extend(Content("").join(fills) for _ in range(self.colour_rows - 1))
            if self.picked is not None and any(day == self.picked for day, _ in chunk):
                rows.append(Content.styled("".join(marks).rstrip(), "bold"))
        return rows

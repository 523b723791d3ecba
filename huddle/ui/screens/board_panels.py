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
from huddle.core.board import BlockerCard, Board
from huddle.core.calendar import format_day
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


def blocker_card(card: BlockerCard) -> Card:
    """One open blocker: its words, how old it is and where it stands, the answer if
    there is one; a blocker waiting too long for its answer in the flag's colour."""
    detail = Content.styled(card.where, "$text-muted")
    if card.flag in FLAG_STYLE:
        detail = Content.assemble(
            detail, " ", (f" {card.flag.value.upper()} ", FLAG_STYLE[card.flag])
        )
    lines = [Content.styled(card.text, "bold"), detail]
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


def goals_panel(board: Board, width: int, colours: dict[str, str]) -> Content:
    if not board.goals:
        return Content.styled("No goals yet: add one in Goals (g on home).", "dim")
    most = max((g.this_week for g in board.goals), default=0)
    bar_room = max(10, min(80, width - 12))
    shown: list[Content] = [
        Content.styled(f"Small steps this week (bar: 0 to {max(most, 1)})", "dim"),
        Content(""),
    ]
    for goal in board.goals:
        style = goal_style(colours, goal.goal_id)
        target = f"  by {goal.target:%d %b %Y}" if goal.target else ""
        shown.append(Content.assemble((goal.title, f"bold {style}"), (target, "dim")))
        filled = round(bar_room * goal.this_week / most) if most else 0
        rate = f"{goal.done_rate:.0%} done" if goal.done_rate is not None else "none looked back on"
        shown.append(
            Content.assemble(
                ("█" * filled, style), ("░" * (bar_room - filled), "dim"), f" {goal.this_week}"
            )
        )
        shown.append(Content.styled(f"{goal.taken} small steps taken in all · {rate}", "dim"))
        shown.append(Content(""))
    return lines(shown[:-1])


# --- Wins of the week ------------------------------------------------------------------


def wins_panel(board: Board) -> Content:
    wins = board.wins
    shown: list[Content] = [
        Content.styled(
            f"{wins.taken_in_all.count:,} small steps taken in all"
            f" ({wins.taken_in_all.next_words(brief=True)})"
            f" · {wins.streak.count} huddle days in a row ({wins.streak.next_words(brief=True)})",
            "bold",
        ),
        Content(""),
        Content.styled(
            f"Small steps taken since {wins.since:%a %d %b} ({wins.taken})",
            "bold underline",
        ),
    ]
    if not wins.steps_taken:
        shown.append(Content.styled("none looked back on yet this week", "dim"))
    for who, text, learned in wins.steps_taken:
        shown.append(Content.assemble("✓ ", Content(text), (f"  {who}", "dim")))
        if learned:
            shown.append(Content.assemble(("  learned: ", "italic"), Content(learned)))
    shown += [Content(""), Content.styled("You said, we did", "bold underline")]
    if not wins.we_did:
        shown.append(Content.styled("no blocker answered or resolved in the last 7 days", "dim"))
    for did in wins.we_did:
        done = "resolved: " if did.resolved else "answered: "
        shown.append(Content.assemble((done, "bold"), Content(did.said)))
        shown.append(Content.assemble("  ", Content(did.did), (f"  {did.by}", "dim")))
    return lines(shown)


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

    def show(self, strip: DayStrip, today: date) -> None:
        self.strip, self.today = strip, today
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> RenderResult:
        return lines(self._rows(self.content_region.width))

    def on_resize(self) -> None:
        self.refresh()  # the days are laid out for a width: lay them out again

    def _rows(self, width: int) -> list[Content]:
        """The name and the month's counts, then rows of days: numbers over colours (twice
        on the TV), with a mark under the day being picked. Days are 3 to 6 cells wide; a
        month that does not fit on one row goes on two."""
        days = self.strip.days
        tall = self.screen.has_class("-wide")  # on the TV: two rows of colour a day
        greens, ambers, reds = (self.strip.count(c) for c in DayColor)
        rows = [
            Content.assemble(
                (self.strip.measure.name, "bold"),
                (f"   {days[0][0]:%B}: {greens} green, {ambers} amber, {reds} red", "dim"),
            )
        ]
        cell = max(3, min(6, max(1, width) // len(days)))
        per_row = len(days) if cell * len(days) <= width else (len(days) + 1) // 2
        for first in range(0, len(days), per_row):
            chunk = days[first : first + per_row]
            numbers, colors, marks = [], [], []
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
                marks.append("▲".center(cell - 1) + " " if day == self.picked else " " * cell)
            rows += [Content("").join(numbers), Content("").join(colors)]
            if tall:
                rows.append(Content("").join(colors))
            if self.picked is not None and any(day == self.picked for day, _ in chunk):
                rows.append(Content.styled("".join(marks).rstrip(), "bold"))
        return rows

"""Wrap-up's wins on the TV (from WIDE_COLUMNS columns): the running total of small steps and
the streak in block figures, each with its milestone (reached today, or how far the next is);
then the steps done that the huddle looked back on, with what was learned, beside the blockers
answered or resolved in the last seven days ("you said, we did"). What is a win is decided
in core.wins."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from huddle.core.calendar import format_day
from huddle.core.models import StepStatus
from huddle.core.wins import Milestones, Wins
from huddle.ui.widgets.block_font import block_rows, solid


class Tile(Vertical):
    """A count in block figures (plain bold when the font can't draw it), what it counts,
    and its milestone: reached today (the tile lights up), or how far the next one is."""

    DEFAULT_CSS = """
    Tile {
        width: 1fr;
        height: auto;
        padding: 0 2;
        border: round $success;
        border-title-style: bold;
        border-title-color: $text-success;
        align-horizontal: center;
    }
    Tile > Static {
        width: auto;
    }
    Tile.-reached {
        border: heavy $success;
        background: $success 15%;
    }
    """

    def __init__(self, title: str, caption: str, *, id: str) -> None:
        super().__init__(id=id)
        self.border_title = title
        self.caption = caption

    def compose(self) -> ComposeResult:
        yield Static(classes="tile-figures", markup=False)
        yield Static(Content.styled(self.caption, "bold"), markup=False)
        yield Static(classes="tile-milestone", markup=False)

    def show(self, milestones: Milestones) -> None:
        figures = block_rows(str(milestones.count))
        self.query_one(".tile-figures", Static).update(
            solid(figures, "bold $text-success")
            if figures
            else Content.styled(f"{milestones.count:,}", "bold")
        )
        reached = milestones.reached_words()
        self.query_one(".tile-milestone", Static).update(
            Content.styled(reached, "bold $text-success")
            if reached
            else Content.styled(milestones.next_words(), "$text-muted")
        )
        self.set_class(bool(reached), "-reached")


def done_lines(wins: Wins) -> Content:
    """Each step done (or partly), whose it was, and what was learned."""
    if not wins.done:
        return Content.styled("No step looked back on at this huddle was done.", "$text-muted")
    lines: list[Content] = []
    for step in wins.done:
        done = step.status is StepStatus.DONE
        lines.append(
            Content.assemble(
                ("done    " if done else "partly  ", "bold $text-success" if done else "bold"),
                Content(step.text).stylize("bold"),
                ("  - ", "$text-muted"),
                Content(step.member_name).stylize("italic $text-muted"),
            )
        )
        if step.learning:
            lines.append(
                Content.assemble(("        learned: ", "$text-accent"), Content(step.learning))
            )
    return Content("\n").join(lines)


def we_did_lines(wins: Wins, today: date) -> Content:
    """Each blocker answered or resolved lately: what the team said, what was done."""
    if not wins.we_did:
        return Content.styled(
            "No blocker answered or resolved in the last seven days.", "$text-muted"
        )
    lines: list[Content] = []
    for said in wins.we_did:
        how = "resolved" if said.resolved else "answered"
        lines += [
            Content.assemble(("You said: ", "bold"), Content(said.said).stylize("bold")),
            Content.assemble(
                ("  We did: ", "bold $text-success"),
                Content(said.did),
                (f"  ({how} by ", "$text-muted"),
                Content(said.by).stylize("$text-muted"),
                (f", {format_day(said.on, today)})", "$text-muted"),
            ),
        ]
    return Content("\n").join(lines)


class WrapUpWins(Vertical):
    """The wins, laid out for a room: two tiles of figures, then two lists side by side."""

    DEFAULT_CSS = """
    WrapUpWins {
        height: 1fr;
        margin: 0 0 1 0;
    }
    WrapUpWins #wins-figures {
        height: auto;
    }
    WrapUpWins #wins-lists {
        height: 1fr;
    }
    WrapUpWins .wins-list {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        border: round $primary;
        border-title-style: bold;
        border-title-color: $text;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="wins-figures"):
            yield Tile("Running total", "small steps taken so far", id="wins-total")
            yield Tile("Streak", "huddle days in a row", id="wins-streak")
        with Horizontal(id="wins-lists"):
            with VerticalScroll(id="wins-done", classes="wins-list", can_focus=False):
                yield Static(markup=False)
            with VerticalScroll(id="wins-we-did", classes="wins-list", can_focus=False):
                yield Static(markup=False)

    def show(self, wins: Wins, today: date) -> None:
        self.query_one("#wins-total", Tile).show(wins.steps)
        self.query_one("#wins-streak", Tile).show(wins.streak)
        done, we_did = self.query_one("#wins-done"), self.query_one("#wins-we-did")
        done.border_title = f"Done since the last huddle ({len(wins.done)})"
        we_did.border_title = f"You said, we did: the last seven days ({len(wins.we_did)})"
        done.query_one(Static).update(done_lines(wins))
        we_did.query_one(Static).update(we_did_lines(wins, today))

"""Stage 1, Who's here: everyone active is here unless away; space changes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.catchup import catch_up
from huddle.core.flow import Presence, who_is_here
from huddle.core.models import Stage
from huddle.ui.screens.stages.base import StageView
from huddle.ui.widgets.catchup import CatchUpCard
from huddle.ui.widgets.keylist import KeyList


class PresenceList(KeyList):
    BINDINGS = [Binding("space", "toggle_here", "Here/not here")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_here":
            stage = self.query_ancestor(WhoStage)
            return not stage.read_only
        return True

    def action_toggle_here(self) -> None:
        self.query_ancestor(WhoStage).toggle(self.highlighted_id())


class WhoStage(StageView):
    stage = Stage.WHO

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield PresenceList(id="who-list")
        yield CatchUpCard(id="who-catch-up")
        yield Static(classes="stage-hint")

    def load(self) -> None:
        people = who_is_here(self.store, self.day)
        self.people = {p.member.id: p for p in people}
        here = sum(p.present for p in people)
        self.set_heading(
            f"Who's here: {here} of {len(people)}",
            "" if self.read_only else "Space: here / not here.  Only people here get a turn.",
        )
        back = (catch_up(self.store, p.member, self.day) for p in people if p.present)
        self.query_one(CatchUpCard).show([c for c in back if c], self.store.today())
        listing = self.query_one(PresenceList)
        keep = listing.highlighted_id()
        listing.set_options(Option(self.row(p), id=p.member.id) for p in people)
        if not listing.highlight_id(keep) and people:
            listing.highlighted = 0

    def row(self, presence: Presence) -> Content:
        today = self.store.today()
        mark = (
            ("  ● here     ", "bold $text-success")
            if presence.present
            else ("  ○ not here ", "$text-muted")
        )
        parts: list[str | tuple[str, str] | Content] = [mark, Content(presence.member.name)]
        if presence.absence is not None:
            absence = presence.absence
            why = absence.reason or "away"
            parts.append((f"   {why}", "italic $text-muted"))
            if absence.last_day > self.day:
                parts.append((f" until {format_day(absence.last_day, today)}", "$text-muted"))
        return Content.assemble(*parts)

    def enter(self) -> None:
        self.load()
        self.focus_now(self.query_one(PresenceList))

    def toggle(self, member_id: str | None) -> None:
        if member_id is None or self.read_only:
            return
        presence = self.people[member_id]
        self.huddle.safely(
            lambda: self.store.huddles.mark_attendance(
                self.day, presence.member, not presence.present
            )
        )
        self.load()

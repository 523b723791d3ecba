"""Stage 1, Who's here: everyone active is here unless away; space changes it."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.catchup import CatchUp, catch_up, catch_ups
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

    people: dict[str, Presence]
    """Every active member, here or not, by member id (by name, in order)."""
    catch_ups: dict[str, CatchUp]
    """The catch-up card of each person here who has been away, by member id."""

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield PresenceList(id="who-list")
        yield CatchUpCard(id="who-catch-up")
        yield Static(classes="stage-hint")

    def load(self) -> None:
        people = who_is_here(self.store, self.day)
        self.people = {p.member.id: p for p in people}
        here = (p.member for p in people if p.present)
        self.catch_ups = catch_ups(self.store, here, self.day)
        self.show_counts()
        listing = self.query_one(PresenceList)
        keep = listing.highlighted_id()
        listing.set_options(Option(self.row(p), id=p.member.id) for p in people)
        if not listing.highlight_id(keep) and people:
            listing.highlighted = 0

    def show_counts(self) -> None:
        """The heading's count of who is here, and the catch-up cards of those here."""
        here = sum(p.present for p in self.people.values())
        self.set_heading(
            f"Who's here: {here} of {len(self.people)}",
            "" if self.read_only else "Space: here / not here.  Only people here get a turn.",
        )
        cards = [self.catch_ups[m] for m in self.people if m in self.catch_ups]
        self.query_one(CatchUpCard).show(cards, self.store.today())

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

        def mark() -> bool:
            self.store.huddles.mark_attendance(self.day, presence.member, not presence.present)
            return True

        # (Waiting for a busy file, the stage is read again once it is saved.)
        if self.huddle.safely(mark):
            self.marked(replace(presence, present=not presence.present))

    def marked(self, presence: Presence) -> None:
        """One person marked here or not: their row, the count and the catch-up cards change
        in place (the others are not read or drawn again)."""
        member_id = presence.member.id
        self.people[member_id] = presence
        card = catch_up(self.store, presence.member, self.day) if presence.present else None
        if card:
            self.catch_ups[member_id] = card
        else:
            self.catch_ups.pop(member_id, None)
        self.show_counts()
        self.query_one(PresenceList).replace_row(member_id, self.row(presence))

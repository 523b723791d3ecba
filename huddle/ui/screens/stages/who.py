"""Stage 1, Who's here: everyone active is here unless away; space changes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.calendar import format_day
from huddle.core.catchup import CatchUp, catch_up, catch_ups
from huddle.core.flow import Presence, who_is_here
from huddle.core.models import Stage
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.who_tiles import NameTile, NameTiles
from huddle.ui.widgets.block_font import block_rows, solid
from huddle.ui.widgets.catchup import CatchUpCard
from huddle.ui.widgets.keylist import KeyList

TOGGLE = Binding("space", "toggle_here", "Here/not here")


class Toggles:
    """Space (TOGGLE) marks the picked person here or not here, in the list and on the
    tiles alike."""

    picked_id: Callable[[], str | None]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_here":
            assert isinstance(self, Widget)  # noqa: S101 narrows the type; no check relies on it
            return not self.query_ancestor(WhoStage).read_only
        return True

    def action_toggle_here(self) -> None:
        assert isinstance(self, Widget)  # noqa: S101 narrows the type; no check relies on it
        self.query_ancestor(WhoStage).toggle(self.picked_id())


class PresenceList(Toggles, KeyList):
    BINDINGS = [TOGGLE]

    def picked_id(self) -> str | None:
        return self.highlighted_id()


class PresenceTiles(Toggles, NameTiles):
    """On the TV: a tile per person."""

    BINDINGS = [TOGGLE]


class WhoStage(StageView):
    stage = Stage.WHO

    people: dict[str, Presence]
    """Every active member, here or not, by member id (by name, in order)."""
    catch_ups: dict[str, CatchUp]
    """The catch-up card of each person here who has been away, by member id."""
    tiles_shown = False
    """Whether the tiles (the TV's) were filled last, not the list."""

    DEFAULT_CSS = """
    WhoStage PresenceTiles { display: none; }
    WhoStage.-wide PresenceTiles { display: block; }
    WhoStage.-wide PresenceList { display: none; }
    WhoStage.-wide > .stage-heading { height: 5; }  /* the count in block letters */
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield PresenceList(id="who-list")
        yield PresenceTiles(id="who-tiles")
        yield CatchUpCard(id="who-catch-up")
        yield Static(classes="stage-hint")

    def load(self) -> None:
        people = who_is_here(self.store, self.day)
        self.people = {p.member.id: p for p in people}
        here = (p.member for p in people if p.present)
        self.catch_ups = catch_ups(self.store, here, self.day)
        self.show_counts()
        listing, tiles = self.query_one(PresenceList), self.query_one(PresenceTiles)
        was: PresenceList | PresenceTiles = tiles if self.tiles_shown else listing
        keep = was.picked_id() or self.place  # (made again: where it was when left)
        self.tiles_shown = self.wide
        now = tiles if self.wide else listing
        # Only the one shown is filled (a team may have thousands); the pick goes across.
        if self.wide:
            tiles.show([self.tile(p) for p in people], keep)
        else:
            listing.set_options(Option(self.row(p), id=p.member.id) for p in people)
            if not listing.highlight_id(keep) and people:
                listing.highlighted = 0
        if self.huddle.focused is was and was is not now:  # the window grew past the TV's
            self.focus_now(now)  # width, or shrank below it

    def picked(self) -> str | None:
        if self.tiles_shown:
            return self.query_one(PresenceTiles).picked_id()
        return self.query_one(PresenceList).picked_id()

    def resized(self) -> None:
        """The list and the tiles lay themselves out at any size: everyone is read again
        only between the two (a team of thousands takes a moment); else the heading."""
        if self.tiles_shown != self.wide or not hasattr(self, "people"):
            self.load()
        else:
            self.show_counts()

    def show_counts(self) -> None:
        """The heading's count of who is here, and the catch-up cards of those here."""
        here = sum(p.present for p in self.people.values())
        count = f"Who's here: {here} of {len(self.people)}"
        self.set_heading(
            count, "" if self.read_only else "Space: here / not here.  Only people here get a turn."
        )
        rows = block_rows(count) if self.wide else None
        if rows and max(len(row) for row in rows) <= self.size.width - 4:
            heading = self.query_one(".stage-heading", Static)
            heading.update(solid(rows, "bold $text-accent"))
        cards = [self.catch_ups[m] for m in self.people if m in self.catch_ups]
        self.query_one(CatchUpCard).show(cards, self.store.today())

    def why(self, presence: Presence) -> str:
        """Why someone is not here, when the team said so: "annual leave until Wed 2 Dec"."""
        if presence.absence is None:
            return ""
        absence = presence.absence
        why = absence.reason or "away"
        if absence.last_day > self.day:
            why += f" until {format_day(absence.last_day, self.store.today())}"
        return why

    def row(self, presence: Presence) -> Content:
        mark = (
            ("  ● here     ", "bold $text-success")
            if presence.present
            else ("  ○ not here ", "$text-muted")
        )
        why = self.why(presence)
        return Content.assemble(
            mark, Content(presence.member.name), (f"   {why}" if why else "", "italic $text-muted")
        )

    def tile(self, presence: Presence) -> NameTile:
        member = presence.member
        return NameTile(member.id, member.name, presence.present, self.why(presence))

    def enter(self) -> None:
        self.load()
        self.focus_now(self.query_one(PresenceTiles if self.wide else PresenceList))

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
        if self.wide:
            self.query_one(PresenceTiles).replace_tile(self.tile(presence))
        else:
            self.query_one(PresenceList).replace_row(member_id, self.row(presence))

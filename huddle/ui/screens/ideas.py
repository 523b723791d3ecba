"""The Ideas screen: ideas not yet steps, where each came from, and where each stands (new,
trying, adopted, not for now), moved on with one key."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from huddle.core.calendar import format_day
from huddle.core.entries import resolve_line, save_entry
from huddle.core.ideas import RECENT_WEEKS, move_idea, recent_idea_share, try_idea
from huddle.core.impact import impact_words
from huddle.core.models import Idea, IdeaStatus, Member, Source
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.impact_ask import ask_what_it_gave
from huddle.ui.widgets.ask import PickOne
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.live_table import Row, fill_table

FROM_WORDS = {
    Source.PRACTITIONER: "practitioner",
    Source.PERSON_SUPPORTED: "person",
    Source.CARER: "carer/family",
    Source.PARTNER: "partner",
    Source.MANAGER: "manager",
    Source.OTHER: "other",
}
"""Where an idea came from, in the table's narrow column."""

NEW_IDEA_HINT = (
    "+person +carer +family +partner: where it came from   #goal links a goal   @name: who noted it"
)

WHO_NOTED = "who noted it? Add @name (Tab completes it)"
"""Said when a new idea names nobody and nobody has said who they are."""


class IdeasScreen(LiveScreen):
    """Every idea, new first: what it is, where it came from, who noted it, where it stands."""

    WRITES = frozenset({"new", "try", "adopt", "not_now", "back_to_new", "source"})
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "new", "New idea"),
        Binding("t", "try", "Try it"),
        Binding("d", "adopt", "Adopted"),
        Binding("x", "not_now", "Not for now"),
        Binding("f", "source", "From..."),
        Binding("b", "back_to_new", "Back to new"),
    ]

    DEFAULT_CSS = """
    IdeasScreen #ideas-summary { height: auto; padding: 0 1; color: $text-muted; }
    IdeasScreen #ideas { height: 1fr; margin: 0 1; }
    IdeasScreen #idea-detail { height: auto; max-height: 6; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._ideas: dict[str, Idea] = {}
        self._width = 0
        """The idea column's width as laid out (0: not yet)."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="ideas-summary")
        yield DataTable(id="ideas", cursor_type="row", zebra_stripes=True)
        yield Static(id="idea-detail")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.safely(self.reload)

    def on_resize(self) -> None:
        if self._width != self._idea_width():
            self.safely(self.reload)

    def _idea_width(self) -> int:
        """The idea column takes what the others leave, so the table fits the width."""
        fixed = sum(_WIDTHS.values()) + 2 * (len(_WIDTHS) + 1) + 2 + 2
        return max(20, self.size.width - fixed)

    def _lay_out(self, table: DataTable[object]) -> None:
        width = self._idea_width()
        if width == self._width:
            return
        self._width = width
        table.clear(columns=True)
        table.add_column("Stands", width=_WIDTHS["Stands"])
        table.add_column("Idea", width=width)
        table.add_column("From", width=_WIDTHS["From"])
        table.add_column("Noted by", width=_WIDTHS["Noted by"])

    def reload(self) -> None:
        store = self.store
        self.query_one("#title-bar", Static).update(
            Content.assemble(("Huddle", "bold"), "  Ideas  ", store.team.get().name)
        )
        ideas = store.ideas.all()
        self._ideas = {i.id: i for i in ideas}
        counts = store.ideas.counts()
        share = recent_idea_share(store)
        said = " · ".join(f"{n} {status.value}" for status, n in counts.items())
        if share.ideas:
            said += (
                f"\nCo-production: {share.coproduced / share.ideas:.0%} of new ideas in"
                f" {RECENT_WEEKS} weeks came from people who use services, carers and families"
                f" ({share.coproduced} of {share.ideas})"
            )
        self.query_one("#ideas-summary", Static).update(Content(said))
        rows: list[Row] = [
            (
                idea.id,
                (
                    Text(idea.status.value, style=_STATUS_STYLE[idea.status]),
                    Text(idea.text, no_wrap=True, overflow="ellipsis"),
                    Text(FROM_WORDS[idea.source]),
                    Text(idea.raised_by_name, no_wrap=True, overflow="ellipsis"),
                ),
            )
            for idea in ideas
        ]
        table = self.query_one("#ideas", DataTable)
        self._lay_out(table)
        fill_table(table, rows)
        self._show_detail()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> Idea | None:
        table = self.query_one("#ideas", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._ideas.get(str(key))

    def _show_detail(self) -> None:
        idea = self._selected()
        detail = self.query_one("#idea-detail", Static)
        if idea is None:
            detail.update(
                Content(
                    "No ideas yet. n notes one; on Today, !! before a line notes it as an idea."
                )
            )
            return
        today = self.store.today()
        parts = [
            f"From {idea.source.said}, noted by {idea.raised_by_name},"
            f" {format_day(idea.raised_on, today)}"
        ]
        if idea.goal_title:
            parts.append(f"goal: {idea.goal_title}")
        if idea.steps:
            parts.append(f"{idea.steps} step{'s' if idea.steps != 1 else ''} made from it")
        gave = self.store.impacts.of(idea_id=idea.id)
        if gave is not None and impact_words(gave):
            parts.append(f"gave: {impact_words(gave)}")
        detail.update(Content.assemble((idea.text, "bold"), "\n", "; ".join(parts)))

    def _go_to(self, idea_id: str) -> None:
        table = self.query_one("#ideas", DataTable)
        if idea_id in self._ideas:
            table.move_cursor(row=table.get_row_index(idea_id))

    def _moved(self, idea: Idea | None) -> None:
        if idea is None:
            return
        self.show_changes()
        self._go_to(idea.id)

    # --- Actions ----------------------------------------------------------------------

    def action_new(self) -> None:
        store = self.store
        made: list[Idea] = []

        def save(text: str) -> object:
            line = text.strip()
            line = line if line.startswith("!!") else f"!! {line}"
            who = self.huddle_app.session_who
            saved = save_entry(store, resolve_line(store, line, who=who, nobody=WHO_NOTED))
            if isinstance(saved, Idea):
                made.append(saved)
            return saved

        def noted(text: str | None) -> None:
            if text is not None and made:
                self.notify(f"Idea noted: {made[-1].text}", markup=False, timeout=3)
                self._moved(made[-1])

        self.app.push_screen(
            AskText(
                "A new idea (not yet a step)",
                save,
                hint=NEW_IDEA_HINT,
                required="Type the idea, or Esc to leave it",
                shorthand=(lambda: store.goals.all(), lambda: store.members.all()),
                drafts=store.dialog_drafts,
                purpose="idea:new",
            ),
            noted,
        )

    def _pick_member(self, title: str, start: str | None, then: Callable[[Member], None]) -> None:
        members = self.store.members.all()
        by_id = {m.id: m for m in members}

        def picked(member_id: str | None) -> None:
            if member_id in by_id:
                then(by_id[member_id])

        self.app.push_screen(
            PickOne(title, [(m.id, m.name) for m in members], highlight=start), picked
        )

    def action_try(self) -> None:
        idea = self._selected()
        if idea is None:
            return

        def make(member: Member) -> None:
            step = self.safely(lambda: try_idea(self.store, idea, member))
            if step is not None:
                when = format_day(step.day, self.store.today())
                self.notify(f"A step for {member.name}, {when}: {step.text}", markup=False)
                self._moved(self.store.ideas.get(idea.id))

        self._pick_member("Whose step is it?", idea.raised_by, make)

    def action_adopt(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        moved = self.safely(lambda: move_idea(self.store, idea, IdeaStatus.ADOPTED))
        self._moved(moved)
        if moved is not None:
            ask_what_it_gave(
                self,
                idea.text,
                lambda gave: self.store.impacts.say(gave, idea_id=idea.id),
                lambda _gave: self._moved(self.safely(lambda: self.store.ideas.get(idea.id))),
            )

    def _move(self, status: IdeaStatus) -> None:
        idea = self._selected()
        if idea is not None:
            self._moved(self.safely(lambda: move_idea(self.store, idea, status)))

    def action_not_now(self) -> None:
        self._move(IdeaStatus.NOT_NOW)

    def action_back_to_new(self) -> None:
        self._move(IdeaStatus.NEW)

    def action_source(self) -> None:
        idea = self._selected()
        if idea is None:
            return

        def picked(value: str | None) -> None:
            if value is not None:
                self._moved(self.safely(lambda: self.store.ideas.set_source(idea, Source(value))))

        choices = [(s.value, s.said.capitalize()) for s in Source]
        self.app.push_screen(
            PickOne("Where did the idea come from?", choices, highlight=idea.source.value),
            picked,
        )


_WIDTHS = {"Stands": 11, "From": 12, "Noted by": 16}
"""The widths of the columns beside the idea's own."""

_STATUS_STYLE = {
    IdeaStatus.NEW: "bold",
    IdeaStatus.TRYING: "bold cyan",
    IdeaStatus.ADOPTED: "bold green",
    IdeaStatus.NOT_NOW: "dim",
}

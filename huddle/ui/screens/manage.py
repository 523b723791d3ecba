"""The Management view: every blocker sent up to management, how long it has waited, its
answer and its history; the answer or the resolution recorded from the keyboard, or the
blocker sent to the next tier; and the blockers that come back again.

Reached by `m` on the home screen, from the command palette, and by `huddle manage`.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from huddle.core.blockers import (
    AgeFilter,
    AgeFlag,
    SentUp,
    StatusFilter,
    cycle,
    find_patterns,
    huddle_days_old,
    raised_ago,
    sent_up_view,
)
from huddle.core.calendar import format_day
from huddle.core.models import Blocker, BlockerStatus, HuddleError, Role, Tier
from huddle.core.text import plural
from huddle.core.tiers import next_tier
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.blocker_dialog import Person, Said, SayDialog
from huddle.ui.widgets.blocker_flag import flag_text
from huddle.ui.widgets.fitting_footer import FittingFooter


class ManageScreen(LiveScreen):
    """Every blocker sent up to management; the answer and the resolution typed here."""

    WRITES = frozenset({"answer", "resolve", "send_higher"})
    BINDINGS = [
        Binding("a", "answer", "Answer"),
        Binding("r", "resolve", "Resolve"),
        Binding("e", "send_higher", "Send higher"),
        Binding("f", "status_filter", "Status"),
        Binding("g", "age_filter", "Age"),
        Binding("d", "digest", "Digest"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    ManageScreen #filter-bar {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ManageScreen #sent-up {
        height: 1fr;
        min-height: 5;
        margin: 0 1;
    }
    ManageScreen #detail {
        height: 1fr;
        min-height: 4;
        margin: 0 1;
        padding: 0 1;
        border-top: solid $primary;
    }
    ManageScreen #patterns {
        height: auto;
        max-height: 4;
        padding: 0 1;
        color: $warning;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = StatusFilter.OPEN
        self.age_filter = AgeFilter.ANY
        self.rows: dict[str, SentUp] = {}
        self.tiers: list[Tier] = []

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="filter-bar")
        yield DataTable(id="sent-up", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
        yield Static(id="patterns")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.add_columns()
        self.query_one("#sent-up", DataTable).focus()
        self.safely(self.reload)

    def add_columns(self) -> None:
        """The table's columns; "Tier" (where each blocker is now) when the team has tiers."""
        table = self.query_one("#sent-up", DataTable)
        table.clear(columns=True)
        table.add_column("Flag", key="flag")
        table.add_column("Waiting", key="waiting")
        if self.tiers:
            table.add_column("Tier", key="tier")
        table.add_column("Blocker", key="text")
        table.add_column("Status", key="status")
        table.add_column("Sent up", key="sent")

    # Reading.

    def reload(self) -> None:
        store = self.store
        team = store.team.get()
        today = store.today()
        calendar = store.calendar()
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Huddle", "bold"),
                "  ",
                team.name or "a new team",
                "  ",
                ("Management view: blockers sent up", "bold"),
            )
        )
        everything = store.blockers.escalated(include_resolved=True)
        shown = sent_up_view(
            everything,
            calendar,
            today,
            team.answer_limit_days,
            self.status_filter,
            self.age_filter,
        )
        overdue = sum(
            1
            for r in sent_up_view(everything, calendar, today, team.answer_limit_days)
            if r.flag is not AgeFlag.NONE
        )
        tiers = store.team.tiers()
        limit = "each tier's own limit" if tiers else f"limit {team.answer_limit_days} huddle days"
        self.query_one("#filter-bar", Static).update(
            Content(
                f"Showing {len(shown)}: {self.status_filter.value}, {self.age_filter.value}"
                f"   ({overdue} overdue; {limit})"
            )
        )
        table = self.query_one("#sent-up", DataTable)
        keep = self.highlighted_id()
        if bool(tiers) != bool(self.tiers):
            self.tiers = tiers
            self.add_columns()
        self.tiers = tiers
        self.rows = {row.blocker.id: row for row in shown}
        table.clear()
        # The blocker's words get what the other columns leave (a Tier column: 17 cells).
        room = min(100, max(18, self.size.width - 74) if tiers else max(24, self.size.width - 57))
        for row in shown:
            b = row.blocker
            assert b.escalated_at is not None  # noqa: S101 narrows the type; no check relies on it
            waited = row.waiting.huddle_days if row.waiting else None
            cells = [
                flag_text(row.flag),
                Text("-" if waited is None else plural(waited, "huddle day")),
                *([Text(b.tier_said or "-")] if tiers else []),
                Text(b.text if len(b.text) <= room else b.text[: room - 1] + "…"),
                Text(b.status_words),
                Text(format_day(b.escalated_at.date(), today)),
            ]
            table.add_row(*cells, key=b.id)
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(keep))
        self.show_detail()
        patterns = find_patterns(
            store.blockers.raised_between(today - timedelta(days=29), today), today
        )
        self.query_one("#patterns", Static).update(
            Content(
                "Comes back again: " + "; ".join(p.describe() for p in patterns) if patterns else ""
            )
        )
        self.query_one("#patterns").display = bool(patterns)

    def highlighted_id(self) -> str | None:
        table = self.query_one("#sent-up", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return key.value

    def highlighted(self) -> Blocker | None:
        found = self.rows.get(self.highlighted_id() or "")
        return found.blocker if found else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_resize(self) -> None:
        self.safely(self.reload)

    def show_detail(self) -> None:
        detail = self.query_one("#detail-text", Static)
        blocker = self.highlighted()
        if blocker is None:
            detail.update(
                Content(
                    "Nothing sent up to management matches these filters." if not self.rows else ""
                )
            )
            return
        try:
            history = self.store.blockers.history(blocker)
        except HuddleError as error:
            self.huddle_app.report(error)
            return
        today = self.store.today()
        age = raised_ago(
            blocker.raised_on, today, huddle_days_old(blocker, self.store.calendar(), today)
        )
        lines: list[Content] = [
            Content.assemble((blocker.text, "bold")),
            Content(
                f"Raised by {blocker.raised_by_name} {format_day(blocker.raised_on, today)}"
                + ("" if age == "today" else f" ({age})")
                + (f", {blocker.category}" if blocker.category else "")
            ),
        ]
        if blocker.escalation_reason:
            assert blocker.escalated_at is not None  # noqa: S101 narrows the type; no check relies on it
            lines.append(
                Content.assemble(
                    ("Sent up", "bold"),
                    f" {format_day(blocker.escalated_at.date(), today)}"
                    f" to {blocker.sent_up_to}: {blocker.escalation_reason}",
                )
            )
        row = self.rows.get(blocker.id)
        if row and row.waiting:
            limit = (
                f"{blocker.tier_name}'s limit is {blocker.tier_limit_days}"
                if blocker.tier_name
                else f"the team's limit is {self.store.team.get().answer_limit_days}"
            )
            lines.append(
                Content.assemble(
                    (f"No answer yet: {row.waiting.describe()}", "bold"), f" ({limit})"
                )
            )
        if blocker.answer:
            lines.append(Content.assemble(("Answer: ", "bold $success"), blocker.answer))
        if blocker.status is BlockerStatus.RESOLVED and blocker.resolution:
            lines.append(Content.assemble(("Resolved: ", "bold"), blocker.resolution))
        lines.append(Content.assemble(("History", "bold underline")))
        for event in history:
            when = f"{format_day(event.at.date(), today)} {event.at:%H:%M}"
            move = (
                f"{event.status_from.said} -> {event.status_to.said}"
                if event.status_from and event.status_from is not event.status_to
                else ("raised" if event.status_from is None else "noted")
            )
            if event.tier and not event.tier_taken_away:
                sent_up = event.status_from is BlockerStatus.ESCALATED
                move = f"sent higher, to {event.tier}" if sent_up else f"{move} to {event.tier}"
            lines.append(
                Content.assemble(
                    (f"{when}  ", "$text-muted"), (move, "bold"), f"  {event.who}".rstrip()
                )
            )
            lines.append(Content.assemble("    ", event.note))
        detail.update(Content("\n").join(lines))

    # Actions.

    def action_status_filter(self) -> None:
        self.status_filter = cycle(self.status_filter)
        self.safely(self.reload)

    def action_age_filter(self) -> None:
        self.age_filter = cycle(self.age_filter)
        self.safely(self.reload)

    def people(self, *, managers_first: bool) -> list[Person]:
        """Who the dialog's Who line can name: managers first for an answer. The shared
        screen never assumes who is at its keyboard (no whoami here: that is the CLI's); a
        browser session (`huddle serve`) said who it is when it started."""
        members = self.store.members.all()
        if managers_first:
            members = sorted(members, key=lambda m: m.role is not Role.MANAGER)
        return [Person(m.name, m.role.value if m.role is Role.MANAGER else "") for m in members]

    def action_answer(self) -> None:
        blocker = self.highlighted()
        if blocker is None:
            return
        if blocker.status is not BlockerStatus.ESCALATED:
            self.notify(
                f"{blocker.text!r} is {blocker.status_words}: only a blocker waiting for"
                " an answer can be answered",
                severity="warning",
                markup=False,
            )
            return

        def saved(said: Said | None) -> None:
            if said is not None:
                self.notify(f"Answer recorded for {blocker.text!r}", markup=False)
                self.show_changes()

        people = self.people(managers_first=True)
        self.app.push_screen(
            SayDialog(
                "Management's answer",
                blocker.text,
                label="The answer, for the team to hear at the next huddle",
                who=self.session_who or next((p.name for p in people if p.role), ""),
                people=people,
                save=lambda said: self.store.blockers.answer(blocker, said.text, who=said.who),
                drafts=self.store.dialog_drafts,
                purpose=f"answer:{blocker.id}",
            ),
            saved,
        )

    def action_resolve(self) -> None:
        blocker = self.highlighted()
        if blocker is None:
            return

        def saved(said: Said | None) -> None:
            if said is not None:
                self.notify(f"Resolved: {blocker.text}", markup=False)
                self.show_changes()

        self.app.push_screen(
            SayDialog(
                "Resolve the blocker",
                blocker.text,
                label="How was it resolved?",
                who=self.session_who,
                people=self.people(managers_first=False),
                save=lambda said: self.store.blockers.resolve(blocker, said.text, who=said.who),
                drafts=self.store.dialog_drafts,
                purpose=f"resolve:{blocker.id}",
            ),
            saved,
        )

    def action_send_higher(self) -> None:
        """A tier that can't fix it sends it to the next tier, with its own reason."""
        blocker = self.highlighted()
        if blocker is None:
            return
        if blocker.status is BlockerStatus.RESOLVED:
            self.notify(
                f"{blocker.text!r} is resolved: reopen it at the huddle to send it up again",
                severity="warning",
                markup=False,
            )
            return
        where = self.safely(lambda: (next_tier(blocker, self.store.team.tiers()),))
        if where is None:
            return
        to = f"higher, to {where[0].name}" if where[0] else "up to management again"
        if where[0] and blocker.tier_gone:
            to = f"to {where[0].name}, the top tier now"

        def saved(said: Said | None) -> None:
            if said is not None:
                self.notify(f"Sent {to}: {blocker.text}", markup=False)
                self.show_changes()

        people = self.people(managers_first=True)
        self.app.push_screen(
            SayDialog(
                f"Send it {to}",
                blocker.text,
                label="Why it can't be fixed here",
                who=self.session_who or next((p.name for p in people if p.role), ""),
                people=people,
                save=lambda said: self.store.blockers.escalate(blocker, said.text, who=said.who),
                drafts=self.store.dialog_drafts,
                purpose=f"send_up:{blocker.id}",
            ),
            saved,
        )

    def action_digest(self) -> None:
        from huddle.ui.screens.digest import DigestScreen

        self.app.push_screen(DigestScreen())

    def action_back(self) -> None:
        self.app.pop_screen()

"""Stage 4, Blockers: every open blocker with its age. The team owns it, sends it up to
management (with a reason), or marks it resolved (with a note); management's answer shows.

It opens with "You said, we did" (management's answers since the last huddle, marked as
heard when the huddle moves on), and flags answers overdue amber or red."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from huddle.core.blockers import (
    AgeFlag,
    age_flag,
    describe_age,
    huddle_days_old,
    waiting_for_answer,
)
from huddle.core.calendar import HuddleCalendar
from huddle.core.flow import present_members
from huddle.core.models import Blocker, BlockerStatus, Member, Stage
from huddle.core.tiers import next_tier
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.blocker_board import COLUMN_TITLES, BlockerBoard, Card
from huddle.ui.screens.stages.undo import UNDO_KEY, take_back
from huddle.ui.widgets.ask import PickOne
from huddle.ui.widgets.keylist import KeyList, hanging, row_width, with_tail
from huddle.ui.widgets.you_said_we_did import YouSaidWeDid

STATUS_WORDS: dict[BlockerStatus, tuple[str, str]] = {
    BlockerStatus.OPEN: ("open     ", "bold $text-warning"),
    BlockerStatus.OWNED: ("owned    ", "bold $text-primary"),
    BlockerStatus.ESCALATED: ("sent up  ", "bold $text-error"),
    BlockerStatus.ANSWERED: ("answered ", "bold $text-success"),
    BlockerStatus.RESOLVED: ("resolved ", "$text-muted"),
}


FLAG_STYLES: dict[AgeFlag, str] = {
    AgeFlag.NONE: "",
    AgeFlag.AMBER: "bold black on $warning",
    AgeFlag.RED: "bold white on $error",
}
"""Management's answer overdue: the word says it as well as the colour."""


def flag_badge(flag: AgeFlag) -> Content:
    """ " RED " or " AMBER " and a space before a blocker's words; nothing when not overdue."""
    if flag is AgeFlag.NONE:
        return Content("")
    return Content.assemble((f" {flag.value.upper()} ", FLAG_STYLES[flag]), " ")


NOTHING_BLOCKING = "Nothing is blocking the team. b raises a blocker."


class BlockerList(KeyList):
    """The blockers one under another (below WIDE_COLUMNS columns); the keys that change
    one are the stage's, for this list and the board alike."""


class BlockersStage(StageView):
    stage = Stage.BLOCKERS
    kept_when_left = True  # the answers heard at this huddle stay to glance back at

    BINDINGS = [
        Binding("b", "raise_blocker", "Raise"),
        Binding("o", "own", "Team owns it"),
        Binding("e", "send_up", "Send up"),
        Binding("r", "resolve", "Resolved"),
        UNDO_KEY,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blockers: dict[str, Blocker] = {}
        self.calendar = HuddleCalendar()
        """The team's huddle days, read again on each load (for the ageing flags)."""
        self.answer_limit = 2
        self.row_cells = 80

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield YouSaidWeDid(id="you-said-we-did")
        yield BlockerList(id="blocker-list")
        yield BlockerBoard(id="blocker-board")
        yield Static(classes="stage-hint")

    def load(self) -> None:
        said = self.query_one(YouSaidWeDid)
        if self.read_only:
            said.display = False  # management's answers are heard at today's huddle
        else:
            said.load()
        self.calendar = self.store.calendar()
        self.answer_limit = self.store.team.get().answer_limit_days
        found = self.store.blockers.open()
        if self.read_only:
            # A past huddle: what was open or raised that day, as it stands now.
            raised = self.store.blockers.raised_between(self.day, self.day)
            found = [b for b in found if b.raised_on <= self.day]
            found += [b for b in raised if b.id not in {f.id for f in found}]
        self.blockers = {b.id: b for b in found}
        sent_up = sum(b.status is BlockerStatus.ESCALATED for b in found)
        overdue = sum(self.flag(b) is not AgeFlag.NONE for b in found)
        keys = "b raise one   o the team owns it   e send it up   r resolved   u undo"
        self.set_heading(
            f"Blockers: {len(found)} open, {sent_up} waiting on management"
            + (f" ({overdue} overdue)" if overdue else ""),
            "" if self.read_only else keys + ("   arrows: another card" if self.wide else ""),
        )
        listing, board = self.query_one(BlockerList), self.query_one(BlockerBoard)
        picked = self.picked_id()
        focused = self.huddle.focused in (listing, board)
        listing.display, board.display = not self.wide, self.wide
        if self.wide:
            self.show_board(found, board)
        else:
            self.show_list(found, listing)
        self.pick(picked)  # the same blocker, whichever layout shows it now
        if focused:
            self.focus_now(board if self.wide else listing)

    def show_list(self, found: list[Blocker], listing: BlockerList) -> None:
        self.row_cells = row_width(listing)
        first = listing.highlighted is None
        options = [Option(self.row(b), id=b.id) for b in found]
        if not options:
            options = [Option(Content(f"  {NOTHING_BLOCKING}"), disabled=True)]
        listing.refill(options)
        if first and found:
            listing.highlighted = 0

    def show_board(self, found: list[Blocker], board: BlockerBoard) -> None:
        by_status: dict[BlockerStatus, list[Blocker]] = {status: [] for status in COLUMN_TITLES}
        for blocker in found:
            by_status[blocker.status].append(blocker)
        room = board.card_room(len(COLUMN_TITLES) - (not by_status[BlockerStatus.RESOLVED]))
        columns = {}
        for status, blockers in by_status.items():
            heading = Content(f"{COLUMN_TITLES[status]}  {len(blockers)}")
            cards = [Card(b.id, self.card(b, room), self.flag(b)) for b in blockers]
            columns[status] = (heading, cards)
        board.show(columns, NOTHING_BLOCKING)

    def picked_id(self) -> str | None:
        """The blocker the cursor is on, in the list or on the board (as shown now)."""
        if self.query_one(BlockerBoard).display:
            return self.query_one(BlockerBoard).picked
        return self.query_one(BlockerList).highlighted_id()

    def pick(self, blocker_id: str | None) -> None:
        """Put the cursor on a blocker, in the list and on the board."""
        self.query_one(BlockerList).highlight_id(blocker_id)
        self.query_one(BlockerBoard).pick(blocker_id)

    def flag(self, blocker: Blocker) -> AgeFlag:
        """Amber or red when management's answer is overdue (counted in huddle days)."""
        return age_flag(blocker, self.calendar, self.day, self.answer_limit)

    def details(self, blocker: Blocker, *, on_board: bool = False) -> list[Content]:
        """The lines under a blocker's words: who owns it, why it was sent up, how long
        management has had it, their answer, how it was resolved. On the board a card says
        who owns it itself, and an answered card gives the answer, not why it went up."""
        details: list[tuple[str, str]] = []
        if blocker.owner_name and not on_board:
            details.append(("", f"owned by {blocker.owner_name}"))
        if blocker.escalation_reason and (
            blocker.status is BlockerStatus.ESCALATED
            or (blocker.status is BlockerStatus.ANSWERED and not on_board)
        ):
            tier = f" to {blocker.tier_said}" if blocker.tier_said else ""
            details.append((f"sent up{tier}", blocker.escalation_reason))
        waiting = waiting_for_answer(blocker, self.calendar, self.day, self.answer_limit)
        if waiting and waiting.huddle_days:
            limit = blocker.tier_limit_days or self.answer_limit
            shown = "" if on_board else f" (limit {limit})"
            details.append(("no answer yet", waiting.describe() + shown))
        if blocker.answer:
            answered = blocker.status is BlockerStatus.ANSWERED
            details.append(
                ("management's answer" if answered else "earlier answer", blocker.answer)
            )
        if blocker.resolution and blocker.status is BlockerStatus.RESOLVED:
            details.append(("resolved", blocker.resolution))
        return [
            Content.assemble((f"{label}: " if label else "", "$text-muted"), Content(text))
            for label, text in details
        ]

    def row(self, blocker: Blocker) -> Content:
        age = describe_age(huddle_days_old(blocker, self.calendar, self.day))
        word, style = STATUS_WORDS[blocker.status]
        flag = self.flag(blocker)
        lead = Content.styled(word, style)
        said = Content.assemble(flag_badge(flag), Content(blocker.text))
        who = Content.assemble(
            ("- ", "dim"), Content(blocker.raised_by_name).stylize("italic"), (f", {age}", "dim")
        )
        lines = [with_tail(said, who, self.row_cells - lead.cell_length), *self.details(blocker)]
        return hanging(lead, lines, self.row_cells)

    def card(self, blocker: Blocker, room: int) -> Content:
        """A blocker on the board, `room` cells across: its words first, then who owns it
        and what management did, then its age in huddle days and who raised it (a name
        kept whole on one line)."""
        lines = [
            Content.assemble(flag_badge(self.flag(blocker)), Content(blocker.text).stylize("bold"))
        ]
        if blocker.owner_name:
            owner = Content.styled(blocker.owner_name, "bold $text-primary")
            lines.append(with_tail(Content.styled("owned by", "$text-primary"), owner, room, " "))
        lines += self.details(blocker, on_board=True)
        age = describe_age(huddle_days_old(blocker, self.calendar, self.day))
        raised_by = Content.assemble(
            ("raised by ", "$text-muted"), (blocker.raised_by_name, "italic $text-muted")
        )
        lines.append(with_tail(Content.styled(age, "bold"), raised_by, room, gap=" · "))
        return Content("\n").join(lines)

    def enter(self) -> None:
        self.load()
        self.focus_now(self.query_one(BlockerBoard if self.wide else BlockerList))

    def leave(self) -> None:
        # "You said, we did" has been read out: it is not shown at the next huddle.
        if not self.read_only:
            self.query_one(YouSaidWeDid).mark_heard(who=self.who)

    # Actions: each asks what it needs, then makes one store call.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("raise_blocker", "own", "send_up", "resolve", "undo"):
            return not self.read_only
        return True

    def action_raise_blocker(self) -> None:
        self.raise_blocker()

    def action_own(self) -> None:
        self.own(self.picked_id())

    def action_send_up(self) -> None:
        self.send_up(self.picked_id())

    def action_resolve(self) -> None:
        self.resolve(self.picked_id())

    def action_undo(self) -> None:
        target = take_back(self, who=self.who)
        if target is not None:
            self.pick(target)

    @property
    def who(self) -> str:
        """Who the blocker history says moved it: the person at this browser (`huddle
        serve`), else the huddle's facilitator, if known."""
        if self.huddle.session_who:
            return self.huddle.session_who
        huddle = self.store.huddles.get(self.day)
        if huddle and huddle.facilitator_id:
            return self.store.members.get(huddle.facilitator_id).name
        return "the huddle"

    def people(self) -> list[tuple[str, str]]:
        """Everyone in the team to choose from: the people here first, then the rest."""
        here = present_members(self.store, self.day)
        others = [m for m in self.store.members.all() if m not in here]
        return [(m.id, m.name) for m in here] + [(m.id, f"{m.name}  (not here)") for m in others]

    def raise_blocker(self) -> None:
        def chosen(member_id: str | None) -> None:
            if member_id is None:
                return
            member = self.store.members.get(member_id)
            self.ask(
                f"What is blocking {member.name}?",
                f"raise:{self.day}:{member.id}",
                lambda text: self.store.blockers.raise_blocker(member, text),
                required="Say what is blocking, in a few words",
            )

        self.app.push_screen(PickOne("Who raises the blocker?", self.people()), chosen)

    def own(self, blocker_id: str | None) -> None:
        blocker = self.blockers.get(blocker_id or "")
        if blocker is None:
            return

        def chosen(member_id: str | None) -> None:
            if member_id is None:
                return
            owner: Member = self.store.members.get(member_id)
            self.act(
                lambda: self.store.blockers.take_ownership(
                    blocker, owner, who=self.who, at_huddle=self.day
                )
            )

        owned = blocker.status is BlockerStatus.OWNED and blocker.owner_name
        question = (
            f"Who owns it now? (owned by {blocker.owner_name}) {blocker.text}"
            if owned
            else f"Who in the team owns it? {blocker.text}"
        )
        # Nobody is picked at the start: Enter at once must not give it to someone by chance.
        self.app.push_screen(PickOne(question, self.people(), start_on_nothing=True), chosen)

    def send_up(self, blocker_id: str | None) -> None:
        blocker = self.blockers.get(blocker_id or "")
        if blocker is None:
            return
        # Where it goes (the next tier), or why it can't, is said before the reason is typed.
        where = self.huddle.safely(lambda: (next_tier(blocker, self.store.team.tiers()),))
        if where is None:
            return
        tier = where[0]
        to = "up to management" if tier is None else f"up to {tier.name}"
        if tier is not None and blocker.tier_gone:
            to = f"to {tier.name}, the top tier now"
        elif tier is not None and tier.position > 1:
            to = f"higher, to {tier.name}"
        self.ask(
            f"Why send it {to}? {blocker.text}",
            f"send_up:{blocker.id}",
            lambda reason: self.store.blockers.escalate(
                blocker, reason, who=self.who, at_huddle=self.day
            ),
            required="A reason is needed to send a blocker up",
        )

    def resolve(self, blocker_id: str | None) -> None:
        blocker = self.blockers.get(blocker_id or "")
        if blocker is None:
            return
        self.ask(
            f"How was it resolved? {blocker.text}",
            f"resolve:{blocker.id}",
            lambda note: self.store.blockers.resolve(
                blocker, note, who=self.who, at_huddle=self.day
            ),
            required="A short note on how it was resolved, please",
        )

    def ask(
        self, title: str, purpose: str, save: Callable[[str], object], *, required: str
    ) -> None:
        """Ask for a line, saved by `save` while the dialog is open; what is typed is kept
        (a crash too) until it is saved."""
        made: list[object] = []

        def saved(text: str) -> object:
            made.append(save(text))
            return made[-1]

        def answered(text: str | None) -> None:
            if text is not None:
                self.load()
                if made and isinstance(made[-1], Blocker):
                    self.pick(made[-1].id)

        self.app.push_screen(
            AskText(
                title, saved, required=required, drafts=self.store.dialog_drafts, purpose=purpose
            ),
            answered,
        )

    def act(self, change: Callable[[], object]) -> None:
        """Make one change; the highlight goes to the blocker changed (a new one too)."""
        changed = self.huddle.safely(change)
        self.load()
        if isinstance(changed, Blocker):
            self.pick(changed.id)

"""Stage 5, Wrap-up: what the huddle did, the running total of small steps and the streak
with their milestones, and the offer to write the digest for management (d). On the TV it
celebrates the wins first (wrapup_wins.py). Enter ends the huddle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from huddle.core.calendar import format_day
from huddle.core.flow import WrapUp, looking_back_to, present_members, wrap_up
from huddle.core.measure_chart import measures_to_ask
from huddle.core.measures import Measure, read_value, recorded_words
from huddle.core.models import Member, Stage, StepStatus
from huddle.core.pulse import PulseAnswers, week_of, who_to_ask
from huddle.core.timebox import clock_text
from huddle.core.wins import Milestones, wins
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.wrapup_wins import WrapUpWins
from huddle.ui.widgets.measure_prompt import MeasurePrompt
from huddle.ui.widgets.pulse import PulseRound
from huddle.ui.widgets.whole_chunks import WholeChunks, listed


class WrapUpStage(StageView, can_focus=True):
    stage = Stage.WRAP_UP
    kept_when_left = True  # the pulse and the measures asked: half rated, half typed

    BINDINGS = [
        Binding("enter", "end_huddle", "End the huddle"),
        Binding("d", "app.open_digest", "Digest"),
    ]

    DEFAULT_CSS = """
    WrapUpStage #wrap-summary {
        height: auto;
        padding: 1 2;
        border: round $primary;
    }
    WrapUpStage .wrap-row {
        height: auto;
    }
    WrapUpStage .wrap-label {
        width: 28;
        text-style: bold;
    }
    WrapUpStage .wrap-value {
        width: 1fr;
    }
    WrapUpStage .-gap {
        margin-top: 1;
    }
    WrapUpStage.-wide #wrap-summary {
        padding: 0 2;
    }
    WrapUpStage #wrap-wins {
        display: none;
    }
    WrapUpStage.-wide #wrap-wins {
        display: block;
    }
    /* While the pulse or the measures are asked, Enter is theirs: no "Enter ends" line. */
    WrapUpStage.-pulse #wrap-wins, WrapUpStage.-pulse #wrap-summary,
    WrapUpStage.-measures #wrap-wins, WrapUpStage.-measures #wrap-summary,
    WrapUpStage.-pulse > .stage-hint, WrapUpStage.-measures > .stage-hint {
        display: none;
    }
    WrapUpStage #wrap-pulse, WrapUpStage #wrap-measures {
        height: auto;
        display: none;
    }
    """

    ROWS = (
        "yesterday",
        "today",
        "blockers",
        "here",
        "away",
        "time",
        "total",
        "streak",
        "digest",
    )

    def compose(self) -> ComposeResult:
        yield Static(classes="stage-heading")
        yield Vertical(id="wrap-pulse")
        yield Vertical(id="wrap-measures")
        yield WrapUpWins(id="wrap-wins")
        with Vertical(id="wrap-summary"):
            for row in self.ROWS:
                with Horizontal(
                    classes="wrap-row -gap" if row == "total" else "wrap-row", id=f"wrap-{row}"
                ):
                    yield Static(classes="wrap-label")
                    if row in ("here", "away"):
                        yield WholeChunks(classes="wrap-value")  # names wrap whole
                    else:
                        yield Static(classes="wrap-value")
        yield Static(classes="stage-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end_huddle":
            return not self.read_only and not self.huddle.ended
        return True

    def load(self) -> None:
        summary = wrap_up(self.store, self.day, self.huddle.timebox.seconds)
        ended = self.huddle.ended
        self.set_heading(
            "Wrap-up" + (": this huddle has ended" if ended else ""),
            "" if ended or self.read_only else "Enter ends the huddle.",
        )
        found = wins(self.store, self.day, summary)
        if self.wide:
            self.query_one(WrapUpWins).show(found, self.day)
        names = {"here": summary.present, "away": summary.away}
        rows = self.summary(summary)
        if self.wide:  # the total and the streak are on the wins' tiles
            del rows["total"], rows["streak"]
        else:
            for row, milestones in (("total", found.steps), ("streak", found.streak)):
                label, value = rows[row]
                rows[row] = (label, Content.assemble(value, milestone_words(milestones)))
        for row in ("total", "streak"):
            self.query_one(f"#wrap-{row}").display = row in rows
        for row, (label, value) in rows.items():
            line = self.query_one(f"#wrap-{row}")
            line.display = bool(label)
            line.query_one(".wrap-label", Static).update(Content(label))
            shown = line.query_one(".wrap-value", Static)
            if isinstance(shown, WholeChunks):
                shown.show(listed(names[row]) if names[row] else [value])
            else:
                shown.update(value)

    def show_time(self) -> None:
        """The Time row kept with the running timebox (it is read out while time goes on)."""
        if self.huddle.ended or self.read_only:
            return
        box = self.huddle.timebox
        shown = time_taken_words(box.seconds, int(box.limit_seconds))
        self.query_one("#wrap-time .wrap-value", Static).update(shown)

    def summary(self, done: WrapUp) -> dict[str, tuple[str, Content]]:
        """Each row of the summary: its label and what it says."""
        back_to = looking_back_to(self.store, self.day)
        reviewed = done.reviewed
        looked_back = Content.assemble(
            f"{reviewed[StepStatus.DONE]} done · {reviewed[StepStatus.PARTLY]} partly"
            f" · {reviewed[StepStatus.CARRIED]} not done (carried)"
            f" · {reviewed[StepStatus.DROPPED]} dropped",
            (
                (f" · {reviewed[StepStatus.PLANNED]} not looked at", "$text-warning")
                if reviewed[StepStatus.PLANNED]
                else ""
            ),
        )
        time_taken = time_taken_words(done.seconds_taken, done.timebox_seconds)
        plural = "s" * (done.steps_today != 1)
        return {
            "yesterday": (f"Yesterday ({back_to:%a} {back_to.day} {back_to:%b})", looked_back),
            "today": ("Today", Content(f"{done.steps_today} small step{plural} planned")),
            "blockers": (
                "Blockers",
                Content(
                    " · ".join(
                        [f"{done.blockers_raised} raised"]
                        + [f"{done.blockers_owned} owned"] * bool(done.blockers_owned)
                        + [f"{done.blockers_sent_up} sent up to management"]
                        + [f"{done.blockers_resolved} resolved"] * bool(done.blockers_resolved)
                    )
                ),
            ),
            "here": (f"Here ({len(done.present)})", Content(", ".join(done.present) or "nobody")),
            "away": (
                f"Not here ({len(done.away)})" if done.away else "",
                Content(", ".join(done.away)),
            ),
            "time": ("Time", time_taken),
            "total": (
                "Small steps taken so far",
                Content.styled(f"{done.steps_taken_total:,}", "bold $text-success"),
            ),
            "streak": (
                "Streak",
                Content.styled(
                    f"{done.streak} huddle day{'s' * (done.streak != 1)} in a row",
                    "bold $text-accent",
                ),
            ),
            "digest": ("Digest for management", self.digest_offer()),
        }

    def digest_offer(self) -> Content:
        """When the digest for management was last written, and the key that writes it."""
        last = self.store.digests.last()
        today = self.store.today()
        written = (
            f"last written {format_day(last.written_at.date(), today)}"
            if last
            else "not written yet"
        )
        return Content.assemble(written, ("  d previews and writes it", "$text-muted"))

    def enter(self) -> None:
        self.load()
        asking = self.query("#wrap-pulse PulseCard, #wrap-measures MeasurePrompt")  # come back
        self.focus_now(asking.first() if asking else self)
        self.start_pulse()

    def start_pulse(self) -> None:
        """Once a week (the team's pulse day), each person here who has not answered yet
        (managers aside) may rate the five factors; only team averages are ever shown."""
        box = self.query_one("#wrap-pulse")
        if box.children or self.read_only or self.huddle.ended:
            return
        people = who_to_ask(self.store, self.day, present_members(self.store, self.day))
        if not people:
            self.start_measures()
            return
        week = week_of(self.day)

        def record(member: Member, answers: PulseAnswers) -> None:
            self.store.pulse.record(member, week, answers)

        # The round comes first and the summary waits, so the card is in view at 80x24.
        box.display = True
        self.add_class("-pulse")
        box.mount(PulseRound(people, record))

    def on_pulse_round_done(self, _event: PulseRound.Done) -> None:
        self.remove_class("-pulse")
        self.focus()
        self.start_measures()

    def start_measures(self) -> None:
        """On the team's measure day, a line for each measure with no value this week;
        Enter alone skips it."""
        box = self.query_one("#wrap-measures")
        if box.children or self.read_only or self.huddle.ended:
            return
        measures = measures_to_ask(self.store, self.day)
        if not measures:
            return

        def record(measure: Measure, typed: str) -> str:
            value = read_value(typed, measure.unit)
            before = self.store.measures.record(measure, self.day, value)
            return recorded_words(measure, self.day, value, before)

        box.display = True
        self.add_class("-measures")
        box.mount(MeasurePrompt(measures, record))

    def on_measure_prompt_done(self, _event: MeasurePrompt.Done) -> None:
        self.query_one("#wrap-measures").display = False  # kept: not asked again this visit
        self.remove_class("-measures")
        self.focus()

    def action_end_huddle(self) -> None:
        self.huddle.end_huddle()


def time_taken_words(seconds_taken: float, timebox_seconds: int) -> Content:
    """E.g. "7:35 of 15:00  (7:25 to spare)", or "... (4:09 over)"."""
    spare = timebox_seconds - int(seconds_taken)  # adds up with the time shown
    return Content.assemble(
        f"{clock_text(seconds_taken)} of {clock_text(timebox_seconds)}",
        (
            (f"  ({clock_text(spare)} to spare)", "$text-success")
            if spare >= 0
            else (f"  ({clock_text(-spare)} over)", "$text-error")
        ),
    )


def milestone_words(milestones: Milestones) -> Content:
    """After the total or the streak on a small screen: the milestone reached today, or how
    far the next one is."""
    reached = milestones.reached_words(brief=True)
    if reached:
        return Content.styled(f" · {reached}", "bold $text-success")
    return Content.styled(f" · {milestones.next_words(brief=True)}", "$text-muted")

"""The guided daily huddle: five stages in order, a stepper across the top and the timebox
always in view. Every change is saved as it is made; opening it again goes on from there."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static

from huddle.core import flow
from huddle.core.calendar import format_date
from huddle.core.flow import STAGES
from huddle.core.left_undone import LeftUndone
from huddle.core.models import Stage
from huddle.core.timebox import Timebox, clock_text
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.stages.base import StageView
from huddle.ui.screens.stages.blockers import BlockersStage
from huddle.ui.screens.stages.today import TodayStage
from huddle.ui.screens.stages.who import WhoStage
from huddle.ui.screens.stages.wrapup import WrapUpStage
from huddle.ui.screens.stages.yesterday import YesterdayStage
from huddle.ui.shared_screen import is_wide
from huddle.ui.widgets.fitting_footer import FittingFooter
from huddle.ui.widgets.huddle_top import HuddleTop
from huddle.ui.widgets.timebox import TimeboxDigits

SAVE_TIMER_SECONDS = 5
"""How often the running timebox is saved (and at once on every stage change or pause)."""
KEY_NAMES = {"enter": "Enter", "pagedown": "PgDn"}
"""Keys as the line on what is left names them (digits are named as they are)."""
STAGE_VIEWS: dict[Stage, type[StageView]] = {
    Stage.WHO: WhoStage,
    Stage.YESTERDAY: YesterdayStage,
    Stage.TODAY: TodayStage,
    Stage.BLOCKERS: BlockersStage,
    Stage.WRAP_UP: WrapUpStage,
}


class HuddleScreen(LiveScreen):
    """Today's huddle, or (`read_only`) a past one looked at from history."""

    BINDINGS = [
        Binding("pagedown", "next_stage", "Next", priority=True, key_display="PgDn"),
        Binding("pageup", "previous_stage", "Back", priority=True, key_display="PgUp"),
        Binding("enter", "next_stage", "Next", show=False),
        Binding("1", "go(1)", "Who's here", show=False),
        Binding("2", "go(2)", "Yesterday", show=False),
        Binding("3", "go(3)", "Today", show=False),
        Binding("4", "go(4)", "Blockers", show=False),
        Binding("5", "go(5)", "Wrap-up", show=False),
        Binding("t", "pause", "Pause"),
        Binding("escape", "leave", "Home"),
    ]

    DEFAULT_CSS = """
    HuddleScreen #huddle-top {
        height: auto;
        background: $panel;
    }
    HuddleScreen #timebox-digits {
        display: none;
    }
    HuddleScreen.-wide #timebox-digits {
        display: block;
    }
    HuddleScreen.-wide HuddleTop {
        height: 3;  /* a blank row between the title and the stages */
    }
    HuddleScreen #huddle-left {
        display: none;
        height: auto;
        padding: 0 1;
        background: $warning-muted;
        color: $text;
        text-style: bold;
    }
    /* Read from across a room: more air around what matters. */
    HuddleScreen.-wide StageView > .stage-heading {
        padding: 1 1 0 1;
    }
    HuddleScreen.-wide TodayStage #today-name {
        padding: 0 2;
        margin: 1 0 0 0;
    }
    """

    def __init__(self, day: date, *, read_only: bool = False) -> None:
        super().__init__()
        self.day = day
        """The huddle day shown."""
        self.read_only = read_only
        """Only looked at: nothing is changed, the timebox does not run."""
        self.stage = Stage.WHO
        self.ended = False
        self.timebox = Timebox(limit_seconds=15 * 60)
        self._saved_seconds = 0.0
        self.ready = False
        """Mounted and read from the store: the stages can draw."""
        self.stage_budgets: dict[Stage, float] = {}
        """Seconds each stage may take: the team's split of its timebox (Team set-up)."""
        self.last_key = "enter"
        """The key pressed last: the one that asks to go on."""
        self.asked_key: str | None = None
        """The key that was told what is left: pressed again, it goes on."""
        self._views: dict[Stage, StageView] = {}
        self._mounting: dict[Stage, AwaitMount] = {}
        self._places: dict[Stage, str | None] = {}
        """Each stage taken off the screen: the row it had picked, given back when made again."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="huddle-top"):
            yield HuddleTop()
            # (The TV's block digits, and the line on what is left, are made when needed.)
        # (Each stage is built when first shown, here, and then shown or hidden: no
        # container around them, which every key would visit and draw.)
        yield FittingFooter()

    def on_mount(self) -> None:
        store = self.store
        self.read_only = self.read_only or store.db.read_only  # nothing to start, only to see
        huddle = (
            store.huddles.get(self.day)
            if self.read_only
            else self.safely(lambda: flow.start(store, self.day))
        )
        if huddle is None and not self.read_only and not store.db.held_back:
            self.read_only = True  # the file could not be written: show what is there
        elif huddle is not None and not self.read_only:
            # (None and held back: the start waits for a busy file; the huddle goes on.)
            self.huddle_app.back_up_today()
        self.ended = huddle is not None and huddle.ended_at is not None
        if self.ended:
            self.read_only = True
        stage = huddle.stage if huddle else Stage.WHO
        self.timebox = Timebox.resume(
            store.huddles.timer(self.day),
            limit_minutes=store.team.get().timebox_minutes,
            stage=stage,
        )
        self._saved_seconds = self.timebox.seconds
        self.stage_budgets = store.timebox.seconds()
        state = " (ended)" if self.ended else " (read only)" if self.read_only else ""
        self.query_one(HuddleTop).show_title(
            Content.assemble(
                ("Huddle", "bold"),
                "  ",
                Content(store.team.get().name or "the team"),
                "  ",
                (f"{format_date(self.day, '%A %d %B %Y')}{state}", "bold"),
            )
        )
        self.ready = True
        self.show_stage(stage, save=False)
        if not self.read_only:
            self.set_interval(1, self.tick)
            self.tick()

    def on_resize(self, event: events.Resize) -> None:
        # (From WIDE_COLUMNS the app's breakpoints give the screen and its stages "-wide".)
        if self.ready:
            self.call_after_refresh(self.show_top)

    def on_unmount(self) -> None:
        if self.ready and not self.read_only:
            self.timebox.halt(self.store.clock.now())
            self.save_timer()

    def reload(self) -> None:
        if self.ready:
            view = self.view(self.stage)
            if view.is_mounted and view.display:  # (not while it is still being built)
                view.load()
            self.show_top()

    # The stages

    def view(self, stage: Stage) -> StageView:
        """The stage's view; made on first use, and made again when come back to unless
        it is `kept_when_left` (see `_come_to`)."""
        if stage not in self._views:
            made = self._views[stage] = STAGE_VIEWS[stage](id=stage.value)
            made.place = self._places.pop(stage, None)
        return self._views[stage]

    def show_stage(self, stage: Stage, *, save: bool = True) -> None:
        """Go to a stage: the one left keeps what was typed; the time goes to the new one."""
        left = self._views.get(self.stage)
        if stage is not self.stage and left is not None and left.is_mounted:
            left.leave()  # (a stage never shown, as when a huddle resumes, has nothing to keep)
        self.set_aside()
        self.timebox.move_to(stage, self.store.clock.now())
        self.stage = stage
        if save and not self.read_only:
            self.save_timer(stage=stage)
        view = self.view(stage)
        if view.is_mounted:
            self._come_to(stage)
            return
        if stage not in self._mounting:
            # Built the first time it is shown: a stage not shown costs no key anything.
            view.display = False
            self._mounting[stage] = self.mount(view, before=self.query_one(FittingFooter))
        self.call_next(self._come_to_when_built, stage, self._mounting[stage])

    async def _come_to_when_built(self, stage: Stage, built: AwaitMount) -> None:
        await built
        if self.stage is stage and self.is_attached:  # (not gone on meanwhile)
            self._come_to(stage)

    def _come_to(self, stage: Stage) -> None:
        for shown in self._views.values():
            if shown.is_mounted:
                shown.display = shown.stage is stage
        self.view(stage).enter()
        self.show_top()
        # A stage left behind is made again when come back to: every key visits each
        # widget on the screen, hidden or not.
        for left, view in list(self._views.items()):
            if left is not stage and not view.kept_when_left and view.is_mounted:
                self._places[left] = view.picked()
                del self._views[left]
                self._mounting.pop(left, None)
                view.remove()

    def show_top(self) -> None:
        self.query_one(HuddleTop).show(self.timebox, self.stage_budgets, finished=self.read_only)
        digits = self.timebox_digits()
        if digits is not None:
            digits.show(self.timebox, finished=self.read_only)

    def timebox_digits(self) -> TimeboxDigits | None:
        """The countdown in block digits, on the TV only: made the first time it is shown."""
        made = self.query(TimeboxDigits)
        if made:
            return made.first(TimeboxDigits)
        if not is_wide(self):
            return None
        digits = TimeboxDigits(id="timebox-digits")
        self.query_one("#huddle-top").mount(digits)
        return digits

    def action_next_stage(self) -> None:
        index = STAGES.index(self.stage)
        if index < len(STAGES) - 1:
            if self.may_go_on():
                self.show_stage(STAGES[index + 1])
        elif not self.read_only:
            self.view(self.stage).focus()
            self.notify("Enter ends the huddle", timeout=3)

    def action_previous_stage(self) -> None:
        index = STAGES.index(self.stage)
        if index > 0:
            self.show_stage(STAGES[index - 1])

    def action_go(self, number: int) -> None:
        if number - 1 <= STAGES.index(self.stage) or self.may_go_on():
            self.show_stage(STAGES[number - 1])

    # What is left: said once, the same key again goes on

    def key_pressed(self, key: str) -> None:
        self.last_key = key
        if key != self.asked_key:
            self.set_aside()

    def may_go_on(self, *, ending: bool = False) -> bool:
        """Whether the huddle may go on from this stage (or end): yes when nothing is left,
        or when the key that was told what is left is pressed again; else say it, once."""
        if self.read_only or self.asked_key == self.last_key:
            self.set_aside()
            return True
        left = self.safely(self.view(self.stage).what_is_left) or LeftUndone()
        if not left:
            return True
        self.asked_key = self.last_key
        again = KEY_NAMES.get(self.last_key, self.last_key)
        made = self.query("#huddle-left")
        line = made.first(Static) if made else Static(id="huddle-left")
        if not made:
            self.mount(line, after="#huddle-top")
        line.update(Content(f"{left}: {again} again to {'end the huddle' if ending else 'go on'}"))
        line.display = True
        return False

    def set_aside(self) -> None:
        """Forget what was said about what is left (another key was pressed)."""
        if self.asked_key is not None:
            self.asked_key = None
            for line in self.query("#huddle-left"):
                line.display = False

    # The timebox

    def tick(self) -> None:
        """Count the time since the last tick, show it, and now and then save it."""
        if self.read_only:
            return
        self.timebox.tick(self.store.clock.now())
        self.show_top()
        wrap = self._views.get(Stage.WRAP_UP)
        if self.stage is Stage.WRAP_UP and isinstance(wrap, WrapUpStage) and wrap.is_mounted:
            wrap.show_time()
        if abs(self.timebox.seconds - self._saved_seconds) >= SAVE_TIMER_SECONDS:
            self.save_timer()

    def save_timer(self, stage: Stage | None = None) -> None:
        box = self.timebox
        self.safely(
            lambda: self.store.huddles.save_timer(
                self.day,
                box.seconds,
                paused=box.paused,
                stage_seconds=box.stage_seconds,
                stage=stage,
            )
        )
        self._saved_seconds = box.seconds

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "pause" and self.read_only)

    def action_pause(self) -> None:
        self.timebox.toggle_pause(self.store.clock.now())
        self.save_timer()
        self.show_top()

    # Leaving

    def quit_question(self) -> str | None:
        if self.read_only:
            return None
        return "Leave the huddle? It is kept as it is; h goes on from here."

    def action_leave(self) -> None:
        """Back to the home screen; `h` comes back to the same place."""
        self.view(self.stage).leave()
        self.app.pop_screen()

    def end_huddle(self) -> None:
        if self.read_only or not self.may_go_on(ending=True):
            return
        view = self.view(self.stage)
        view.leave()
        self.timebox.halt(self.store.clock.now())
        self.save_timer()

        tried = self.huddle_app.attempt(lambda: self.store.huddles.end(self.day))
        if not (tried.done or tried.waits):
            return  # refused, said in one line: the huddle goes on
        self.ended = True
        self.read_only = True
        steps = sum(len(s) for s in flow.steps_for(self.store, self.day).values())
        self.notify(
            f"Huddle ended after {clock_text(self.timebox.seconds)}:"
            f" {steps} small step{'s' * (steps != 1)} for today.",
            timeout=6,
        )
        self.app.pop_screen()

"""The line a person types their step in on the Today stage, with #goal and @name completion
(Tab), a goal picked from a list (ctrl+g), Up / Down to another person's turn."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from textual import events
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input

from huddle.core.flow import goal_tags
from huddle.core.models import Goal, Member
from huddle.ui.screens.stages.today_save import submit
from huddle.ui.widgets.ask import PickOne
from huddle.ui.widgets.entry_input import TAG_AT_END, TagTab, tag_hint

if TYPE_CHECKING:
    from huddle.ui.screens.stages.today import TodayStage

_ANY_TAG = re.compile(r"(?<!\S)#[^\W\d_][\w\-'.]*")


def today_stage(widget: Widget) -> TodayStage:
    """The Today stage `widget` is part of."""
    return cast("TodayStage", widget.query_ancestor("TodayStage"))


class GoalSuggester(Suggester):
    """Shows, greyed out, the goal (or person) a half-typed #tag (or @tag) would complete to."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.goals: list[Goal] = []
        self.members: list[Member] = []

    async def get_suggestion(self, value: str) -> str | None:
        return tag_hint(value, self.goals, self.members)


class StepInput(Input):
    """The one line a person types their step in."""

    BINDINGS = [
        Binding("up", "person(-1)", "Previous person", key_display="↑"),
        Binding("down", "person(1)", "Next person", key_display="↓"),
        Binding("tab", "complete", "#goal", key_display="Tab"),
        Binding("ctrl+g", "pick_goal", "Pick goal"),
        Binding("escape", "stop_typing", "Stop typing"),
        Binding("ctrl+n", "note_idea", "Note as an idea", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        self.goal_suggester = GoalSuggester()
        super().__init__(
            placeholder="Type the step, Enter saves it",
            id=id,
            suggester=self.goal_suggester,
            select_on_focus=False,
        )
        self.tab = TagTab()

    @property
    def content_width(self) -> int:
        # At least the line's own width: while the text fits, its virtual size stays the
        # same, so a key typed is drawn again without laying out the whole screen.
        return max(super().content_width, self.content_region.width)

    def validate_value(self, value: str) -> str:
        # Textual asks the suggester in a worker at every key: only a #goal or @name being
        # typed has anything to suggest.
        self.suggester = self.goal_suggester if TAG_AT_END.search(value) else None
        return value

    async def _on_key(self, event: events.Key) -> None:
        # Keys that act on the line are handled in the line's own turn, not when the key has
        # come back up to the app (where bindings are looked up): a quick typist's next
        # letters are then never typed into the line before its Tab or Enter is acted on.
        if event.key not in ("tab", "enter", "up", "down"):
            return  # the Input types it
        event.stop()
        event.prevent_default()
        if event.key == "tab":
            self.action_complete()
        elif event.key == "enter":
            submit(today_stage(self), self.value)
        else:
            self.action_person(-1 if event.key == "up" else 1)

    def action_complete(self) -> None:
        """Tab: complete the #goal or @name being typed (again: the next one that fits)."""
        suggester = self.goal_suggester
        done = self.tab.complete(self, suggester.goals, suggester.members)
        if done is None:
            today_stage(self).focus_steps()
        elif not done:
            self.app.bell()

    def action_pick_goal(self) -> None:
        """ctrl+g: pick the step's goal from a list; its #tag goes in the line."""
        goals = self.goal_suggester.goals
        tags = goal_tags(goals)
        choices = [(g.id, g.title) for g in goals if g.id in tags]
        if not choices:
            today_stage(self).huddle.notify("The team has no goals yet", timeout=3)
            return

        def chosen(goal_id: str | None) -> None:
            self.focus()
            if goal_id is None:
                return
            tag = tags[goal_id]
            text = self.value
            if _ANY_TAG.search(text):
                text = _ANY_TAG.sub(tag, text, count=1)
            else:
                text = f"{text.rstrip()} {tag}".lstrip()
            self.value = text
            self.cursor_position = len(text)

        self.app.push_screen(PickOne("Which goal does this step serve?", choices), chosen)

    def action_note_idea(self) -> None:
        """ctrl+n: the line typed is an idea, not yet a step (as if it began with !!)."""
        if not self.value.strip():
            today_stage(self).huddle.notify("Type the idea first, then ctrl+n notes it", timeout=3)
            return
        submit(today_stage(self), self.value, as_idea=True)

    def action_person(self, delta: int) -> None:
        today_stage(self).action_person(delta)

    def action_stop_typing(self) -> None:
        today_stage(self).focus()

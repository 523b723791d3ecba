"""Inputs that complete what people start typing: Tab takes the grey suggestion.

`EntryInput` is the one-line step box: it knows the shorthand (#goal, @name, leading !)
and suggests the rest of a goal's or a member's tag from the team's file.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.actions import SkipAction
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from huddle.core.models import Goal, HuddleError, Member
from huddle.core.shorthand import complete_tag


class CompletingInput(Input):
    """An Input where Tab accepts the suggestion shown; with none, Tab moves on as usual."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def action_complete(self) -> None:
        suggestion = self._suggestion
        if not suggestion or suggestion == self.value or not self.cursor_at_end:
            raise SkipAction()  # let the app's Tab move the focus
        self.value = suggestion if suggestion.endswith(" ") else suggestion + " "
        self.cursor_position = len(self.value)


class ShorthandSuggester(Suggester):
    """Suggests the rest of a #goal or @name tag being typed at the end of the line."""

    def __init__(
        self, goals: Callable[[], list[Goal]], members: Callable[[], list[Member]]
    ) -> None:
        # No cache: goals and members can change while the screen is open.
        super().__init__(use_cache=False, case_sensitive=True)
        self._goals = goals
        self._members = members

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value[-1].isspace() or value.split()[-1][:1] not in ("#", "@"):
            return None
        try:
            return complete_tag(value, self._goals(), self._members())
        except HuddleError:  # the file can't be read now: no suggestion, never the app's end
            return None


class EntryInput(CompletingInput):
    """The line where someone types their step: "Ring the carer #wait", "! the form is broken"."""

    def __init__(
        self,
        goals: Callable[[], list[Goal]],
        members: Callable[[], list[Member]],
        *,
        value: str = "",
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            suggester=ShorthandSuggester(goals, members),
            id=id,
            classes=classes,
        )

"""Inputs that complete what people start typing: Tab takes the grey suggestion.

`EntryInput` is the one-line step box: it knows the shorthand (#goal, @name, leading !)
and suggests the rest of a goal's or a member's tag from the team's file. `tag_hint` and
`TagTab` are the one way every box that takes the shorthand completes a tag (Today's line
too): the grey hint is what Tab puts in (core/flow.tag_choices).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual.actions import SkipAction
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from huddle.core.flow import tag_choices
from huddle.core.models import Goal, HuddleError, Member

TAG_AT_END = re.compile(r"(?<!\S)[#@+][\w\-'.]*$")
"""A #goal, @name or +source being typed at the end of what is before the cursor."""


def tag_hint(value: str, goals: Sequence[Goal], members: Sequence[Member]) -> str | None:
    """The grey hint: `value` with the tag typed at its end completed as Tab would."""
    found = TAG_AT_END.search(value)
    if not found or len(found.group()) < 2:
        return None
    choices = tag_choices(found.group(), goals, members)
    return value + choices[0][len(found.group()) :] if choices else None


class TagTab:
    """Tab on the #goal, @name or +source being typed, the same in every box: it becomes the
    first of `tag_choices` (what the grey hint showed), and a space; Tab again, the next."""

    def __init__(self) -> None:
        self.cycle: tuple[str, list[str], int] | None = None

    def complete(
        self, line: Input, goals: Sequence[Goal], members: Sequence[Member]
    ) -> bool | None:
        """True: completed; False: a tag that can't become any (the caller rings the bell);
        None: no tag being typed (Tab does what it does elsewhere)."""
        value = line.value[: line.cursor_position]
        if self.cycle and self.cycle[0] == line.value:
            _, choices, index = self.cycle
            index = (index + 1) % len(choices)
            found = TAG_AT_END.search(value.rstrip())
            start = found.start() if found else len(value)
        else:
            found = TAG_AT_END.search(value)
            if not found or len(found.group()) < 2:
                return None
            choices = tag_choices(found.group(), goals, members)
            if not choices:
                return False
            index, start = 0, found.start()
        completed = value[:start] + choices[index] + " "
        line.value = completed + line.value[line.cursor_position :]
        line.cursor_position = len(completed)
        self.cycle = (line.value, choices, index)
        return True


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
        if not TAG_AT_END.search(value):
            return None
        try:
            return tag_hint(value, self._goals(), self._members())
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
        self._goals, self._members = goals, members
        self.tab = TagTab()

    def action_complete(self) -> None:
        """Tab: complete the tag being typed (again: the next that fits); no tag, Tab moves on."""
        try:
            done = self.tab.complete(self, self._goals(), self._members())
        except HuddleError:  # the file can't be read now: Tab moves on
            done = None
        if done is None:
            raise SkipAction()
        if not done:
            self.app.bell()

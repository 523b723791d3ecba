"""A list moved with the arrow keys whose other keys are left to the screen: Enter moves the
huddle on, PageUp / PageDown change stage, so the list binds neither."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class KeyList(OptionList, inherit_bindings=False):
    """An option list that only moves its highlight; subclasses add one-key actions."""

    DEFAULT_CSS = """
    KeyList > .option-list--option-disabled {
        color: $text;
    }
    """
    """Rows that can't be chosen are headings (a person's name) or notes: shown as they are
    styled, not greyed out; a row that is out of play is styled muted where it is made."""

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    def action_cursor_up(self) -> None:
        step_highlight(self, -1)

    def action_cursor_down(self) -> None:
        step_highlight(self, 1)

    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def refill(self, options: Sequence[Option]) -> None:
        """Show `options` instead, the highlight kept on the row it was on; if that row
        has gone (resolved, dropped), on the row that took its place, not back at the top."""
        keep, at = self.highlighted_id(), self.highlighted
        self.set_options(options)
        if self.highlight_id(keep) or at is None:
            return
        usable = [i for i, option in enumerate(options) if not option.disabled]
        later = [i for i in usable if i >= at]
        if later or usable:
            self.highlighted = later[0] if later else usable[-1]

    def replace_row(self, option_id: str, prompt: Content) -> None:
        """Change one row's words in place. OptionList measures every row again after any
        change; a row that keeps its height here leaves the others as measured (on a team of
        thousands that is most of a second a key)."""
        index = self.get_option_index(option_id)
        option = self.get_option_at_index(index)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        before = self._heights.get(index)
        option._set_prompt(prompt)
        rules = cast("RulesMap", self.styles)  # (as OptionList measures its rows)
        if before != self._get_visual(option).get_height(rules, width - padding.width):
            self._clear_caches()  # taller or shorter: every row below moves
            return
        self._option_render_cache.clear()  # (the rows drawn, not their heights)
        self.refresh()

    def highlight_id(self, option_id: str | None) -> bool:
        """Put the highlight on an option by id; False when it is not in the list."""
        if option_id is None:
            return False
        try:
            self.highlighted = self.get_option_index(option_id)
        except OptionDoesNotExist:  # the row has gone
            return False
        return True


def step_highlight(options: OptionList, direction: int) -> None:
    """Move the highlight to the next row that can be picked that way (from none: the first
    going down, the last going up); past the end it stays, so a key held down never goes
    round to the other end and onto someone else."""
    count = options.option_count
    at = options.highlighted
    index = (-1 if direction > 0 else count) if at is None else at
    for candidate in range(index + direction, count if direction > 0 else -1, direction):
        if not options.get_option_at_index(candidate).disabled:
            options.highlighted = candidate
            return


def hanging(lead: Content, lines: Sequence[Content], width: int) -> Content:
    """`lead` (a badge, an age) with `lines` beside it, each wrapped to `width` cells in all
    and indented under the first, so a long line reads as a column, not a ragged edge."""
    indent = lead.cell_length
    room = max(16, width - indent)
    out: list[Content] = []
    for line in lines:
        for part in line.wrap(room) or [Content("")]:
            out.append((lead if not out else Content(" " * indent)) + part)
    return Content("\n").join(out)


def row_width(listing: OptionList) -> int:
    """The cells a row of `listing` has, before it is laid out too (then from the screen)."""
    width = listing.scrollable_content_region.width
    if width <= 0:
        width = listing.app.size.width - 8
    return max(20, width - 2)  # room for a scrollbar


def with_tail(text: Content, tail: Content, room: int, gap: str = "  ") -> Content:
    """`text` then `tail` (a goal after its "·", a name after its "-"), the tail kept whole:
    at the end of the last line when it fits there, else on a line of its own, so no line
    ends in a lone "·" with its goal on the next. For `hanging`, with its `room`."""
    lines = text.wrap(max(1, room)) or [Content("")]
    if lines[-1].cell_length + len(gap) + tail.cell_length <= room:
        lines[-1] = Content.assemble(lines[-1], gap, tail)
    else:
        lines.append(tail)
    return Content("\n").join(lines)

"""The footer of every screen: the keys that matter most, never cut in half.

Keys are shown in the order of importance: the focused part's keys first, then the screen's
(each screen lists its BINDINGS most important first), then the app's. `? Help` leads while
every key fits; when some do not, the last keys that fit are followed by `? more` (Help lists
them all), and no key is ever shown in part. On a narrow screen (under 100 columns) the keys
sit closer together and the command palette's key (still working, and listed in Help) is not
shown. A key is clicked as it is pressed.

One widget draws the whole line: Textual's Footer makes a widget per key, and every key
pressed makes Textual visit and draw again each widget of the screen (a dozen footer keys
made typing on Today a third slower).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

NARROW_BELOW = 100
"""Columns under which the footer is compact."""

MORE = "more"
"""The word after `?` when some keys are not shown."""


@dataclass(frozen=True)
class FooterKey:
    """One key as the footer shows it, or a group of keys under one description (←→ Day)."""

    keys: tuple[tuple[str, str], ...]
    """Each key pressed and how it is shown: one, or the keys of a group."""
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""
    grouped: bool = False
    """Several keys under one description; their glyphs sit together."""

    @property
    def key_display(self) -> str:
        return "".join(shown for _key, shown in self.keys)

    @property
    def is_help(self) -> bool:
        return self.action.endswith("help")

    def width(self, compact: bool) -> int:
        """Columns it takes in the row, with the room after it."""
        return cell_len(self.key_display) + cell_len(self.description) + (2 if compact else 3)


@dataclass(frozen=True)
class Placed:
    """A key drawn from column `start` up to `end`."""

    key: FooterKey
    start: int
    end: int


def more_key(description: str = MORE) -> FooterKey:
    return FooterKey((("question_mark", "?"),), description, "app.help", tooltip="Every key")


def fitted(keys: list[FooterKey], room: int, compact: bool) -> list[FooterKey]:
    """The keys, in order, that fit in `room` columns; "? more" last if any are left out
    (or "? Help" last, when only Help itself had no room in front)."""
    cut = sum(key.width(compact) for key in keys) > room
    if not cut:
        return keys
    room -= more_key().width(compact)
    shown: list[FooterKey] = []
    used = 0
    for key in keys:
        if key.is_help:
            continue
        if used + key.width(compact) > room:
            return [*shown, more_key()]
        shown.append(key)
        used += key.width(compact)
    return [*shown, more_key("Help")]


class FittingFooter(Widget, can_focus=False):
    """The keys that work now, as many as fit, as one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "fitting-footer--key",
        "fitting-footer--description",
        "fitting-footer--hover",
        "fitting-footer--palette-edge",
    }
    DEFAULT_CSS = """
    FittingFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .fitting-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .fitting-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .fitting-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .fitting-footer--palette-edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[list[FooterKey], FooterKey | None] | None = None
        """The keys that work now and the palette's key; None: read them when drawn."""
        self._placed: list[Placed] = []
        """Where each key was drawn last, for the mouse."""
        self._hover: Placed | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus or self._keys is None:
            return  # (the app lost focus: its keys come back with it)
        keys = self._keys_now()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _keys_now(self) -> tuple[list[FooterKey], FooterKey | None]:
        """The keys shown in the footer, in order, and the command palette's key."""
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, (binding, enabled, tooltip))
        keys: list[FooterKey] = []
        display = self.app.get_key_display
        for group, together in groupby(by_action.values(), lambda found: found[0].group):
            bindings = list(together)
            if group is not None and len(bindings) > 1:
                keys.append(
                    FooterKey(
                        tuple((b.key, display(b)) for b, _, _ in bindings),
                        group.description,
                        bindings[0][0].action,
                        enabled=any(enabled for _, enabled, _ in bindings),
                        grouped=True,
                    )
                )
                continue
            keys.extend(
                FooterKey(((b.key, display(b)),), b.description, b.action, enabled, tooltip)
                for b, enabled, tooltip in bindings
            )
        palette = None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, enabled, _tooltip = found
            palette = FooterKey(
                ((binding.key, display(binding)),),
                binding.description,
                binding.action,
                enabled,
                binding.tooltip or binding.description,
            )
        return keys, palette

    def render(self) -> Text:
        if self._keys is None:
            self._keys = self._keys_now()
        keys, palette = self._keys
        width = self.size.width
        compact = width < NARROW_BELOW
        palette = None if compact else palette
        palette_width = 0 if palette is None else palette.width(compact=False)  # with its edge
        key_style = self.get_component_rich_style("fitting-footer--key")
        words_style = self.get_component_rich_style("fitting-footer--description")
        hover_style = self.get_component_rich_style("fitting-footer--hover")
        line = Text(no_wrap=True, end="")
        placed: list[Placed] = []

        def looks(key: FooterKey) -> Style:
            hover = self._hover is not None and self._hover.key == key
            return (hover_style if hover else Style()) + Style(dim=not key.enabled)

        for key in fitted(keys, width - palette_width, compact):
            start = line.cell_len
            look = looks(key)
            pad = "" if compact else " "
            if key.grouped:  # (as Textual draws a group: the room around it is the footer's)
                line.append(pad)
                line.append(key.key_display, key_style + look)
                line.append(" ")
                line.append(key.description, words_style + look)
                line.append(pad)
            else:
                line.append(f"{pad}{key.key_display}{pad}", key_style + look)
                if key.description:
                    words = f" {key.description}" if compact else f"{key.description} "
                    line.append(words, words_style + look)
            placed.append(Placed(key, start, line.cell_len))
            line.append(" " if compact else "")
        if palette is not None:
            line.append(" " * max(0, width - line.cell_len - palette_width))
            line.append("▏", self.get_component_rich_style("fitting-footer--palette-edge"))
            start = line.cell_len
            line.append(palette.key_display, key_style + looks(palette))
            line.append(f" {palette.description} ", words_style + looks(palette))
            placed.append(Placed(palette, start, line.cell_len))
        self._placed = placed
        line.stylize_before(self.rich_style)
        return line

    def on_resize(self) -> None:
        self.refresh()  # (fitted to the width when drawn)

    # The mouse: a key is clicked as it is pressed

    def _key_at(self, x: int) -> Placed | None:
        return next((p for p in self._placed if p.start <= x < p.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = (hover.key.tooltip or None) if hover else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        placed = self._key_at(event.x)
        if placed is None:
            return
        key = placed.key
        if not key.enabled:
            self.app.bell()
            return
        pressed = key.keys[0][0]
        if key.grouped:  # each glyph of a group is its own key
            glyph = event.x - placed.start - (0 if self.size.width < NARROW_BELOW else 1)
            column = 0
            for each, shown in key.keys:
                column += cell_len(shown)
                if glyph < column:
                    pressed = each
                    break
            else:
                return  # its description: no one key
        self.app.simulate_key(pressed)

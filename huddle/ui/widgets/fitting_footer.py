"""The footer of every screen: the keys that matter most, never cut in half.

Keys are shown in the order of importance: the focused part's keys first, then the screen's
(each screen lists its BINDINGS most important first), then the app's. `? Help` leads while
every key fits; when some do not, the last keys that fit are followed by `? more` (Help lists
them all), and no key is ever shown in part. On a narrow screen (under 100 columns) the keys
sit closer together and the command palette's key (still working, and listed in Help) is not
shown.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_BELOW = 100
"""Columns under which the footer is compact."""

MORE = "more"
"""The word after `?` when some keys are not shown."""


class FittingFooter(Footer):
    DEFAULT_CSS = """
    FittingFooter FooterKey.-more { display: none; }
    """

    _made_from: tuple[object, ...] | None = None
    """What the keys shown were made from: a recompose that would make them again only
    fits them."""

    def compose(self) -> ComposeResult:
        if self._made_from is None:
            # Made as its screen is built, when the screen's keys and the window's width
            # are known: the first frame has its keys (Textual's Footer waits a frame).
            narrow = self.app.size.width < NARROW_BELOW
            self.set_reactive(Footer.compact, narrow)
            self.set_class(narrow, "-compact", update=False)
            self.set_reactive(Footer.show_command_palette, not narrow)
            self.set_reactive(Footer._bindings_ready, True)
        self._made_from = self._keys_now()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Born as the footer is (what data_bind makes it): a key made compact, then
                # not, is styled three times over as it mounts, and there are a dozen keys.
                # (Textual leaves the palette's key compact, unbound.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
        if self._bindings_ready:
            # Last in the row; shown in place of "? Help" when keys are left out.
            more = FooterKey(
                "question_mark", "?", MORE, "app.help", classes="-more", tooltip="Every key"
            )
            more.set_reactive(FooterKey.compact, self.compact)
            yield more.data_bind(compact=Footer.compact)

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW_BELOW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            self.refresh(recompose=True)
        else:
            self.call_after_refresh(self.fit)

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen closed while the recompose waited
            return
        if self._keys_now() != self._made_from:
            await super().recompose()
        self.call_after_refresh(self.fit)

    def _keys_now(self) -> tuple[object, ...]:
        shown = tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (shown, self.compact, self.show_command_palette)

    async def _on_compose(self, event: events.Compose) -> None:
        await super()._on_compose(event)
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Show the keys, in order, that fit in the width; "? more" if any are left out."""
        aside = ("-command-palette", "-more")
        keys = [k for k in self.children if not any(k.has_class(c) for c in aside)]
        found = self.query(".-more").results(FooterKey)
        more = next(found, None)
        if not keys or more is None:
            return
        room = self.size.width - sum(
            _width(k, self.compact) for k in self.query(".-command-palette") if k.display
        )
        wanted = [_width(k, self.compact) for k in keys]
        cut = sum(wanted) > room
        if cut:
            room -= _width(more, self.compact)
        used = 0
        fits = True
        for key, width in zip(keys, wanted, strict=True):
            is_help = isinstance(key, FooterKey) and key.action.endswith("help")
            fits = fits and (is_help or used + width <= room)
            key.display = fits and not (cut and is_help)
            used += width if key.display else 0
        more.display = cut
        if cut:  # only Help itself had no room: it moves to the end
            more.description = MORE if not fits else "Help"
            more.refresh(layout=True)


def _width(widget: Widget, compact: bool) -> int:
    """Columns `widget` takes in the row, whether shown now or not: from its words alone
    for a key (the footer's CSS, compact or not), so the same keys always fit the same way."""
    if isinstance(widget, FooterKey) and not widget.has_class("-grouped"):
        text = cell_len(widget.key_display) + cell_len(widget.description)
        if widget.has_class("-command-palette"):
            return text + 4  # its border, the spaces around the key and after the words
        return text + (2 if compact else 3)
    margin = widget.styles.margin.left + widget.styles.margin.right
    return widget.outer_size.width + margin

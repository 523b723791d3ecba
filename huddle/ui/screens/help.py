"""`?`: every key of the current screen and what it does, read from the live bindings so it
can never go out of date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Markdown, Static

MOUSE_HINT = (
    "The mouse works too: click a key in the footer to press it, click a button, "
    "click a row to choose it. ctrl+p lists every command by name."
)


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    what: str


@dataclass(frozen=True)
class KeyGroup:
    title: str
    keys: list[KeyHelp]


def describe(binding: Binding) -> str:
    """What a binding does, in words: its description, its tooltip, or its action's name."""
    text = binding.description or binding.tooltip
    if not text:
        action = binding.action.split(".")[-1].split("(")[0]
        text = action.replace("_", " ").strip().capitalize()
    if binding.tooltip and binding.description and binding.tooltip != binding.description:
        text = f"{binding.description}: {binding.tooltip}"
    return text


_EVERY_SCREEN = ("app.focus_next", "app.focus_previous", "screen.copy_text")


def key_groups(screen: Screen[Any]) -> list[KeyGroup]:
    """The keys that work on `screen` now, grouped by where they belong: the focused part
    first, then the screen, then everywhere in the app."""
    app = screen.app
    by_node: dict[int, tuple[DOMNode, dict[str, KeyHelp]]] = {}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system and binding.action != "app.command_palette":
            continue
        node = active.node
        if binding.action in _EVERY_SCREEN:
            node = app  # Textual's own keys on every screen: listed with the app's
        group = by_node.setdefault(id(node), (node, {}))[1]
        what = describe(binding)
        display = app.get_key_display(binding)
        seen = group.get(binding.action)
        if seen is None:
            group[binding.action] = KeyHelp(display, what)
        elif display not in seen.keys.split(" / "):
            group[binding.action] = KeyHelp(f"{seen.keys} / {display}", seen.what)
    groups = []
    if id(app) in by_node:  # Textual's own keys last, after Huddle's
        keys = by_node[id(app)][1]
        ordered = sorted(keys.items(), key=lambda item: item[0] in _EVERY_SCREEN)
        by_node[id(app)] = (app, dict(ordered))
    for node, keys in by_node.values():
        if node is app:
            title = "Everywhere"
        elif node is screen:
            title = "On this screen"
        else:
            title = f"In the {_widget_name(node)}"
        groups.append(KeyGroup(title, list(keys.values())))

    # Huddle's own keys first: this screen's, then its parts'; Textual's widgets' own keys
    # (scrolling a table, moving in a text box) and the app-wide ones last.
    def rank(pair: tuple[DOMNode, KeyGroup]) -> int:
        node, group = pair
        if group.title == "On this screen":
            return 0
        if group.title == "Everywhere":
            return 3
        return 2 if type(node).__module__.startswith("textual.") else 1

    nodes = [node for node, _keys in by_node.values()]
    return [group for _node, group in sorted(zip(nodes, groups, strict=True), key=rank)]


def _widget_name(node: DOMNode) -> str:
    names = {
        "DataTable": "table",
        "Input": "text box",
        "Select": "choice list",
        "SelectOverlay": "choice list",
        "Tabs": "tabs",
        "Button": "button",
        "RadioSet": "choices",
        "Checkbox": "tick box",
        "OptionList": "list",
        "ListView": "list",
        "TextArea": "text box",
    }
    return names.get(type(node).__name__, type(node).__name__.lower())


def screen_title(screen: Screen[Any]) -> str:
    """A screen's name as people say it: its TITLE, else its class name in words."""
    title = getattr(screen, "TITLE", None) or screen.title
    if title and title != screen.app.title:
        return str(title)
    name = type(screen).__name__.removesuffix("Screen")
    words = "".join(f" {c}" if c.isupper() else c for c in name).strip()
    return words.capitalize() or "This screen"


class HelpScreen(ModalScreen[None]):
    """The keys of the screen underneath, and its HELP text if it has one."""

    BINDINGS = [
        Binding("escape,question_mark,q,f1", "close", "Close", key_display="esc"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 70%;
    }
    HelpScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; color: $text-primary; padding: 0 0 1 0; }
    HelpScreen #help-keys { height: 1fr; }
    HelpScreen .help-group { height: auto; }
    HelpScreen Markdown { margin: 0; padding: 0; }
    HelpScreen #help-mouse { color: $text-muted; padding: 1 0 0 0; }
    HelpScreen #help-close { dock: bottom; width: auto; margin: 0 0 0 0; }
    """

    def __init__(self, about: Screen[Any]) -> None:
        super().__init__()
        self.about = about
        """The screen whose keys are shown."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Content.assemble(("Help: ", "bold"), screen_title(self.about)), id="help-title"
            )
            with VerticalScroll(id="help-keys"):
                help_text = getattr(self.about, "HELP", None)
                if isinstance(help_text, str) and help_text.strip():
                    yield Markdown(help_text.strip(), id="help-about")
                for group in key_groups(self.about):
                    yield Static(_table(group), classes="help-group")
                yield Static(MOUSE_HINT, id="help-mouse", markup=False)
            yield Button("Close (esc)", id="help-close", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()

    def on_click(self, event: object) -> None:
        # A click outside the box closes it, as on a web page.
        widget = getattr(event, "widget", None)
        if widget is self:
            self.dismiss()

    def action_close(self) -> None:
        self.dismiss()


def _table(group: KeyGroup) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column(style="bold", no_wrap=True, min_width=12)
    table.add_column(ratio=1)
    table.title = group.title
    table.title_justify = "left"
    table.title_style = "bold underline"
    for key in group.keys:
        table.add_row(Text(key.keys), Text(key.what))
    return table

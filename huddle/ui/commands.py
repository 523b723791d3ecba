"""Every Huddle action in the command palette (ctrl+p), from one registry that screens add to.

A command names an action string, as bindings do ("app.open_history", "screen.add_step").
It is listed only while that action exists and is allowed (the app's or current screen's
`action_<name>` method, and its `check_action`), so a command for a screen that has not
landed yet simply does not show. To add one from your own module:

    from huddle.ui.commands import register_command
    register_command("Open goals", "Long-term goals and how each is going", "app.open_goals")
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.actions import parse as parse_action
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    action: str
    """An action string: "app.<name>" or "screen.<name>", with optional arguments."""


COMMANDS: list[PaletteCommand] = []
"""In the order they are shown when nothing is typed yet."""


def register_command(title: str, help: str, action: str) -> None:
    """Add a command to the palette (a second registration of the same title replaces it)."""
    COMMANDS[:] = [c for c in COMMANDS if c.title != title]
    COMMANDS.append(PaletteCommand(title, help, action))


# The app-wide actions of the issue list. Those whose screen is not built yet stay hidden
# until an `action_<name>` with this name exists. "home.<name>" is an action of the home
# screen: the palette goes back home and runs it there, from wherever it was opened.
for _title, _help, _action in (
    ("Start or resume the huddle", "Run today's huddle, stage by stage", "home.huddle"),
    ("Add a small step", "Add a small step for the coming huddle", "home.add"),
    ("Raise a blocker", "Record something that stops a step", "app.raise_blocker"),
    ("Open goals", "The team's long-term goals", "home.goals"),
    ("Open trends", "How the team is doing over time", "home.trends"),
    (
        "Management view",
        "Every blocker sent up to management: answer, resolve, see its history",
        "app.open_management",
    ),
    ("Digest for management", "Preview the digest and write it to a file", "app.open_digest"),
    ("Open past huddles", "History: past huddles by date", "app.open_history"),
    ("Search", "Search steps, learning lines and blockers", "app.search"),
    ("Team set-up", "Members, huddle days, holidays, timebox", "app.open_setup"),
    ("Close the curtain", "Hide every name and text until you are back", "app.curtain"),
    ("Switch theme", "Pick colours, e.g. high contrast for a TV", "app.change_theme"),
    ("Help: keys for this screen", "Every key on this screen and what it does", "app.help"),
    ("Home", "Back to the home screen", "app.go_home"),
):
    register_command(_title, _help, _action)


def _target(screen: Screen[Any], action: str) -> tuple[DOMNode | type[DOMNode], str] | None:
    """What an action string runs on and the action's name; None if it has no handler."""
    from huddle.ui.screens.home import HomeScreen

    namespace, name, _params = parse_action(action)
    target: DOMNode | type[DOMNode]
    if namespace in ("", "app"):
        target = screen.app
    elif namespace == "screen":
        target = screen
    elif namespace == "home":
        target = HomeScreen
    else:
        return None
    if getattr(target, f"action_{name}", None) is None:
        return None
    return target, name


def available_commands(screen: Screen[Any]) -> list[PaletteCommand]:
    """The registered commands that can run now on `screen` (where the palette was opened)."""
    found = []
    for command in COMMANDS:
        target = _target(screen, command.action)
        if target is None:
            continue
        owner, name = target
        if not isinstance(owner, type) and owner.check_action(name, ()) is False:
            continue
        found.append(command)
    return found


class HuddleCommands(Provider):
    """The palette's source of Huddle's own commands."""

    def _run(self, action: str) -> None:
        namespace, name, _params = parse_action(action)
        if namespace == "home":
            action = f"app.from_home({name!r})"
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for command in available_commands(self.screen):
            yield DiscoveryHit(command.title, partial(self._run, command.action), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in available_commands(self.screen):
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self._run, command.action),
                    text=command.title,
                    help=command.help,
                )

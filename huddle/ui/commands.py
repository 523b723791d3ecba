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
    words: str = ""
    """Other words people search for it by (not shown), e.g. the shell command's name."""


COMMANDS: list[PaletteCommand] = []
"""In the order they are shown when nothing is typed yet."""


def register_command(title: str, help: str, action: str, words: str = "") -> None:
    """Add a command to the palette (a second registration of the same title replaces it)."""
    COMMANDS[:] = [c for c in COMMANDS if c.title != title]
    COMMANDS.append(PaletteCommand(title, help, action, words))


# The app-wide actions of the issue list. Those whose screen is not built yet stay hidden
# until an `action_<name>` with this name exists. "home.<name>" is an action of the home
# screen: the palette goes back home and runs it there, from wherever it was opened.
for _title, _help, _action, _words in (
    ("Start or resume the huddle", "Run today's huddle, stage by stage", "home.huddle", ""),
    ("Add a small step", "Add a small step for the coming huddle", "home.add", "add"),
    ("Raise a blocker", "Record something that stops a step", "app.raise_blocker", "block"),
    (
        "Send a blocker up",
        "In the huddle's Blockers stage: e sends the chosen blocker up to management",
        "home.huddle",
        "escalate send up",
    ),
    ("Open goals", "The team's long-term goals", "home.goals", "goals"),
    ("PDSA cycles", "Plan, do, study, act: the changes the team is trying", "app.open_pdsa", ""),
    (
        "Measures and run charts",
        "Goals: each goal's measures as run charts (m full size, n add one, r record a value)",
        "home.goals",
        "measure run chart median shift trend value",
    ),
    (
        "Ideas",
        "Ideas not yet steps: where each came from; try, adopt or set one aside",
        "app.open_ideas",
        "idea carer co-production impact",
    ),
    ("Open trends", "How the team is doing over time", "home.trends", "trends"),
    (
        "Management view",
        "Every blocker sent up to management: answer, resolve, see its history",
        "app.open_management",
        "manage answer resolve",
    ),
    (
        "Digest for management",
        "Preview the digest and write it to a file",
        "app.open_digest",
        "digest",
    ),
    (
        "The board",
        "The wall between huddles: steps, blockers, goals, wins, day status, taking turns",
        "app.open_board",
        "board wall tv safety cross day status",
    ),
    ("Open past huddles", "History: past huddles by date", "app.open_history", "history"),
    ("Search", "Search steps, learning lines and blockers", "app.search", "find"),
    ("Team set-up", "Members, huddle days, holidays, timebox", "app.open_setup", "team"),
    (
        "Who is not here",
        "Team set-up: choose a member, then a for the dates they are not here",
        "app.open_setup",
        "away absent leave",
    ),
    ("Close the curtain", "Hide every name and text until you are back", "app.curtain", ""),
    ("Switch theme", "Pick colours, e.g. high contrast for a TV", "app.change_theme", ""),
    ("Help: keys for this screen", "Every key on this screen and what it does", "app.help", ""),
    ("Home", "Back to the home screen", "app.go_home", ""),
    ("Quit", "Close Huddle on this screen", "app.quit", "exit"),
):
    register_command(_title, _help, _action, _words)


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


_GENERIC = {"help", "focus_next", "focus_previous", "copy_text", "maximize", "minimize"}
"""Actions of Textual's own on every screen: in Help, not in the palette."""


def screen_commands(screen: Screen[Any]) -> list[tuple[PaletteCommand, DOMNode]]:
    """The keys that work now on `screen` (and its focused part), as commands: every action
    of every screen is in the palette while that screen is open."""
    found = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not active.enabled or _name(binding.action) in _GENERIC:
            continue
        what = binding.description or binding.tooltip
        node = active.node
        if not what or node is screen.app or _textual_own(node, binding.action):
            continue  # the app's keys are registered above; Textual's widgets' are generic
        shown = screen.app.get_key_display(binding)
        help = f"{binding.tooltip or what} (key {shown})"
        found.append((PaletteCommand(what, help, binding.action, key), node))
    return found


def _name(action: str) -> str:
    return parse_action(action)[1]


def _textual_own(node: DOMNode, action: str) -> bool:
    """A key of Textual's own widgets (cursor keys, scrolling), also on a Huddle widget
    built on one (a table that fits the window is still a DataTable)."""
    method = getattr(type(node), f"action_{_name(action)}", None)
    return getattr(method, "__module__", "").startswith("textual.")


class HuddleCommands(Provider):
    """The palette's source of Huddle's own commands: this screen's keys, then the rest."""

    def _run(self, action: str) -> None:
        namespace, name, _params = parse_action(action)
        if namespace == "home":
            action = f"app.from_home({name!r})"
        self.app.call_later(self.app.run_action, action)

    def _run_on(self, node: DOMNode, action: str) -> None:
        self.app.call_later(self.app.run_action, action, node)

    def _all(self) -> list[tuple[PaletteCommand, partial[None]]]:
        """This screen's keys first, then the registered commands (whose names win when both
        run the same action)."""
        registered = available_commands(self.screen)
        names = {_name(c.action) for c in registered}
        here = [
            (c, partial(self._run_on, node, c.action))
            for c, node in screen_commands(self.screen)
            if _name(c.action) not in names
        ]
        return here + [(c, partial(self._run, c.action)) for c in registered]

    async def discover(self) -> Hits:
        for command, run in self._all():
            yield DiscoveryHit(command.title, run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, run in self._all():
            score = max(
                matcher.match(command.title),
                matcher.match(command.help) * 0.5,
                matcher.match(command.words) * 0.7,
            )
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    run,
                    text=command.title,
                    help=command.help,
                )

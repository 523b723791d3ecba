"""Command palette entries (Ctrl+P) for blockers sent up to management and the digest.

They run the app's actions `open_management` and `open_digest`, the names the shared
command registry (huddle.ui.commands, when it lands) lists; this provider can then go."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ManagementCommands(Provider):
    """ "Management view" and "Digest for management" in the command palette."""

    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            (
                "Management view",
                "Every blocker sent up to management: answer, resolve, see its history",
                self._show_manage,
            ),
            (
                "Digest for management",
                "Preview the digest and write it to a file",
                self._show_digest,
            ),
        ]

    def _show_manage(self) -> None:
        self.app.call_later(self.app.run_action, "app.open_management")

    def _show_digest(self) -> None:
        self.app.call_later(self.app.run_action, "app.open_digest")

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

"""The `huddle` command. Its entry is huddle.cli.entry: `huddle add TEXT` runs there without
click; every other command goes to the click group in huddle.cli.group. Textual is imported
only by the commands that open the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from huddle.cli.group import main
else:

    def __getattr__(name: str) -> object:
        """`from huddle.cli import main`: the click group, loaded when asked for."""
        if name != "main":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from huddle.cli.group import main

        return main


__all__ = ["main"]

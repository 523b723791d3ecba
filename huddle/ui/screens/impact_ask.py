""" "What did it give?": asked when a step is done or a change adopted; Esc skips it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from huddle.core.impact import IMPACT_HINT, parse_impact
from huddle.core.models import HuddleError, Impact
from huddle.ui.screens.dialogs import AskText


def ask_what_it_gave(screen: Screen[Any], change: str, save: Callable[[Impact], None]) -> None:
    """Ask what `change` gave, in one line (minutes a week saved, visits or forms avoided,
    or the difference to a person); `save` gets it, unless skipped or empty."""

    def wrong(line: str) -> str | None:
        if not line.strip():
            return None  # nothing said: skipped
        try:
            parse_impact(line)
        except HuddleError as error:
            return str(error)
        return None

    def answered(line: str | None) -> None:
        if line is not None and line.strip():
            save(parse_impact(line))  # checked in the dialog: it stays open until it reads

    screen.app.push_screen(
        AskText(
            f"What did it give? {change}",
            hint=f"{IMPACT_HINT}. Esc skips.",
            ok="Save",
            check=wrong,
        ),
        answered,
    )

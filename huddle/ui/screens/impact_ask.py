""" "What did it give?": asked when a step is done or a change adopted; Esc skips it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from huddle.core.impact import IMPACT_HINT, parse_impact
from huddle.core.models import HuddleError, Impact
from huddle.ui.screens.dialogs import AskText


def ask_what_it_gave(
    screen: Screen[Any],
    change: str,
    save: Callable[[Impact], object],
    then: Callable[[Impact], None],
    *,
    typed: str = "",
) -> None:
    """Ask what `change` gave, in one line (minutes a week saved, visits or forms avoided,
    or the difference to a person), unless skipped or empty: `save` (one store call) is made
    while the dialog is open, so a refusal stays in it with the reason; `then` once saved."""

    def wrong(line: str) -> str | None:
        if not line.strip():
            return None  # nothing said: skipped
        try:
            parse_impact(line)
        except HuddleError as error:
            return str(error)
        return None

    def said(line: str) -> object:
        return save(parse_impact(line)) if line.strip() else None  # checked: it reads

    def answered(line: str | None) -> None:
        if line is not None and line.strip():
            then(parse_impact(line))

    screen.app.push_screen(
        AskText(
            f"What did it give? {change}",
            said,
            value=typed,
            hint=f"{IMPACT_HINT}. Esc skips.",
            check=wrong,
        ),
        answered,
    )

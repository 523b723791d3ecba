"""Numbers as people type them: 6.5, 1,200, 85%. One reading for every number typed
(a measure's value, what a change gave), so a number is stored as meant or refused."""

from __future__ import annotations

import re

from huddle.core.models import HuddleError

LARGEST = 1e12
"""No count or measure a team keeps comes near a million million; past it a number is a
slip of the keyboard (and would not fit SQLite's integers once added up)."""

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+"
"""A number as written: digits, commas between thousands, a point before decimals. A
comma anywhere else is matched so that it can be refused, not read as another number."""

_WHOLE = re.compile(rf"[+-]?(?:{NUMBER})")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def read_number(typed: str) -> float:
    """The number in `typed` (a % sign after it is allowed); HuddleError in one line if it
    is not one, if it could be read two ways (1,5), or if it is too large to be meant."""
    text = typed.strip().removesuffix("%").strip()
    shown = typed.strip()[:40]
    if _DECIMAL_COMMA.fullmatch(text) and not re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+", text):
        whole, decimals = text.split(",", 1)
        point, joined = f"{whole}.{decimals}", f"{whole}{decimals}"
        raise HuddleError(f"'{shown}' is not a number: write {point} with a point, or {joined}")
    if not _WHOLE.fullmatch(text):
        raise HuddleError(f"'{shown}' is not a number")
    value = float(text.replace(",", ""))
    if abs(value) >= LARGEST:
        raise HuddleError(f"'{shown}' is too large: keep it under {LARGEST:,.0f}")
    return value + 0.0  # -0 is 0


def read_count(typed: str) -> int:
    """A whole number as typed (12, -3); HuddleError in one line if it is not one. Its
    range is for the caller to check, so that a bad count is said, never replaced."""
    text = typed.strip()
    if not re.fullmatch(r"[+-]?\d+", text) or len(text) > 12:
        raise HuddleError(f"'{text[:40]}' is not a whole number")
    return int(text)

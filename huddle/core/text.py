"""Cleaning what people type before it is stored: kept as typed, minus what can't be shown."""

from __future__ import annotations

from huddle.core.models import HuddleError

MAX_TEXT = 2_000
"""The longest step, blocker or note we keep; a huddle line is short by nature."""

_CONTROL = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
"""The control characters taken out of what is typed (escape sequences among them would redraw
the shared screen); tab and new line stay. A table for str.translate: no regex to compile at
every start of `huddle add`."""


def clean_text(text: str, *, limit: int = MAX_TEXT) -> str:
    """Text with control characters removed and ends trimmed; refused when too long."""
    cleaned = text.replace("\r\n", "\n").translate(_CONTROL).strip()
    if len(cleaned) > limit:
        raise HuddleError(f"that is {len(cleaned):,} characters; keep it under {limit:,}")
    return cleaned


def clean_line(text: str, *, what: str, limit: int = MAX_TEXT) -> str:
    """One line of text, spaces folded; empty is refused."""
    cleaned = " ".join(text.replace("\n", " ").translate(_CONTROL).split())
    if not cleaned:
        raise HuddleError(f"{what} can't be empty")
    if len(cleaned) > limit:
        raise HuddleError(f"{what} is {len(cleaned):,} characters; keep it under {limit:,}")
    return cleaned


def without_controls(text: str) -> str:
    """Text as stored, less control characters (new lines and tabs stay): for text that did
    not come through a form, such as an import."""
    return text.translate(_CONTROL)


def has_controls(text: str) -> bool:
    """Whether `text` holds a line break, a tab or another control character."""
    return any(c < " " or "\x7f" <= c <= "\x9f" for c in text)


def quoted(words: str, limit: int = 60) -> str:
    """A blocker's words for a message: on one line, cut at `limit` characters."""
    line = " ".join(words.split())
    return f'"{line if len(line) <= limit else line[: limit - 3] + "..."}"'


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 step', '2 steps' ('2 people' given `many`)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"

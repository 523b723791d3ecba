"""Leaving people's names out of a digest: `Names` knows the names and how to hide them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from huddle.core.digest.models import NAME_LEFT_OUT
from huddle.core.models import Member

_NOT_NAMES = frozenset(
    {
        *("Adult", "Adults", "And", "Assistant", "Board", "Care", "Council", "Department"),
        *("Deputy", "Director", "Dr", "For", "Group", "Head", "Lead", "Management", "Manager"),
        *("Miss", "Mr", "Mrs", "Ms", "Of", "Officer", "Panel", "Principal", "Senior"),
        *("Service", "Services", "Social", "Team", "The"),
    }
)
"""Capitalised words in "sent up to Jane Roe, Director" that are not a person's name."""


def _unaccented(char: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    return base[0] if len(base) == 1 else char


class Names:
    """People's names, and how to leave them out of a field or of free text.

    Left out of text: each member's name, each word of it, and the names they are also
    called by; and the names of people who are not members but were typed as such ("sent
    up to Jane Roe, Director"). Found in any case, with or without accents ("Zoe" for Zoë),
    before a possessive ("Sarah's", "Sarahs"), joined by punctuation ("Sarah/Bea",
    "Em-Gaz", "sarah_w"), run together ("SarahWhitfield") or with an initial ("SarahW").
    """

    def __init__(self, members: Sequence[Member], others: Iterable[str], keep: bool) -> None:
        self.keep = keep
        words: set[str] = set()
        for name in (n for m in members for n in (m.name, *m.aliases)):
            words.add(name)
            words.update(part for part in re.split(r"[\s\-'.]+", name) if len(part) >= 2)
        for typed in others:  # "Jane Roe, Director": the words before a comma or "("
            head = re.split(r"[,(;:]| - ", typed, maxsplit=1)[0]
            words.update(
                word
                for word in re.split(r"[\s\-'.]+", head)
                if len(word) >= 2
                and word[0].isupper()
                and not word.isupper()
                and word not in _NOT_NAMES
            )
        plain = {self._plain(w) for w in words}
        alternatives = "|".join(re.escape(w) for w in sorted(plain, key=len, reverse=True))
        self._pattern = re.compile(
            rf"(?<![^\W_])(?:{alternatives})+(?:s|(?-i:[A-Z])|\d+)?(?![^\W_])", re.IGNORECASE
        )
        self._any = bool(plain)

    @staticmethod
    def _plain(text: str) -> str:
        """The text without accents, one character for one, so a match's place holds."""
        return "".join(_unaccented(c) for c in text)

    def field(self, name: str | None) -> str | None:
        return name if self.keep else None

    def text(self, text: str) -> str:
        if self.keep or not self._any:
            return text
        text = unicodedata.normalize("NFC", text)
        out: list[str] = []
        end = 0
        for found in self._pattern.finditer(self._plain(text)):
            out += [text[end : found.start()], NAME_LEFT_OUT]
            end = found.end()
        return "".join([*out, text[end:]])

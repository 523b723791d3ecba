"""Finding the one thing a person meant by a few letters: by prefix, in any case, with or
without accents."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from huddle.core.models import Ambiguous, NotFound

if TYPE_CHECKING:
    from huddle.core.models import Member

T = TypeVar("T")


def fold(text: str) -> str:
    """Text as compared when matching: any case, accents or none ("zoe" finds Zoë)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_AROUND = "[](){}<>\"'`“”‘’«»*_#@!?.,;:"
"""What may stand around a word without being part of it."""


def _words(text: str) -> list[str]:
    """The words of a name as typed, and each without the brackets or quotes around it
    ("[TODO]" is found by todo, '"Ask' by ask)."""
    words = text.split()
    return words + [w.strip(_AROUND) for w in words if w.strip(_AROUND) != w]


def match_one(
    typed: str,
    items: Sequence[T],
    name: Callable[[T], str],
    kind: str,
    *,
    also: Callable[[T], Sequence[str]] = lambda _item: (),
) -> T:
    """The item whose name (or one of the names it is `also` called by) is `typed`, or has
    `typed` as a whole word, or starts with it, or has a word starting with it.

    An exact match wins over a whole word, and a whole word over a prefix; no match or more
    than one raises with the close matches named, so the message says what to type instead.
    """
    wanted = fold(" ".join(typed.split()))
    if not wanted:
        raise NotFound(f"no {kind} given")
    names = {id(item): fold(name(item)) for item in items}
    others = {id(item): [fold(n) for n in also(item)] for item in items}
    for test in (
        lambda n: n == wanted,
        lambda n: wanted in _words(n),  # "ann" is Ann Smith, not Anne Jones too
        lambda n: n.startswith(wanted),
        lambda n: any(word.startswith(wanted) for word in _words(n)),
    ):
        found = [
            item
            for item in items
            if test(names[id(item)]) or any(test(n) for n in others[id(item)])
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            choices = ", ".join(sorted(name(item) for item in found)[:5])
            raise Ambiguous(f"'{_short(typed)}' could be more than one {kind}: {choices}")
    import difflib  # only when nothing matched: finding a name stays light

    close = difflib.get_close_matches(wanted, list(names.values()), n=3, cutoff=0.5)
    shown = [name(item) for item in items if names[id(item)] in close]
    if shown:
        hint = f"; did you mean {' or '.join(shown)}?"
    elif not items:
        hint = f"; there are no {kind}s yet"
    elif len(items) <= 8:
        hint = f" ({kind}s: {', '.join(sorted(name(item) for item in items))})"
    else:
        hint = ""
    raise NotFound(f"no {kind} matches '{_short(typed)}'{hint}")


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"


def match_member(typed: str, members: Sequence[Member]) -> Member:
    """The one member `typed` names, by their name or a name they are also called by."""
    return match_one(typed, members, lambda m: m.name, "member", also=lambda m: m.aliases)

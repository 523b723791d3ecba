"""The one-line shorthand people type everywhere (shell, inline form, huddle screen):

    prepare the visit questions #wait @ann      a step for Ann, linked to the goal "...wait..."
    ! the referral form asks for the NHS number twice      a blocker, not a step
    !! a carers' drop-in before the review +carer      an idea, not yet a step, from a carer

`#goal` names a goal by the start of any word of its title (hyphens for spaces) and is taken
out of the text wherever it is. `@name` at the start or the end of the line (among the tags
there) says whose step it is and is taken out; anywhere else it is part of the sentence ("visit
with @emma before 10") and kept as typed: a word is never removed from inside what was typed.
`+person`, `+carer`, `+family`, `+partner` (`+manager`, `+practitioner`) say where the idea
came from, read the same way as `@name`: at the start or the end of the line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from huddle.core.models import SOURCE_TAGS, HuddleError, Source

_TAG = r"([#@+])([^\W\d_][\w\-'.]*?)([.,;:!?'\")\]]*)"
"""A tag is a whole word: #, @ or +, a letter, then letters, digits, - _ ' or . ; punctuation
that ends a sentence may follow it. So "room #3", "a@b.org" and "#wait/now" stay text. Compiled
(by `re`, once) when a word first starts with # @ or +: a line without tags never pays for it."""


def _tag(word: str) -> re.Match[str] | None:
    """The word as a tag (its sign, name, trailing punctuation), or None."""
    return re.fullmatch(_TAG, word) if word[:1] in ("#", "@", "+") else None


class Entry(NamedTuple):
    """A typed line, taken apart; names are as typed, not yet matched. (A NamedTuple, not a
    frozen dataclass: one is made in a fifth of the time, at every start of `huddle add`.)"""

    text: str
    goal: str | None = None
    who: str | None = None
    is_blocker: bool = False
    mentions: tuple[str, ...] = ()
    """The @names inside the sentence, kept in the text as typed (they name nobody)."""
    source: Source | None = None
    """Where the idea came from (+carer), if the line says."""
    is_idea: bool = False
    """A line opened with !!: an idea to note, not yet a step."""


def parse_entry(line: str) -> Entry:
    """Take the shorthand out of a line; the rest of the text is kept as typed (spaces folded).

    A tag's trailing punctuation stays with the word before it ("ring the carer @sam." reads
    "ring the carer."), or goes with the tag when it opens the line ("@sam: ring").
    Refuses two different goals or two different names in one line.
    """
    stripped = line.strip()
    is_idea = stripped.startswith("!!")
    is_blocker = not is_idea and stripped.startswith("!")
    if is_idea or is_blocker:
        stripped = stripped[2 if is_idea else 1 :].lstrip()
    typed = stripped.split()
    tags = [_tag(word) for word in typed]
    # The tags that open and close the line; an @name counts only there.
    first = next((i for i, tag in enumerate(tags) if tag is None), len(tags))
    last = next((i for i in range(len(tags) - 1, -1, -1) if tags[i] is None), -1)
    goals: list[str] = []
    names: list[str] = []
    sources: list[Source] = []
    mentions: list[str] = []
    words: list[str] = []
    for index, (word, tag) in enumerate(zip(typed, tags, strict=True)):
        at_an_end = index < first or index > last
        if tag is None or (tag.group(1) in "@+" and not at_an_end):
            if tag is not None and tag.group(1) == "@":
                mentions.append(tag.group(2))
            words.append(word)
            continue
        name = tag.group(2).replace("-", " ").replace("_", " ")
        if tag.group(1) == "+":
            sources.append(read_source(name))
        else:
            (goals if tag.group(1) == "#" else names).append(name)
        if words:  # "@sam: ring" drops the colon; "ring @sam." keeps the full stop
            words[-1] += tag.group(3)
    goals, names = _distinct(goals), _distinct(names)
    if len(goals) > 1:
        raise HuddleError(f"one goal per step, please (found #{' #'.join(goals)})")
    if len(names) > 1:
        raise HuddleError(f"one person per step, please (found @{' @'.join(names)})")
    if len(set(sources)) > 1:
        raise HuddleError("one source per idea, please (+person, +carer, +family or +partner)")
    return Entry(
        text=" ".join(words),
        goal=goals[0] if goals else None,
        who=names[0] if names else None,
        is_blocker=is_blocker,
        mentions=tuple(mentions),
        source=sources[0] if sources else None,
        is_idea=is_idea,
    )


def read_source(typed: str) -> Source:
    """The source a word names ("carer", "family", "partner"...), by the start of the word;
    a clear error naming the words there are otherwise."""
    word = typed.strip().lstrip("+").casefold()
    found = {source for tag, source in SOURCE_TAGS.items() if word and tag.startswith(word)}
    if len(found) == 1:
        return found.pop()
    known = ", ".join("+" + tag for tag in SOURCE_TAGS)
    raise HuddleError(f"where did the idea come from? +{word} is not one of: {known}")


def kept_as_typed(mentions: tuple[str, ...]) -> str:
    """What a preview says of the @names inside a sentence: "@emma kept as typed"."""
    return " ".join("@" + name for name in mentions) + " kept as typed" if mentions else ""


def _distinct(tags: list[str]) -> list[str]:
    """The tags without repeats ("#wait ... #Wait" is one goal), in the order typed."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def read_from(typed: str) -> Source:
    """`--from carer`: the words of the shorthand (+carer), by their start."""
    try:
        return read_source(typed)
    except HuddleError:
        known = ", ".join(SOURCE_TAGS)
        raise HuddleError(f"--from '{typed.strip()[:20]}' is not one of: {known}") from None

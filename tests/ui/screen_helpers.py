"""Helpers for reading the shared screen in tests as a person would: its text."""

from __future__ import annotations

import time as monotonic_time
from collections.abc import Callable
from datetime import date, datetime, time

from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.models import Role, StepStatus
from huddle.core.store import Store

THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)


def screen_text(app: App[object]) -> str:
    """Everything the top screen shows now, as lines of plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], give_up_after: float = 30.0
) -> bool:
    """Let the app run until `condition` holds: tests wait on what the user would see,
    never for a fixed time, so a busy machine only makes them slower. Gives up (False)
    after `give_up_after` seconds, far more than any condition needs."""
    deadline = monotonic_time.monotonic() + give_up_after
    while not condition():
        if monotonic_time.monotonic() > deadline:
            return False
        await pilot.pause(0.02)
    return True


async def run_from_palette(pilot: Pilot[None], typed: str, title: str) -> None:
    """`ctrl+p`, type `typed`, wait until the command called `title` is the one picked,
    then Enter: the palette searches in the background, so its list is waited for."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), palette
    await pilot.press(*typed)
    found = palette.query_one(CommandList)

    def picked() -> bool:
        index = found.highlighted
        return index is not None and title in str(found.get_option_at_index(index).prompt)

    assert await wait_until(pilot, picked), f"the palette never offered {title!r}"
    await pilot.press("enter")


def notices(app: App[object]) -> list[str]:
    """The notices shown (or about to be shown), oldest first."""
    return [notification.message for notification in app._notifications]


def add_history(store: Store, clock: FixedClock) -> None:
    """Two huddles last week (Thursday and Friday) with steps, learning and a blocker,
    written through the store as the guided huddle would, on the days themselves."""
    now = clock.at
    ann, bea, sam = (store.members.find(n) for n in ("ann", "bea", "sam"))
    wait = store.goals.find("wait")
    for day in (THURSDAY, FRIDAY):
        clock.at = datetime.combine(day, time(9, 0)).astimezone()
        store.huddles.start(day, ann)
        for member in (ann, bea, sam):
            store.huddles.mark_attendance(day, member, member is not sam or day == THURSDAY)
        if day == FRIDAY:
            for step in store.steps.on_day(THURSDAY):
                store.steps.review(step, StepStatus.DONE, f"Learned from [{step.member_name}]")
        store.steps.add(ann, f"Prepare the visit questions ({day:%a})", day, goal=wait)
        store.steps.add(bea, f"Ring the carer before the visit ({day:%a}) [TODO]", day)
        clock.at = datetime.combine(day, time(9, 14)).astimezone()
        store.huddles.end(day)
    clock.at = datetime.combine(FRIDAY, time(9, 10)).astimezone()
    blocker = store.blockers.raise_blocker(sam, "No interpreter on Fridays 🙁")
    store.blockers.escalate(blocker, "Needs a budget decision", who="Ann Smith")
    store.members.add("Kim Lee", Role.PRACTITIONER)
    clock.at = now


def card_words(board_text: str) -> str:
    """The words on a board of cards (widgets/cards.py), read column by column, with the
    borders and line breaks taken out: what a person reads card by card."""
    from huddle.ui.widgets.cards import GAP

    lines = board_text.splitlines()
    step = lines[0].index("╮") + 1 + GAP  # a card's width, and the gap to the next
    columns = range(0, max(len(line) for line in lines), step)
    cells = [line[at : at + step].strip(" │╭╮╰╯─") for at in columns for line in lines]
    # (A name in block letters is read from the card's title: its rows are left out.)
    return " ".join(word for word in " ".join(cells).split() if not set(word) <= set("▀▄█"))


def in_block_letters(text: str, shown: str) -> bool:
    """Whether `shown` (a screen's text) has `text` in the block font somewhere, the way a
    person sees it: its four rows one under another, at the same column (a full block is
    drawn as a coloured space, so it reads as a space here)."""
    from huddle.ui.widgets.block_font import block_rows

    rows = [row.replace("█", " ").rstrip() for row in block_rows(text) or []]
    lines = shown.splitlines()
    for at, line in enumerate(lines[: len(lines) - len(rows) + 1]):
        column = line.find(rows[0])
        while column >= 0:
            if all(lines[at + k][column : column + len(row)] == row for k, row in enumerate(rows)):
                return True
            column = line.find(rows[0], column + 1)
    return False

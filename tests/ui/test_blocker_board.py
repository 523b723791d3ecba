"""The Blockers stage on the TV (from 140 columns): a column for each place a blocker stands,
a card for each, the arrows move between them, and every key of the stage works there.
The demo team on Monday 30 November 2026."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.models import Blocker, BlockerStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages.blocker_board import BlockerBoard, BoardColumn
from huddle.ui.screens.stages.blockers import BlockerList
from tests.ui.screen_helpers import screen_text, wait_until

FRIDAY = date(2026, 11, 27)
TV = (200, 50)
HEADINGS = ("Open", "Owned by the team", "Sent up", "Answered")


def column_text(app: HuddleApp, column: BoardColumn) -> str:
    """What a person reads down one column of the board (its cells of each screen line)."""
    left, right = column.region.x, column.region.right
    return "\n".join(line[left:right] for line in screen_text(app).splitlines())


def board(app: HuddleApp) -> BlockerBoard:
    return app.screen.query_one(BlockerBoard)


def picked(app: HuddleApp, store: Store) -> Blocker:
    found = board(app).picked
    assert found is not None
    return store.blockers.get(found)


async def on_the_board(pilot: Pilot[None]) -> BlockerBoard:
    await pilot.press("h", "4")
    assert await wait_until(pilot, lambda: board(pilot.app).display)  # type: ignore[arg-type]
    await pilot.pause()
    return board(pilot.app)  # type: ignore[arg-type]


def first_words(blocker: Blocker) -> str:
    return " ".join(blocker.text.split()[:3])


async def test_each_blocker_is_a_card_in_the_column_of_where_it_stands(demo: Store) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        text = screen_text(app)
        heading_line = next(line for line in text.splitlines() if "Owned by the team" in line)
        assert all(title in heading_line for title in HEADINGS), heading_line
        assert not app.screen.query_one(BlockerList).display
        columns = {c.status: c for c in shown.columns}
        open_blockers = demo.blockers.open()
        assert {b.status for b in open_blockers} == {
            BlockerStatus.OPEN,
            BlockerStatus.OWNED,
            BlockerStatus.ESCALATED,
            BlockerStatus.ANSWERED,
        }
        for blocker in open_blockers:
            assert blocker.id in columns[blocker.status].ids
        # What each card says, read down its column: the words, the owner, the age.
        owned = next(b for b in open_blockers if b.status is BlockerStatus.OWNED)
        owned_column = column_text(app, columns[BlockerStatus.OWNED])
        assert first_words(owned) in owned_column
        assert f"owned by {owned.owner_name}" in owned_column
        assert "huddle days · raised by" in owned_column
        sent_up = column_text(app, columns[BlockerStatus.ESCALATED])
        assert " RED " in sent_up and "no answer yet: waiting" in sent_up
        assert "management's answer:" in column_text(app, columns[BlockerStatus.ANSWERED])
        for blocker in open_blockers:
            assert blocker.short_id not in text  # no ids on the shared screen


async def test_the_arrows_move_between_cards_and_the_picked_one_is_always_in_view(
    demo: Store,
) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        columns = shown.columns
        assert shown.picked == columns[0].ids[0]  # the first card of the first column
        seen: set[str] = set()
        for x, column in enumerate(columns):
            for y, blocker_id in enumerate(column.ids):
                assert shown.picked == blocker_id, (x, y)
                seen.add(blocker_id)
                card = next(c for c in column.cards if c.card and c.card.blocker_id == blocker_id)
                assert await wait_until(
                    pilot,
                    lambda card=card, column=column: card.region.bottom <= column.region.bottom,
                )
                assert card.has_class("-picked")
                assert card.region.y >= column.region.y and card.region.height > 2
                if y < len(column.ids) - 1:
                    await pilot.press("down")
            await pilot.press("right")
            await pilot.press("home")
        assert seen == {b.id for b in demo.blockers.open()}
        # Up goes back up a column; left goes to the column before, at the same height.
        await pilot.press("end", "up")
        answered = columns[3].ids
        assert shown.picked == answered[-2]
        await pilot.press("left")
        sent_up = columns[2].ids
        assert shown.picked == sent_up[min(len(answered) - 2, len(sent_up) - 1)]
        # Only the picked card looks picked.
        assert sum(c.has_class("-picked") for col in columns for c in col.cards) == 1


async def test_every_key_of_the_stage_works_on_the_board(demo: Store) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        first = picked(app, demo)
        assert first.status is BlockerStatus.OPEN
        # o: the team owns it; the card moves to its column, still picked.
        await pilot.press("o", "home", "enter")
        assert await wait_until(pilot, lambda: demo.blockers.get(first.id).owner_name is not None)
        assert await wait_until(pilot, lambda: first.id in shown.columns[1].ids)
        assert shown.picked == first.id
        owner = demo.blockers.get(first.id).owner_name
        assert f"owned by {owner}" in column_text(app, shown.columns[1])
        # e: sent up, with a reason.
        await pilot.press("e", *"Needs the budget holder", "enter")
        assert await wait_until(pilot, lambda: first.id in shown.columns[2].ids)
        assert demo.blockers.get(first.id).status is BlockerStatus.ESCALATED
        assert shown.picked == first.id
        # u: taken back, owned again.
        await pilot.press("u")
        assert await wait_until(pilot, lambda: first.id in shown.columns[1].ids)
        assert shown.picked == first.id
        # r: resolved, with a note; the pick goes to the card that took its place.
        await pilot.press("r", *"Sorted [today]", "enter")
        assert await wait_until(
            pilot, lambda: demo.blockers.get(first.id).status is BlockerStatus.RESOLVED
        )
        assert await wait_until(pilot, lambda: first.id not in shown.columns[1].ids)
        assert shown.picked in shown.columns[1].ids
        # b: a new blocker, picked on the board.
        await pilot.press("b", "home", "enter", *"No room for [visits]", "enter")
        assert await wait_until(pilot, lambda: "No room for [visits]" in screen_text(app))
        assert picked(app, demo).text == "No room for [visits]"


async def test_the_same_blocker_stays_picked_when_the_window_changes_size(demo: Store) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        await pilot.press("right", "right", "right", "down")
        chosen = shown.picked
        await pilot.resize_terminal(80, 24)
        listing = app.screen.query_one(BlockerList)
        assert await wait_until(pilot, lambda: listing.display and not shown.display)
        assert listing.highlighted_id() == chosen
        assert app.focused is listing
        await pilot.press("down")
        chosen = listing.highlighted_id()
        await pilot.resize_terminal(*TV)
        assert await wait_until(pilot, lambda: shown.display)
        assert shown.picked == chosen
        assert app.focused is shown


async def test_a_card_clicked_is_picked(demo: Store) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        answered = shown.columns[3]
        card = answered.cards[1]
        assert card.card is not None
        await pilot.click(card)
        assert await wait_until(pilot, lambda: shown.picked == card.card.blocker_id)  # type: ignore[union-attr]
        assert card.has_class("-picked") and app.focused is shown


async def test_a_past_huddle_shows_what_was_resolved_that_day_in_its_own_column(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    at_friday = clock.at - timedelta(days=3)
    clock.at, monday = at_friday, clock.at
    store.huddles.start(FRIDAY)
    fixed = store.blockers.raise_blocker(ann, "The printer jams [again]")
    store.blockers.resolve(fixed, "New printer", who="Ann Smith")
    store.blockers.raise_blocker(ann, "No room for visits")
    store.huddles.end(FRIDAY)
    clock.at = monday
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=TV) as pilot:
        await app.push_screen(HuddleScreen(FRIDAY, read_only=True))
        await pilot.press("4")
        shown = board(app)
        assert await wait_until(pilot, lambda: shown.display and bool(shown.columns[4].ids))
        resolved = shown.columns[4]
        assert resolved.display and resolved.ids == [fixed.id]
        assert "resolved: New printer" in column_text(app, resolved)
        assert "The printer jams [again]" in column_text(app, resolved)
        await pilot.press("right", "right", "right", "right", "r", "o")
        assert app.screen is not None and isinstance(app.screen, HuddleScreen)  # no dialog
    assert store.blockers.get(fixed.id).resolution == "New printer"


async def test_a_blocker_raised_from_another_terminal_joins_the_board_and_the_pick_stays(
    demo: Store,
) -> None:
    app = HuddleApp(demo, clock=demo.clock)
    async with app.run_test(size=TV) as pilot:
        shown = await on_the_board(pilot)
        await pilot.press("right", "right", "down")
        chosen = shown.picked
        other = Store.open(demo.db.path, clock=demo.clock)  # `huddle blocker` elsewhere
        other.blockers.raise_blocker(other.members.find("tom"), "Lift out of order [again]")
        other.close()
        app.check_for_changes()
        assert await wait_until(pilot, lambda: "Lift out of order [again]" in screen_text(app))
        assert "Lift out of order [again]" in column_text(app, shown.columns[0])
        assert shown.picked == chosen and app.focused is shown

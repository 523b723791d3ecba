"""On the TV (from 140 columns) Today shows, under the speaker's turn, the board of everyone's
steps so far today: a card per person, each step's words whole (wrapped, never cut) and its
goal in the goal's colour; it fills in as steps are added, also from another terminal. At
80x24 Today is as it was: the input and the keys in view, no board."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.stages.today import StepInput
from huddle.ui.widgets.cards import CardBoard
from huddle.ui.widgets.goal_colours import ON_DARK

from .screen_helpers import card_words, screen_text, wait_until

MONDAY = date(2026, 11, 30)
LONG = (
    "Ring every carer on the waiting list the day before the visit to check the time still "
    "works for them and that nothing has changed [TODO] since the referral came in"
)


def board(pilot: Pilot[None]) -> CardBoard:
    return pilot.app.screen.query_one("#today-board-cards", CardBoard)


def read_cards(pilot: Pilot[None]) -> str:
    return card_words(board(pilot).text())


async def test_the_board_shows_each_persons_steps_whole_with_the_goal_in_its_colour(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.press(*f"{LONG} #cut", "enter")
        await pilot.pause()
        words = read_cards(pilot)
        assert f"Ann Smith • {LONG} ■ Cut the wait for a care assessment" in words
        assert "▶ Bea Jones no step yet" in words  # the speaker's card
        assert "Everyone's steps so far today: 1 step, 1 of 4 here with a step" in (
            screen_text(pilot.app)
        )
        drawn = board(pilot).content()
        goal_styles = [
            str(s.style) for s in drawn.spans if "Cut the wait" in str(drawn)[s.start : s.end]
        ]
        assert any(ON_DARK[0] in style for style in goal_styles)


async def test_a_step_added_from_another_terminal_appears_on_the_board(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.press(*"Half a line [kept]")
        other = Store.open(store.db.path, clock=clock)  # `huddle add` in another terminal
        other.steps.add(other.members.find("pat"), "Added from the shell [/tmp]", MONDAY)
        other.close()
        app.check_for_changes()
        assert await wait_until(pilot, lambda: "Added from the shell [/tmp]" in read_cards(pilot))
        assert "Pat Reid • Added from the shell [/tmp]" in read_cards(pilot)
        assert pilot.app.screen.query_one(StepInput).value == "Half a line [kept]"


async def test_at_80_by_24_there_is_no_board_and_the_input_and_keys_stay_in_view(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        await pilot.press(*"Book the OT visit", "enter")
        await pilot.pause()
        assert "Everyone's steps so far today" not in screen_text(pilot.app)
        entry = pilot.app.screen.query_one(StepInput)
        assert entry.region.bottom <= 23 and entry.region.height > 0
        shown = screen_text(pilot.app)
        assert "Bea Jones" in shown and "Previous person" in shown.splitlines()[-1]


async def test_the_board_stays_put_as_the_turn_moves_to_someone_with_steps_planned(
    store: Store, clock: FixedClock
) -> None:
    store.steps.add(store.members.find("ann"), "Book the OT visit", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        tops = {board(pilot).region.y}
        for key in ("up", "down", "down"):  # Ann (her step listed above), then Bea, Pat
            await pilot.press(key)
            await pilot.pause()
            tops.add(board(pilot).region.y)
        assert len(tops) == 1
        await pilot.press("up", "up")
        await pilot.pause()
        assert "Book the OT visit" in screen_text(pilot.app).split("Everyone's steps")[0]


async def test_a_few_cards_fill_the_wall_side_by_side_with_names_in_block_letters(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        lines = board(pilot).text().splitlines()
        assert lines[0].count("╭─") == 4  # all four here side by side, none wider than it needs
        names = "\n".join(lines[1:5])  # under the titles, the names in block letters
        assert "▀" in names and "▄" in names
        assert "▶ Ann Smith no step yet" in read_cards(pilot)


async def test_a_speaker_with_nothing_planned_sees_what_they_took_on_last_time(
    store: Store, clock: FixedClock
) -> None:
    friday = date(2026, 11, 27)
    store.steps.add(store.members.find("bea"), "Ring the carer [before] the visit", friday)
    store.steps.add(store.members.find("ann"), "Book the OT visit", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        tops = {board(pilot).region.y}  # Bea's turn: nothing planned, a step on Friday
        above = screen_text(pilot.app).split("Type the step")[0]
        assert "Nothing planned for today yet: say one small step" in above
        assert "Last time (Fri 27 Nov):" in above
        assert "Ring the carer [before] the visit  (not looked back on yet)" in above
        tops.add(board(pilot).region.y)
        await pilot.press("down")  # Pat: nothing then either
        await pilot.pause()
        assert "No step last time (Fri 27 Nov)" in screen_text(pilot.app)
        tops.add(board(pilot).region.y)
        assert len(tops) == 1  # the board under the line stays put

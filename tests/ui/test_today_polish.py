"""The Today line as the lead types it: Tab finishes a person's @name as it finishes a #goal,
and an edit of a step already planned never quietly drops a leading ! or an @name."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.dialogs import AskText
from huddle.ui.screens.stages.today import StepInput

from .screen_helpers import screen_text, wait_until

MONDAY = date(2026, 11, 30)


async def read_out(pilot: Pilot[None]) -> str:
    """The screen's words in reading order, without frames or line breaks."""
    await pilot.pause()
    text = "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())
    return " ".join(text.replace("│", " ").split())


async def type_line(pilot: Pilot[None], text: str, *, over: bool = False) -> None:
    """Type into the line that has the focus; `over` types over what is there."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    if over:
        focused.value = ""
    focused.insert_text_at_cursor(text)
    await pilot.pause()


async def test_tab_completes_a_persons_name_on_the_today_line(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Chase the OT report @sa")
        await pilot.press("tab")
        entry = app.screen.query_one(StepInput)
        assert entry.value == "Chase the OT report @sam "
        assert "a step for Sam Okafor" in await read_out(pilot)

        await type_line(pilot, "#cu")
        await pilot.press("tab", "enter")
        saved = store.steps.on_day(MONDAY)
        assert [(s.member_name, s.text, s.goal_title) for s in saved] == [
            ("Sam Okafor", "Chase the OT report", "Cut the wait for a care assessment")
        ]


async def test_tab_on_a_half_typed_name_offers_each_person_in_turn(
    store: Store, clock: FixedClock
) -> None:
    store.members.add("Sara Lee")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Ring the carer @sa")
        entry = app.screen.query_one(StepInput)
        await pilot.press("tab")
        assert entry.value == "Ring the carer @sam "
        await pilot.press("tab")
        assert entry.value == "Ring the carer @sara "


async def test_an_edit_that_would_make_a_blocker_is_refused_and_the_text_kept(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Prepare the visit questions", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "up", "tab", "e")  # back to Ann, to her planned step
        assert isinstance(app.screen, AskText)
        await type_line(pilot, "! The form is broken", over=True)
        await pilot.press("enter")

        assert isinstance(app.screen, AskText)
        assert "an edit can't turn a step into a blocker" in await read_out(pilot)
        assert app.screen.query_one(Input).value == "! The form is broken"
        assert [s.text for s in store.steps.on_day(MONDAY)] == ["Prepare the visit questions"]
        assert store.blockers.open() == []

        # Giving it to someone else is refused too; Ann's own name is fine.
        await type_line(pilot, "Prepare the questions @bea", over=True)
        await pilot.press("enter")
        assert "to give this step to someone else, drop it and add it for them" in (
            await read_out(pilot)
        )
        assert app.screen.query_one(Input).value == "Prepare the questions @bea"
        assert [s.member_name for s in store.steps.on_day(MONDAY)] == ["Ann Smith"]

        await type_line(pilot, "Prepare the questions the day before @ann", over=True)
        await pilot.press("enter")
        assert not isinstance(app.screen, AskText)
        assert [(s.member_name, s.text) for s in store.steps.on_day(MONDAY)] == [
            ("Ann Smith", "Prepare the questions the day before")
        ]


async def test_a_3000_character_line_gets_a_one_line_error_and_is_kept(
    store: Store, clock: FixedClock
) -> None:
    line = ("Ring the carer before the visit " * 100)[:2999] + "."
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, line)
        # The line under the box says so before Enter is pressed.
        assert "that is 3,000 characters; keep it under 2,000" in await read_out(pilot)
        await pilot.press("enter")

        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors == ["a step is 3,000 characters; keep it under 2,000"]
        assert app.screen.query_one(StepInput).value == line
        assert "Ann Smith - your small step for today" in await read_out(pilot)
    assert store.steps.on_day(MONDAY) == []
    assert store.drafts.on(MONDAY)[store.members.find("ann").id] == line


async def test_odd_text_on_the_today_line_is_saved_and_shown_as_typed(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "[TODO] [/tmp] 🙂 [bold]x[/bold] \x1b[31m")
        await pilot.press("enter", "up")
        assert "[TODO] [/tmp] 🙂 [bold]x[/bold] [31m" in await read_out(pilot)
    assert [s.text for s in store.steps.on_day(MONDAY)] == ["[TODO] [/tmp] 🙂 [bold]x[/bold] [31m"]


async def test_a_quick_typist_s_keys_are_taken_in_the_order_typed(
    store: Store, clock: FixedClock
) -> None:
    """Keys arrive from the terminal in one burst (a fast typist, a slow moment): Tab and
    Enter still act before the next person's letters land on the line."""
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        names = {" ": "space", "#": "number_sign", "\t": "tab", "\r": "enter"}
        for typed in "Ring the carer #cu\t\rAsk what matters\rChase the OT report\r":
            key = names.get(typed, typed)
            app.post_message(events.Key(key, None if typed in "\t\r" else typed))
        assert await wait_until(pilot, lambda: len(store.steps.on_day(MONDAY)) == 3)
    assert [(s.member_name, s.text, s.goal_title) for s in store.steps.on_day(MONDAY)] == [
        ("Ann Smith", "Ring the carer", "Cut the wait for a care assessment"),
        ("Bea Jones", "Ask what matters", None),
        ("Pat Reid", "Chase the OT report", None),
    ]


async def test_tab_completes_a_goal_in_the_edit_of_a_planned_step(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Prepare the visit questions", MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "up", "tab", "e", "end")
        await type_line(pilot, " #mo")
        await pilot.press("tab")
        assert app.screen.query_one(Input).value == "Prepare the visit questions #more "
        await pilot.press("enter")
    assert [(s.text, s.goal_title) for s in store.steps.on_day(MONDAY)] == [
        ("Prepare the visit questions", "More strengths-based assessments")
    ]


async def test_the_line_hints_a_goal_only_while_one_is_typed_and_a_long_line_stays_in_view(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        await pilot.press(*"Ring #cu")
        assert await wait_until(pilot, lambda: "Ring #cut" in screen_text(app))  # the hint
        await pilot.press("space")
        assert await wait_until(pilot, lambda: "Ring #cut" not in screen_text(app))
        await pilot.press(*("then ring " * 9), *"the end")  # longer than the line is wide
        row = app.screen.query_one(StepInput).region.y + 1  # (inside its frame)

        def line() -> str:
            return screen_text(app).splitlines()[row]

        assert await wait_until(pilot, lambda: line().rstrip(" ▎").endswith("ring the end"))
        assert "Ring #cu" not in line()  # its start scrolled out of view

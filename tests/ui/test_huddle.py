"""The guided daily huddle, walked through with the keyboard as the team lead would, on
Monday 30 November 2026 (so "yesterday" is Friday's huddle)."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.models import BlockerStatus, Role, Stage, StepStatus
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.huddle import HuddleScreen
from huddle.ui.screens.stages.today import StepInput, TodayStage
from huddle.ui.widgets.huddle_top import HuddleTop

FRIDAY = date(2026, 11, 27)
THURSDAY = date(2026, 11, 26)
MONDAY = date(2026, 11, 30)


def huddle_screen(app: HuddleApp) -> HuddleScreen:
    screen = app.screen
    assert isinstance(screen, HuddleScreen), screen
    return screen


async def shown(pilot: Pilot[None]) -> str:
    """Everything the screen shows once it has caught up, as plain text, line by line."""
    await pilot.pause()
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def statuses(store: Store, day: date) -> dict[str, StepStatus]:
    return {s.text: s.status for s in store.steps.on_day(day)}


async def type_line(pilot: Pilot[None], text: str) -> None:
    """Type into the line that has the focus (all at once, as a quick typist would)."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.pause()


async def test_a_whole_huddle_is_walked_and_everything_is_stored(
    store: Store, clock: FixedClock
) -> None:
    ann, bea, sam = (store.members.find(n) for n in ("ann", "bea", "sam"))
    store.steps.add(ann, "Prepare the visit questions", FRIDAY)
    store.steps.add(bea, "Ring the carer [TODO]", FRIDAY)
    store.steps.add(sam, "Drop the duplicate field", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        assert screen.stage is Stage.WHO
        # Who's here: Pat (the manager) is not at this one.
        await pilot.press("down", "down", "space", "enter")
        assert screen.stage is Stage.YESTERDAY
        # Yesterday, by name: Ann done (with what was learned), Bea not done, Sam partly.
        await pilot.press("d", "up", "l")
        await type_line(pilot, "Asking the day before saves a visit")
        await pilot.press("enter", "down", "n", "p", "enter")
        assert screen.stage is Stage.TODAY
        # Today: Ann, Bea (whose carried step is listed), then Sam.
        assert "Ann Smith - your small step for today" in await shown(pilot)
        await type_line(pilot, "Write notes within an hour #cu")
        await pilot.press("tab", "enter")
        assert "Bea Jones - your small step for today" in await shown(pilot)
        assert "carried from Fri 27 Nov: Ring the carer [TODO]" in await shown(pilot)
        await type_line(pilot, "! No laptop for the new starter")
        await pilot.press("enter")  # a blocker: still Bea's turn
        await type_line(pilot, "Ask what matters first")
        await pilot.press("enter")
        await type_line(pilot, "Check the list [/tmp] #more")
        await pilot.press("enter")
        assert screen.stage is Stage.BLOCKERS
        # Blockers: the laptop goes up to management, with a reason.
        assert "No laptop for the new starter" in await shown(pilot)
        await pilot.press("e")
        await type_line(pilot, "Needs budget sign-off")
        await pilot.press("enter", "enter")
        assert screen.stage is Stage.WRAP_UP
        text = await shown(pilot)
        assert "1 done · 1 partly · 1 not done (carried) · 0 dropped" in text
        assert "4 small steps planned" in text
        assert "1 raised · 1 sent up to management" in text
        assert "Ann Smith, Bea Jones, Sam Okafor" in text
        await pilot.press("enter")
        assert not isinstance(app.screen, HuddleScreen)

    assert statuses(store, FRIDAY) == {
        "Prepare the visit questions": StepStatus.DONE,
        "Ring the carer [TODO]": StepStatus.CARRIED,
        "Drop the duplicate field": StepStatus.PARTLY,
    }
    friday = {s.text: s for s in store.steps.on_day(FRIDAY)}
    assert friday["Prepare the visit questions"].learning == "Asking the day before saves a visit"
    today = {(s.member_name, s.text, s.goal_title) for s in store.steps.on_day(MONDAY)}
    assert today == {
        ("Ann Smith", "Write notes within an hour", "Cut the wait for a care assessment"),
        ("Bea Jones", "Ring the carer [TODO]", None),
        ("Bea Jones", "Ask what matters first", None),
        ("Sam Okafor", "Check the list [/tmp]", "More strengths-based assessments"),
    }
    (blocker,) = store.blockers.open()
    assert (blocker.text, blocker.raised_by_name, blocker.status) == (
        "No laptop for the new starter",
        "Bea Jones",
        BlockerStatus.ESCALATED,
    )
    assert blocker.escalation_reason == "Needs budget sign-off"
    pat = store.members.find("pat")
    assert store.huddles.attendance(MONDAY)[pat.id] is False
    assert store.huddles.has_ended(MONDAY)
    assert store.drafts.on(MONDAY) == {}


async def test_quitting_mid_huddle_and_opening_again_goes_on_where_it_was(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Prepare the visit questions", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "enter", "d", "enter")
        await type_line(pilot, "Half a thought [draft]")
        clock.advance(minutes=4)
        huddle_screen(app).tick()
    # The app was quit mid-line; opening it again shows the huddle as it was left.

    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        assert screen.stage is Stage.TODAY
        entry = screen.query_one(StepInput)
        assert entry.value == "Half a thought [draft]"
        assert app.focused is entry
        assert screen.query_one(HuddleTop).time_text == "11:00 left"
        assert statuses(store, FRIDAY) == {"Prepare the visit questions": StepStatus.DONE}


async def test_what_is_typed_is_kept_when_moving_between_people_and_stages(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        screen = huddle_screen(app)
        ann, bea = store.members.find("ann"), store.members.find("bea")
        await type_line(pilot, "Ann's idea")
        await pilot.press("down")  # to Bea, without saving Ann's line as a step
        assert store.drafts.on(MONDAY) == {ann.id: "Ann's idea"}
        assert store.steps.on_day(MONDAY) == []
        await type_line(pilot, "Bea's")
        # On to Blockers, even while typing: nobody has a step yet, so it is asked once.
        await pilot.press("pagedown", "pagedown")
        assert screen.stage is Stage.BLOCKERS
        assert store.drafts.on(MONDAY) == {ann.id: "Ann's idea", bea.id: "Bea's"}
        await pilot.press("pageup")
        assert screen.query_one(StepInput).value == "Bea's"
        await pilot.press("up")
        assert screen.query_one(StepInput).value == "Ann's idea"
        await pilot.press("escape")  # stop typing: the line stays
        assert isinstance(app.focused, TodayStage)
        await pilot.press("escape")  # and leave for the home screen
        assert not isinstance(app.screen, HuddleScreen)
        await pilot.press("h")
        assert huddle_screen(app).query_one(StepInput).value == "Ann's idea"


async def test_monday_reviews_fridays_steps(store: Store, clock: FixedClock) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Friday's step", FRIDAY)
    thursday = store.steps.add(ann, "Thursday's step, reviewed on Friday", THURSDAY)
    clock.at = clock.at.replace(day=27)
    store.steps.review(thursday, StepStatus.DONE)
    clock.at = clock.at.replace(day=30)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        text = await shown(pilot)
        assert "looking back on Friday 27 November" in text
        assert "Friday's step" in text
        assert "Thursday's step" not in text


async def test_an_absent_members_steps_are_left_untouched(store: Store, clock: FixedClock) -> None:
    ann, bea = store.members.find("ann"), store.members.find("bea")
    store.absences.add(bea, FRIDAY, MONDAY, "annual leave")
    store.steps.add(ann, "Ann's step", FRIDAY)
    store.steps.add(bea, "Bea's step", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        assert "annual leave" in await shown(pilot)
        await pilot.press("enter")
        # Every key for Yesterday, more times than there are steps.
        await pilot.press("d", "d", "down", "down", "d", "x", "n")
        assert "Bea Jones  not here: their steps are left as they are" in await shown(pilot)
        await pilot.press("enter")
        screen = huddle_screen(app)
        names = [m.name for m in screen.query_one(TodayStage).people]
        assert "Bea Jones" not in names
    assert statuses(store, FRIDAY)["Bea's step"] is StepStatus.PLANNED


async def test_a_step_not_done_is_carried_to_today_and_can_be_edited_or_dropped(
    store: Store, clock: FixedClock
) -> None:
    ann = store.members.find("ann")
    store.steps.add(ann, "Ring the carer", FRIDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "enter", "n", "enter")
        text = await shown(pilot)
        assert "Ann Smith - your small step for today" in text
        assert "carried from Fri 27 Nov: Ring the carer" in text
        await pilot.press("tab", "e", "ctrl+u")
        await type_line(pilot, "Ring the carer before 10 #more")
        await pilot.press("enter")
        (carried,) = store.steps.on_day(MONDAY)
        assert (carried.text, carried.goal_title) == (
            "Ring the carer before 10",
            "More strengths-based assessments",
        )
        await pilot.press("x")
        assert statuses(store, MONDAY) == {"Ring the carer before 10": StepStatus.DROPPED}
        assert isinstance(app.focused, StepInput)


async def test_the_goal_picker_puts_the_goal_in_the_line(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Ask what matters")
        await pilot.press("ctrl+g", "down", "enter")
        entry = huddle_screen(app).query_one(StepInput)
        assert entry.value == "Ask what matters #more"
        assert "towards: More strengths-based assessments" in await shown(pilot)
        await pilot.press("ctrl+g", "enter")
        assert entry.value == "Ask what matters #cut"


async def test_a_mistyped_goal_keeps_the_line_and_says_why(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await type_line(pilot, "Ask what matters #zzz")
        await pilot.press("enter")
        assert huddle_screen(app).query_one(StepInput).value == "Ask what matters #zzz"
        assert store.steps.on_day(MONDAY) == []
        assert "no goal matches 'zzz'" in await shown(pilot)


async def test_the_timebox_turns_amber_then_red_and_pauses(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        timebox = screen.query_one(HuddleTop)
        assert timebox.time_text == "15:00 left"
        clock.advance(minutes=13)
        screen.tick()
        assert timebox.time_text == "2:00 left"
        assert timebox.time_style == "bold $warning"  # amber
        clock.advance(minutes=3, seconds=5)
        screen.tick()
        assert timebox.time_text == "1:05 over"
        assert timebox.time_style == "bold $error"  # red
        await pilot.press("t")
        clock.advance(minutes=10)
        screen.tick()
        assert timebox.time_text == "1:05 over (paused: t)"
        await pilot.press("t", "5")  # finishing is never stopped by the timebox
        await pilot.press("enter", "enter")  # nobody has a step: asked once
        assert store.huddles.has_ended(MONDAY)
    assert store.huddles.timer(MONDAY).seconds == 16 * 60 + 5


async def test_each_stage_shows_its_own_time(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        clock.advance(seconds=40)
        await pilot.press("enter")
        clock.advance(minutes=2)
        screen.tick()
        assert "1 Who's here 0:40" in await shown(pilot)
        assert "2 Yesterday 2:00" in await shown(pilot)


async def test_blockers_are_owned_sent_up_and_resolved(store: Store, clock: FixedClock) -> None:
    bea = store.members.find("bea")
    old = store.blockers.raise_blocker(bea, "The form asks twice")
    clock.advance(days=3)
    store.blockers.escalate(old, "Only IT can change it", who="Ann Smith")
    store.blockers.answer(store.blockers.get(old.id), "IT will fix it in March", who="Pat Reid")
    clock.advance(days=-3)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4")
        text = await shown(pilot)
        assert "answered The form asks twice" in text
        assert "management's answer: IT will fix it in March" in text
        # b raises one: who (Sam), then what.
        await pilot.press("b", "end", "enter")
        await type_line(pilot, "No room for [visits]")
        await pilot.press("enter")
        assert "No room for [visits]" in await shown(pilot)
        new = next(b for b in store.blockers.open() if b.text == "No room for [visits]")
        assert new.raised_by_name == "Sam Okafor"
        # The new blocker has the highlight. o: the team owns it (Ann); e needs a reason;
        # r needs a note.
        await pilot.press("o", "home", "enter")
        assert store.blockers.get(new.id).owner_name == "Ann Smith"
        await pilot.press("e", "enter")
        assert "A reason is needed" in await shown(pilot)
        await pilot.press("escape")
        assert store.blockers.get(new.id).status is BlockerStatus.OWNED
        await pilot.press("e")
        assert app.screen.query_one(Input).value == ""
        await pilot.press("escape", "r")
        await type_line(pilot, "Booked room 3")
        await pilot.press("enter")
        assert store.blockers.get(new.id).status is BlockerStatus.RESOLVED
        assert "No room for [visits]" not in await shown(pilot)


async def test_a_past_huddle_opens_read_only(store: Store, clock: FixedClock) -> None:
    ann = store.members.find("ann")
    clock.at = clock.at.replace(day=27)
    store.huddles.start(FRIDAY)
    store.steps.add(ann, "Friday's step", FRIDAY)
    store.huddles.save_timer(FRIDAY, 600, paused=False, stage_seconds={Stage.WHO: 600})
    store.huddles.end(FRIDAY)
    clock.at = clock.at.replace(day=30)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(HuddleScreen(FRIDAY, read_only=True))
        await pilot.pause()
        screen = huddle_screen(app)
        assert screen.stage is Stage.WRAP_UP
        assert "took 10:00 of 15:00" in await shown(pilot)
        await pilot.press("3")
        assert "Friday's step" in await shown(pilot)
        await pilot.press("2", "d", "1", "space", "5", "enter")
        assert store.huddles.attendance(FRIDAY) == {}
        assert store.huddles.get(MONDAY) is None
        assert screen.query_one(HuddleTop).time_text == "took 10:00 of 15:00"


async def test_h_on_an_ended_huddle_shows_it(store: Store, clock: FixedClock) -> None:
    store.huddles.start(MONDAY)
    store.huddles.end(MONDAY)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        assert screen.read_only
        assert "this huddle has ended" in await shown(pilot)


async def test_eight_people_take_the_typed_text_and_at_most_four_keys_each(
    store: Store, clock: FixedClock
) -> None:
    """Keystroke economy: one step each yesterday marked done, one new step each today,
    no blockers: the typed text and at most 4 keys per person, from home to the end."""
    pat = store.members.find("pat")
    store.members.set_active(pat, False)
    for name in ("Cy Adams", "Di Brown", "Ed Clark", "Flo Dunn", "Gus Evans"):
        store.members.add(name, Role.PRACTITIONER)
    people = store.members.all()
    assert len(people) == 8
    for member in people:
        store.steps.add(member, f"Friday step of {member.name}", FRIDAY)

    keys = 0
    typed = 0
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:

        async def press(*pressed: str) -> None:
            nonlocal keys
            keys += len(pressed)
            await pilot.press(*pressed)

        async def say(text: str) -> None:
            nonlocal typed
            typed += len(text)
            await type_line(pilot, text)

        await press("h", "enter")
        for _ in people:
            await press("d")
        await press("enter")
        for member in people:
            await say(f"New step of {member.name}")
            await press("enter")
        await press("enter", "enter")
        assert store.huddles.has_ended(MONDAY)

    assert {s.status for s in store.steps.on_day(FRIDAY)} == {StepStatus.DONE}
    assert len(store.steps.on_day(MONDAY)) == 8
    assert keys <= 4 * len(people), keys
    assert keys == 21


async def test_each_stage_shows_its_share_of_the_timebox(store: Store, clock: FixedClock) -> None:
    store.timebox.set_split(
        {Stage.WHO: 1, Stage.YESTERDAY: 3, Stage.TODAY: 6, Stage.BLOCKERS: 3, Stage.WRAP_UP: 2}
    )
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        screen = huddle_screen(app)
        clock.advance(seconds=70)
        screen.tick()
        assert "1 Who's here 1:10/1:00" in await shown(pilot)
        await pilot.press("enter")
        assert "2 Yesterday 0:00/3:00" in await shown(pilot)

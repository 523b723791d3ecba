"""In a web browser (`huddle serve`), a session first says who is there; what that person adds
or answers is theirs. The shared screen in the team room never asks."""

from __future__ import annotations

from textual.widgets import Input

from huddle.core.calendar import FixedClock
from huddle.core.models import Role
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.manage import ManageScreen
from huddle.ui.screens.who_are_you import NO_MEMBERS, WhoAreYou
from tests.ui.screen_helpers import notices, screen_text, wait_until


async def test_a_browser_session_asks_who_is_there_before_anything_is_added(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, WhoAreYou))
        shown = screen_text(app)
        assert "Who are you?" in shown
        assert all(name in shown for name in ("Ann Smith", "Bea Jones", "Sam Okafor"))

        await pilot.press("a", *"Ring the carer", "escape")  # no way round the question
        assert isinstance(app.screen, WhoAreYou)
        assert "Ring the carer" not in screen_text(app)

        await pilot.press("down", "enter")  # Ann Smith is first: Bea Jones is next
        assert await wait_until(pilot, lambda: not isinstance(app.screen, WhoAreYou))
        assert "You are Bea Jones in this browser" in notices(app)

        await pilot.press("a", *"Ring the carer back", "enter")  # no @name: Bea's own
        assert await wait_until(pilot, lambda: app.screen.query_one("#entry", Input).value == "")
    [step] = store.steps.on_day(store.coming_huddle_day())
    assert (step.member_name, step.text) == ("Bea Jones", "Ring the carer back")


async def test_a_manager_in_a_browser_answers_as_themselves(
    store: Store, clock: FixedClock
) -> None:
    store.members.add("Kim Lee", Role.MANAGER)
    raised = store.blockers.raise_blocker(store.members.find("bea"), "The form asks twice")
    store.blockers.escalate(raised, "Only IT can change it", who="Ann Smith", to="Kim")
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen, served=True)
    async with app.run_test(size=(120, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, WhoAreYou))
        await pilot.press("down", "down", "down", "down", "enter")  # Ann, Bea, Kim, Pat, Sam
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
        await pilot.press("a")
        assert isinstance(app.screen, SayDialog)
        assert app.screen.query_one("#say-who", Input).value == "Sam Okafor"
        app.screen.query_one("#say-text", Input).value = "Asked IT"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ManageScreen))
    assert store.blockers.get(raised.id).answered_by == "Sam Okafor"


async def test_at_the_huddle_in_a_browser_the_blocker_history_names_that_person(
    store: Store, clock: FixedClock
) -> None:
    forms = store.blockers.raise_blocker(store.members.find("bea"), "The form asks twice")
    forms = store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    store.blockers.answer(forms, "IT drop the field", who="Pat Reid")
    app = HuddleApp(store, clock=clock, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, WhoAreYou))
        await pilot.press("down", "enter")  # Bea Jones
        assert await wait_until(pilot, lambda: app.session_who is not None)
        await pilot.press("h", "4")
        assert await wait_until(pilot, lambda: "You said, we did" in screen_text(app))
        await pilot.press("pagedown")  # on to Wrap-up: the answer has been heard
        assert await wait_until(pilot, lambda: store.blockers.unseen_answers() == [])
    heard = store.blockers.history(forms)[-1]
    assert (heard.note, heard.who) == ("answer read out at the huddle", "Bea Jones")


async def test_the_person_is_kept_for_this_session_only(store: Store, clock: FixedClock) -> None:
    first = HuddleApp(store, clock=clock, served=True)
    async with first.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(first.screen, WhoAreYou))
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: first.session_who is not None)
    second = HuddleApp(store, clock=clock, served=True)
    async with second.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(second.screen, WhoAreYou))
        assert second.session_who is None


async def test_the_shared_screen_in_the_room_never_asks(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WhoAreYou)
        assert app.session_who is None


async def test_a_team_with_nobody_in_it_says_so_in_the_browser(clock: FixedClock) -> None:
    empty = Store.memory(clock=clock)
    app = HuddleApp(empty, clock=clock, served=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, WhoAreYou))
        assert NO_MEMBERS.split(".")[0] in " ".join(screen_text(app).split())
    empty.close()

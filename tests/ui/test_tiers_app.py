"""Tiers in the app: at the Blockers stage `e` sends a blocker up to the first tier and, on
one already sent up, one tier higher (the question says where); at the top tier it is
refused before a reason is asked. The Management view says where each one is and for how
long, and its history shows each tier it passed."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.blocker_dialog import SayDialog
from huddle.ui.screens.manage import ManageScreen
from huddle.ui.screens.setup import TeamSetupScreen
from tests.ui.screen_helpers import notices, screen_text, wait_until

LADDER = [("Team manager", 2), ("Service manager", 3), ("Director", 5)]


async def send_up(pilot: Pilot[None], question: str, reason: str) -> None:
    await pilot.press("e")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.focused, Input))
    assert question in screen_text(pilot.app)
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.insert_text_at_cursor(reason)
    await pilot.press("enter")


async def test_e_sends_a_blocker_up_the_tiers_one_at_a_time(
    store: Store, clock: FixedClock
) -> None:
    store.team.set_tiers(LADDER)
    blocker = store.blockers.raise_blocker(store.members.find("bea"), "No laptop for visits [IT]")
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "4")
        await send_up(pilot, "Why send it up to Team manager?", "Only IT orders laptops")
        assert await wait_until(
            pilot, lambda: "sent up to Team manager: Only IT orders laptops" in screen_text(app)
        )
        await send_up(pilot, "Why send it higher, to Service manager?", "IT need a budget")
        assert await wait_until(
            pilot, lambda: "sent up to Service manager: IT need a budget" in screen_text(app)
        )
        await send_up(pilot, "Why send it higher, to Director?", "[b]No budget[/b] this year")
        assert await wait_until(
            pilot, lambda: store.blockers.get(blocker.id).tier_name == "Director"
        )
        await pilot.press("e")
        refusal = (
            '"No laptop for visits [IT]" is with Director, the top tier; it can\'t go higher'
            " (resolve it, or the team owns it)"
        )
        assert await wait_until(pilot, lambda: refusal in notices(app))
        assert not isinstance(app.focused, Input)  # no reason asked for
    tiers = [e.tier for e in store.blockers.history(blocker) if e.tier]
    assert tiers == ["Team manager", "Service manager", "Director"]


async def test_the_management_view_shows_each_blockers_tier_and_its_history(
    store: Store, clock: FixedClock
) -> None:
    store.team.set_tiers(LADDER)
    bea = store.members.find("bea")
    laptops = store.blockers.raise_blocker(bea, "No laptop for visits")
    laptops = store.blockers.escalate(laptops, "Only IT orders laptops", who="Ann Smith")
    laptops = store.blockers.escalate(laptops, "IT need a budget", who="Ann Smith", to="Jo Reid")
    forms = store.blockers.raise_blocker(bea, "The form asks twice")
    store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "No laptop for visits" in screen_text(app))
        text = screen_text(app)
        assert "each tier's own limit" in text
        lines = text.splitlines()
        assert any("Service manager" in line and "No laptop" in line for line in lines)
        assert any("Team manager" in line and "form asks" in line for line in lines)
        screen = app.screen
        assert isinstance(screen, ManageScreen)
        for _ in range(2):
            highlighted = screen.highlighted()
            if highlighted is not None and highlighted.id == laptops.id:
                break
            await pilot.press("down")
        text = screen_text(app)
        assert "to Service manager (Jo Reid): IT need a budget" in text
        assert "sent higher, to Service manager" in text
        assert "open -> sent up to Team manager" in text
        assert "Service manager's limit is 3" in text


async def test_the_team_sets_its_tiers_in_team_set_up(store: Store, clock: FixedClock) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, TeamSetupScreen)
        screen.query_one(TabbedContent).active = "team-tab"
        await pilot.pause()
        assert "None: blockers go up to management." in screen_text(app)
        typed = screen.query_one("#tiers", Input)
        typed.focus()
        await pilot.press(*"Team manager, Director:soon", "enter")
        assert await wait_until(
            pilot, lambda: any("'Director:soon' is not a tier" in n for n in notices(app))
        )
        assert store.team.tiers() == []
        await pilot.press("end", *["backspace"] * 4, "5", "enter")
        assert await wait_until(pilot, lambda: len(store.team.tiers()) == 2)
        assert [(t.name, t.answer_limit_days) for t in store.team.tiers()] == [
            ("Team manager", 2),
            ("Director", 5),
        ]
        assert await wait_until(
            pilot,
            lambda: (
                "Now: Team manager (answers in 2 huddle days), then Director (5)."
                in screen_text(app)
            ),
        )


async def test_a_manager_sends_a_blocker_higher_from_the_management_view(
    store: Store, clock: FixedClock
) -> None:
    store.team.set_tiers(LADDER[:2])
    laptops = store.blockers.raise_blocker(store.members.find("bea"), "No laptop [for] visits")
    laptops = store.blockers.escalate(laptops, "Only IT orders laptops", who="Ann Smith")
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "No laptop [for] visits" in screen_text(app))
        await pilot.press("e")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        assert "Send it higher, to Service manager" in screen_text(app)
        app.screen.query_one("#say-text", Input).value = "Not in my budget"
        await pilot.press("enter")
        assert await wait_until(
            pilot, lambda: store.blockers.get(laptops.id).tier_name == "Service manager"
        )
        assert "Sent higher, to Service manager: No laptop [for] visits" in notices(app)
        history = store.blockers.history(laptops)
        assert (history[-1].who, history[-1].note) == (
            "Pat Reid",
            "to Service manager: Not in my budget",
        )
        await pilot.press("e")
        refusal = (
            '"No laptop [for] visits" is with Service manager, the top tier; it can\'t go'
            " higher (resolve it, or the team owns it)"
        )
        assert await wait_until(pilot, lambda: refusal in notices(app))
        assert isinstance(app.screen, ManageScreen)


async def test_tiers_renamed_after_sending_up_show_their_new_name_and_a_person_stays(
    store: Store, clock: FixedClock
) -> None:
    store.team.set_tiers(LADDER)
    bea = store.members.find("bea")
    forms = store.blockers.raise_blocker(bea, "The form asks twice")
    store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    printer = store.blockers.raise_blocker(bea, "The printer jams")
    store.blockers.escalate(printer, "Needs a new one", who="Ann Smith", to="Director")
    store.team.set_tiers([("Line manager", 2), ("Head of service", 3), ("Director", 5)])
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "The form asks twice" in screen_text(app))
        lines = screen_text(app).splitlines()
        assert any("Line manager" in line and "form asks" in line for line in lines)
        assert any("Line manager" in line and "printer" in line for line in lines)
        seen = ""
        for _ in range(3):  # every row's details, one after the other
            await pilot.pause()
            seen += screen_text(app)
            await pilot.press("down")
        assert "to Line manager (Director): Needs a new one" in seen
        assert "to Line manager: Only IT can change it" in seen


async def test_a_blocker_sent_to_a_tier_taken_away_says_so_and_the_manager_moves_it(
    store: Store, clock: FixedClock
) -> None:
    store.team.set_tiers(LADDER)
    laptops = store.blockers.raise_blocker(store.members.find("bea"), "No laptop [for] visits")
    for reason in ("Only IT orders laptops", "Not in my budget", "Needs the service's budget"):
        laptops = store.blockers.escalate(laptops, reason, who="Ann Smith")
    store.team.set_tiers(LADDER[:1])  # the service manager and the director taken away
    app = HuddleApp(store, clock=clock, first_screen=ManageScreen)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(pilot, lambda: "No laptop [for] visits" in screen_text(app))
        shown = screen_text(app)
        assert "Director (no longer a tier)" in shown
        assert "to Director (no longer a tier): Needs the service's budget" in shown
        assert "Director is no longer one of the team's tiers" in shown
        assert "sent higher, to Director" in shown  # its own sending up, as it was
        assert shown.count("sent higher, to Director") == 1
        await pilot.press("e")
        assert await wait_until(pilot, lambda: isinstance(app.screen, SayDialog))
        assert "Send it to Team manager, the top tier now" in screen_text(app)
        app.screen.query_one("#say-text", Input).value = "The director's post is gone"
        await pilot.press("enter")
        assert await wait_until(
            pilot, lambda: store.blockers.get(laptops.id).tier_name == "Team manager"
        )
        assert "Sent to Team manager, the top tier now: No laptop [for] visits" in notices(app)

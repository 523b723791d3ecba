"""A blocker's age is said in huddle days everywhere it is shown: the home list, the
Blockers stage, the board and `huddle blockers` agree (weekends do not make it older)."""

from __future__ import annotations

from huddle.cli.blockers import age_cell, blocker_as_json
from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import screen_text, wait_until


def raised_last_friday(store: Store, clock: FixedClock) -> None:
    """Raised on Friday; today is Wednesday: 5 days, but 3 huddle days (Mon, Tue, Wed)."""
    clock.advance(days=-5)
    store.blockers.raise_blocker(store.members.find("bea"), "The form asks twice")
    clock.advance(days=5)


async def test_home_and_the_blockers_stage_say_a_blockers_age_in_huddle_days(
    store: Store, clock: FixedClock
) -> None:
    raised_last_friday(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "The form asks twice" in screen_text(app))
        home = screen_text(app)
        assert "Huddle days" in home
        assert "5d" not in home
        await pilot.press("h", "4")
        assert await wait_until(pilot, lambda: "3 huddle days" in screen_text(app))
        assert "5d" not in screen_text(app)


def test_huddle_blockers_says_the_same_age(store: Store, clock: FixedClock) -> None:
    raised_last_friday(store, clock)
    (blocker,) = store.blockers.open()
    said = blocker_as_json(store, blocker)
    assert said["age_huddle_days"] == 3
    assert age_cell(said) == "3 huddle days"


def sent_up_last_wednesday(store: Store, clock: FixedClock) -> None:
    """Raised and sent up on Wednesday; today is Monday: 5 days, but 3 huddle days."""
    clock.advance(days=-5)
    blocker = store.blockers.raise_blocker(store.members.find("bea"), "The form asks twice")
    store.blockers.escalate(blocker, "Only IT can change it", who="Ann Smith")
    clock.advance(days=5)


def test_the_digest_says_a_blockers_age_in_huddle_days_in_every_format(
    store: Store, clock: FixedClock
) -> None:
    from email import message_from_string

    from huddle.core.digest import build_digest, render_email, render_markdown, render_text

    sent_up_last_wednesday(store, clock)
    digest = build_digest(store, store.today(), store.today())
    (open_one,) = digest.open_escalations
    assert (open_one.age_days, open_one.age_huddle_days) == (5, 3)
    mail = message_from_string(render_email(digest))
    mail_text = "".join(
        str(part.get_payload(decode=True), "utf-8")
        for part in mail.walk()
        if part.get_content_type() == "text/plain"
    )
    for said in (render_text(digest), render_markdown(digest), mail_text):
        assert "3 huddle days ago" in said
        assert "5 days ago" not in said


def test_huddle_mine_says_a_blockers_age_in_huddle_days(store: Store, clock: FixedClock) -> None:
    from huddle.core.mine import mine_as_json, mine_as_text, read_mine

    raised_last_friday(store, clock)
    found = read_mine(store, store.members.find("bea"))
    text = mine_as_text(found)
    assert "(open, raised by you 3 huddle days ago)" in text
    (said,) = mine_as_json(found)["blockers"]
    assert (said["age_days"], said["age_huddle_days"]) == (5, 3)


async def test_the_management_view_says_a_blockers_age_in_huddle_days(
    store: Store, clock: FixedClock
) -> None:
    sent_up_last_wednesday(store, clock)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("m")
        assert await wait_until(pilot, lambda: "Raised by Bea Jones" in screen_text(app))
        assert "3 huddle days ago" in screen_text(app)
        assert "5 days ago" not in screen_text(app)

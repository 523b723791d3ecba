"""On the Today stage the line of everyone's names wraps between people, never inside a name
("Lucy / Fletcher"), at 80 columns as on a laptop."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp

from .screen_helpers import wait_until

NAMES = ("Al Li", "Sarah Whitfield", "Helen Carter", "Aisha Khan", "Gareth Evans", "Lucy Fletcher")


async def test_every_name_on_the_today_people_line_is_whole_on_one_line(
    store: Store, clock: FixedClock
) -> None:
    for name in NAMES:
        store.members.add(name)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "3")
        people = app.screen.query_one("#today-people")
        await wait_until(pilot, lambda: "Lucy" in str(people.render()))
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        box = people.content_region
        lines = [strips[y].text[box.x : box.right] for y in range(box.y, box.bottom)]
        assert len(lines) > 1, lines  # the names do not fit on one line at 80 columns
        for member in store.members.all():
            assert any(member.name in line for line in lines), (member.name, lines)


async def test_every_name_wrap_up_lists_as_here_is_whole_on_one_line(
    store: Store, clock: FixedClock
) -> None:
    for name in (*NAMES, "Cy Dunmore"):
        store.members.add(name)
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "5")
        here = app.screen.query_one("#wrap-here .wrap-value")
        await wait_until(pilot, lambda: "Lucy" in str(here.render()))
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        box = here.content_region
        lines = [strips[y].text[box.x : box.right] for y in range(box.y, box.bottom)]
        assert len(lines) > 1, lines  # the names do not fit on one line at 80 columns
        for member in store.members.all():
            assert any(member.name in line for line in lines), (member.name, lines)

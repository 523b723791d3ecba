"""The next huddle, as `huddle team` and the home screen both say it."""

from __future__ import annotations

from huddle.core.calendar import FixedClock
from huddle.core.models import Role, Stage
from huddle.core.next_huddle import next_huddle
from huddle.core.store import Store


def test_on_a_huddle_day_the_next_huddle_is_today_until_it_has_ended(
    memory_store: Store, clock: FixedClock
) -> None:
    today = memory_store.today()
    ann = memory_store.members.add("Ann Smith", Role.LEAD)
    assert next_huddle(memory_store).words == "today, not started"

    memory_store.huddles.start(today, ann)
    memory_store.huddles.set_stage(today, Stage.YESTERDAY)
    assert next_huddle(memory_store).words == "today, in progress: at Yesterday"

    memory_store.huddles.end(today)
    coming = next_huddle(memory_store)
    assert (coming.day - today).days == 1
    assert coming.words == "tomorrow"


def test_on_a_day_off_the_next_huddle_is_the_next_huddle_day(
    memory_store: Store, clock: FixedClock
) -> None:
    clock.advance(days=3)  # Wednesday to Saturday
    assert next_huddle(memory_store).words == "Mon 30 Nov"

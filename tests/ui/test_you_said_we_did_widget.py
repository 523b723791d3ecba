""" "You said, we did" on the shared screen: management's answers are shown at the huddle,
read out, marked as heard, and not shown again."""

from __future__ import annotations

import pytest
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from huddle.core.calendar import FixedClock
from huddle.core.store import Store
from huddle.ui.app import HuddleApp
from huddle.ui.screens.base import LiveScreen
from huddle.ui.widgets.you_said_we_did import YouSaidWeDid


class BlockersStageStandIn(LiveScreen):
    """The widget as the huddle's Blockers stage holds it."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[int] = []

    def compose(self) -> ComposeResult:
        yield YouSaidWeDid(id="you-said")
        yield Footer()

    def on_you_said_we_did_heard(self, event: YouSaidWeDid.Heard) -> None:
        self.heard.append(event.count)

    def reload(self) -> None:
        self.query_one(YouSaidWeDid).load()


@pytest.fixture
def answered(store: Store, clock: FixedClock) -> None:
    bea = store.members.find("bea")
    forms = store.blockers.raise_blocker(bea, "The form asks twice [TODO]")
    forms = store.blockers.escalate(forms, "Only IT can change it", who="Ann Smith")
    laptops = store.blockers.raise_blocker(bea, "No laptop for visits")
    store.blockers.escalate(laptops, "Only IT orders laptops", who="Ann Smith")
    clock.advance(hours=-20)  # answered on Sunday afternoon
    store.blockers.answer(forms, "IT drop the field on the 3rd 🙂", who="Pat Reid")
    clock.advance(hours=20)


def shown(screen: LiveScreen) -> str:
    widget = screen.query_one(YouSaidWeDid)
    return "\n".join(str(s.content) for s in widget.query(Static)) if widget.display else ""


async def test_answers_are_shown_at_the_huddle_once_then_not_again(
    store: Store, clock: FixedClock, answered: None
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        stage = BlockersStageStandIn()
        await app.push_screen(stage)
        await pilot.pause()
        text = shown(stage)
        assert "You said: The form asks twice [TODO]" in text
        assert "We did: IT drop the field on the 3rd 🙂  (Pat Reid, yesterday)" in text
        assert "No laptop" not in text
        assert "1 answer from management since the last huddle" in text

        assert stage.query_one(YouSaidWeDid).mark_heard(who="Ann Smith") == 1
        await pilot.pause()
        assert stage.heard == [1]
        assert "heard at this huddle" in shown(stage)  # still on show while it is read
        stage.reload()
        assert "IT drop the field" in shown(stage)

        app.pop_screen()
        again = BlockersStageStandIn()
        await app.push_screen(again)
        await pilot.pause()
        assert not again.query_one(YouSaidWeDid).display
        assert shown(again) == ""
        assert again.query_one(YouSaidWeDid).mark_heard() == 0
        assert store.blockers.unseen_answers() == []


async def test_an_answer_given_during_the_huddle_appears_on_the_next_reload(
    store: Store, clock: FixedClock
) -> None:
    app = HuddleApp(store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        stage = BlockersStageStandIn()
        await app.push_screen(stage)
        await pilot.pause()
        assert not stage.query_one(YouSaidWeDid).display
        blocker = store.blockers.raise_blocker(store.members.find("sam"), "No pool car")
        blocker = store.blockers.escalate(blocker, "Fleet is central", who="Ann Smith")
        store.blockers.answer(blocker, "A second car from Monday", who="Pat Reid")
        stage.reload()
        await pilot.pause()
        assert "A second car from Monday" in shown(stage)

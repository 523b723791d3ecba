"""The full-screen app needs a terminal: run with its output into a pipe, a file or a cron
job (`huddle board | tail`, `huddle > log`), it used to draw into the pipe for ever at full
CPU. Now it says so in one line; `huddle rollup` prints its Markdown instead.
Today is Wednesday 25 November 2026."""

from __future__ import annotations

import pytest

NO_TERMINAL = "Error: the app needs a terminal to draw on; its output goes to a pipe or a file\n"


@pytest.mark.parametrize(
    "command",
    [(), ("board",), ("manage",)],
    ids=["huddle", "board", "manage"],
)
def test_the_app_is_refused_in_one_line_without_a_terminal(huddle_with_team, command) -> None:  # type: ignore[no-untyped-def]
    result = huddle_with_team(*command)
    assert result.exit_code == 1
    assert result.output == NO_TERMINAL


def test_the_demo_is_written_and_says_how_to_open_it_without_a_terminal(huddle) -> None:  # type: ignore[no-untyped-def]
    result = huddle("demo", "--force")
    assert result.exit_code == 1
    assert result.output.endswith(NO_TERMINAL)
    assert "Demo team ready" in result.output


def test_rollup_without_a_terminal_prints_its_markdown(huddle_with_team) -> None:  # type: ignore[no-untyped-def]
    result = huddle_with_team("rollup", str(huddle_with_team.db))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Service view on 25 November 2026")

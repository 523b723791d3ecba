"""`huddle away`: the lead says who is away (leave, off shift, training), and the huddle
starts with them marked not here. Today is Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from huddle.core import flow
from huddle.core.calendar import parse_span

if TYPE_CHECKING:  # the fixture's type; not imported at run time (see conftest.py)
    from conftest import Huddle

MONDAY = date(2026, 11, 30)
NEXT_MONDAY = date(2026, 12, 7)
NEXT_FRIDAY = date(2026, 12, 11)


def test_a_week_of_leave_is_recorded_and_listed(huddle_with_team: Huddle) -> None:
    said = huddle_with_team.ok(
        "away", "anne", "--from", "next mon", "--to", "fri", "--reason", "annual leave"
    )
    assert said == "Anne Jones is away from Mon 30 Nov to Fri 4 Dec (5 huddle days): annual leave\n"
    huddle_with_team.ok("away", "sam", "--from", "tomorrow", "--reason", "training [/tmp]")

    listed = huddle_with_team.ok("away", "--list")
    assert listed.splitlines() == [
        "Away, today and ahead:",
        "  Sam Patel   tomorrow                 training [/tmp]",
        "  Anne Jones  Mon 30 Nov to Fri 4 Dec  annual leave",
    ]
    assert huddle_with_team.ok("away") == listed
    assert huddle_with_team.ok("away", "sam").splitlines()[1:] == [
        "  Sam Patel  tomorrow  training [/tmp]"
    ]

    # On Monday's huddle Anne starts as not here, with the reason shown.
    store = huddle_with_team.open_store()
    try:
        here = {p.member.name: p.present for p in flow.who_is_here(store, MONDAY)}
        assert here == {"Ann Smith": True, "Anne Jones": False, "Sam Patel": True}
    finally:
        store.close()


def test_dates_are_read_in_the_teams_order(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("team", "date-order", "month-first")
    said = huddle_with_team.ok("away", "ann", "--from", "12/7", "--to", "12/11")
    assert said.startswith("Ann Smith is away from Mon 7 Dec to Fri 11 Dec")


def test_time_away_is_cancelled_by_a_day_it_covers(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("away", "anne", "--from", "7/12", "--to", "11/12", "--reason", "leave")
    said = huddle_with_team.ok("away", "anne", "--cancel", "9/12")
    assert said == "Cancelled: Anne Jones away Mon 7 Dec to Fri 11 Dec: leave\n"
    assert huddle_with_team.ok("away").startswith("Nobody is away today or ahead.")

    refused = huddle_with_team("away", "anne", "--cancel", "9/12")
    assert refused.exit_code == 1
    assert refused.output == "Error: Anne Jones is not away on Wed 9 Dec\n"
    assert (
        "Sam Patel is not away tomorrow"
        in huddle_with_team("away", "sam", "--cancel", "tomorrow").output
    )


def test_mistakes_are_one_line_each(huddle_with_team: Huddle) -> None:
    huddle_with_team.ok("away", "anne", "--from", "7/12", "--to", "11/12")
    for args, message in [
        (("anne", "--from", "9/12"), "Anne Jones is already away Mon 7 Dec 2026 to Fri 11 Dec"),
        (("anne", "--from", "11/12", "--to", "7/12"), "can't end before it starts"),
        (("--from", "9/12"), "whose time away?"),
        (("anne", "--to", "9/12"), "--to needs --from too"),
        (("anne", "--from", "9/12", "--cancel", "9/12"), "use one"),
        (("anne", "--from", "31/11"), "'31/11' is not a real date"),
        (("zed", "--from", "9/12"), "no member matches 'zed'"),
    ]:
        result = huddle_with_team("away", *args)
        assert result.exit_code == 1, args
        assert message in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_last_day_named_by_its_weekday_is_in_the_week_away() -> None:
    wednesday = date(2026, 11, 25)
    assert parse_span("next mon", "fri", wednesday) == (MONDAY, date(2026, 12, 4))
    assert parse_span("7/12", "fri", wednesday) == (NEXT_MONDAY, NEXT_FRIDAY)
    assert parse_span("fri", "", wednesday) == (date(2026, 11, 27), date(2026, 11, 27))


def test_a_week_away_gone_by_ends_on_its_own_friday() -> None:
    # On Monday 7 December, "last mon" to "fri" is 30 November to 4 December: the Friday
    # of that week, not the coming one (was 11 December: away a week more, today too).
    monday = date(2026, 12, 7)
    assert parse_span("last mon", "fri", monday) == (MONDAY, date(2026, 12, 4))
    assert parse_span("last mon", "wednesday", monday) == (MONDAY, date(2026, 12, 2))
    assert parse_span("last mon", "next fri", monday) == (MONDAY, date(2026, 12, 11))

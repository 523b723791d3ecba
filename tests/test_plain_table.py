"""History's tables of a day's record: every column gets its share of the width, none less
than its least width while they fit, and the words are shown as typed."""

from __future__ import annotations

from rich.console import Console

from huddle.ui.widgets.plain_table import GAP, Column, PlainTable, widths

COLUMNS = [Column("Who", 2, 15), Column("Small step", 5, 10), Column("How it went", 2, 13)]


def lines(table: PlainTable, width: int) -> list[str]:
    console = Console(width=width, force_terminal=False)
    drawn = console.render_lines(table, console.options.update_width(width), pad=True)
    return ["".join(segment.text for segment in line).rstrip() for line in drawn]


def test_columns_share_the_width_by_ratio_and_fill_it() -> None:
    shares = widths(COLUMNS, 120)
    assert sum(shares) + GAP * 2 == 120
    assert shares[1] > shares[0] and shares[1] > shares[2]


def test_a_narrow_column_keeps_its_least_width_while_they_fit() -> None:
    shares = widths(COLUMNS, 60)
    assert shares[0] == 15 and shares[2] == 13
    assert sum(shares) + GAP * 2 == 60


def test_too_narrow_for_the_least_widths_they_shrink_alike_and_still_fit() -> None:
    shares = widths(COLUMNS, 30)
    assert sum(shares) + GAP * 2 == 30
    assert all(share >= 1 for share in shares)


def test_a_row_wraps_within_its_columns_and_shows_text_literally() -> None:
    table = PlainTable("Looked back on (1)", COLUMNS)
    table.add_row("Bea [TODO]", "Ring the carer before the visit [/tmp]", "done")
    drawn = lines(table, 60)
    assert drawn[0] == "Looked back on (1)"
    assert drawn[1].split() == ["Who", "Small", "step", "How", "it", "went"]
    assert set(drawn[2]) == {"─"}
    text = " ".join(" ".join(drawn[3:]).split())
    for word in ("Bea", "[TODO]", "[/tmp]", "visit", "done"):
        assert word in text
    assert drawn[3].startswith("Bea [TODO]")

"""Cards in columns: each row's words whole (wrapped in the card), the columns about as tall
as each other, the picked row's line known so a screen can keep it in view."""

from __future__ import annotations

from textual.content import Content

from huddle.ui.widgets.cards import Card, CardRow, lay_out

WORDS = "Ring every carer on the waiting list the day before the visit [TODO] to check the time"


def cards(count: int) -> list[Card]:
    return [
        Card(
            Content(f"Person {n}"),
            [CardRow(Content("?  "), [Content(f"{WORDS} {n}")], f"row-{n}")],
        )
        for n in range(count)
    ]


def test_rows_wrap_inside_their_card_and_keep_every_word() -> None:
    board, starts = lay_out(cards(1), 60)
    lines = board.plain.splitlines()
    assert all(len(line) <= 60 for line in lines)
    inside = " ".join(line.strip("│╭╮╰╯─ ") for line in lines[1:-1])
    assert " ".join(inside.split()) == f"? {WORDS} 0"
    assert starts == {"row-0": 1}


def test_cards_fill_columns_in_order_and_the_same_pick_draws_the_same() -> None:
    board, starts = lay_out(cards(6), 200, picked="row-4", height=40)
    first_line = board.plain.splitlines()[0]
    assert first_line.count("╭─ Person") == 2  # two columns fit the height: wider cards
    assert first_line.index("Person 0") < first_line.index("Person 3")
    again, _ = lay_out(cards(6), 200, picked="row-4", height=40, drawn={})
    assert again.plain == board.plain
    picked = [s for s in board.spans if "block-cursor-background" in str(s.style)]
    assert picked and WORDS[:20] in board.plain[picked[0].start : picked[0].end]
    assert starts["row-4"] == starts["row-1"] > starts["row-3"]  # second in columns 1 and 2


def test_without_a_height_as_many_columns_as_fit() -> None:
    board, _ = lay_out(cards(6), 200)
    assert board.plain.splitlines()[0].count("╭─ Person") == 4

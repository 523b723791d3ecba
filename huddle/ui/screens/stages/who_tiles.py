"""Who's here on the TV: a tile per person, laid out to fill the screen, read from across a
room. Here: the tile in colour; not here: dimmed, with why; the picked tile in a heavy
border with a ▶. First names in block letters where every tile has the room, the whole
name under them. The arrows move the pick: ↑ ↓ to the next name (names run down each
column, as in the list), ← → a column across. Only the page holding the pick is drawn, so
a team of thousands costs no more than a team of nine."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

from huddle.ui.widgets.block_font import block_rows, solid
from huddle.ui.widgets.cards import GAP

BLOCK_TILE = 7
"""Lines a tile takes with its first name in block letters: borders, four rows, a line."""
PLAIN_TILE = 4
"""Lines a tile takes with its name in plain text: borders, the name, a line."""
NARROWEST = 30
"""The fewest columns a tile gets before the tiles turn page by page."""


@dataclass(frozen=True)
class NameTile:
    member_id: str
    name: str
    here: bool
    why: str = ""
    """Why someone is not here ("annual leave until Wed 2 Dec"), if known."""


@dataclass(frozen=True)
class TilePlan:
    columns: int
    rows: int
    width: int
    height: int
    """Lines a tile takes: BLOCK_TILE or PLAIN_TILE, more to share the room."""
    gap: int
    """Blank lines between two rows of tiles."""

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _block_fits(tiles: Sequence[NameTile], width: int) -> bool:
    for tile in tiles:
        rows = block_rows(first_name(tile.name))
        if rows is None or max(len(row) for row in rows) > width - 4:
            return False
    return True


def plan_tiles(tiles: Sequence[NameTile], width: int, height: int) -> TilePlan:
    """Tiles in as few columns as hold everyone with first names in block letters; else
    with names in plain text; else as many as fit, a page at a time."""
    count = max(1, len(tiles))
    most = max(1, width // NARROWEST)
    for tall in (BLOCK_TILE, PLAIN_TILE):
        rows = max(1, height // tall)
        columns = math.ceil(count / rows)
        if columns > most:
            continue
        columns = max(columns, min(most, 3, count))  # a few people: a row of wide tiles
        rows = math.ceil(count / columns)
        columns = math.ceil(count / rows)  # (names run down the columns: none left empty)
        tile_width = (width - GAP * (columns - 1)) // columns
        if tall == BLOCK_TILE and not _block_fits(tiles, tile_width):
            continue
        gap = 1 if rows * (tall + 1) - 1 <= height else 0
        share = min(tall + 4, (height + gap) // rows - gap)  # taller tiles, up to a point
        return TilePlan(columns, rows, tile_width, share, gap)
    rows = max(1, (height - 1) // PLAIN_TILE)  # (a line to say which page)
    return TilePlan(most, rows, (width - GAP * (most - 1)) // most, PLAIN_TILE, 0)


@lru_cache(maxsize=1024)
def draw_tile(tile: NameTile, plan: TilePlan, picked: bool) -> tuple[Content, ...]:
    """One tile as `plan.height` lines of `plan.width` cells (kept: a key redraws the page,
    and all but the tiles it changed are drawn already)."""
    inner = plan.width - 4
    rows = block_rows(first_name(tile.name)) if plan.height >= BLOCK_TILE else None
    if tile.here:
        border, name_style, mark = (
            "$success",
            "bold $text-success",
            ("● here", "bold $text-success"),
        )
    else:
        border, name_style, mark = (
            "$foreground-disabled",
            "$foreground-disabled",
            ("○ not here", "$text-muted"),
        )
    why = (f"   {tile.why}" if tile.why else "", "italic $text-muted")
    if rows is not None:  # the first name large, then whether here and the whole name
        name = Content(tile.name).stylize("" if tile.here else "$text-muted")
        body = [*solid(rows, name_style).split("\n"), Content.assemble(mark, "   ", name, why)]
    else:
        body = [Content.styled(tile.name, f"bold {name_style}"), Content.assemble(mark, why)]
    if picked:
        border = "bold $accent"
        body[-1] = Content.assemble(("▶ ", "bold $accent"), body[-1])
    edges = "┏━┓┃┗┛" if picked else "╭─╮│╰╯"
    top = Content.styled(edges[0] + edges[1] * (plan.width - 2) + edges[2], border)
    lines = [top]
    for text in body:
        text = text.truncate(inner, ellipsis=True)
        lines.append(
            Content.assemble(
                (edges[3] + " ", border),
                text.pad_right(inner - text.cell_length),
                (" " + edges[3], border),
            )
        )
    above = (plan.height - len(lines) - 1) // 2  # the words in the middle of the tile
    blank = Content.assemble((edges[3], border), " " * (plan.width - 2), (edges[3], border))
    lines[1:1] = [blank] * above
    lines.extend([blank] * (plan.height - len(lines) - 1))
    lines.append(Content.styled(edges[4] + edges[1] * (plan.width - 2) + edges[5], border))
    return tuple(lines)


class NameTiles(Widget, can_focus=True):
    """Everyone's tile, a page at a time (the page with the pick); `show`, then the arrows."""

    BINDINGS = [
        Binding("up", "move(-1)", "Previous person", show=False),
        Binding("down", "move(1)", "Next person", show=False),
        Binding("left", "across(-1)", "A column left", show=False),
        Binding("right", "across(1)", "A column right", show=False),
        Binding("home", "move(-1000000000)", "First", show=False),
        Binding("end", "move(1000000000)", "Last", show=False),
    ]

    DEFAULT_CSS = """
    NameTiles { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tiles: list[NameTile] = []
        self.places: dict[str, int] = {}
        self.picked = 0
        """The picked tile, by its place."""

    def show(self, tiles: Sequence[NameTile], keep: str | None = None) -> None:
        """Everyone's tile; the pick on `keep` (else on the person it was on, else where
        it was)."""
        keep = keep or self.picked_id()
        self.tiles = list(tiles)
        self.places = {tile.member_id: at for at, tile in enumerate(self.tiles)}
        self.picked = self.places.get(keep or "", min(self.picked, max(0, len(tiles) - 1)))
        self.refresh()

    def replace_tile(self, tile: NameTile) -> None:
        """One person's tile changed (here or not): only it is redrawn."""
        self.tiles[self.places[tile.member_id]] = tile
        self.refresh()

    def picked_id(self) -> str | None:
        return self.tiles[self.picked].member_id if self.tiles else None

    def plan(self) -> TilePlan:
        width, height = self.content_size
        return plan_tiles(self.tiles, max(1, width), max(1, height))

    def action_move(self, by: int) -> None:
        if self.tiles:
            self.picked = max(0, min(len(self.tiles) - 1, self.picked + by))
            self.refresh()

    def action_across(self, by: int) -> None:
        """A column across: the same row of the next column (the last name, if shorter)."""
        self.action_move(by * self.plan().rows)

    def render(self) -> RenderResult:
        if not self.tiles:
            return Content.styled(
                "Nobody in the team yet: add people in Team set-up (F2)", "$text-muted"
            )
        plan = self.plan()
        first = self.picked // plan.per_page * plan.per_page
        shown = self.tiles[first : first + plan.per_page]
        columns = [shown[at : at + plan.rows] for at in range(0, len(shown), plan.rows)]
        drawn = [
            [
                draw_tile(tile, plan, first + c * plan.rows + r == self.picked)
                for r, tile in enumerate(column)
            ]
            for c, column in enumerate(columns)
        ]
        blank = Content(" " * plan.width)
        out: list[Content] = []
        for row in range(max(len(column) for column in drawn)):
            if row:
                out.extend(Content("") for _ in range(plan.gap))
            for line in range(plan.height):
                parts = [column[row][line] if row < len(column) else blank for column in drawn]
                out.append(Content(" " * GAP).join(parts).rstrip())
        pages = math.ceil(len(self.tiles) / plan.per_page)
        if pages > 1:
            out.append(
                Content.styled(
                    f"page {first // plan.per_page + 1} of {pages}: the arrows go on to the others",
                    "bold",
                )
            )
        return Content("\n").join(out)

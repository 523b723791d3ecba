"""The Digest screen: the digest for management as it will be written, to read over before
it goes; the period, the format and names set from the keyboard; `w` writes the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer
from textual.content import Content
from textual.widgets import Static

from huddle.core.digest import (
    FORMATS,
    build_digest,
    default_file_name,
    default_period,
    read_period,
    render,
    write_digest,
)
from huddle.core.models import HuddleError
from huddle.ui.screens.base import LiveScreen
from huddle.ui.screens.blocker_dialog import Said, SayDialog
from huddle.ui.widgets.fitting_footer import FittingFooter


class DigestScreen(LiveScreen):
    """A preview of the digest; `w` writes it to a file."""

    BINDINGS = [
        Binding("w", "write", "Write file"),
        Binding("f", "format", "Format"),
        Binding("n", "names", "Names"),
        Binding("s", "since", "Since"),
        Binding("u", "until", "Until"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    DigestScreen #digest-bar {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    DigestScreen #preview {
        height: 1fr;
        margin: 0 1;
        border: round $primary;
        padding: 0 1;
    }
    /* The digest as it will be written, its lines never wrapped again: the 76-column
       letter fits 80 columns; a wider line (csv, json) scrolls sideways. */
    DigestScreen #digest-text { width: auto; }
    DigestScreen #digest-bar Static { width: auto; }
    DigestScreen.-compact #preview { margin: 0; padding: 0; }
    DigestScreen.-compact #digest-keys { display: none; }
    """

    def __init__(self, *, directory: Path | None = None) -> None:
        super().__init__()
        self.period: tuple[date, date] | None = None
        self.format = "md"
        self.names = True
        self.directory = directory or Path.cwd()
        """Where a written digest goes unless a path is typed."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="digest-bar"):
            yield Static(id="digest-period")
            yield Static("   s since  u until  f format  n names  w write", id="digest-keys")
        with ScrollableContainer(id="preview"):
            yield Static(id="digest-text", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#preview").focus()
        self.safely(self.reload)

    def reload(self) -> None:
        store = self.store
        if self.period is None:
            self.period = default_period(store)
        since, until = self.period
        digest = build_digest(store, since, until, names=self.names)
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Huddle", "bold"),
                "  ",
                store.team.get().name or "a new team",
                "  ",
                ("Digest for management", "bold"),
            )
        )
        names = "names in" if self.names else "names left out"
        self.query_one("#digest-period", Static).update(
            Content(
                f"{since:%a} {since.day} {since:%b} to {until:%a} {until.day} {until:%b %Y},"
                f" {self.format}, {names}."
            )
        )
        # The email is previewed as its words; the file holds the whole message.
        shown = "text" if self.format == "email" else self.format
        self.query_one("#digest-text", Static).update(render(digest, shown))

    # Actions.

    def action_format(self) -> None:
        self.format = FORMATS[(FORMATS.index(self.format) + 1) % len(FORMATS)]
        self.safely(self.reload)

    def action_names(self) -> None:
        self.names = not self.names
        self.safely(self.reload)

    def action_since(self) -> None:
        self._ask_day("since")

    def action_until(self) -> None:
        self._ask_day("until")

    def _ask_day(self, which: str) -> None:
        assert self.period is not None  # noqa: S101 narrows the type; no check relies on it
        current = self.period[0] if which == "since" else self.period[1]

        def choose(said: Said) -> None:
            assert self.period is not None  # noqa: S101 narrows the type; no check relies on it
            since = said.text if which == "since" else self.period[0].isoformat()
            until = said.text if which == "until" else self.period[1].isoformat()
            self.period = read_period(self.store, since, until)

        def chosen(said: Said | None) -> None:
            if said is not None:
                self.safely(self.reload)

        self.app.push_screen(
            SayDialog(
                f"The digest's {'first' if which == 'since' else 'last'} day",
                "As you say it: last monday, 1/11, 2026-11-01, today",
                label="Day",
                who=None,
                value=current.isoformat(),
                save=choose,
            ),
            chosen,
        )

    def action_write(self) -> None:
        store = self.store
        if self.period is None:
            return
        since, until = self.period
        digest = build_digest(store, since, until, names=self.names)
        suggested = self.directory / default_file_name(digest, self.format)

        def where(said: Said) -> Path:
            path = Path(said.text).expanduser()
            return path if path.is_absolute() else self.directory / path

        def write(said: Said) -> str:
            path = where(said)
            if path.is_dir():
                raise HuddleError(f"{path} is a folder; type a file name")
            return write_digest(store, digest, self.format, str(path))

        def written(said: Said | None) -> None:
            if said is not None:
                self.notify(f"Digest written to {where(said)}", markup=False, timeout=8)

        self.app.push_screen(
            SayDialog(
                "Write the digest",
                "The file is readable by you alone; send it on as you would any email.",
                label="File",
                who=None,
                value=str(suggested),
                save=write,
            ),
            written,
        )

    def action_back(self) -> None:
        self.app.pop_screen()

"""The baseline for first paint and memory: a bare Textual app (Header, Static, Footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello bench")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()

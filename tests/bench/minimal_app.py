"""The start-up baseline: a minimal Textual app that draws one static screen, then waits.

The benchmark starts it under a pseudo-terminal exactly as it starts `python -m ntm_tui`, and
waits for the same kind of text ("19 tiêu chí, 57 chỉ tiêu") to appear on the screen.
"""
from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalApp(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("0/19 tiêu chí, 0/57 chỉ tiêu")


if __name__ == "__main__":
    MinimalApp().run()

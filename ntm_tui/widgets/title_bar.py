"""The top line of every section: "commune · year — section". One Static, in place of
Textual's Header (three widgets and an icon), which cost about a tenth of a second at start."""
from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        text-align: center;
        background: $panel;
        color: $foreground;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show, init=False)
        self.watch(self.screen, "sub_title", self._show, init=False)
        self._show()

    def _show(self, *_changed) -> None:
        sub_title = self.screen.sub_title or self.app.sub_title
        text = f"{self.app.title} — {sub_title}" if sub_title else self.app.title
        self.update(text, layout=False)  # one line, always: no layout pass needed

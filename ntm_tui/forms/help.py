"""`?`: the keys of the screen underneath, read from its active bindings so it never lies."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ntm_tui.i18n import t


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key as shown, what it does) for every binding with a description, first one wins."""
    rows: list[tuple[str, str]] = []
    seen_keys: set[str] = set()
    seen_actions: dict[str, int] = {}
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # Textual's own widget keys (cursor moves) carry English text and no id: skip them.
        if not binding.description or binding.system or not (binding.id or binding.show):
            continue
        if key in seen_keys:
            continue
        seen_keys.add(key)
        shown = app.get_key_display(binding)
        if binding.action in seen_actions:  # one line per action: "space, x"
            index = seen_actions[binding.action]
            rows[index] = (f"{rows[index][0]}, {shown}", rows[index][1])
            continue
        seen_actions[binding.action] = len(rows)
        rows.append((shown, binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", t("key_close"), id="close")]

    def __init__(self, rows: list[tuple[str, str]], title: str) -> None:
        super().__init__()
        self.rows = rows
        self.help_title = title

    @classmethod
    def for_screen(cls, screen: Screen) -> "HelpScreen":
        title = getattr(screen, "sub_title", "") or t("key_help")
        return cls(key_rows(screen), title)

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table(box=None, show_header=False, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, text in self.rows:
            table.add_row(key, text)
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static(Text(f"{t('key_help')} — {self.help_title}", style="bold"))
            yield Static(table, id="help-keys")
            yield Static(t("help_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()  # arrows scroll a long list

    def action_dismiss_help(self) -> None:
        self.dismiss(None)

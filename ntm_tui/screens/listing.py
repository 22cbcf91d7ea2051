"""Helpers the list-based section screens share: refill a table without losing the
cursor, run a change and turn a refusal into a message, find the commune shown."""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable

from db.errors import NtmError

T = TypeVar("T")

STATE_STYLES = {
    "missing": "bold red", "collected": "yellow", "checked": "green",
    "late": "bold red", "due": "bold yellow", "upcoming": "", "submitted": "green",
}


def styled(text: str, state: str) -> Text:
    return Text(text, style=STATE_STYLES.get(state, ""))


def clip(text: str, width: int) -> str:
    """Long titles cut so the columns after them stay on an 80-column screen."""
    return text if len(text) <= width else text[:width - 1] + "…"


def selected_key(table: DataTable) -> str | None:
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def fill_table(table: DataTable, rows: Iterable[tuple[str, tuple]]) -> None:
    """Replace the rows (key, cells), keeping the cursor on the same key when it is still there."""
    keep, index = selected_key(table), table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if table.row_count == 0:
        return
    try:
        index = table.get_row_index(keep) if keep is not None else index
    except Exception:  # the row is gone (filtered out or deleted): stay near where it was
        pass
    table.move_cursor(row=min(max(index, 0), table.row_count - 1))


def lang_of(screen: Screen) -> str:
    return getattr(getattr(screen.app, "ctx", None), "lang", "vi")


def run_change(screen: Screen, change: Callable[[], T], done: str = "",
               batch: str | None = None) -> T | None:
    """Run a service call. Saved: the app remembers the batch for ctrl+z, says `done` and
    refreshes. Refused (bad input, or a record another session changed): the message shows,
    never a traceback, and on a conflict the screens reload to show the other change."""
    try:
        result = change()
    except NtmError as exc:
        show_error = getattr(screen.app, "show_error", None)
        if show_error is not None:
            show_error(exc)
        else:
            screen.notify(exc.message(lang_of(screen)), severity="error")
        return None
    changed = getattr(screen.app, "changed", None)
    if changed is not None:
        changed(batch, done)
    elif done:
        screen.notify(done)
    return result


def current_commune(screen: Screen):
    """The commune the app shows, or None on a database without one."""
    from db.models import Commune

    commune_id = getattr(screen.app, "commune_id", None)
    return Commune.get_or_none(Commune.id == commune_id) if commune_id else None


class PaletteFromBindings:
    """Mixin for a section screen: each of its own key bindings is also a command in the
    palette (ctrl+p), so every action can be found by name, not only by its key."""

    def palette_commands(self):
        from textual.app import SystemCommand
        from textual.binding import Binding

        for binding in type(self).BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(binding.description, f"{self.title_text()} · {binding.key}",
                                    lambda action=binding.action: self.run_action(action))

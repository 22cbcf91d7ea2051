"""Helpers the list-based section screens share: refill a table without losing the
cursor, run a change through the one door."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable


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


def run_change(screen: Screen, change: Callable[[str], Any], done: str = "",
               then: Callable[[Any], None] | None = None) -> None:
    """Save a change through the one door (ntm_tui.workers.write): `change(batch)` calls a
    service. Saved: ctrl+z can undo it, `done` is said, every screen showing data refreshes,
    then `then(result)`. Refused: the message shows (on a conflict, the other change too)."""
    from ntm_tui.workers import write

    write(screen, change, (lambda saved: then(saved.value)) if then else None, message=done)


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

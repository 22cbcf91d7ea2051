"""Asking before a record is deleted: the confirmation names what goes.

A form of the one form base with no fields: Enter (on the focused «Xoá» button) or ctrl+s
deletes through the door (a write: ctrl+z brings it back), Esc keeps it. A refusal (something
still depends on the record) shows in the form, naming what, and nothing is deleted.
"""
from __future__ import annotations

from typing import Any, Callable

from textual.widgets import Button

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t


class ConfirmDelete(Form):
    def __init__(self, what: str, delete: Callable[[str], Any]) -> None:
        super().__init__()
        self.form_title = t("del_title")
        self.intro = t("del_question", what=what)
        self.message = t("del_done", what=what)
        self._delete = delete

    def fields(self) -> list[FormField]:
        return []

    def save(self, values: dict[str, Any], batch: str) -> Any:
        return self._delete(batch)

    def on_mount(self) -> None:
        button = self.query_one("#save", Button)
        button.label = t("btn_delete")
        button.variant = "error"
        button.focus()


def confirm_delete(screen, what: str, delete: Callable[[str], Any]) -> None:
    """Ask, then `delete(batch)` (a service call) in the door's worker."""
    screen.app.push_screen(ConfirmDelete(what, delete))


class ConfirmChange(Form):
    """Ask once before a change the data argues against (a result its value contradicts):
    Enter or ctrl+s makes it through the door, Esc leaves everything as it was."""

    def __init__(self, question: str, change: Callable[[str], Any], done: str = "",
                 after: Callable[[Any], None] | None = None) -> None:
        super().__init__()
        self.form_title = t("confirm_title")
        self.intro = question
        self.message = done
        self._change, self._after = change, after

    def fields(self) -> list[FormField]:
        return []

    def save(self, values: dict[str, Any], batch: str) -> Any:
        return self._change(batch)

    def on_mount(self) -> None:
        button = self.query_one("#save", Button)
        button.label = t("btn_yes_record")
        button.focus()

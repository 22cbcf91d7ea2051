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


class ConfirmChange(Form):
    """Ask once before a change: Enter (on the focused button) or ctrl+s makes it through the
    door, Esc leaves everything as it was; a refusal shows in the form."""

    button_label = "btn_yes_record"
    button_variant = "default"

    def __init__(self, question: str, change: Callable[[str], Any], done: str = "",
                 title: str = "") -> None:
        super().__init__()
        self.form_title = title or t("confirm_title")
        self.intro = question
        self.message = done
        self._change = change

    def fields(self) -> list[FormField]:
        return []

    def save(self, values: dict[str, Any], batch: str) -> Any:
        return self._change(batch)

    def on_mount(self) -> None:
        button = self.query_one("#save", Button)
        button.label = t(self.button_label)
        button.variant = self.button_variant
        button.focus()


class ConfirmDelete(ConfirmChange):
    """The confirmation names what goes; ctrl+z brings it back."""

    button_label = "btn_delete"
    button_variant = "error"

    def __init__(self, what: str, delete: Callable[[str], Any]) -> None:
        super().__init__(t("del_question", what=what), delete, done=t("del_done", what=what),
                         title=t("del_title"))


def confirm_delete(screen, what: str, delete: Callable[[str], Any]) -> None:
    """Ask, then `delete(batch)` (a service call) in the door's worker."""
    screen.app.push_screen(ConfirmDelete(what, delete))

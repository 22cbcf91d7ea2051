"""A one-field modal: ask for a text (an indicator code, a file location) and check or save it."""
from __future__ import annotations

from typing import Any, Callable

from textual.widgets import Button

from ntm_tui.forms.form import FieldError, Form, FormField


class TextPrompt(Form):
    """Dismisses with the text typed, or with what `check` or `save` made of it.

    `check(text)` may read the database (resolve a code to an id): it runs through the one
    door as a read, and the prompt dismisses with what it returns. `save(text, batch)` writes
    through a service: it runs through the door as a write (ctrl+z undoes it, `message` is
    said, the screens refresh) and the prompt dismisses with what it returns (else the batch).
    Either raises NtmError to refuse: the message shows under the field and the text stays."""

    def __init__(self, title: str, label: str, value: str = "",
                 check: Callable[[str], Any] | None = None, placeholder: str = "",
                 save: Callable[[str, str], Any] | None = None, message: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.message = message
        self._label, self._value, self._placeholder = label, value, placeholder
        self._check, self._save = check, save

    def fields(self) -> list[FormField]:
        return [FormField("value", self._label, value=self._value, placeholder=self._placeholder)]

    def field_of(self, error: Exception) -> str | None:
        return "value"  # one field: whatever was refused is about it

    def save(self, values: dict[str, Any], batch: str) -> Any:
        return self._save(values["value"], batch)

    def action_save(self) -> None:
        if self._save is not None:
            super().action_save()  # a write through the door
            return
        if self.query_one("#save", Button).disabled:
            return  # a check is on its way
        self.clear_errors()
        try:
            text = self.values()["value"]
        except FieldError as exc:
            self.show_error(exc.text, exc.name)
            return
        if self._check is None:
            self.dismiss(text)
            return
        from ntm_tui.workers import read

        button = self.query_one("#save", Button)
        button.disabled = True  # one check at a time

        def failed(error: Exception) -> None:
            button.disabled = False
            message = error.message(self.lang) if hasattr(error, "message") else str(error)
            self.show_error(message, "value")

        check = self._check
        read(self, lambda: check(text), self.dismiss, failed, group="prompt-check")

"""A one-field modal: ask for a text (an indicator code, a file location) and check it."""
from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult

from ntm_tui.forms.record_form import RecordForm, field_row, text_input


class TextPrompt(RecordForm):
    """Dismisses with the text typed (cleaned by `check` when given; `check` raises NtmError
    to refuse it, and the message shows inline)."""

    def __init__(self, title: str, label: str, value: str = "",
                 check: Callable[[str], str] | None = None, placeholder: str = "") -> None:
        super().__init__()
        self._title, self._label, self._value = title, label, value
        self._check, self._placeholder = check, placeholder

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        yield field_row(self._label, text_input(self._value, "value", self._placeholder))

    def save(self) -> str:
        text = self.query_one("#value").value
        return self._check(text) if self._check else text

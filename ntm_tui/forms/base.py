"""A small modal form: labelled fields, Enter or ctrl+s saves, Escape cancels.

The save runs in a thread worker through a db service; a refused input shows its message
in the form (nothing typed is lost), a saved one dismisses with the change-log batch id.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import run_db


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: list[tuple[str, str]] | None = None  # (label, value): a Select instead of an Input


class FormScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", t("key_cancel"), id="cancel"),
        Binding("ctrl+s", "save", t("key_save"), id="save"),
    ]

    form_title = ""
    intro = ""  # a line under the title (e.g. the target to reach)

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def save(self, values: dict[str, str]) -> tuple[str | None, str]:
        """Runs in a worker thread: write through a service; return (batch, message)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.form_title, classes="form-title", markup=False)
            if self.intro:
                yield Static(self.intro, classes="hint", markup=False)
            for spec in self.fields():
                yield Label(spec.label, classes="field-label", markup=False)
                if spec.choices:
                    yield Select(spec.choices, value=spec.value or spec.choices[0][1],
                                 allow_blank=False, id=f"f-{spec.name}")
                else:
                    yield Input(spec.value, placeholder=spec.placeholder, id=f"f-{spec.name}")
            yield Static("", id="form-error", classes="error", markup=False)
            yield Static(t("form_hint"), classes="hint")

    def on_mount(self) -> None:
        fields = self.query("Input, Select")
        if fields:
            fields.first().focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for widget in self.query("Input, Select"):
            if widget.id and widget.id.startswith("f-"):
                value: Any = widget.value
                out[widget.id[2:]] = "" if value is Select.BLANK else str(value)
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        values = self.values()
        self.query_one("#form-error", Static).update(t("saving"))

        def work():
            from db.errors import NtmError

            try:
                return self.save(values)
            except NtmError as exc:  # shown in the form, which stays open
                return exc

        run_db(self, work, self._saved, group="save", exclusive=True)

    def _saved(self, outcome) -> None:
        from db.errors import ConflictError, NtmError

        if isinstance(outcome, NtmError):
            self.query_one("#form-error", Static).update(outcome.message(self.app.lang))
            if isinstance(outcome, ConflictError):
                self.app.refresh_screens()
            return
        batch, message = outcome
        if message:
            self.app.notify(message, timeout=4)
        self.dismiss(batch)

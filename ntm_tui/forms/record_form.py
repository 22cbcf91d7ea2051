"""What the modal record forms share: a scrolling column of label/field rows that fits
80×24, Escape to cancel, ctrl+s (or Enter on the last field) to save, one inline error line."""
from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from db import rules
from db.errors import NtmError
from ntm_tui.i18n import t


def field_row(label: str, widget: Widget) -> Horizontal:
    return Horizontal(Label(label, classes="row-label"), widget, classes="row")


def text_input(value: str | None, field_id: str, placeholder: str = "") -> Input:
    return Input(value or "", id=field_id, placeholder=placeholder, compact=True)


def date_input(value: date | None, field_id: str) -> Input:
    return text_input(rules.format_date(value), field_id, "dd/mm/yyyy")


def optional_date(text: str) -> date | None:
    """Empty clears the date; anything else must parse (dd/mm/yyyy or yyyy-mm-dd)."""
    return rules.parse_date(text) if text.strip() else None


def selected(select: Select) -> object | None:
    return None if select.is_blank() else select.value


class RecordForm(ModalScreen[str | None]):
    """Subclasses yield their rows from `compose_fields` and implement `save` → batch id."""

    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm #dialog { width: 78; max-width: 100%; height: auto; max-height: 100%;
                         border: round $accent; background: $surface; padding: 0 1; }
    RecordForm #form-title { text-style: bold; width: 100%; }
    RecordForm #fields { height: auto; max-height: 17; }
    RecordForm .row { height: auto; margin-bottom: 0; }
    RecordForm .row-label { width: 22; padding-right: 1; }
    RecordForm .row > Input, RecordForm .row > Select { width: 1fr; }
    RecordForm SelectionList { height: auto; max-height: 8; width: 1fr; }
    RecordForm #error { color: $text-error; height: auto; }
    RecordForm #buttons { height: auto; align-horizontal: right; }
    RecordForm #buttons Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", t("key_cancel"), id="form_cancel"),
        Binding("ctrl+s", "save", t("key_save"), id="form_save"),
    ]

    def load(self, model, record_id: int | None):
        """The record being edited (None when adding); remembers its version so a save after
        another session's change is refused instead of overwriting it."""
        record = model.get_by_id(record_id) if record_id else None
        self.version = record.version if record else None
        return record

    def form_title(self) -> str:
        return ""

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def save(self) -> str:
        """Validate and write through a service; return what to dismiss with (a batch id for
        record forms). Raise NtmError on bad input: the message shows inline."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.form_title(), id="form-title")
            fields = VerticalScroll(id="fields")
            fields.can_focus = False  # focus goes to the first field; scrolling follows focus
            with fields:
                yield from self.compose_fields()
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(t("btn_save"), id="save", variant="primary", compact=True)
                yield Button(t("btn_cancel"), id="cancel", compact=True)

    @property
    def lang(self) -> str:
        return getattr(getattr(self.app, "ctx", None), "lang", "vi")

    def show_error(self, text: str) -> None:
        self.query_one("#error", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            batch = self.save()
        except NtmError as exc:  # bad input, or ConflictError: nothing was saved
            self.show_error(exc.message(self.lang))
            return
        self.dismiss(batch)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last input it saves."""
        event.stop()
        inputs = list(self.query(Input))
        if inputs and event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

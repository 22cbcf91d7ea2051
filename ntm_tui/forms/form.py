"""The one form base: a modal of declared fields that fits 80×24.

A form declares its fields (`FormField`: text, multi-line text, number, date, choice, a
checkbox, a checkbox list) and `save(values, batch)`, which calls a service and runs in a
worker through the one door (`ntm_tui.workers.write`). Values reach `save` typed: a date
field gives a `date` or None, a number field a float or None, a choice its value, a checkbox
list its chosen values. Input that cannot be typed is refused next to its field before
anything is sent; a refusal by the service shows next to its field when it names one, else
under the fields. Ctrl+s (or Enter in a one-line field) saves, Esc cancels, Tab moves
between fields; the save button stays visible whatever the form's length. A saved form
dismisses with what `save` returned.
"""
from __future__ import annotations

from dataclasses import field
from typing import Any, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, SelectionList, Static, TextArea

from db.dataclass_lite import dataclass
from ntm_tui.i18n import t
from ntm_tui.styled_once import StyledOnce
from ntm_tui.widgets.checks import BoxCheckbox, BoxSelectionList  # [x] / [ ], not colour alone
from ntm_tui.widgets.choice import Choice

KINDS = ("text", "multiline", "number", "date", "choice", "checkbox", "checks")


@dataclass
class FormField:
    name: str
    label: str
    kind: str = "text"
    value: Any = None
    choices: Sequence[tuple[str, Any]] = field(default_factory=tuple)  # (label, value)
    placeholder: str = ""
    required: bool = False
    disabled: bool = False
    blank: bool = True  # a choice may be left empty ("(chưa chọn)")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind}")


class FieldError(Exception):
    """Raised by `check` (on the UI thread) for one field: shown under it."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name, self.text = name, message


def field_row(label: str, widget: Widget) -> Horizontal:
    """A label and its field on one row (also for the settings and reports screens)."""
    return Horizontal(Label(label, classes="row-label", markup=False), widget, classes="row")


def text_input(value: str | None, field_id: str, placeholder: str = "") -> Input:
    return Input(value or "", id=field_id, placeholder=placeholder, compact=True)


def selected(choice: Choice) -> Any:
    return None if choice.is_blank() else choice.value


def _widget(spec: FormField) -> Widget:
    fid = f"f-{spec.name}"
    if spec.kind == "multiline":
        area = TextArea(str(spec.value or ""), id=fid, soft_wrap=True, show_line_numbers=False,
                        tab_behavior="focus", classes="multiline")
        area.disabled = spec.disabled
        return area
    if spec.kind == "choice":
        return Choice(spec.choices, value=spec.value, allow_blank=spec.blank, id=fid, title=spec.label,
                      prompt=t("none_chosen"), disabled=spec.disabled)
    if spec.kind == "checkbox":
        return BoxCheckbox(spec.label, bool(spec.value), id=fid, compact=True, disabled=spec.disabled)
    if spec.kind == "checks":
        chosen = set(spec.value or ())
        return BoxSelectionList[Any](*[(label, value, value in chosen) for label, value in spec.choices],
                                     id=fid, disabled=spec.disabled)
    text = spec.value
    if spec.kind == "date":
        from db.rules import format_date

        text = format_date(spec.value) if spec.value and not isinstance(spec.value, str) else spec.value
    elif spec.kind == "number" and isinstance(spec.value, (int, float)):
        from db.rules import format_number

        text = format_number(spec.value, 4)
    placeholder = spec.placeholder or ("dd/mm/yyyy" if spec.kind == "date" else "")
    return Input("" if text is None else str(text), id=fid, placeholder=placeholder, compact=True,
                 disabled=spec.disabled)


WIDE_KINDS = ("multiline", "checks")  # a title above, the field across the form's width


def _laid_out(specs: Sequence[FormField]) -> ComposeResult:
    """The fields in order: a run of one-line fields as one two-column grid (label, field),
    a text box or a list of checks under its title across the form. A grid, not a row
    container per field: a form's first visit is mostly Textual styling and laying out its
    widgets, and a container per field made it a quarter heavier (issue 16: ≤ 150 ms)."""
    pairs: list[Widget] = []
    for spec in specs:
        if spec.kind in WIDE_KINDS:
            if pairs:
                yield Container(*pairs, classes="pairs")
                pairs = []
            yield Label(spec.label, classes="field-title", markup=False)
            yield _widget(spec)
        else:
            pairs += [Label("" if spec.kind == "checkbox" else spec.label, classes="row-label", markup=False),
                      _widget(spec)]
    if pairs:
        yield Container(*pairs, classes="pairs")


FIELDS_MAX_ROWS = 16  # Form #fields' max-height


def _surely_scrolls(specs: dict[str, FormField]) -> bool:
    """The fields take more rows than their box at the least (a text box 1 + 6 rows, a list of
    checks 1 + its choices up to 8, any other 1): its scroll bar is then there from the first
    frame, not found after a first layout that drew the whole form again (the report's texts)."""
    rows = 0
    for spec in specs.values():
        if spec.kind == "multiline":
            rows += 7
        elif spec.kind == "checks":
            rows += 1 + min(8, len(spec.choices or ()))
        else:
            rows += 1
    return rows > FIELDS_MAX_ROWS


class Form(StyledOnce, ModalScreen[Any]):
    """Subclasses set `form_title` (and `intro`), and define `fields()` and `save()`."""

    DEFAULT_CSS = """
    Form { align: center middle; background: $background; }  /* opaque: nothing below to blend */
    Form #dialog { width: 78; max-width: 100%; height: auto; max-height: 100%;
                   border: round $accent; background: $surface; padding: 0 1; }
    Form #form-title { text-style: bold; width: 100%; }
    Form #form-intro { color: $text-muted; height: auto; }
    Form #fields { height: auto; max-height: 16; }
    Form #fields.-long { overflow-y: scroll; }
    Form .pairs { layout: grid; grid-size: 2; grid-columns: 22 1fr; grid-rows: auto; height: auto; }
    Form .row-label { width: 22; padding-right: 1; }
    Form .pairs > Input, Form .pairs > Choice, Form .pairs > Checkbox { width: 1fr; }
    Form #fields > TextArea { width: 1fr; height: 6; }
    Form .field-title { color: $text-muted; }
    Form SelectionList { height: auto; max-height: 8; width: 1fr; }
    Form .field-error { color: $text-error; height: auto; width: 1fr; }
    Form .-empty { display: none; }
    Form #form-error { color: $text-error; height: auto; }
    Form #buttons { height: auto; align-horizontal: right; }
    Form #buttons Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", t("key_cancel"), id="form_cancel"),
        # Not a priority binding: ctrl+s then waits behind the keys typed before it, which
        # reach the focused field first (typed fast or pasted, they are all in the field).
        Binding("ctrl+s", "save", t("key_save"), id="form_save"),
    ]

    AUTO_FOCUS = ""  # the form focuses its own first field (on_mount)
    form_title: str = ""
    intro: str = ""
    first_focus: str | None = None  # the field focused at opening (default: the first one)
    _saving = False
    message: str = ""  # said once saved (e.g. "Đã lưu.")

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> None:
        """UI-side checks across fields; raise FieldError. Runs before the worker."""

    def save(self, values: dict[str, Any], batch: str) -> Any:
        """Runs in a worker thread: write through a service with `batch`; return what the form
        dismisses with (by default the batch). Raise NtmError to refuse: nothing is saved."""
        raise NotImplementedError

    # --- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._specs = {spec.name: spec for spec in self.fields()}
        with Vertical(id="dialog"):
            yield Static(self.form_title, id="form-title", markup=False)
            if self.intro:
                yield Static(self.intro, id="form-intro", markup=False)
            scroll = VerticalScroll(id="fields", classes="-long" if _surely_scrolls(self._specs) else "")
            scroll.can_focus = False  # Tab goes to the fields; scrolling follows focus
            with scroll:
                yield from _laid_out(list(self._specs.values()))
            yield Static("", id="form-error", classes="-empty", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("btn_save"), id="save", variant="primary", compact=True)
                yield Button(t("btn_cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        """The first field focused before the form is first drawn, where it is: Textual's own
        focus (AUTO_FOCUS, or focus()) comes a frame later and centres the field, which
        scrolled the report texts' first part under its label out of sight."""
        names = [self.first_focus] if self.first_focus else []
        names += [spec.name for spec in self._specs.values() if not spec.disabled]
        if names:
            self.set_focus(self.query_one(f"#f-{names[0]}"), scroll_visible=False)

    @property
    def lang(self) -> str:
        return getattr(getattr(self.app, "ctx", None), "lang", "vi")

    # --- values -------------------------------------------------------------------------------
    def raw(self, name: str) -> Any:
        widget = self.query_one(f"#f-{name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, SelectionList):
            return list(widget.selected)
        if isinstance(widget, Choice):
            return selected(widget)
        return widget.value

    def values(self) -> dict[str, Any]:
        """The typed values; raises FieldError on the first field that cannot be typed."""
        from db import rules
        from db.errors import NtmError

        out: dict[str, Any] = {}
        for name, spec in self._specs.items():
            value = self.raw(name)
            if isinstance(value, str) and spec.kind != "multiline":
                value = value.strip()
            if spec.required and value in ("", None, []):
                raise FieldError(name, NtmError("text_required", field=spec.label).message(self.lang))
            try:
                if spec.kind == "date":
                    value = rules.parse_date(value) if value else None
                elif spec.kind == "number":
                    value = rules.parse_number(value) if value else None
            except NtmError as exc:
                raise FieldError(name, exc.message(self.lang)) from None
            out[name] = value
        return out

    # --- errors -------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for widget in self.query(".field-error, #form-error"):
            widget.update("")
        self.query(".field-error, .error-gap, #form-error").add_class("-empty")

    def show_error(self, text: str, name: str | None = None) -> None:
        """Under the field `name` when the form has it, else under the fields."""
        if name in getattr(self, "_specs", {}):
            field_widget = self.query_one(f"#f-{name}")
            widget = self._error_under(name, field_widget)
            if not field_widget.disabled:
                field_widget.focus()
        else:
            widget = self.query_one("#form-error", Static)
        widget.update(text)
        widget.remove_class("-empty")

    def _error_under(self, name: str, field_widget: Widget) -> Static:
        """The line under a field that says its error, made the first time one is said (most
        forms are saved without one): in a grid, the field's column, after an empty label."""
        found = self.query(f"#e-{name}")
        if found:
            self.query(f"#g-{name}").remove_class("-empty")  # the error itself: show_error
            return found.first(Static)
        error = Static("", id=f"e-{name}", classes="field-error", markup=False)
        box = field_widget.parent
        made = [Label("", id=f"g-{name}", classes="row-label error-gap"), error] if box.has_class("pairs") \
            else [error]
        box.mount(*made, after=field_widget)
        return error

    def field_of(self, error: Exception) -> str | None:
        """The field a service's refusal is about, when it says (params `field` or `name`)."""
        params = getattr(error, "params", {}) or {}
        for key in ("field", "name"):
            value = params.get(key)
            if value in self._specs:
                return value
            for name, spec in self._specs.items():
                if value and value == spec.label:
                    return name
        return None

    # --- actions ------------------------------------------------------------------------------
    def action_save(self) -> None:
        from ntm_tui.workers import write

        if self._saving:
            return  # one save at a time: a second ctrl+s or Enter would write twice
        self.clear_errors()
        try:
            values = self.values()
            self.check(values)
        except FieldError as exc:
            self.show_error(exc.text, exc.name)
            return
        self._saving = True
        self.query_one("#save", Button).disabled = True

        def failed(error: Exception) -> None:
            self._saving = False
            self.query_one("#save", Button).disabled = False
            name = self.field_of(error)
            params = getattr(error, "params", None) or {}
            if name and params.get("field") == name:  # said with this form's own label
                from db.messages import translate

                message = translate(error.key, self.lang, **{**params, "field": self._specs[name].label})
            else:
                message = error.message(self.lang) if hasattr(error, "message") else str(error)
            self.show_error(message, name)
            from db.errors import ConflictError

            if isinstance(error, ConflictError):
                self.app.data_changed()  # show the other session's change behind

        write(self, lambda batch: self.save(values, batch),
              lambda saved: self.dismiss(saved.batch if saved.value is None else saved.value),
              failed, message=self.message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line field saves, as ctrl+s does (Tab moves between fields)."""
        event.stop()
        self.action_save()

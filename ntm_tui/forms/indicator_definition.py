"""Editing an indicator's definition: wording, kind, target, thresholds per year and per
commune group, responsible sector, verification. Keyboard only, fits 80×24."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ntm_tui.i18n import t

KINDS = ("yesno", "absence", "percent", "amount", "compound")
OPS = (">=", "<=", "==", ">", "<")
TEXT_FIELDS = ("criterion_name", "content", "threshold", "unit", "by_year", "by_group",
               "responsible", "verified_source")


class IndicatorDefinitionForm(ModalScreen[str | None]):
    """Dismisses with the change-log batch id on save, None on Escape."""

    DEFAULT_CSS = """
    IndicatorDefinitionForm { align: center middle; }
    IndicatorDefinitionForm > Vertical {
        width: 78; max-height: 23; height: auto; border: round $accent; background: $surface;
        padding: 0 1;
    }
    IndicatorDefinitionForm #title { text-style: bold; }
    IndicatorDefinitionForm VerticalScroll { height: auto; max-height: 19; }
    IndicatorDefinitionForm .row { height: 1; }
    IndicatorDefinitionForm .row Label { width: 22; color: $text-muted; }
    IndicatorDefinitionForm .row Input, IndicatorDefinitionForm .row Select { width: 1fr; }
    IndicatorDefinitionForm .error { color: $error; height: auto; padding-left: 22; }
    IndicatorDefinitionForm .error.-empty { display: none; }
    IndicatorDefinitionForm #general.-empty { display: none; }
    IndicatorDefinitionForm #general { color: $error; height: auto; }
    IndicatorDefinitionForm #keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", t("def_cancel"), id="form_cancel"),
        Binding("ctrl+s", "save", t("def_save"), id="form_save", priority=True),
    ]

    def __init__(self, indicator_id: int) -> None:
        super().__init__()
        self.indicator_id = indicator_id
        from db.services.catalogue_edit import indicator_definition

        self.definition = indicator_definition(indicator_id)

    def compose(self) -> ComposeResult:
        from db.catalogue import format_thresholds
        from db.rules import format_number

        d = self.definition
        numeric = d.kind in ("percent", "amount")
        with Vertical():
            yield Static(t("def_title", code=d.code, set=d.set_code), id="title")
            with VerticalScroll():
                yield from self._row("criterion_name", t("def_criterion", code=d.criterion_code),
                                     Input(d.criterion_name, id="criterion_name", compact=True))
                yield from self._row("content", t("def_content"), Input(d.content, id="content", compact=True))
                yield from self._row("kind", t("def_kind"), Select(
                    [(t(f"kind_{k}"), k) for k in KINDS], value=d.kind, allow_blank=False,
                    id="kind", compact=True))
                yield from self._row("op", t("def_op"), Select(
                    [(op, op) for op in OPS], value=d.op if d.op in OPS else ">=", allow_blank=False,
                    id="op", compact=True, disabled=not numeric))
                yield from self._row("threshold", t("def_threshold"), Input(
                    "" if d.threshold is None else format_number(d.threshold, 4), id="threshold",
                    placeholder="?", compact=True, disabled=not numeric))
                yield from self._row("unit", t("def_unit"), Input(d.unit or "", id="unit", compact=True,
                                                                  disabled=not numeric))
                yield from self._row("by_year", t("def_by_year"), Input(
                    format_thresholds(d.by_year), id="by_year", placeholder=t("def_by_year_hint"), compact=True))
                yield from self._row("by_group", t("def_by_group"), Input(
                    format_thresholds(d.by_group), id="by_group", placeholder=t("def_by_group_hint"), compact=True))
                yield from self._row("responsible", t("def_responsible"),
                                     Input(d.responsible, id="responsible", compact=True))
                yield from self._row("verified", "", Checkbox(t("def_verified"), d.verified,
                                                              id="verified", compact=True))
                yield from self._row("verified_source", t("def_source"),
                                     Input(d.verified_source, id="verified_source",
                                           placeholder=t("def_source_hint"), compact=True))
            yield Static("", id="general", classes="-empty")
            yield Static(t("def_keys"), id="keys")

    def _row(self, name: str, label: str, widget) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label)
            yield widget
        yield Static("", id=f"err-{name}", classes="error -empty")

    def on_mount(self) -> None:
        self.query_one("#content", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind":
            numeric = event.value in ("percent", "amount")
            for name in ("op", "threshold", "unit"):
                self.query_one(f"#{name}").disabled = not numeric

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _show(self, errors: dict[str, str]) -> None:
        for name in (*TEXT_FIELDS, "kind", "op", "verified"):
            widget = self.query_one(f"#err-{name}", Static)
            widget.update(errors.get(name, ""))
            widget.set_class(name not in errors, "-empty")
        general = self.query_one("#general", Static)
        general.update(errors.get("general", ""))
        general.set_class("general" not in errors, "-empty")

    def _check(self) -> dict[str, str]:
        """Field by field, so each message sits under its own field."""
        from db import rules
        from db.errors import NtmError
        from db.services.catalogue_edit import parse_extra_targets

        lang = self._lang()
        errors: dict[str, str] = {}
        required = {"criterion_name": t("def_criterion", code=self.definition.criterion_code),
                    "content": t("def_content")}
        for name, label in required.items():
            if not self._value(name).strip():
                errors[name] = NtmError("text_required", field=label).message(lang)
        kind = self.query_one("#kind", Select).value
        threshold = self._value("threshold").strip()
        if kind in ("percent", "amount") and threshold not in ("", "?"):
            try:
                rules.parse_number(threshold)
            except NtmError as exc:
                errors["threshold"] = exc.message(lang)
        for name, by in (("by_year", "year"), ("by_group", "group")):
            try:
                parse_extra_targets(self._value(name), by)
            except NtmError as exc:
                errors[name] = exc.message(lang)
        if self.query_one("#verified", Checkbox).value and not self._value("verified_source").strip():
            errors["verified_source"] = NtmError("verified_source_required").message(lang)
        return errors

    def action_save(self) -> None:
        from ntm_tui.screens.base import run_db

        errors = self._check()
        self._show(errors)
        if errors:
            first = next(n for n in (*TEXT_FIELDS, "general") if n in errors)
            if first != "general":
                self.query_one(f"#{first}").focus()
            return
        d = self.definition
        kind = self.query_one("#kind", Select).value
        numeric = kind in ("percent", "amount")
        changes = dict(
            criterion_name=self._value("criterion_name"), content=self._value("content"),
            kind=kind, op=self.query_one("#op", Select).value if numeric else None,
            threshold=self._value("threshold") if numeric else None,
            unit=self._value("unit") if numeric else None,
            by_year=self._value("by_year"), by_group=self._value("by_group"),
            responsible=self._value("responsible"),
            verified=self.query_one("#verified", Checkbox).value,
            verified_source=self._value("verified_source"),
            expected_version=d.version, criterion_version=d.criterion_version)

        def work():
            from db.errors import NtmError
            from db.services.catalogue_edit import update_indicator

            try:
                return update_indicator(d.id, **changes)
            except NtmError as exc:  # shown in the form, which stays open
                return exc

        run_db(self, work, self._saved, group="save", exclusive=True)

    def _saved(self, outcome) -> None:
        from db.errors import ConflictError, NtmError

        if isinstance(outcome, NtmError):
            self._show({"general": outcome.message(self._lang())})
            if isinstance(outcome, ConflictError) and hasattr(self.app, "refresh_screens"):
                self.app.refresh_screens()
            return
        self.notify(t("def_saved", code=self.definition.code))
        self.dismiss(outcome)

    def _lang(self) -> str:
        ctx = getattr(self.app, "ctx", None)
        return getattr(ctx, "lang", "vi")

    def action_cancel(self) -> None:
        self.dismiss(None)

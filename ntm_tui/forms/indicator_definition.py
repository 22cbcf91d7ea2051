"""Editing an indicator's definition: wording, kind, target, thresholds per year and per
commune group, responsible sector, verification. Keyboard only, fits 80×24."""
from __future__ import annotations

from typing import Any

from textual.binding import Binding

from ntm_tui.forms.form import FieldError, Form, FormField
from ntm_tui.i18n import t
from ntm_tui.widgets.choice import Choice

KINDS = ("yesno", "absence", "percent", "amount", "compound")
OPS = (">=", "<=", "==", ">", "<")
NUMERIC = ("percent", "amount")


class IndicatorDefinitionForm(Form):
    BINDINGS = [Binding("ctrl+n", "skip", t("key_walk_skip"), id="walk_skip")]

    """Built from the service's IndicatorDefinition (read through the door before it opens);
    dismisses with the change-log batch id on save, None on Escape."""

    first_focus = "content"  # the criterion's name is rarely what is edited
    SKIP = "skip"  # what the form dismisses with when the walk goes on without a change

    def __init__(self, definition, step: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.definition = definition
        self.step = step  # (n, of): one of the unverified indicators walked one after another
        if step is not None:
            self.intro = t("walk_intro")

    @property
    def form_title(self) -> str:  # type: ignore[override]
        title = t("def_title", code=self.definition.code, period=self.definition.set_period)
        return f"{title} ({self.step[0]}/{self.step[1]})" if self.step else title

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.step is not None if action == "skip" else True

    def action_skip(self) -> None:
        """In a walk: the next indicator, this one as it is."""
        self.dismiss(self.SKIP)

    def message(self, _result) -> str:  # type: ignore[override]
        return t("def_saved", code=self.definition.code)

    def fields(self) -> list[FormField]:
        from db.catalogue import format_thresholds

        d = self.definition
        numeric = d.kind in NUMERIC
        return [
            FormField("criterion_name", t("def_criterion", code=d.criterion_code), value=d.criterion_name,
                      required=True),
            FormField("content", t("def_content"), value=d.content, required=True),
            FormField("kind", t("def_kind"), "choice", d.kind, [(t(f"kind_{k}"), k) for k in KINDS],
                      blank=False),
            FormField("op", t("def_op"), "choice", d.op if d.op in OPS else ">=", [(op, op) for op in OPS],
                      blank=False, disabled=not numeric),
            FormField("threshold", t("def_threshold"), "number", d.threshold, placeholder="?",
                      disabled=not numeric),
            FormField("unit", t("def_unit"), value=d.unit or "", disabled=not numeric),
            FormField("by_year", t("def_by_year"), value=format_thresholds(d.by_year),
                      placeholder=t("def_by_year_hint")),
            FormField("by_group", t("def_by_group"), value=format_thresholds(d.by_group),
                      placeholder=t("def_by_group_hint")),
            FormField("responsible", t("def_responsible"), value=d.responsible),
            FormField("verified", t("def_verified"), "checkbox", d.verified),
            FormField("verified_source", t("def_source"), value=d.verified_source,
                      placeholder=t("def_source_hint")),
        ]

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "f-kind":
            numeric = event.value in NUMERIC
            for name in ("op", "threshold", "unit"):
                self.query_one(f"#f-{name}").disabled = not numeric

    def values(self) -> dict[str, Any]:
        if self.raw("threshold").strip() == "?":  # "unknown", as the catalogue writes it
            self.query_one("#f-threshold").value = ""
        return super().values()

    def check(self, values: dict[str, Any]) -> None:
        from db.errors import NtmError
        from db.services.catalogue_edit import parse_extra_targets

        for name, by in (("by_year", "year"), ("by_group", "group")):
            try:
                parse_extra_targets(values[name], by)
            except NtmError as exc:
                raise FieldError(name, exc.message(self.lang)) from None
        if values["verified"] and not values["verified_source"]:
            raise FieldError("verified_source", NtmError("verified_source_required").message(self.lang))

    def save(self, values: dict[str, Any], batch: str):
        from db.services.catalogue_edit import update_indicator

        d = self.definition
        numeric = values["kind"] in NUMERIC
        update_indicator(
            d.id, criterion_name=values["criterion_name"], content=values["content"],
            kind=values["kind"], op=values["op"] if numeric else None,
            threshold=values["threshold"] if numeric else None,
            unit=values["unit"] if numeric else None, by_year=values["by_year"],
            by_group=values["by_group"], responsible=values["responsible"],
            verified=values["verified"], verified_source=values["verified_source"],
            expected_version=d.version, criterion_version=d.criterion_version, batch=batch)
        return batch

"""`v` and `n` on an indicator: its value (evaluated against the target) or its note."""
from __future__ import annotations

from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t
from ntm_tui.widgets.indicator_actions import result_message


class ResultForm(Form):
    """Shared by the value and note forms: which indicator, year and version were shown."""

    def __init__(self, commune_id: int, year: int, status) -> None:
        super().__init__()
        self.commune_id = commune_id
        self.year = year
        self.status = status  # db.services.status.IndicatorStatus as listed
        # A result carried from an earlier year has no row this year yet: 0 (NO_ROW_YET) refuses
        # the write if another session has written this year's row since.
        self.expected = status.result_version if status.result_year == year else 0

    def write(self, batch: str, **changes):
        from db.services.results import set_result

        return set_result(self.commune_id, self.year, self.status.code,
                          expected_version=self.expected, batch=batch, **changes)

    def message(self, view) -> str:  # type: ignore[override]
        return result_message(view, self.lang)


class ValueForm(ResultForm):
    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.status.code} / {self.year} — {t('form_value')}"

    @property
    def intro(self) -> str:  # type: ignore[override]
        return f"{self.status.content}\n{t('col_target')}: {self.status.target.describe(self.lang)}"

    def fields(self) -> list[FormField]:
        s = self.status
        if s.kind == "compound":  # one field per measured part (criterion 5, 12.1)
            return [*self._part_fields(), FormField("data_date", t("tf_data_date"), "date", s.data_date)]
        return [
            FormField("value", t("tf_value"), value=s.value or "", placeholder=t("tf_value_hint")),
            FormField("numerator", t("tf_numerator"), "number", s.numerator),
            FormField("denominator", t("tf_denominator"), "number", s.denominator),
            FormField("data_date", t("tf_data_date"), "date", s.data_date),
        ]

    def on_input_changed(self, event) -> None:
        """An amount says how it is read as it is typed ("1.234" → Đã đọc: 1.234, a thousand
        and more; "1,5" → 1,5): the thousands dot and the decimal comma are easy to mix up."""
        from db.errors import ValidationError
        from db.rules import AMOUNT, format_number, parse_number, read_amount

        if getattr(event.input, "id", "") != "f-value" or self.status.kind != AMOUNT:
            return
        from textual.widgets import Static

        text = event.value.strip()
        try:
            read = t("value_read_as", value=format_number(
                parse_number(read_amount(self.status.target, text)), thousands=True)) if text else ""
        except ValidationError:
            read = ""
        self.query_one("#form-intro", Static).update(self.intro + (f"\n{read}" if read else ""))

    def _part_fields(self) -> list[FormField]:
        from db.errors import ValidationError
        from db.rules import YESNO, format_number, parse_parts

        parts = self.status.target.parts
        try:
            now = parse_parts(parts, self.status.value or "")
        except ValidationError:  # a value from before the indicator had parts: entered again
            now = {}
        shown = {k: (("Đạt" if v else "Không đạt") if isinstance(v, bool) else format_number(v))
                 for k, v in now.items()}
        return [FormField(f"part_{n}", f"{p.key}: {p.label}" if p.label else p.key, value=shown.get(p.key, ""),
                          placeholder="Đạt/Không" if p.kind == YESNO else p.describe(self.lang))
                for n, p in enumerate(parts)]

    def save(self, values: dict[str, Any], batch: str):
        s = self.status
        if s.kind == "compound":
            parts = {p.key: values[f"part_{n}"] for n, p in enumerate(s.target.parts)}
            extra = {"data_date": values["data_date"] or ""} if values["data_date"] or s.data_date else {}
            return self.write(batch, parts=parts, **extra)
        changes: dict[str, Any] = {}
        num, den = values["numerator"], values["denominator"]
        ratio_changed = (num, den) != (s.numerator, s.denominator)
        if (num is not None or den is not None) and (ratio_changed or not values["value"]):
            changes.update(numerator=num, denominator=den)
        else:
            changes["value"] = values["value"]
            if not values["value"]:
                changes["clear_value"] = True
        if values["data_date"] or s.data_date:
            changes["data_date"] = values["data_date"] or ""
        return self.write(batch, **changes)


class NoteForm(ResultForm):
    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.status.code} / {self.year} — {t('form_note')}"

    def fields(self) -> list[FormField]:
        return [FormField("note", t("tf_note"), "multiline", self.status.note or "")]

    def save(self, values: dict[str, Any], batch: str):
        return self.write(batch, note=values["note"])

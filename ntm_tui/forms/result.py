"""`v` and `n` on an indicator: its value (evaluated against the target) or its note."""
from __future__ import annotations

from ntm_tui.forms.base import Field, FormScreen
from ntm_tui.i18n import t
from ntm_tui.widgets.indicator_actions import result_message


class ResultForm(FormScreen):
    """Shared by the value and note forms: which indicator, year and version were shown."""

    def __init__(self, commune_id: int, year: int, status) -> None:
        super().__init__()
        self.commune_id = commune_id
        self.year = year
        self.status = status  # db.services.status.IndicatorStatus as listed
        # A result carried from an earlier year has no row this year yet: 0 (NO_ROW_YET) refuses
        # the write if another session has written this year's row since.
        self.expected = status.result_version if status.result_year == year else 0

    def write(self, **changes) -> tuple[str, str]:
        from db.changelog import new_batch
        from db.models import Commune
        from db.services.results import set_result

        batch = new_batch()
        view = set_result(Commune.get_by_id(self.commune_id), self.year, self.status.code,
                          expected_version=self.expected, batch=batch, **changes)
        return batch, result_message(view, self.app.lang)


class ValueForm(ResultForm):
    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.status.code} / {self.year} — {t('form_value')}"

    @property
    def intro(self) -> str:  # type: ignore[override]
        return f"{self.status.content}\n{t('col_target')}: {self.status.target.describe(self.app.lang)}"

    def fields(self) -> list[Field]:
        from db.rules import format_date, format_number

        s = self.status
        return [
            Field("value", t("tf_value"), s.value or "", "72,5"),
            Field("numerator", t("tf_numerator"), format_number(s.numerator), ""),
            Field("denominator", t("tf_denominator"), format_number(s.denominator), ""),
            Field("data_date", t("tf_data_date"), format_date(s.data_date), "dd/mm/yyyy"),
        ]

    def save(self, values: dict[str, str]) -> tuple[str, str]:
        from db.rules import format_number

        s = self.status
        changes: dict[str, str | None] = {}
        num, den = values["numerator"].strip(), values["denominator"].strip()
        ratio_changed = (num, den) != (format_number(s.numerator), format_number(s.denominator))
        if (num or den) and (ratio_changed or not values["value"].strip()):
            changes.update(numerator=num or None, denominator=den or None)
        else:
            changes["value"] = values["value"]
            if not values["value"].strip():
                changes["clear_value"] = True  # type: ignore[assignment]
        if values["data_date"].strip() or s.data_date:
            changes["data_date"] = values["data_date"].strip()
        return self.write(**changes)


class NoteForm(ResultForm):
    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.status.code} / {self.year} — {t('form_note')}"

    def fields(self) -> list[Field]:
        return [Field("note", t("tf_note"), self.status.note or "")]

    def save(self, values: dict[str, str]) -> tuple[str, str]:
        return self.write(note=values["note"])

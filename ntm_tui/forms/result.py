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
        # A result carried from an earlier year has no row this year yet: no version to check.
        self.expected = status.result_version if status.result_year == year else None

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
        if s.kind == "compound":  # one field per measured part (criterion 5, 12.1)
            return [*self._part_fields(), Field("data_date", t("tf_data_date"), format_date(s.data_date),
                                                 "dd/mm/yyyy")]
        return [
            Field("value", t("tf_value"), s.value or "", "72,5"),
            Field("numerator", t("tf_numerator"), format_number(s.numerator), ""),
            Field("denominator", t("tf_denominator"), format_number(s.denominator), ""),
            Field("data_date", t("tf_data_date"), format_date(s.data_date), "dd/mm/yyyy"),
        ]

    def _part_fields(self) -> list[Field]:
        from db.errors import ValidationError
        from db.rules import YESNO, format_number, parse_parts

        parts = self.status.target.parts
        try:
            now = parse_parts(parts, self.status.value or "")
        except ValidationError:  # a value from before the indicator had parts: entered again
            now = {}
        shown = {k: (("Đạt" if v else "Không đạt") if isinstance(v, bool) else format_number(v))
                 for k, v in now.items()}
        return [Field(f"part_{n}", f"{p.key}: {p.label}" if p.label else p.key, shown.get(p.key, ""),
                      "Đạt/Không" if p.kind == YESNO else p.describe(self.app.lang))
                for n, p in enumerate(parts)]

    def save(self, values: dict[str, str]) -> tuple[str, str]:
        from db.rules import format_number

        s = self.status
        if s.kind == "compound":
            parts = {p.key: values[f"part_{n}"] for n, p in enumerate(s.target.parts)}
            extra = {"data_date": values["data_date"].strip()} if values["data_date"].strip() or s.data_date \
                else {}
            return self.write(parts=parts, **extra)
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

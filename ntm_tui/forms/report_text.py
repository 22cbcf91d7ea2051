"""The officer's own text of each part of a periodic report, and the template of a kind of
report: forms on the one form base."""
from __future__ import annotations

from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import get_lang, t


class ReportTextForm(Form):
    """Each part's text for one period (`db.services.report_texts.period_texts`). Part III starts
    from the targets still unmet and the next period's deadlines when nothing is written yet."""

    def __init__(self, commune_id: int, period, texts: dict, titles: dict, starting: str) -> None:
        super().__init__()
        self.commune_id, self.period, self.texts, self.titles = commune_id, period, texts, titles
        self.starting = starting
        self.message = t("rep_text_saved", period=period.text(get_lang()))

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return t("rep_text_title", period=self.period.text(get_lang()))

    @property
    def intro(self) -> str:  # type: ignore[override]
        return t("rep_text_intro")

    def fields(self) -> list[FormField]:
        out = []
        for key, title in self.titles.items():
            body = self.texts[key].body
            if not body and key == "phuong_huong":
                body = self.starting
            out.append(FormField(key, title, "multiline", body))
        return out

    def save(self, values: dict[str, Any], batch: str):
        from db.services.report_texts import save_period_texts

        versions = {key: text.version for key, text in self.texts.items()}
        return save_period_texts(self.commune_id, self.period.code, values, versions, batch=batch)


class ReportTemplateForm(Form):
    """The titles of a kind of report's parts; an empty title leaves the part out."""

    def __init__(self, commune_id: int, kind: str, titles: dict, defaults: dict) -> None:
        super().__init__()
        self.commune_id, self.kind, self.titles, self.defaults = commune_id, kind, titles, defaults
        self.message = t("rep_template_saved")

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return t("rep_template_title", kind=t("rep_period_kind_" + self.kind))

    @property
    def intro(self) -> str:  # type: ignore[override]
        return t("rep_template_intro")

    def fields(self) -> list[FormField]:
        return [FormField(key, default, value=self.titles.get(key, ""))
                for key, default in self.defaults.items()]

    def save(self, values: dict[str, Any], batch: str):
        from db.services.report_texts import save_template

        return save_template(self.commune_id, self.kind, values)

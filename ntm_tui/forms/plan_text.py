"""The plan's own text, part by part, and the document's own fields: forms on the one form base."""
from __future__ import annotations

from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t

# Parts whose title the document prints (II.1, II.2, II.3, III.1–III.4): the officer may retitle them.
TITLED = ("II.", "III.")


class PlanSectionForm(Form):
    """One part of the year's plan (a `db.services.plans.SectionView`)."""

    def __init__(self, commune_id: int, year: int, section) -> None:
        super().__init__()
        self.commune_id, self.year, self.section = commune_id, year, section
        self.message = t("plan_saved_year", year=year)

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{t('plan_doc_title', year=self.year)} — {t('plan_part_' + self.section.key)}"

    @property
    def intro(self) -> str:  # type: ignore[override]
        return t("plan_part_hint_" + self.section.key) if self.section.key in ("can_cu", "yeu_cau", "che_do",
                                                                                "ket_thuc") else ""

    def fields(self) -> list[FormField]:
        out = []
        if self.section.place.startswith(TITLED):
            out.append(FormField("title", t("plan_f_title"), value=self.section.title, required=True))
        out.append(FormField("body", t("plan_f_body"), "multiline", self.section.body))
        return out

    def save(self, values: dict[str, Any], batch: str):
        from db.services.plans import save_plan_section

        return save_plan_section(self.commune_id, self.year, self.section.key, values["body"],
                                 title=values.get("title"), expected_version=self.section.version,
                                 batch=batch)


class PlanDocumentForm(Form):
    """The document's own fields (a `db.services.plans.PlanDocument`)."""

    def __init__(self, commune_id: int, year: int, document) -> None:
        super().__init__()
        self.commune_id, self.year, self.document = commune_id, year, document
        self.message = t("plan_saved_year", year=year)

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return t("plan_doc_fields_title", year=self.year)

    def fields(self) -> list[FormField]:
        d = self.document
        return [
            FormField("parent_body", t("plan_f_parent_body"), value=d.parent_body),
            FormField("issuer", t("plan_f_issuer"), value=d.issuer),
            FormField("number", t("plan_f_number"), value=d.number, placeholder="31/KH-UBND"),
            FormField("place", t("plan_f_place"), value=d.place),
            FormField("date", t("plan_f_date"), "date", d.date),
            FormField("title", t("plan_f_subject"), value=d.title),
            FormField("authority", t("plan_f_authority"), value=d.authority, placeholder="KT. CHỦ TỊCH"),
            FormField("position", t("plan_f_position"), value=d.position, placeholder="PHÓ CHỦ TỊCH"),
            FormField("name", t("plan_f_name"), value=d.name),
            FormField("recipients", t("plan_f_recipients"), "multiline", "\n".join(d.recipients)),
        ]

    def save(self, values: dict[str, Any], batch: str):
        from db.services.plans import save_plan_document

        values = dict(values)
        values["recipients"] = [line for line in values["recipients"].splitlines() if line.strip()]
        return save_plan_document(self.commune_id, self.year, values, expected_version=self.document.version,
                                  batch=batch)

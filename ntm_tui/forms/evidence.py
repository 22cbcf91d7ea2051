"""Add or edit one evidence item (hồ sơ minh chứng) of an indicator for a year."""
from __future__ import annotations

from typing import Any, Callable

from textual.dom import DOMNode

from db.services.evidence import EVIDENCE_STATUSES
from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t

TEXT_FIELDS = ("title", "doc_number", "issuer", "location", "note")
DATE_FIELDS = ("doc_date", "evidence_date", "status_date", "expiry_date")


class EvidenceForm(Form):
    """Shows an evidence.EvidenceFormData, loaded by the caller (`open_evidence_form`)."""

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data
        self.item = data.item  # an EvidenceView when editing, None when adding

    @property
    def form_title(self) -> str:  # type: ignore[override]
        key = "evidence_edit_title" if self.item else "evidence_add_title"
        return t(key, code=self.data.indicator_code, year=self.data.year)

    @property
    def message(self) -> str:  # type: ignore[override]
        return t("saved")

    def fields(self) -> list[FormField]:
        item = self.item

        def value(name: str):
            return getattr(item, name) if item else None

        return [
            FormField("title", t("f_title"), value=value("title")),
            FormField("doc_number", t("f_doc_number"), value=value("doc_number"),
                      placeholder="vd. 12/QĐ-UBND"),
            FormField("doc_date", t("f_doc_date"), "date", value("doc_date")),
            FormField("issuer", t("f_issuer"), value=value("issuer")),
            FormField("evidence_date", t("f_evidence_date"), "date", value("evidence_date")),
            FormField("location", t("f_location"), value=value("location")),
            FormField("status", t("f_status"), "choice", item.status if item else "missing",
                      choices=[(t(f"ev_{s}"), s) for s in EVIDENCE_STATUSES], blank=False),
            FormField("status_date", t("f_status_date"), "date", value("status_date")),
            FormField("responsible", t("f_responsible"), "choice", value("responsible_id"),
                      choices=[(m.name, m.id) for m in self.data.members]),
            FormField("expiry_date", t("f_expiry"), "date", value("expiry_date")),
            FormField("note", t("f_note"), value=value("note")),
        ]

    def values(self) -> dict[str, Any]:
        values = super().values()
        for name in TEXT_FIELDS:
            values[name] = values[name] or ""
        values["status"] = values["status"] or "missing"
        if values["status"] != "missing" and values["status_date"] is None:
            values["status_date"] = self.app.ctx.today  # collected/checked today unless told
        return values

    def save(self, values: dict[str, Any], batch: str) -> None:
        from db.services import evidence

        d = self.data
        if self.item is None:
            evidence.add_evidence(d.commune_id, d.indicator_id, d.year, batch=batch, **values)
        else:
            evidence.update_evidence(self.item.id, expected_version=self.item.version,
                                     batch=batch, **values)


def open_evidence_form(node: DOMNode, commune_id: int, indicator_id: int, year: int,
                       item_id: int | None = None,
                       callback: Callable[[Any], None] | None = None) -> None:
    """Load the indicator (and the item when editing) through the one door, then show the
    form (dismissed with the change-log batch when saved, None on Escape)."""
    from ntm_tui.workers import read

    def load():
        from db.services.evidence import evidence_form_data

        return evidence_form_data(commune_id, indicator_id, year, item_id)

    read(node, load, lambda data: node.app.push_screen(EvidenceForm(data), callback),
         group="open-form")

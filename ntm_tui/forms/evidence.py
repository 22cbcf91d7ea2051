"""Add or edit one evidence item (hồ sơ minh chứng) of an indicator for a year."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from db.changelog import new_batch
from db.models import Commune, EvidenceItem, Indicator, Member
from db.services import evidence, people
from ntm_tui.forms.record_form import (
    RecordForm, date_input, field_row, optional_date, selected, text_input,
)
from ntm_tui.i18n import t

TEXT_FIELDS = ("title", "doc_number", "issuer", "location", "note")
DATE_FIELDS = ("doc_date", "evidence_date", "status_date", "expiry_date")


class EvidenceForm(RecordForm):
    def __init__(self, commune_id: int, indicator_id: int, year: int,
                 item_id: int | None = None) -> None:
        super().__init__()
        self.commune = Commune.get_by_id(commune_id)
        self.indicator = Indicator.get_by_id(indicator_id)
        self.year = year
        self.item = self.load(EvidenceItem, item_id)

    def form_title(self) -> str:
        key = "evidence_edit_title" if self.item else "evidence_add_title"
        return t(key, code=self.indicator.code, year=self.year)

    def compose_fields(self) -> ComposeResult:
        item = self.item
        members = [(m.name, m.id) for m in people.list_members(self.commune)]
        statuses = [(t(f"ev_{s}"), s) for s in evidence.EVIDENCE_STATUSES]
        yield field_row(t("f_title"), text_input(item and item.title, "title"))
        yield field_row(t("f_doc_number"), text_input(item and item.doc_number, "doc_number",
                                                      "vd. 12/QĐ-UBND"))
        yield field_row(t("f_doc_date"), date_input(item and item.doc_date, "doc_date"))
        yield field_row(t("f_issuer"), text_input(item and item.issuer, "issuer"))
        yield field_row(t("f_evidence_date"), date_input(item and item.evidence_date, "evidence_date"))
        yield field_row(t("f_location"), text_input(item and item.location, "location"))
        yield field_row(t("f_status"), Select(statuses, allow_blank=False, id="status", compact=True,
                                              value=item.status if item else "missing"))
        yield field_row(t("f_status_date"), date_input(item and item.status_date, "status_date"))
        yield field_row(t("f_responsible"), Select(
            members, prompt=t("none_chosen"), id="responsible", compact=True,
            value=item.responsible_id if item and item.responsible_id else Select.NULL))
        yield field_row(t("f_expiry"), date_input(item and item.expiry_date, "expiry_date"))
        yield field_row(t("f_note"), text_input(item and item.note, "note"))

    def collect(self) -> dict:
        """The typed values, dates parsed: a bad date raises ValidationError before any write."""
        values: dict[str, object] = {n: self.query_one(f"#{n}", Input).value for n in TEXT_FIELDS}
        for name in DATE_FIELDS:
            values[name] = optional_date(self.query_one(f"#{name}", Input).value)
        values["status"] = selected(self.query_one("#status", Select)) or "missing"
        if values["status"] != "missing" and values["status_date"] is None:
            values["status_date"] = self.app.ctx.today  # collected/checked today unless told
        responsible = selected(self.query_one("#responsible", Select))
        values["responsible"] = Member.get_by_id(responsible) if responsible else None
        return values

    def save(self) -> str:
        values = self.collect()
        batch = new_batch()
        if self.item is None:
            evidence.add_evidence(self.commune, self.indicator, self.year, batch=batch, **values)
        else:
            evidence.update_evidence(self.item.id, expected_version=self.version, batch=batch,
                                     **values)
        return batch

"""Who leads a criterion (or an indicator) and which units support it."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Select, SelectionList

from db.changelog import new_batch
from db.models import Assignment, AssignmentSupport, Commune, Criterion, Indicator, Member, Unit
from db.services import people
from ntm_tui.forms.record_form import RecordForm, field_row, selected
from ntm_tui.i18n import t


class AssignmentForm(RecordForm):
    def __init__(self, commune_id: int, criterion_id: int, indicator_id: int | None = None) -> None:
        super().__init__()
        self.commune = Commune.get_by_id(commune_id)
        self.criterion = Criterion.get_by_id(criterion_id)
        self.indicator = Indicator.get_by_id(indicator_id) if indicator_id else None
        self.current = Assignment.get_or_none(
            (Assignment.commune == self.commune) & (Assignment.criterion == self.criterion)
            & (Assignment.indicator == self.indicator if self.indicator
               else Assignment.indicator.is_null()))
        # The version seen now: a save after another session's change is refused.
        self.version = self.current.version if self.current else None

    def form_title(self) -> str:
        if self.indicator:
            return t("assign_title_indicator", code=self.indicator.code,
                     name=self.indicator.content[:40])
        return t("assign_title_criterion", code=self.criterion.code, name=self.criterion.name)

    def compose_fields(self) -> ComposeResult:
        members = people.list_members(self.commune)
        lead_id = self.current.lead_id if self.current else None
        options = [(f"{m.name} — {m.position}" if m.position else m.name, m.id) for m in members]
        yield field_row(t("f_lead"), Select(options, prompt=t("none_chosen"), id="lead", compact=True,
                                            value=lead_id if lead_id else Select.NULL))
        held = ({s.unit_id for s in AssignmentSupport.select()
                 .where(AssignmentSupport.assignment == self.current)} if self.current else set())
        units = [(u.name, u.id, u.id in held) for u in people.list_units(self.commune)]
        yield Label(f"{t('f_supports')} {t('f_supports_hint')}")
        yield SelectionList[int](*units, id="supports")

    def save(self) -> str:
        lead_id = selected(self.query_one("#lead", Select))
        unit_ids = self.query_one("#supports", SelectionList).selected
        batch = new_batch()
        people.assign(self.commune, self.criterion, self.indicator,
                      lead=Member.get_by_id(lead_id) if lead_id else None,
                      supports=list(Unit.select().where(Unit.id.in_(unit_ids))),
                      expected_version=self.version, batch=batch)
        return batch

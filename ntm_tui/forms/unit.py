"""Add or edit a unit: a department, a mass organisation, a hamlet's development board."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from db.changelog import new_batch
from db.models import Commune, Unit
from db.services import people
from ntm_tui.forms.record_form import RecordForm, field_row, selected, text_input
from ntm_tui.i18n import t


class UnitForm(RecordForm):
    def __init__(self, commune_id: int, unit_id: int | None = None) -> None:
        super().__init__()
        self.commune = Commune.get_by_id(commune_id)
        self.unit = self.load(Unit, unit_id)

    def form_title(self) -> str:
        return t("unit_edit_title", name=self.unit.name) if self.unit else t("unit_add_title")

    def compose_fields(self) -> ComposeResult:
        kinds = [(t(f"unit_{k}"), k) for k in people.UNIT_KINDS]
        yield field_row(t("f_name"), text_input(self.unit and self.unit.name, "name"))
        yield field_row(t("f_unit_kind"), Select(kinds, allow_blank=False, id="kind", compact=True,
                                                 value=self.unit.kind if self.unit else "department"))

    def save(self) -> str:
        name = self.query_one("#name", Input).value
        kind = selected(self.query_one("#kind", Select)) or "department"
        batch = new_batch()
        if self.unit is None:
            people.add_unit(self.commune, name, kind, batch=batch)
        else:
            people.update_unit(self.unit.id, expected_version=self.version, batch=batch,
                               name=name, kind=kind)
        return batch

"""Add or edit a unit: a department, a mass organisation, a hamlet's development board."""
from __future__ import annotations

from typing import Any

from db.services.people import UNIT_KINDS
from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t


class UnitForm(Form):
    """`unit` (a people.UnitView) when editing, None when adding."""

    def __init__(self, commune_id: int, unit=None) -> None:
        super().__init__()
        self.commune_id = commune_id
        self.unit = unit

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return t("unit_edit_title", name=self.unit.name) if self.unit else t("unit_add_title")

    @property
    def message(self) -> str:  # type: ignore[override]
        return t("saved")

    def fields(self) -> list[FormField]:
        u = self.unit
        return [
            FormField("name", t("f_unit_name"), value=u and u.name, required=True),
            FormField("kind", t("f_unit_kind"), "choice", u.kind if u else "department",
                      choices=[(t(f"unit_{k}"), k) for k in UNIT_KINDS], blank=False),
        ]

    def save(self, values: dict[str, Any], batch: str) -> None:
        from db.services import people

        kind = values["kind"] or "department"
        if self.unit is None:
            people.add_unit(self.commune_id, values["name"], kind, batch=batch)
        else:
            people.update_unit(self.unit.id, expected_version=self.unit.version, batch=batch,
                               name=values["name"], kind=kind)

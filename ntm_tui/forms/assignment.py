"""Who leads a criterion (or an indicator) and which units support it."""
from __future__ import annotations

from typing import Any, Callable

from textual.dom import DOMNode

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t


class AssignmentForm(Form):
    """Shows a people.AssignmentFormData, loaded by the caller (`open_assignment_form`);
    saves against the version it carries, so a change by another session meanwhile is refused."""

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data

    @property
    def form_title(self) -> str:  # type: ignore[override]
        d = self.data
        if d.indicator_id:
            return t("assign_title_indicator", code=d.indicator_code,
                     name=(d.indicator_content or "")[:40])
        return t("assign_title_criterion", code=d.criterion_code, name=d.criterion_name)

    @property
    def message(self) -> str:  # type: ignore[override]
        return t("saved")

    def fields(self) -> list[FormField]:
        d = self.data
        members = [(f"{m.name} — {m.position}" if m.position else m.name, m.id) for m in d.members]
        return [
            FormField("lead", t("f_lead"), "choice", d.lead_id, choices=members),
            FormField("supports", f"{t('f_supports')} {t('f_supports_hint')}", "checks",
                      sorted(d.held_unit_ids), choices=[(u.name, u.id) for u in d.units]),
        ]

    def save(self, values: dict[str, Any], batch: str) -> None:
        from db.services import people

        d = self.data
        people.assign(d.commune_id, d.criterion_id, d.indicator_id, lead=values["lead"],
                      supports=list(values["supports"]), expected_version=d.version, batch=batch)


def open_assignment_form(node: DOMNode, commune_id: int, criterion_id: int,
                         indicator_id: int | None = None,
                         callback: Callable[[Any], None] | None = None) -> None:
    """Load the assignment through the one door, then show the form (dismissed with the
    change-log batch when saved, None on Escape)."""
    from ntm_tui.workers import read

    def load():
        from db.services.people import assignment_form_data

        return assignment_form_data(commune_id, criterion_id, indicator_id)

    read(node, load, lambda data: node.app.push_screen(AssignmentForm(data), callback),
         group="open-form")

"""Add or edit a board member (name, position, unit, board role, phone, login)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from db.changelog import new_batch
from db.models import Commune, Member, Unit
from db.services import people
from ntm_tui.forms.record_form import RecordForm, field_row, selected, text_input
from ntm_tui.i18n import t

TEXT_FIELDS = ("name", "position", "board_role", "phone", "login")


class MemberForm(RecordForm):
    def __init__(self, commune_id: int, member_id: int | None = None) -> None:
        super().__init__()
        self.commune = Commune.get_by_id(commune_id)
        self.member = self.load(Member, member_id)

    def form_title(self) -> str:
        return t("member_edit_title", name=self.member.name) if self.member else t("member_add_title")

    def compose_fields(self) -> ComposeResult:
        m = self.member
        units = [(u.name, u.id) for u in people.list_units(self.commune)]
        yield field_row(t("f_name"), text_input(m and m.name, "name"))
        yield field_row(t("f_position"), text_input(m and m.position, "position",
                                                    t("f_position_hint")))
        yield field_row(t("f_unit"), Select(units, prompt=t("none_chosen"), id="unit", compact=True,
                                            value=m.unit_id if m and m.unit_id else Select.NULL))
        yield field_row(t("f_board_role"), text_input(m and m.board_role, "board_role",
                                                      t("f_board_role_hint")))
        yield field_row(t("f_phone"), text_input(m and m.phone, "phone"))
        yield field_row(t("f_login"), text_input(m and m.login, "login", t("f_login_hint")))

    def save(self) -> str:
        values: dict[str, object] = {n: self.query_one(f"#{n}", Input).value for n in TEXT_FIELDS}
        unit_id = selected(self.query_one("#unit", Select))
        values["unit"] = Unit.get_by_id(unit_id) if unit_id else None
        batch = new_batch()
        if self.member is None:
            people.add_member(self.commune, batch=batch, **values)
        else:
            people.update_member(self.member.id, expected_version=self.version, batch=batch, **values)
        return batch

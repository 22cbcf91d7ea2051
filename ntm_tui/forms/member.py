"""Add or edit a board member (name, position, unit, board role, phone, login)."""
from __future__ import annotations

from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t

TEXT_FIELDS = ("name", "position", "board_role", "phone", "login")


class MemberForm(Form):
    """`member` (a people.MemberView) when editing, None when adding; `units` (UnitViews) to
    choose from. Both were loaded by the caller: the form reads nothing."""

    def __init__(self, commune_id: int, units: list, member=None) -> None:
        super().__init__()
        self.commune_id = commune_id
        self.units = list(units)
        self.member = member

    @property
    def form_title(self) -> str:  # type: ignore[override]
        m = self.member
        return t("member_edit_title", name=m.name) if m else t("member_add_title")

    @property
    def message(self) -> str:  # type: ignore[override]
        return t("saved")

    def fields(self) -> list[FormField]:
        m = self.member
        return [
            FormField("name", t("f_member_name"), value=m and m.name, required=True),
            FormField("position", t("f_position"), value=m and m.position,
                      placeholder=t("f_position_hint")),
            FormField("unit", t("f_unit"), "choice", m and m.unit_id,
                      choices=[(u.name, u.id) for u in self.units]),
            FormField("board_role", t("f_board_role"), value=m and m.board_role,
                      placeholder=t("f_board_role_hint")),
            FormField("phone", t("f_phone"), value=m and m.phone),
            FormField("login", t("f_login"), value=m and m.login, placeholder=t("f_login_hint")),
        ]

    def save(self, values: dict[str, Any], batch: str) -> None:
        from db.services import people

        changes = {name: values[name] or "" for name in TEXT_FIELDS}
        changes["unit"] = values["unit"]  # a unit id, or None
        if self.member is None:
            people.add_member(self.commune_id, batch=batch, **changes)
        else:
            people.update_member(self.member.id, expected_version=self.member.version,
                                 batch=batch, **changes)

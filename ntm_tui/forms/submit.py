"""Mark a deadline done: the day the report was sent (today unless said otherwise) and,
optionally, the file that was sent."""
from __future__ import annotations

from datetime import date
from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t


class SubmitForm(Form):
    """`view` is the deadline (a deadlines.DeadlineView); `file_path` the export to offer."""

    def __init__(self, view, today: date, file_path: str = "") -> None:
        super().__init__()
        self.view, self.today, self.file_path = view, today, file_path
        self.form_title = t("cal_submit_title", title=view.title)
        self.message = t("cal_done", title=view.title)

    def fields(self) -> list[FormField]:
        return [
            FormField("on", t("f_submitted_on"), "date", value=self.today, required=True),
            FormField("file_path", t("f_report_file"), value=self.file_path,
                      placeholder=t("f_report_file_hint")),
        ]

    def save(self, values: dict[str, Any], batch: str) -> Any:
        from db.services import deadlines

        return deadlines.submit(self.view.id, on=values["on"], file_path=values["file_path"] or "",
                                expected_version=self.view.version, today=self.today, batch=batch)

    def field_of(self, error: Exception) -> str | None:
        key = getattr(error, "key", "")
        if key == "submit_in_future":
            return "on"
        if key in ("file_not_found", "text_too_long"):
            return "file_path"
        return super().field_of(error)

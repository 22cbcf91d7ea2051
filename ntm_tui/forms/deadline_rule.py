"""The form of one deadline rule (add or edit), saved through the one door."""
from __future__ import annotations

from datetime import date
from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import t

NUMBER_FIELDS = ("due_day", "due_month", "latest_day", "latest_month")


class DeadlineRuleForm(Form):
    """Adds a rule to the commune, or edits `rule` (a RuleView) against the version shown.
    The service checks the values (a bad one keeps the form open, with the message under the
    field it is about); the deadlines not yet recorded follow the rule from `today` on.
    Dismisses with the saved RuleView."""

    def __init__(self, commune_id: int, today: date, rule=None) -> None:
        super().__init__()
        self.commune_id = commune_id
        self.today = today
        self.rule = rule

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return t("dl_form_rule_edit" if self.rule else "dl_form_rule_new")

    def message(self, view) -> str:  # type: ignore[override]
        return t("dl_rule_saved", title=view.title)

    def fields(self) -> list[FormField]:
        from db.services.deadline_rules import FREQUENCIES, RULE_KINDS

        rule = self.rule
        out = [
            FormField("title", t("dl_field_title"), value=rule.title if rule else ""),
            FormField("kind", t("dl_field_kind"), "choice", rule.kind if rule else "custom",
                      choices=[(t(f"dl_kind_{k}"), k) for k in RULE_KINDS], blank=False),
            FormField("frequency", t("dl_field_frequency"), "choice",
                      rule.frequency if rule else "quarterly",
                      choices=[(t(f"dl_freq_{f}"), f) for f in FREQUENCIES], blank=False),
        ]
        for name in NUMBER_FIELDS:  # whole numbers, checked by the service (checked_rule)
            value = getattr(rule, name) if rule else None
            out.append(FormField(name, t(f"dl_field_{name}"), value="" if value is None else str(value)))
        return out

    def field_of(self, error: Exception) -> str | None:
        """The service names the number fields in both languages (FIELD_NAMES)."""
        from db.services.deadline_rules import FIELD_NAMES

        named = (getattr(error, "params", {}) or {}).get("field")
        for name, words in FIELD_NAMES.items():
            if named == words:
                return name
        return super().field_of(error)

    def save(self, values: dict[str, Any], batch: str):
        from db.services.deadline_rules import add_rule, edit_rule

        if self.rule is None:
            return add_rule(self.commune_id, self.today, batch=batch, **values)
        return edit_rule(self.rule.id, self.today, expected_version=self.rule.version,
                         batch=batch, **values)

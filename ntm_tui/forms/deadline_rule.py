"""The form of one deadline rule (add or edit): a modal that returns the fields, or None."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ntm_tui.i18n import t

NUMBER_FIELDS = ("due_day", "due_month", "latest_day", "latest_month")


class DeadlineRuleForm(ModalScreen[dict | None]):
    """Esc cancels, ctrl+s (or the button) saves. Checked here so a bad value keeps the form open."""

    DEFAULT_CSS = """
    DeadlineRuleForm { align: center middle; }
    DeadlineRuleForm > VerticalScroll { width: 72; max-height: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1; }
    DeadlineRuleForm Label { margin-top: 1; }
    DeadlineRuleForm #error { color: $error; margin-top: 1; }
    DeadlineRuleForm Horizontal { height: auto; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", t("dl_form_cancel"), id="rule_form_cancel"),
        Binding("ctrl+s", "save", t("dl_form_save"), id="rule_form_save"),
    ]

    def __init__(self, rule=None) -> None:
        super().__init__()
        self.rule = rule  # a RuleView when editing

    def compose(self) -> ComposeResult:
        from db.services.deadline_rules import FREQUENCIES, RULE_KINDS

        rule = self.rule
        with VerticalScroll():
            yield Static(t("dl_form_rule_edit" if rule else "dl_form_rule_new"), classes="title")
            yield Label(t("dl_field_title"))
            yield Input(rule.title if rule else "", id="title")
            yield Label(t("dl_field_kind"))
            yield Select([(t(f"dl_kind_{k}"), k) for k in RULE_KINDS], allow_blank=False,
                         value=rule.kind if rule else "custom", id="kind")
            yield Label(t("dl_field_frequency"))
            yield Select([(t(f"dl_freq_{f}"), f) for f in FREQUENCIES], allow_blank=False,
                         value=rule.frequency if rule else "quarterly", id="frequency")
            for name in NUMBER_FIELDS:
                value = getattr(rule, name) if rule else None
                yield Label(t(f"dl_field_{name}"))
                yield Input("" if value is None else str(value), id=name, type="integer")
            yield Static("", id="error")
            with Horizontal():
                yield Button(t("dl_form_save"), variant="primary", id="save")
                yield Button(t("dl_form_cancel"), id="cancel")

    def values(self) -> dict:
        out = {name: self.query_one(f"#{name}", Input).value for name in ("title", *NUMBER_FIELDS)}
        out["kind"] = self.query_one("#kind", Select).value
        out["frequency"] = self.query_one("#frequency", Select).value
        return out

    def action_save(self) -> None:
        from db.errors import NtmError
        from db.services.deadline_rules import checked_rule

        try:
            values = checked_rule(self.values())
        except NtmError as exc:
            self.query_one("#error", Static).update(exc.message(self.app.ctx.lang))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

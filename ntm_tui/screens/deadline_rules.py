"""The deadline rules of the commune: list, add, edit, switch off. Opened from the Lịch screen."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ntm_tui.i18n import t
from ntm_tui.i18n.calendar import describe_when
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


class DeadlineRulesScreen(Screen):
    """Changing a rule moves every deadline of it not yet recorded, in any year; recorded ones stay."""

    BINDINGS = [
        Binding("a", "add_rule", t("dl_rules_add"), id="rules_add"),
        Binding("e", "edit_rule", t("dl_rules_edit"), id="rules_edit"),
        Binding("d", "toggle_rule", t("dl_rules_toggle"), id="rules_toggle"),
        Binding("escape", "app.pop_screen", t("dl_rules_back"), id="rules_back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rules: list = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("dl_rules_title"), id="rules-title")
        yield DataTable(id="rules", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#rules", DataTable)
        table.add_columns(t("dl_col_rule"), t("dl_col_frequency"), t("dl_col_when"), t("dl_col_active"))
        self.refresh_data()

    def _commune(self):
        from db.models import Commune

        return Commune.get_by_id(self.app.commune_id)

    def refresh_data(self, keep: int | None = None) -> None:
        from db.services.deadline_rules import list_rules

        table = self.query_one("#rules", DataTable)
        row = table.cursor_row
        table.clear()
        self.rules = list_rules(self._commune()) if self.app.commune_id is not None else []
        for rule in self.rules:
            table.add_row(rule.title, t(f"dl_freq_{rule.frequency}"), describe_when(rule),
                          t("dl_yes") if rule.active else t("dl_no"), key=str(rule.id))
        if keep is not None:
            row = next((n for n, r in enumerate(self.rules) if r.id == keep), row)
        if self.rules:
            table.move_cursor(row=min(max(row, 0), len(self.rules) - 1))

    def current(self):
        table = self.query_one("#rules", DataTable)
        if not self.rules:
            return None
        return self.rules[min(table.cursor_row, len(self.rules) - 1)]

    def _run(self, change) -> None:
        """Call a service; a refusal (say, a conflict with another session) is shown, not raised."""
        from db.errors import NtmError

        try:
            view = change()
        except NtmError as exc:
            self.app.show_error(exc)  # a conflict also refreshes the screens
            self.refresh_data()
            return
        self.notify(t("dl_rule_saved", title=view.title))
        self.refresh_data(keep=view.id)

    def action_add_rule(self) -> None:
        from ntm_tui.forms.deadline_rule import DeadlineRuleForm

        if self.app.commune_id is None:
            return

        def saved(values: dict | None) -> None:
            from db.services.deadline_rules import add_rule

            if values:
                self._run(lambda: add_rule(self._commune(), self.app.ctx.today, **values))
        self.app.push_screen(DeadlineRuleForm(), saved)

    def action_edit_rule(self) -> None:
        from ntm_tui.forms.deadline_rule import DeadlineRuleForm

        rule = self.current()
        if rule is None:
            return

        def saved(values: dict | None) -> None:
            from db.services.deadline_rules import edit_rule

            if values:
                self._run(lambda: edit_rule(rule.id, self.app.ctx.today,
                                            expected_version=rule.version, **values))
        self.app.push_screen(DeadlineRuleForm(rule), saved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_rule()  # Enter on a row: the table consumes the key, so edit from here

    def action_toggle_rule(self) -> None:
        from db.services.deadline_rules import set_rule_active

        rule = self.current()
        if rule is not None:
            self._run(lambda: set_rule_active(rule.id, not rule.active, self.app.ctx.today,
                                              expected_version=rule.version))

"""The deadline rules of the commune: list, add, edit, switch off. Opened from the Lịch screen."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ntm_tui.i18n import t
from ntm_tui.i18n.calendar import describe_when
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar
from ntm_tui.workers import DataChanged, read, write


class DeadlineRulesScreen(Screen):
    """Changing a rule moves every deadline of it not yet recorded, in any year; recorded ones stay."""

    BINDINGS = [
        Binding("a", "add_rule", t("dl_rules_add"), id="rules_add"),
        Binding("e", "edit_rule", t("dl_rules_edit"), id="rules_edit"),
        Binding("d", "toggle_rule", t("dl_rules_toggle"), id="rules_toggle"),
        Binding("delete", "delete_rule", t("dl_rules_delete"), id="rules_delete"),
        Binding("slash", "find", t("dl_rules_find"), id="rules_find"),
        Binding("escape", "back", t("dl_rules_back"), id="rules_back"),
    ]
    AUTO_FOCUS = "#rules"  # the find line is hidden until `/`
    DEFAULT_CSS = """
    DeadlineRulesScreen #rules-find { display: none; }
    DeadlineRulesScreen #rules-find.-shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.rules: list = []  # the commune's rules
        self.shown: list = []  # those the find line lets through, in the table's order
        self.keep: int | None = None  # the rule the cursor goes to at the next load

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("dl_rules_title"), id="rules-title")
        yield Input(placeholder=t("dl_rules_find_hint"), id="rules-find", compact=True)
        yield DataTable(id="rules", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#rules", DataTable)
        # Fixed widths: the long "when" column pushed on/off off an 80-column screen.
        for key, width in (("dl_col_rule", 20), ("dl_col_frequency", 11), ("dl_col_when", 26),
                           ("dl_col_active", 9)):
            table.add_column(t(key), width=width)
        self.refresh_data()

    def on_data_changed(self, event: DataChanged) -> None:
        """The one change signal: a rule saved here or anything saved by another session."""
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the rules again, through the one door (never on the UI thread)."""
        commune_id = self.app.commune_id

        def load():
            from db.services.deadline_rules import list_rules

            return list_rules(commune_id) if commune_id is not None else []

        read(self, load, self._loaded, group="load")

    def _loaded(self, rules: list) -> None:
        self.rules = rules
        self._fill()

    def _fill(self) -> None:
        """The rules the find line lets through: every word in the title or the when, accents
        and case ignored."""
        from db.text import fold

        table = self.query_one("#rules", DataTable)
        row = table.cursor_row
        table.clear()
        words = fold(self.query_one("#rules-find", Input).value).split()
        self.shown = [r for r in self.rules
                      if all(w in fold(f"{r.title} {describe_when(r)}") for w in words)]
        for rule in self.shown:
            table.add_row(rule.title, t(f"dl_freq_{rule.frequency}"), describe_when(rule),
                          t("dl_yes") if rule.active else t("dl_no"), key=str(rule.id))
        if self.keep is not None:
            row = next((n for n, r in enumerate(self.shown) if r.id == self.keep), row)
            self.keep = None
        if self.shown:
            table.move_cursor(row=min(max(row, 0), len(self.shown) - 1))

    def current(self):
        table = self.query_one("#rules", DataTable)
        if not self.shown:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    def action_find(self) -> None:
        find = self.query_one("#rules-find", Input)
        find.add_class("-shown")
        find.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#rules", DataTable).focus()  # Enter: to the rules found

    def action_back(self) -> None:
        """Esc closes the find line first (all rules again), then the screen."""
        find = self.query_one("#rules-find", Input)
        if find.has_class("-shown"):
            find.value = ""
            find.remove_class("-shown")
            self.query_one("#rules", DataTable).focus()
            return
        self.app.pop_screen()

    def _keep(self, view) -> None:
        """A rule saved: the reload that follows keeps the cursor on it."""
        if view is not None:
            self.keep = view.id

    def action_add_rule(self) -> None:
        from ntm_tui.forms.deadline_rule import DeadlineRuleForm

        if self.app.commune_id is None:
            return
        self.app.push_screen(DeadlineRuleForm(self.app.commune_id, self.app.ctx.today), self._keep)

    def action_edit_rule(self) -> None:
        from ntm_tui.forms.deadline_rule import DeadlineRuleForm

        rule = self.current()
        if rule is None:
            return
        self.app.push_screen(DeadlineRuleForm(self.app.commune_id, self.app.ctx.today, rule),
                             self._keep)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_rule()  # Enter on a row: the table consumes the key, so edit from here

    def action_toggle_rule(self) -> None:
        rule = self.current()
        if rule is None:
            return
        today = self.app.ctx.today

        def change(batch: str):
            from db.services.deadline_rules import set_rule_active

            return set_rule_active(rule.id, not rule.active, today, expected_version=rule.version,
                                   batch=batch)

        # Refused (say, another session changed the rule): the message shows and, on a
        # conflict, every screen reads again (the app's show_error).
        write(self, change, lambda saved: self._keep(saved.value),
              message=lambda view: t("dl_rule_saved", title=view.title))

    def action_delete_rule(self) -> None:
        from ntm_tui.forms.confirm import confirm_delete

        rule = self.current()
        if rule is None:
            return

        def delete(batch: str) -> str:
            from db.services.deleting import delete_rule

            return delete_rule(rule.id, batch=batch)

        confirm_delete(self, t("dl_rule_delete_what", title=rule.title), delete)

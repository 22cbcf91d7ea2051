"""The year's plan as the officer writes it: the document's own fields, then every free-text
part (căn cứ, I.1 … IV, the closing line); Enter edits the row, Esc goes back."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ntm_tui.i18n import t
from ntm_tui.screens.listing import clip, fill_table
from ntm_tui.workers import DataChanged, read
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar

DOCUMENT_ROW = "document"


class PlanTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", t("key_edit"), id="plan_edit")]


class PlanTextScreen(Screen):
    DEFAULT_CSS = """
    PlanTextScreen #plan-help { color: $text-muted; height: auto; padding: 0 1; }
    PlanTextScreen PlanTable { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", t("key_back"), id="plan_back")]

    data = None  # (PlanDocument, [SectionView]) once loaded

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="plan-help", markup=False)
        yield PlanTable(id="plan-parts", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("plan_doc_title", year=self.app.year)
        table = self.query_one(PlanTable)
        table.add_column(t("plan_col_part"), width=26, key="part")
        table.add_column(t("plan_col_text"), width=max(20, self.app.size.width - 32), key="text")
        table.focus()
        self.refresh_data()

    def refresh_data(self) -> None:
        commune_id, year = self.app.commune_id, self.app.year

        def load():
            from db.services.plans import plan_document, plan_sections

            return plan_document(commune_id, year), plan_sections(commune_id, year)

        read(self, load, self._show, group="load")

    def on_data_changed(self, event: DataChanged) -> None:
        if event.origin is not self:
            self.refresh_data()

    def _show(self, data) -> None:
        self.data = data
        document, sections = data
        year = self.app.year
        self.sub_title = t("plan_doc_title", year=year)
        stored = document.version is not None
        self.query_one("#plan-help", Static).update(
            t("plan_help_stored" if stored else "plan_help_new", year=year))
        width = max(20, self.app.size.width - 32)
        signer = " / ".join(x for x in (document.authority, document.position, document.name) if x)
        head = " · ".join(x for x in (document.number, document.place, signer) if x) or t("plan_doc_default")
        rows = [(DOCUMENT_ROW, (t("plan_doc_fields"), clip(head, width)))]
        for s in sections:
            first = next((line.strip() for line in s.body.splitlines() if line.strip()), "")
            label = t("plan_part_" + s.key) if s.place else s.title or s.key
            rows.append((s.key, (clip(label, 26), clip(first, width) or t("plan_empty"))))
        fill_table(self.query_one(PlanTable), rows)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.data is None:
            return
        from ntm_tui.forms.plan_text import PlanDocumentForm, PlanSectionForm

        document, sections = self.data
        key = event.row_key.value
        if key == DOCUMENT_ROW:
            self.app.push_screen(PlanDocumentForm(self.app.commune_id, self.app.year, document))
            return
        section = next((s for s in sections if s.key == key), None)
        if section is not None:
            self.app.push_screen(PlanSectionForm(self.app.commune_id, self.app.year, section))

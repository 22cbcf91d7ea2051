"""The communes of the database: open another (Enter), delete one entered by mistake (Delete).
Opened from Cài đặt (ctrl+o); a merger leaves the old communes here, readable."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ntm_tui.i18n import t
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar
from ntm_tui.workers import DataChanged, read, write


class CommunesScreen(Screen):
    BINDINGS = [
        Binding("enter", "open_commune", t("communes_open"), id="communes_open"),
        Binding("delete", "delete_commune", t("communes_delete"), id="communes_delete"),
        Binding("escape", "app.pop_screen", t("key_back"), id="communes_back"),
    ]
    AUTO_FOCUS = "#communes"

    def __init__(self) -> None:
        super().__init__()
        self.views: list = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(t("communes_title"), id="communes-title")
        yield DataTable(id="communes", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, width in (("communes_col_name", 24), ("communes_col_code", 7),
                           ("communes_col_group", 6), ("communes_col_state", 34)):
            table.add_column(t(key), width=width)
        self.refresh_data()

    def on_data_changed(self, event: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        from db.services.communes import commune_views

        read(self, commune_views, self._show, group="load")

    def _show(self, views: list) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.views = views
        for v in views:
            state = t("communes_merged_into", name=v.successor) if v.successor else \
                t("communes_current") if v.id == self.app.commune_id else ""
            table.add_row(v.name, v.code, v.group, state, key=str(v.id))
        if views:
            table.move_cursor(row=min(max(row, 0), len(views) - 1))

    def current(self):
        if not self.views:
            return None
        return self.views[min(self.query_one(DataTable).cursor_row, len(self.views) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_commune()  # the table takes Enter: open from here

    def action_open_commune(self) -> None:
        view = self.current()
        if view is None:
            return
        app = self.app
        today = app.ctx.today

        def change(batch: str):
            from db.services.communes import open_commune

            return open_commune(view.id, today)

        def opened(saved) -> None:
            commune_id, name, year = saved.value
            app.set_commune(commune_id, name, year)
            app.pop_screen()
            app.data_changed()  # every section reads the commune again

        write(self, change, opened, message=t("communes_opened", name=view.name), undoable=False)

    def action_delete_commune(self) -> None:
        from ntm_tui.forms.confirm import confirm_delete

        view = self.current()
        if view is None:
            return
        if view.id == self.app.commune_id:  # the one open: open another first
            self.app.notify(t("communes_delete_open", name=view.name), severity="warning", timeout=6)
            return

        def delete(batch: str) -> str:
            from db.services.deleting import delete_commune

            return delete_commune(view.id, batch=batch)

        confirm_delete(self, t("communes_delete_what", name=view.name), delete)

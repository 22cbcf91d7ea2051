"""Importing a year's results from an Excel sheet: path, preview of every change, apply."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from ntm_tui.i18n import t


class ResultsImportScreen(ModalScreen[str | None]):
    """Enter previews (nothing written), ctrl+s applies what was previewed, Escape closes.
    Dismisses with the change-log batch id when changes were written, else None."""

    DEFAULT_CSS = """
    ResultsImportScreen { align: center middle; }
    ResultsImportScreen > Vertical {
        width: 78; height: 22; border: round $accent; background: $surface; padding: 0 1;
    }
    ResultsImportScreen #title { text-style: bold; }
    ResultsImportScreen #path { margin: 1 0 0 0; }
    ResultsImportScreen DataTable { height: 1fr; }
    ResultsImportScreen #message { height: auto; max-height: 6; }
    ResultsImportScreen #message.-error { color: $error; }
    ResultsImportScreen #keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", t("def_cancel"), id="import_close"),
        Binding("ctrl+s", "apply", t("imp_apply"), id="import_apply", priority=True),
    ]

    def __init__(self, commune_id: int | None = None, year: int | None = None, path: str = "") -> None:
        super().__init__()
        self.commune_id = commune_id
        self.year = year
        self.initial_path = path
        self.previewed: str | None = None  # the path whose preview is shown

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="title")
            yield Input(self.initial_path, placeholder=t("imp_path"), id="path", compact=True)
            yield DataTable(id="preview", cursor_type="row", zebra_stripes=True)
            yield Static("", id="message")
            yield Static(t("imp_keys"), id="keys")

    def on_mount(self) -> None:
        self.commune_id = self.commune_id or getattr(self.app, "commune_id", None)
        self.year = self.year or getattr(self.app, "year", None)
        self.query_one("#title", Static).update(t("imp_title", year=self.year))
        table = self.query_one(DataTable)
        table.add_columns(t("imp_col_code"), t("imp_col_field"), t("imp_col_old"), t("imp_col_new"))
        self.query_one("#path", Input).focus()

    def _lang(self) -> str:
        return getattr(getattr(self.app, "ctx", None), "lang", "vi")

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(error, "-error")

    def _run(self, dry_run: bool, done) -> None:
        """The import service on the path typed, in a thread worker; `done(path, outcome)`
        runs on the UI thread. Problems are shown, never raised."""
        from pathlib import Path

        from ntm_tui.workers import read, write

        path = self.query_one("#path", Input).value.strip()
        commune_id, year = self.commune_id, self.year

        def work(batch: str | None = None):
            from db.services.results_exchange import import_results

            return import_results(commune_id, year, Path(path).expanduser(), dry_run=dry_run,
                                  batch=batch)

        def refused(error) -> None:
            from db.services.results_exchange import RowProblems

            if isinstance(error, RowProblems):
                self._say("\n".join(error.lines(self._lang())), error=True)
            else:
                self._say(error.message(self._lang()), error=True)

        if dry_run:  # a preview: written and rolled back in one transaction, nothing stays
            read(self, work, lambda outcome: done(path, outcome), refused, group="import")
        else:
            write(self, work, lambda saved: done(path, saved.value), refused)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    def action_preview(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.previewed = None
        self._run(dry_run=True, done=self._previewed)

    def _previewed(self, path: str, outcome) -> None:
        table = self.query_one(DataTable)
        for change in outcome.changes:
            table.add_row(*change.cells(self._lang()))
        self.previewed = path
        said = t("imp_count", count=len(outcome.changes)) if outcome.changes else t("imp_none")
        notes = [note.text(self._lang()) for note in outcome.notes]  # cells not applied, and why
        self._say("\n".join([said, *notes]))
        if outcome.changes:
            table.focus()

    def action_apply(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if self.previewed is None or self.previewed != path:
            self._say(t("imp_need_preview"), error=True)
            return
        self._run(dry_run=False, done=self._applied)

    def _applied(self, path: str, outcome) -> None:
        self.notify(t("imp_done", count=len(outcome.changes)))
        self.dismiss(outcome.batch)  # the change signal has gone out: every screen reloads

    def action_close(self) -> None:
        self.dismiss(None)

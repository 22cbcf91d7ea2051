"""Section 6, Báo cáo: choose a report, its period and file, and export the PDF in a thread."""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Static

from db.errors import NtmError
from ntm_tui.widgets.checks import BoxCheckbox
from ntm_tui.forms.form import field_row, selected, text_input
from ntm_tui.i18n import t
from ntm_tui.widgets.choice import Choice
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import PaletteFromBindings, lang_of
from ntm_tui.workers import read
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar

KINDS = ("plan", "report", "evidence", "assignments")


def pdf_exports():
    """The exporter module, or None while it is not installed (the screen says so)."""
    try:
        import exports.pdf as module
    except ImportError:
        return None
    return module


def export_folder(config) -> Path:
    from ntm_tui.paths import default_export_dir

    return Path(config.export_dir).expanduser() if config.export_dir else default_export_dir()


class ReportsScreen(PaletteFromBindings, SectionScreen):
    SECTION = "reports"
    AUTO_FOCUS = ""  # digits switch sections until Tab enters the fields
    DEFAULT_CSS = """
    ReportsScreen #rep-form { height: 1fr; padding: 0 1; }
    ReportsScreen .row { height: auto; }
    ReportsScreen .row-label { width: 22; }
    ReportsScreen .row > Input, ReportsScreen .row > Choice { width: 1fr; }
    ReportsScreen #rep-help { color: $text-muted; margin-bottom: 1; }
    ReportsScreen #rep-result { height: auto; margin-top: 1; }
    ReportsScreen #rep-result.error { color: $text-error; }
    ReportsScreen #export { margin-top: 1; }
    """
    BINDINGS = [
        # Priority: in the period and file fields, Input takes ctrl+e (end of line) and ctrl+k
        # (delete to the end) for itself, and the export the key bar shows did not happen.
        Binding("ctrl+e", "export", t("key_export"), id="reports_export", priority=True),
        Binding("ctrl+o", "app.import_results", t("key_import_results"), id="reports_import"),
        Binding("ctrl+k", "edit_plan", t("key_plan_text"), id="reports_plan_text", priority=True),
        Binding("ctrl+t", "edit_report_text", t("key_report_text"), id="reports_text"),
        Binding("ctrl+b", "edit_report_template", t("key_report_template"), id="reports_template"),
        Binding("escape", "leave_field", t("key_leave_field"), id="reports_leave_field"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.path_typed = False  # once the officer types a path, kind/period no longer change it

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="rep-form", can_focus=False):  # Tab goes to the fields
            yield Static(t("rep_help"), id="rep-help")
            yield field_row(t("rep_kind"), Choice([(t(f"rep_kind_{k}"), k) for k in KINDS],
                                                  allow_blank=False, value="report", id="kind",
                                                  title=t("rep_kind")))
            yield field_row(t("rep_format"), Choice([("PDF", ".pdf"), ("Word (.docx)", ".docx")],
                                                    allow_blank=False, value=".pdf", id="format",
                                                    title=t("rep_format")))
            yield field_row(t("rep_period"), text_input("", "period", t("rep_period_hint")))
            yield field_row(t("rep_output"), text_input("", "output"))
            yield BoxCheckbox(t("rep_annex"), id="annex", compact=True)
            yield BoxCheckbox(t("rep_overwrite"), id="overwrite", compact=True)
            yield Button(t("rep_export_button"), id="export", variant="primary", compact=True)
            yield Static("", id="rep-result")
        yield KeyBar()

    def action_edit_plan(self) -> None:
        """The year's plan text and document fields (a screen of its own)."""
        from ntm_tui.screens.plan_text import PlanTextScreen

        if self.app.commune_id is not None:
            self.app.push_screen(PlanTextScreen())

    def _period(self):
        """The period typed (a report's), or None after saying what is wrong with it."""
        from exports.pdf.period import parse_period

        text = self.query_one("#period", Input).value.strip()
        try:
            return parse_period(text or None, int(text[:4]) if text[:4].isdigit() else self.app.year)
        except NtmError as exc:
            self.say(exc.message(lang_of(self)), error=True)
            return None

    def action_edit_report_text(self) -> None:
        """The officer's own text of each part, for the period typed in the screen."""
        from db.services.report_texts import period_texts, starting_list, template
        from exports.pdf.period import following
        from ntm_tui.forms.report_text import ReportTextForm

        period, commune_id, today = self._period(), self.app.commune_id, self.app.ctx.today
        if period is None or commune_id is None:
            return
        after = following(period)

        def gather():
            texts = period_texts(commune_id, period.code)
            # Part III's starting text (the year's status read whole) only when it is empty.
            starting = "" if texts["phuong_huong"].body else starting_list(
                commune_id, period.year, after.start, after.end, today)
            return texts, template(commune_id, period.kind), starting

        read(self, gather, lambda got: self.app.push_screen(ReportTextForm(commune_id, period, *got)),
             lambda exc: self.say(refusal(exc, lang_of(self)), error=True), group="report_text")

    def action_edit_report_template(self) -> None:
        """Which parts a report of the typed period's kind has, and their titles."""
        from db.services.report_texts import PART_KEYS, default_title, template
        from ntm_tui.forms.report_text import ReportTemplateForm

        period, commune_id = self._period(), self.app.commune_id
        if period is None or commune_id is None:
            return
        defaults = {key: default_title(key, lang_of(self)) for key in PART_KEYS}
        read(self, lambda: template(commune_id, period.kind),
             lambda titles: self.app.push_screen(ReportTemplateForm(commune_id, period.kind, titles,
                                                                    defaults)),
             lambda exc: self.say(refusal(exc, lang_of(self)), error=True), group="report_text")

    def on_mount(self) -> None:
        self.refresh_data()
        if pdf_exports() is None:
            self.say(t("rep_unavailable"), error=True)

    def refresh_data(self) -> None:
        """A year switch changes the default period and file name (unless typed by hand)."""
        year, today = self.app.year, self.app.ctx.today
        if year is None:
            return
        period = self.query_one("#period", Input)
        if not period.value or not period.value.startswith(str(year)):
            period.value = f"{year}-{today.month:02d}" if today.year == year else str(year)
        self.suggest_path()

    def kind(self) -> str:
        return selected(self.query_one("#kind", Choice)) or "report"

    def suggest_path(self) -> None:
        module = pdf_exports()
        if self.path_typed or module is None or self.app.year is None:
            return
        period = self.query_one("#period", Input).value.strip() if self.kind() == "report" else None
        try:
            name = module.default_filename(self.kind(), self.app.year, period or None)
        except NtmError:
            return
        output = self.query_one("#output", Input)
        suffix = selected(self.query_one("#format", Choice)) or ".pdf"
        output.value = str((export_folder(self.app.ctx.config) / name).with_suffix(suffix))
        self.loaded_path = output.value

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.query_one("#period", Input).disabled = self.kind() != "report"
        self.suggest_path()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "period":
            self.suggest_path()
        elif event.input.id == "output" and event.value != getattr(self, "loaded_path", event.value):
            self.path_typed = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "output":
            self.action_export()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()

    def action_leave_field(self) -> None:
        self.set_focus(None)  # digits switch sections again

    def say(self, text: str, error: bool = False) -> None:
        result = self.query_one("#rep-result", Static)
        result.set_class(error, "error")
        result.update(text)

    def action_export(self) -> None:
        module = pdf_exports()
        if module is None:
            self.say(t("rep_unavailable"), error=True)
            return
        commune_id = self.app.commune_id
        if commune_id is None:
            self.say(t("no_commune_short"), error=True)
            return
        text = self.query_one("#output", Input).value.strip()
        if not text:
            self.say(t("rep_output_required"), error=True)
            return
        output = Path(text).expanduser()
        if not output.suffix:
            output = output.with_suffix(selected(self.query_one("#format", Choice)) or ".pdf")
        kind, year, ctx = self.kind(), self.app.year, self.app.ctx
        period = self.query_one("#period", Input).value.strip() if kind == "report" else None
        overwrite = self.query_one("#overwrite", BoxCheckbox).value
        annex = self.query_one("#annex", BoxCheckbox).value
        if period and period[:4].isdigit():
            year = int(period[:4])  # "2023-H1" is a report of 2023 whatever year is shown

        lang = lang_of(self)

        def work():  # an official document is in Vietnamese whatever the screen's language
            return module.export_report(kind, commune_id, year, output, period=period or None,
                                        font_path=ctx.config.font_path or None, lang="vi",
                                        overwrite=overwrite, today=ctx.today, annex=annex)

        self.say(t("rep_working"))
        # A refusal shows in the screen, not only in a toast.
        read(self, work, self.exported, lambda exc: self.say(refusal(exc, lang), error=True),
             group="export")

    def exported(self, result) -> None:
        self.app.last_export = str(result.path)  # offered when marking a deadline submitted
        said = t("rep_done", path=result.path, pages=result.pages) if result.pages \
            else t("rep_done_docx", path=result.path)
        self.say(said)
        self.notify(said)


def refusal(error: Exception, lang: str) -> str:
    """The export's refusal in this screen's words: the file exists → the check box to tick
    (the command line's own message names its --overwrite flag)."""
    if getattr(error, "key", "") == "export_exists":
        return t("rep_exists_box", path=error.params.get("path", ""), box=t("rep_overwrite"))
    return error.message(lang) if hasattr(error, "message") else str(error)

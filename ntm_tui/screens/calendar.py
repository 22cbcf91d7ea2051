"""Section 5, Lịch: the year's reporting and meeting deadlines, late ones first."""
from __future__ import annotations

from collections import Counter
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from db import rules
from db.services import deadlines
from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import (
    PaletteFromBindings, clip, fill_table, lang_of, run_change, selected_key, styled,
)
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar

# Late first, then what is due now, then what comes; what is done at the end.
STATE_ORDER = {deadlines.LATE: 0, deadlines.DUE: 1, deadlines.UPCOMING: 2, deadlines.SUBMITTED: 3}


def agenda_order(view: deadlines.DeadlineView) -> tuple:
    return (STATE_ORDER.get(view.state, 9), view.due_date, view.id)


class CalendarScreen(PaletteFromBindings, SectionScreen):
    views: list = []  # filled by the loading worker
    SECTION = "calendar"
    DEFAULT_CSS = """
    CalendarScreen #cal-bar { height: 1; padding: 0 1; background: $boost; }
    CalendarScreen #cal-table { height: 1fr; }
    CalendarScreen #cal-detail { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("s", "submit", t("key_submit"), id="calendar_submit"),
        Binding("f", "toggle_open", t("key_open_only"), id="calendar_open_only"),
        Binding("slash", "app.find", t("key_find"), show=False, id="calendar_find"),
        Binding("u", "reopen", t("key_reopen"), id="calendar_reopen"),
        Binding("r", "app.open_deadline_rules", t("key_deadline_rules"), id="calendar_rules"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.open_only = False
        self.views: list[deadlines.DeadlineView] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="cal-bar")
        table = DataTable(id="cal-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(t("col_due"), t("col_latest"), t("col_state"), t("col_deadline"))
        yield table
        yield Static(id="cal-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(DataTable).focus()

    @property
    def today(self) -> date:
        return self.app.ctx.today

    def refresh_data(self) -> None:
        commune_id, year, today, lang = self.app.commune_id, self.app.year, self.today, lang_of(self)

        def load():
            # Computed from the rules, work items and evidence expiry: reading writes nothing.
            if commune_id is None or not year:
                return date(year or today.year, 1, 1), []
            return deadlines.year_calendar(commune_id, today, year, lang=lang)

        self.run_db(load, self._loaded)  # off the UI thread: it never freezes

    starts = None  # the day the year's list starts from (later than 1 January in the first year)

    def _loaded(self, loaded) -> None:
        self.starts, views = loaded
        self.views = sorted(views, key=agenda_order)
        with self.app.batch_update():  # table, bar and detail in one frame
            self.show()

    def show(self) -> None:
        shown = [v for v in self.views if not (self.open_only and v.state == deadlines.SUBMITTED)]
        fill_table(self.query_one(DataTable), (
            (str(v.id), (rules.format_date(v.due_date), rules.format_date(v.latest_date),
                         styled(t(f"dl_{v.state}"), v.state), clip(v.title, 44)))
            for v in shown))
        counts = Counter(v.state for v in self.views)
        # Late always (0 is news too), the others when there are some: the bar is one line.
        parts = [f"{t(f'dl_{s}')} {counts[s]}" for s in STATE_ORDER if counts[s] or s == deadlines.LATE]
        bar = t("cal_bar", year=self.app.year or "", today=rules.format_date(self.today))
        year = self.app.year
        if self.app.commune_id is None:
            bar += " · " + t("no_commune_short")
        elif self.starts and year and self.starts > date(year, 1, 1):  # its first year, or before
            bar += " · " + t("cal_starts", date=rules.format_date(self.starts))
        elif not any(v.rule_id for v in self.views):  # only one-offs: the commune has no rules
            bar += " · " + t("cal_empty")
        self.query_one("#cal-bar", Static).update(bar + " · " + " · ".join(parts))
        self.show_detail()

    def current(self) -> deadlines.DeadlineView | None:
        key = selected_key(self.query_one(DataTable))
        return next((v for v in self.views if str(v.id) == key), None)

    def show_detail(self) -> None:
        view = self.current()
        text = ""
        if view and view.state == deadlines.SUBMITTED:
            text = t("cal_submitted", on=rules.format_date(view.submitted_on), by=view.submitted_by)
            if view.file_path:
                text += " · " + view.file_path
        elif view:
            text = view.title
            if view.flag:  # due on a Sunday or a holiday: say so, with the working day before
                text += " · " + t("cal_day_off", flag=view.flag,
                                  day=rules.format_date(view.suggested_date))
        if view and view.note:  # the officer's note (ntm-tui note ID TEXT)
            text += " · " + view.note
        self.query_one("#cal-detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_submit()

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self.show()

    def action_reopen(self) -> None:
        """A submission recorded by mistake: the deadline is open again."""
        view = self.current()
        if view is None or view.state != deadlines.SUBMITTED:
            return
        today = self.today
        run_change(self, lambda batch: deadlines.unsubmit(view.id, expected_version=view.version,
                                                          today=today, batch=batch),
                   done=t("cal_reopened", title=view.title))

    def action_submit(self) -> None:
        """Mark the highlighted deadline submitted: on which day (today unless said otherwise)
        and, optionally, with the report file sent."""
        view = self.current()
        if view is None or view.state == deadlines.SUBMITTED:
            return
        from ntm_tui.forms.submit import SubmitForm

        last = getattr(self.app, "last_export", "")  # the PDF just made in Báo cáo, if any
        self.app.push_screen(SubmitForm(view, self.today, last))

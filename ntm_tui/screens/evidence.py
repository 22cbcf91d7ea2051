"""Section 4, Minh chứng: the year's evidence checklist across indicators, missing first."""
from __future__ import annotations

from collections import defaultdict

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from db import rules
from db.services import evidence
from db.text import matches
from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import (
    PaletteFromBindings, clip, fill_table, run_change, selected_key, styled,
)
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar

FILTERS = ("all",) + evidence.EVIDENCE_STATUSES


class EvidenceScreen(PaletteFromBindings, SectionScreen):
    items: list = []  # filled by the loading worker
    SECTION = "evidence"
    DEFAULT_CSS = """
    EvidenceScreen #ev-bar { height: 1; padding: 0 1; background: $boost; }
    EvidenceScreen #ev-search { display: none; }
    EvidenceScreen #ev-search.shown { display: block; }
    EvidenceScreen #ev-table { height: 1fr; }
    EvidenceScreen #ev-summary { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("n", "add_evidence", t("key_add"), id="evidence_add"),
        Binding("c", "mark('collected')", t("key_collected"), id="evidence_collected"),
        Binding("k", "mark('checked')", t("key_checked"), id="evidence_checked"),
        Binding("m", "mark('missing')", t("key_missing"), show=False, id="evidence_missing"),
        Binding("l", "set_location", t("key_location"), id="evidence_location"),
        Binding("f", "cycle_filter", t("key_filter"), id="evidence_filter"),
        Binding("slash", "search", t("key_search"), id="evidence_search"),
        Binding("delete", "delete_evidence", t("key_delete"), id="evidence_delete"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filter = "all"
        self.items: list[evidence.EvidenceView] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="ev-bar")
        yield Input(id="ev-search", placeholder=t("search_hint"), compact=True)
        table = DataTable(id="ev-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(t("col_code"), t("f_status"), t("f_title"), t("f_responsible"),
                          t("f_location"))
        yield table
        yield Static(id="ev-summary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(DataTable).focus()

    # --- data -----------------------------------------------------------------------

    def refresh_data(self) -> None:
        commune_id, year = self.app.commune_id, self.app.year

        def load():
            return evidence.list_evidence(commune_id, year) if commune_id is not None else []

        self.run_db(load, self._loaded)  # off the UI thread: it never freezes

    def _loaded(self, items) -> None:
        self.items = items
        self.show_items()

    def visible(self) -> list[evidence.EvidenceView]:
        query = self.query_one("#ev-search", Input).value
        return [e for e in self.items
                if (self.filter == "all" or e.status == self.filter)
                and matches(query, e.title, e.indicator_code, e.doc_number, e.issuer,
                            e.responsible, e.location, e.note)]

    def show_items(self) -> None:
        rows = self.visible()
        fill_table(self.query_one(DataTable), (
            (str(e.id), (e.indicator_code, styled(t(f"ev_{e.status}"), e.status),
                         clip(e.title, 40), e.responsible, e.location)) for e in rows))
        query = self.query_one("#ev-search", Input).value
        bar = t("ev_bar", year=self.app.year or "", filter=t(f"ev_filter_{self.filter}"),
                shown=len(rows), total=len(self.items))
        self.query_one("#ev-bar", Static).update(bar + (f" · /{query}" if query else ""))
        self.query_one("#ev-summary", Static).update(self.completeness())

    def completeness(self) -> str:
        """Items collected or checked, per criterion, the least complete first."""
        if not self.items:
            return t("ev_none") if self.app.commune_id is not None else t("no_commune_short")
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for e in self.items:
            per[e.criterion_code][1] += 1
            per[e.criterion_code][0] += e.status != "missing"
        done = sum(d for d, _ in per.values())
        order = sorted(per, key=lambda c: (per[c][0] / per[c][1], rules.code_key(c)))
        parts = [f"{t('criterion_short')}{c} {per[c][0]}/{per[c][1]}" for c in order]
        return t("ev_complete", done=done, total=len(self.items)) + " · " + " · ".join(parts)

    def current(self) -> evidence.EvidenceView | None:
        key = selected_key(self.query_one(DataTable))
        return next((e for e in self.items if str(e.id) == key), None)

    # --- actions --------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.show_items()

    def action_search(self) -> None:
        box = self.query_one("#ev-search", Input)
        box.add_class("shown")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "ev-search":
            self.show_items()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "ev-search":
            self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        # Escape in the search box: forget the search and go back to the list.
        box = self.query_one("#ev-search", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            box.value = ""
            box.remove_class("shown")
            self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        item = self.current()
        if item:
            from ntm_tui.forms.evidence import open_evidence_form

            open_evidence_form(self, self.app.commune_id, item.indicator_id, item.year, item.id)

    def action_mark(self, status: str) -> None:
        item = self.current()
        if item is None or item.status == status:
            return
        on = self.app.ctx.today if status != "missing" else None
        run_change(self, lambda batch: evidence.update_evidence(
            item.id, expected_version=item.version, status=status, status_date=on, batch=batch),
            done=t("ev_marked", title=clip(item.title, 30), status=t(f"ev_{status}")))

    def action_set_location(self) -> None:
        item = self.current()
        if item is None:
            return
        from ntm_tui.forms.prompt import TextPrompt

        def save(text: str, batch: str) -> None:  # in a worker, through the one door
            evidence.update_evidence(item.id, expected_version=item.version, location=text,
                                     batch=batch)

        self.app.push_screen(TextPrompt(t("ev_location_title", title=item.title[:50]),
                                        t("f_location"), item.location, save=save,
                                        placeholder=t("location_hint"), message=t("saved")))

    def action_add_evidence(self) -> None:
        """Ask for the indicator (the highlighted row's by default), then open the form."""
        commune_id, year = self.app.commune_id, self.app.year
        if commune_id is None:
            return
        from ntm_tui.forms.evidence import open_evidence_form
        from ntm_tui.forms.prompt import TextPrompt

        item = self.current()

        def check(code: str) -> int:  # a read, through the one door
            return evidence.indicator_for_code(commune_id, year, code)

        def open_form(indicator_id: int | None) -> None:
            if indicator_id:
                open_evidence_form(self, commune_id, indicator_id, year)

        self.app.push_screen(TextPrompt(t("ev_add_title"), t("col_code"),
                                        item.indicator_code if item else "", check=check,
                                        placeholder="12.1"), open_form)

    def action_delete_evidence(self) -> None:
        from ntm_tui.forms.confirm import confirm_delete

        item = self.current()
        if item is None:
            return

        def delete(batch: str) -> str:
            from db.services.deleting import delete_evidence

            return delete_evidence(item.id, batch=batch)

        confirm_delete(self, t("del_evidence", title=clip(item.title, 40), code=item.indicator_code,
                               year=item.year), delete)

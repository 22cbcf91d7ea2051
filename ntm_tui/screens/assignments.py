"""Section 3, Phân công: board members and units, what each holds, and reassigning criteria."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from db import rules
from db.errors import NotFoundError
from db.models import Criterion
from db.services import people
from db.services.communes import criteria_set_for_year
from db.services.people import AssignmentView
from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import (
    PaletteFromBindings, clip, current_commune, fill_table, selected_key,
)
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


def held_text(views: list[AssignmentView]) -> str:
    return "; ".join(f"{a.indicator_code or t('criterion_short') + ' ' + a.criterion_code}"
                     f" {clip(a.indicator_content or a.criterion_name, 40)}" for a in views)


class AssignmentsScreen(PaletteFromBindings, SectionScreen):
    # Filled by the loading worker; empty until the first load arrives.
    commune = None
    assignments: list = []
    members: list = []
    units: list = []
    criteria: list = []
    SECTION = "assignments"
    DEFAULT_CSS = """
    AssignmentsScreen #as-bar { height: 1; padding: 0 1; background: $boost; }
    AssignmentsScreen #as-table { height: 1fr; }
    AssignmentsScreen #as-detail { height: auto; max-height: 5; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("v", "toggle_view", t("key_view"), id="assignments_view"),
        Binding("r", "reassign", t("key_reassign"), id="assignments_reassign"),
        Binding("n", "add_member", t("key_add_member"), id="assignments_add_member"),
        Binding("u", "add_unit", t("key_add_unit"), id="assignments_add_unit"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.view = "people"  # or "criteria"
        self.assignments: list[AssignmentView] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="as-bar")
        yield DataTable(id="as-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="as-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(DataTable).focus()

    # --- data -----------------------------------------------------------------------

    def refresh_data(self) -> None:
        year = self.app.year

        def load():
            commune = current_commune(self)
            if commune is None:
                return None, [], [], [], []
            cset = criteria_set_for_year(commune, year, check=False)
            criteria = sorted(Criterion.select().where(Criterion.criteria_set == cset),
                              key=lambda c: rules.code_key(c.code))
            return (commune, people.list_assignments(commune), people.list_members(commune),
                    people.list_units(commune), criteria)

        self.run_db(load, self._loaded, exclusive=True)  # off the UI thread: it never freezes

    def _loaded(self, found) -> None:
        self.commune, self.assignments, self.members, self.units, self.criteria = found
        commune = self.commune
        table = self.query_one(DataTable)
        table.clear(columns=True)
        # Fixed widths: the table is refilled in place and must fit 80 columns.
        if self.view == "people":
            for key, width in (("f_name", 24), ("f_position", 26), ("f_board_role", 14), ("col_holds", 7)):
                table.add_column(t(key), width=width)
            fill_table(table, self.people_rows())
        else:
            for key, width in (("col_code", 5), ("col_criterion_name", 28), ("f_lead", 24),
                               ("f_supports", 16)):
                table.add_column(t(key), width=width)
            fill_table(table, self.criteria_rows())
        bar = t("as_bar_people" if self.view == "people" else "as_bar_criteria",
                members=len(self.members), units=len(self.units))
        self.query_one("#as-bar", Static).update(bar if commune else t("no_commune_short"))
        self.show_detail()

    def people_rows(self):
        for m in self.members:
            held = [a for a in self.assignments if a.lead_id == m.id]
            yield f"m:{m.id}", (clip(m.name, 24), clip(m.position, 26), m.board_role, str(len(held)))
        for u in self.units:
            held = [a for a in self.assignments if u.name in a.supports]
            yield f"u:{u.id}", (clip(u.name, 24), t(f"unit_{u.kind}"), "", str(len(held)))

    def criteria_rows(self):
        """Every criterion of the year's set (unassigned ones too), then indicator-level ones."""
        by_crit = {a.criterion_code: a for a in self.assignments if a.indicator_code is None}
        for crit in self.criteria:
            a = by_crit.get(crit.code)
            yield f"c:{crit.id}", (crit.code, clip(crit.name, 28), clip(a.lead, 24) if a else "—",
                                   clip(", ".join(a.supports), 16) if a else "")
        for a in self.assignments:
            if a.indicator_code:
                yield f"a:{a.id}", (a.indicator_code, clip(a.indicator_content or "", 28),
                                    clip(a.lead, 24), clip(", ".join(a.supports), 16))

    def show_detail(self) -> None:
        key = selected_key(self.query_one(DataTable)) or ""
        kind, _, ident = key.partition(":")
        text = ""
        if kind == "m":
            member = next(m for m in self.members if str(m.id) == ident)
            held = [a for a in self.assignments if a.lead_id == member.id]
            text = f"{member.name} — {t('as_leads')}: {held_text(held) or t('as_nothing')}"
        elif kind == "u":
            unit = next(u for u in self.units if str(u.id) == ident)
            held = [a for a in self.assignments if unit.name in a.supports]
            text = f"{unit.name} — {t('as_supports')}: {held_text(held) or t('as_nothing')}"
        elif kind in ("c", "a"):
            text = t("as_enter_to_assign")
        self.query_one("#as-detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    # --- actions --------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        self.view = "criteria" if self.view == "people" else "people"
        self.refresh_data()

    def after_form(self, batch: str | None) -> None:
        """A form closed: remember its batch for ctrl+z and reload (nothing to do on Escape)."""
        if batch:
            self.app.changed(batch, t("saved"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from ntm_tui.forms.member import MemberForm
        from ntm_tui.forms.unit import UnitForm

        kind, _, ident = (selected_key(self.query_one(DataTable)) or "").partition(":")
        if kind == "m":
            self.app.push_screen(MemberForm(self.commune.id, int(ident)), self.after_form)
        elif kind == "u":
            self.app.push_screen(UnitForm(self.commune.id, int(ident)), self.after_form)
        elif kind in ("c", "a"):
            self.action_reassign()

    def open_assignment(self, criterion_id: int, indicator_id: int | None = None) -> None:
        from ntm_tui.forms.assignment import AssignmentForm

        self.app.push_screen(AssignmentForm(self.commune.id, criterion_id, indicator_id),
                             self.after_form)

    def action_reassign(self) -> None:
        """Criteria view: the highlighted row. People view: ask which criterion or indicator."""
        if self.commune is None:
            return
        kind, _, ident = (selected_key(self.query_one(DataTable)) or "").partition(":")
        if kind == "c":
            self.open_assignment(int(ident))
            return
        if kind == "a":
            a = next(a for a in self.assignments if str(a.id) == ident)
            from db.models import Assignment

            row = Assignment.get_by_id(a.id)
            self.open_assignment(row.criterion_id, row.indicator_id)
            return
        held = [a for a in self.assignments if kind == "m" and str(a.lead_id) == ident]
        from ntm_tui.forms.prompt import TextPrompt

        self.app.push_screen(TextPrompt(t("as_which"), t("col_code"),
                                        held[0].indicator_code or held[0].criterion_code if held else "",
                                        check=self.resolve_code, placeholder="12 / 12.1"),
                             self.open_resolved)

    def resolve_code(self, code: str) -> str:
        """A criterion code ("12") or an indicator code ("12.1") → "criterion_id:indicator_id"."""
        from db.services.results import find_indicator
        from db.text import clean

        cset = criteria_set_for_year(self.commune, self.app.year, check=False)
        crit = Criterion.get_or_none((Criterion.criteria_set == cset) & (Criterion.code == clean(code)))
        if crit is not None:
            return f"{crit.id}:"
        try:
            indicator = find_indicator(cset, code)
        except NotFoundError:
            raise NotFoundError("criterion_not_found", code=code) from None
        return f"{indicator.criterion_id}:{indicator.id}"

    def open_resolved(self, value: str | None) -> None:
        if value:
            crit, _, ind = value.partition(":")
            self.open_assignment(int(crit), int(ind) if ind else None)

    def action_add_member(self) -> None:
        if self.commune is not None:
            from ntm_tui.forms.member import MemberForm

            self.app.push_screen(MemberForm(self.commune.id), self.after_form)

    def action_add_unit(self) -> None:
        if self.commune is not None:
            from ntm_tui.forms.unit import UnitForm

            self.app.push_screen(UnitForm(self.commune.id), self.after_form)

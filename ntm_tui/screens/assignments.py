"""Section 3, Phân công: board members and units, what each holds, and reassigning criteria."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from db.services import people
from db.services.people import AssignmentView
from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.screens.listing import PaletteFromBindings, clip, fill_table, selected_key
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


def clip_middle(text: str, width: int) -> str:
    """Cut in the middle: names that differ at their end ("Ban phát triển ấp Hòa Tân" and
    "… ấp Hòa Thạnh") stay told apart."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def held_text(views: list[AssignmentView]) -> str:
    return "; ".join(f"{a.indicator_code or t('criterion_short') + ' ' + a.criterion_code}"
                     f" {clip(a.indicator_content or a.criterion_name, 40)}" for a in views)


class AssignmentsScreen(PaletteFromBindings, SectionScreen):
    # Filled by the loading worker; empty until the first load arrives.
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
        Binding("delete", "delete_row", t("key_delete"), id="assignments_delete"),
        Binding("slash", "app.find", t("key_find"), show=False, id="assignments_find"),
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
        commune_id, year = self.app.commune_id, self.app.year

        def load():
            if commune_id is None:
                return None
            return people.assignments_overview(commune_id, year)

        self.run_db(load, self._loaded)  # off the UI thread: it never freezes

    def _loaded(self, found: people.AssignmentsOverview | None) -> None:
        if found is not None:
            self.members, self.units = found.members, found.units
            self.assignments, self.criteria = found.assignments, found.criteria
        self.show()

    def show(self) -> None:
        commune = self.app.commune_id is not None
        table = self.query_one(DataTable)
        keep = selected_key(table)  # clearing the columns forgets the cursor: keep it on its row
        table.clear(columns=True)
        # Fixed widths: the table is refilled in place and must fit 80 columns.
        if self.view == "people":
            for key, width in (("f_name", 28), ("f_position", 24), ("f_board_role", 12), ("col_holds", 7)):
                table.add_column(t(key), width=width)
            fill_table(table, self.people_rows())
        else:
            for key, width in (("col_code", 5), ("col_criterion_name", 28), ("f_lead", 24),
                               ("f_supports", 16)):
                table.add_column(t(key), width=width)
            fill_table(table, self.criteria_rows())
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        bar = t("as_bar_people" if self.view == "people" else "as_bar_criteria",
                members=len(self.members), units=len(self.units))
        self.query_one("#as-bar", Static).update(bar if commune else t("no_commune_short"))
        self.show_detail()

    def people_rows(self):
        for m in self.members:
            held = [a for a in self.assignments if a.lead_id == m.id]
            yield f"m:{m.id}", (clip_middle(m.name, 28), clip(m.position, 24), clip(m.board_role, 12),
                                str(len(held)))
        for u in self.units:
            held = [a for a in self.assignments if u.name in a.supports]
            yield f"u:{u.id}", (clip_middle(u.name, 28), clip(t(f"unit_{u.kind}"), 24), "", str(len(held)))

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
        self.show()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from ntm_tui.forms.member import MemberForm
        from ntm_tui.forms.unit import UnitForm

        kind, _, ident = (selected_key(self.query_one(DataTable)) or "").partition(":")
        if kind == "m":
            member = next(m for m in self.members if str(m.id) == ident)
            self.app.push_screen(MemberForm(self.app.commune_id, self.units, member))
        elif kind == "u":
            unit = next(u for u in self.units if str(u.id) == ident)
            self.app.push_screen(UnitForm(self.app.commune_id, unit))
        elif kind in ("c", "a"):
            self.action_reassign()

    def open_assignment(self, criterion_id: int, indicator_id: int | None = None) -> None:
        from ntm_tui.forms.assignment import open_assignment_form

        open_assignment_form(self, self.app.commune_id, criterion_id, indicator_id)

    def action_reassign(self) -> None:
        """Criteria view: the highlighted row. People view: ask which criterion or indicator."""
        commune_id, year = self.app.commune_id, self.app.year
        if commune_id is None:
            return
        kind, _, ident = (selected_key(self.query_one(DataTable)) or "").partition(":")
        if kind == "c":
            self.open_assignment(int(ident))
            return
        if kind == "a":
            a = next(a for a in self.assignments if str(a.id) == ident)
            self.open_assignment(a.criterion_id, a.indicator_id)
            return
        held = [a for a in self.assignments if kind == "m" and str(a.lead_id) == ident]
        from ntm_tui.forms.prompt import TextPrompt

        def resolve(code: str) -> tuple[int, int | None]:  # a read, through the one door
            return people.find_assignment_target(commune_id, year, code)

        self.app.push_screen(TextPrompt(t("as_which"), t("col_code"),
                                        held[0].indicator_code or held[0].criterion_code if held else "",
                                        check=resolve, placeholder="12 / 12.1"),
                             self.open_resolved)

    def open_resolved(self, target: tuple[int, int | None] | None) -> None:
        if target:
            self.open_assignment(*target)

    def action_add_member(self) -> None:
        if self.app.commune_id is not None:
            from ntm_tui.forms.member import MemberForm

            self.app.push_screen(MemberForm(self.app.commune_id, self.units))

    def action_add_unit(self) -> None:
        if self.app.commune_id is not None:
            from ntm_tui.forms.unit import UnitForm

            self.app.push_screen(UnitForm(self.app.commune_id))

    def action_delete_row(self) -> None:
        """Delete the highlighted member or unit; on a criterion row, clear who holds it."""
        from ntm_tui.forms.confirm import confirm_delete

        kind, _, ident = (selected_key(self.query_one(DataTable)) or "").partition(":")
        if kind == "m":
            member = next(m for m in self.members if str(m.id) == ident)
            confirm_delete(self, t("del_member", name=member.name),
                           lambda batch: people_delete("member", member.id, batch))
        elif kind == "u":
            unit = next(u for u in self.units if str(u.id) == ident)
            confirm_delete(self, t("del_unit", name=unit.name),
                           lambda batch: people_delete("unit", unit.id, batch))
        elif kind in ("c", "a"):
            commune_id = self.app.commune_id
            if kind == "c":
                crit = next(c for c in self.criteria if str(c.id) == ident)
                target, code, name = (crit.id, None), crit.code, crit.name
            else:
                a = next(a for a in self.assignments if str(a.id) == ident)
                target, code = (a.criterion_id, a.indicator_id), a.indicator_code
                name = a.indicator_content or ""
            confirm_delete(self, t("del_assignment", code=code, name=clip(name, 40)),
                           lambda batch: deleting_clear(commune_id, *target, batch))


def people_delete(kind: str, record_id: int, batch: str) -> str:
    from db.services import deleting

    if kind == "member":
        return deleting.delete_member(record_id, batch=batch)
    return deleting.delete_unit(record_id, batch=batch)


def deleting_clear(commune_id: int, criterion_id: int, indicator_id: int | None, batch: str) -> str:
    from db.services import deleting

    return deleting.clear_assignment(commune_id, criterion_id, indicator_id, batch=batch)

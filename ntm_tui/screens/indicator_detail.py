"""Enter on an indicator: its content, target and provenance, result over the years, the plan's
tasks, solutions and works, evidence, lead, and the change log. Escape goes back."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ntm_tui.i18n import get_lang, t
from ntm_tui.workers import DataChanged, read, write
from ntm_tui.widgets.indicator_actions import INDICATOR_BINDINGS, IndicatorActions
from ntm_tui.widgets.indicator_table import unverified
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


def _level(confidence: str) -> str:
    """high/medium/low as stored in the catalogue, said in the user's language."""
    return t("conf_" + confidence) if confidence in ("high", "medium", "low") else "?"


def _loader(app, indicator_id: int):
    commune_id, year, lang = app.commune_id, app.year, get_lang()

    def load():
        from db.services.indicator_detail import indicator_detail

        return indicator_detail(commune_id, year, indicator_id, lang=lang)
    return load


def open_detail(node, indicator_id: int, code: str) -> None:
    """Read the indicator first, then open its screen with it: read while an empty screen was
    being drawn, the read ran at half speed (the drawing held the interpreter) and the screen
    was drawn twice (detail on a district file 180–220 ms to complete)."""
    app = node.app
    read(node, _loader(app, indicator_id),
         lambda detail: app.push_screen(IndicatorDetailScreen(indicator_id, code, detail)),
         group="open_detail")


class PlanTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", t("key_edit"), id="edit")]


class IndicatorDetailScreen(IndicatorActions, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", t("key_back"), id="back"),
        *INDICATOR_BINDINGS,
        Binding("t", "add_item('task')", t("key_add_task"), id="add_task"),
        Binding("s", "add_item('solution')", t("key_add_solution"), id="add_solution"),
        Binding("w", "add_work", t("key_add_work"), id="add_work"),
        Binding("d", "toggle_done", t("key_done"), id="toggle_done"),
        Binding("delete", "delete_plan_row", t("key_delete"), id="delete_plan_row"),
        Binding("pagedown", "scroll_body(1)", t("key_page_down"), show=False, priority=True,
                id="page_down"),
        Binding("pageup", "scroll_body(-1)", t("key_page_up"), show=False, priority=True,
                id="page_up"),
    ]

    detail = None  # db.services.indicator_detail.IndicatorDetail, once loaded

    def __init__(self, indicator_id: int, code: str, detail=None) -> None:
        super().__init__()
        self.indicator_id = indicator_id
        self.code = code
        self._first = detail  # read before the screen opened (open_detail), shown as it mounts

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-head")
            yield Static(id="detail-history", classes="block")
            yield Static(id="detail-plan-title", classes="block")
            yield PlanTable(id="plan", cursor_type="row")
            yield Static(id="detail-evidence", classes="block")
            yield Static(id="detail-changes", classes="block")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"{t('col_indicator')} {self.code}"
        table = self.query_one(PlanTable)
        table.add_column(t("tcol_kind"), width=10, key="kind")
        # A fixed width: an auto column would push the status out of an 80-column screen.
        table.add_column(t("tcol_content"), width=max(12, self.app.size.width - 36), key="text")
        table.add_column(t("tf_status"), width=14, key="status")
        # Focused now, not a frame later (focus()): the first frame is drawn with the table's focus.
        self.set_focus(table, scroll_visible=False)
        if self._first is not None:
            self._show(self._first)
            self._first = None
        else:
            self.refresh_data()

    def refresh_data(self) -> None:
        read(self, _loader(self.app, self.indicator_id), self._show, group="load")

    def on_data_changed(self, event: DataChanged) -> None:
        if event.origin is not self:
            self.refresh_data()

    # --- showing ---------------------------------------------------------------------------------
    def _show(self, detail) -> None:
        self.detail = detail
        self.query_one("#detail-head", Static).update(self._head(detail))
        self.query_one("#detail-history", Static).update(self._history(detail))
        self.query_one("#detail-plan-title", Static).update(
            Text(t("plan_title", year=self.app.year) + ("" if detail.items or detail.works
                                                        else "  " + t("none")),
                 style="bold underline"))
        self._fill_plan(detail)
        self.query_one("#detail-evidence", Static).update(self._evidence(detail))
        self.query_one("#detail-changes", Static).update(self._changes(detail))

    def _head(self, detail) -> Text:
        from db.rules import format_date, format_number

        s, p, lang = detail.status, detail.provenance, self.app.lang
        text = Text()
        text.append(f"{s.code}  {s.content}\n", style="bold")
        text.append(f"{t('col_criterion')} {p.criterion_code}: {p.criterion_name}\n")
        text.append(f"{t('col_target')}: ")
        text.append(s.target.describe(lang), style="" if s.threshold_known else "bold yellow")
        if not s.threshold_known:
            text.append(f"  ({t('mark_unknown_target')})", style="yellow")
        text.append(f"\n{t('col_result')} {self.app.year}: {t('status_' + s.status)}")
        if s.by_hand:
            text.append(f" ({t('set_by_hand')})", style="bold yellow")
        if s.value:
            text.append(f" · {t('col_value')} {s.value}")
        if s.numerator is not None and s.denominator is not None:
            text.append(f" ({format_number(s.numerator)}/{format_number(s.denominator)})")
        if s.data_date:
            text.append(f" · {t('tf_data_date')} {format_date(s.data_date)}")
        if s.result_year and s.result_year != self.app.year:
            text.append(f" · {t('carried_from', year=s.result_year)}", style="dim")
        if s.note:
            text.append(f"\n{t('tf_note')}: {s.note}")
        text.append(f"\n{t('detail_targeted' if s.targeted else 'detail_not_targeted', year=self.app.year)}",
                    style="bold" if s.targeted else "dim")
        text.append(f"\n{t('col_lead')}: {s.lead or t('none')}")
        text.append(f"\n{t('provenance')}: {t('basis_' + p.basis) if p.basis else '?'}, "
                    + t("confidence_both", content=_level(p.confidence), target=_level(p.target_confidence)),
                    style="yellow" if unverified(s) else "dim")
        if p.verified:
            who = f" ({p.verified_by})" if getattr(p, "verified_by", "") else ""
            text.append(f" · {t('verified')} {p.verified_source}{who}", style="green")
        if p.source:
            text.append(f"\n{t('source')}: {p.source}", style="dim")
        if getattr(s, "reenter", False):
            text.append(f"\n{t('reenter')}", style="bold yellow")
        for v in getattr(detail, "versions", []):  # an amended indicator: each wording with its years
            since = format_date(v.valid_from) if v.valid_from else t("version_start")
            text.append(f"\n{'▶' if v.in_force else '·'} {t('version_from', date=since, years=f'{v.first_year}–{v.last_year}')}"
                        f": {v.content} ({v.target.describe(lang)})" + (f" · {v.source}" if v.source else ""),
                        style="" if v.in_force else "dim")
        return text

    def _history(self, detail) -> Text:
        """Each year's result, then the states the value held, with the day each holds from."""
        from db.rules import format_date

        text = Text(t("history_title") + "\n", style="bold underline")
        if not detail.results:
            text.append(t("none"))
        parts = [f"{r.year}: {t('status_' + r.status)}" + (f" ({r.value})" if r.value else "")
                 for r in detail.results]
        text.append(" · ".join(parts))
        for s in detail.states:
            later = f" {t('entered_on', day=format_date(s.entered_on))}" \
                if s.entered_on > s.holds_from else ""
            text.append(f"\n{t('holds_from', day=format_date(s.holds_from))}: "
                        f"{t('status_' + s.status)}" + (f" ({s.value})" if s.value else "") + later,
                        style="dim")
        return text

    def _fill_plan(self, detail) -> None:
        from db.rules import format_date

        table = self.query_one(PlanTable)
        keep = table.cursor_row
        table.clear()
        for item in detail.items:
            mark = t("done_short") if item.done else ""
            table.add_row(t("kind_" + item.kind), item.text, mark, key=f"item:{item.id}")
        for work in detail.works:
            where = f" ({work.hamlet})" if work.hamlet else ""
            due = f" · {format_date(work.due_date)}" if work.due_date else ""
            table.add_row(t("kind_work"), f"{work.title}{where}{due}", t("work_" + work.status),
                          key=f"work:{work.id}")
        table.display = table.row_count > 0
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def _evidence(self, detail) -> Text:
        from db.rules import format_date

        text = Text(t("evidence_title", year=self.app.year) + "\n", style="bold underline")
        if not detail.evidence:
            text.append(t("none"))
        for e in detail.evidence:
            doc = " ".join(x for x in (e.doc_number, format_date(e.doc_date)) if x)
            text.append(f"[{t('evidence_' + e.status)}] ", style="green" if e.status != "missing"
                        else "red")
            text.append(e.title + (f" — {doc}" if doc else "") + "\n")
        text.rstrip()
        return text

    def _changes(self, detail) -> Text:
        text = Text(t("changes_title") + "\n", style="bold underline")
        if not detail.changes:
            text.append(t("none"))
        for c in detail.changes:
            text.append(f"{c.at:%d/%m/%Y %H:%M} {c.who} · {c.record} · {c.what}\n", style="dim")
        text.rstrip()
        return text

    # --- IndicatorActions --------------------------------------------------------------------------
    def selected_indicator(self):
        return self.detail.status if self.detail else None

    def selected_criterion_id(self) -> int | None:
        return self.detail.criterion_id if self.detail else None

    # --- plan ----------------------------------------------------------------------------------
    def _selected_plan_row(self):
        table = self.query_one(PlanTable)
        if not self.detail or not table.row_count:
            return None, None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        kind, _, ident = key.partition(":")
        rows = self.detail.items if kind == "item" else self.detail.works
        return kind, next((r for r in rows if r.id == int(ident)), None)

    def _push_plan_form(self, form_class, record=None, **kwargs) -> None:
        if self.detail is None:
            return
        form = form_class(self.app.commune_id, self.app.year, self.indicator_id, self.code,
                          record, **kwargs)
        self.app.push_screen(form)  # it saves through the door; the change signal reloads us

    def action_add_item(self, kind: str) -> None:
        from ntm_tui.forms.plan import PlanItemForm

        self._push_plan_form(PlanItemForm, kind=kind)

    def action_add_work(self) -> None:
        from ntm_tui.forms.plan import WorkForm

        self._push_plan_form(WorkForm, hamlets=self.detail.hamlets if self.detail else [])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from ntm_tui.forms.plan import PlanItemForm, WorkForm

        kind, record = self._selected_plan_row()
        if record is not None:
            if kind == "item":
                self._push_plan_form(PlanItemForm, record)
            else:
                self._push_plan_form(WorkForm, record, hamlets=self.detail.hamlets)

    def action_toggle_done(self) -> None:
        kind, record = self._selected_plan_row()
        if record is None:
            self.app.notify(t("pick_plan_row"), severity="warning")
            return

        def toggle(batch: str):
            from db.services.plans import toggle_plan_row

            toggle_plan_row(kind, record.id, expected_version=record.version, batch=batch)

        write(self, toggle, message=t("saved"))

    def action_scroll_body(self, direction: int) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        if direction > 0:
            body.scroll_page_down()
        else:
            body.scroll_page_up()

    def action_delete_plan_row(self) -> None:
        from ntm_tui.forms.confirm import confirm_delete

        kind, record = self._selected_plan_row()
        if record is None:
            self.app.notify(t("pick_plan_row"), severity="warning")
            return
        what = t("del_plan_work", text=record.title) if kind == "work" else \
            t(f"del_plan_{record.kind}", text=record.text)

        def delete(batch: str) -> str:
            from db.services.deleting import delete_plan_row

            return delete_plan_row(kind, record.id, batch=batch)

        confirm_delete(self, what, delete)

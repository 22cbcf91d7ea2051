"""Find anything (ctrl+f everywhere, `/` on lists without their own filter): one box, the
results of `db.services.search` as the officer types, Enter opens the record where it lives."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from ntm_tui.i18n import t
from ntm_tui.screens.listing import clip, selected_key
from ntm_tui.workers import read


class SearchScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    SearchScreen { align: center top; background: $background; }  /* opaque: nothing to blend */
    SearchScreen #find { width: 100%; height: 100%; border: round $accent; background: $surface;
                         padding: 0 1; }
    SearchScreen #find-title { text-style: bold; }
    SearchScreen #find-box { width: 100%; }
    SearchScreen #find-hits { height: 1fr; }
    SearchScreen #find-bar { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", t("key_close"), id="find_close"),
        Binding("down", "to_hits", show=False, id="find_to_hits"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        self.hits: list = []
        self.shown_text = ""  # the text `hits` were found for
        # Keys typed before the answer arrived (a burst, a paste): done, in order, once it is here.
        self.pending: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="find"):
            yield Static(t("search_title", year=self.app.year or ""), id="find-title", markup=False)
            yield Input(self.text, id="find-box", placeholder=t("find_placeholder"), compact=True)
            yield DataTable(id="find-hits", cursor_type="row", zebra_stripes=True)
            yield Static("", id="find-bar", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.can_focus = True
        for key, width in (("search_col_kind", 10), ("search_col_code", 5),
                           ("search_col_title", 36), ("search_col_context", 20)):
            table.add_column(t(key), width=width)
        self.query_one(Input).focus()
        if self.text:
            self.find(self.text)

    # --- searching -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.find(event.value)

    def find(self, text: str) -> None:
        commune_id, year, today = self.app.commune_id, self.app.year, self.app.ctx.today
        if commune_id is None or not text.strip():
            self.show_hits(text, [])
            return

        def load():
            from db.services.search import search

            return search(commune_id, year, text, today=today)

        read(self, load, lambda hits: self.show_hits(text, hits), group="find")

    def show_hits(self, text: str, hits: list) -> None:
        if text != self.query_one(Input).value:
            return  # an older answer: the officer has typed on
        self.hits = hits
        table = self.query_one(DataTable)
        table.clear()
        for n, hit in enumerate(hits):
            table.add_row(t(f"hit_{hit.kind}"), hit.code, clip(hit.title, 36),
                          clip(hit.context, 20), key=str(n))
        bar = t("search_count", count=len(hits)) if hits or not text.strip() else \
            t("find_none", text=text.strip())
        self.query_one("#find-bar", Static).update(bar)
        self.shown_text = text
        pending, self.pending = self.pending, []
        for action in pending:
            if action == "open":
                self.open_current()
                return
            self.action_to_hits()

    def answered(self) -> bool:
        """Whether the hits shown are those of the text in the box (else keep the key for later)."""
        return self.shown_text == self.query_one(Input).value or not self.query_one(Input).value.strip()

    # --- keys ---------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    def action_to_hits(self) -> None:
        """Down: the hit after the one highlighted (the one Enter in the box opens), as in a
        command palette; the list takes the next Downs itself."""
        if not self.answered():
            self.pending.append("hits")
            return
        table = self.query_one(DataTable)
        if not self.hits:
            return
        if table.has_focus:  # a Down replayed after the first
            table.action_cursor_down()
            return
        table.focus()
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.answered():
            self.open_current()
        else:
            self.pending.append("open")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_current()

    def open_current(self) -> None:
        key = selected_key(self.query_one(DataTable))
        if key is None:
            return
        hit = self.hits[int(key)]
        app = self.app
        self.dismiss(None)
        open_hit(app, hit)


def open_hit(app, hit) -> None:
    """Show the record where it lives: its section with the cursor on it, or its indicator."""
    if hit.kind in ("indicator", "task", "solution", "work") and hit.indicator_id:
        from ntm_tui.screens.indicator_detail import open_detail

        app.action_switch_section("criteria")
        open_detail(app.screen, hit.indicator_id, hit.code)  # read first, then shown
        if hit.kind != "indicator":
            prefix = "work" if hit.kind == "work" else "item"
            _when_ready(app, lambda: _move_plan_row(app, f"{prefix}:{hit.key}"))
    elif hit.kind == "criterion":
        app.action_switch_section("criteria")
        _when_ready(app, lambda: getattr(app.screen, "status", None) is not None
                    and app.screen._jump(hit.code, quiet=True))
    elif hit.kind in ("member", "unit"):
        app.action_switch_section("assignments")
        screen = app.screen
        if getattr(screen, "view", "people") != "people":
            screen.action_toggle_view()
        _when_ready(app, lambda: _move(screen, f"{hit.kind[0]}:{hit.key}"))
    elif hit.kind == "evidence":
        app.action_switch_section("evidence")
        screen = app.screen

        def show() -> bool:
            if not any(str(e.id) == hit.key for e in getattr(screen, "items", [])):
                return False
            if screen.filter != "all":
                screen.filter = "all"
                screen.show_items()
            return _move(screen, hit.key)

        _when_ready(app, show)
    elif hit.kind == "deadline":
        app.action_switch_section("calendar")
        screen = app.screen

        def show_deadline() -> bool:
            if getattr(screen, "open_only", False) and not _move(screen, hit.key):
                screen.action_toggle_open()
            return _move(screen, hit.key)

        _when_ready(app, show_deadline)
    else:  # the plan's own text: said where it is
        app.notify(f"{hit.title}: {hit.context}", timeout=8)


def _move(screen, key: str) -> bool:
    try:
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(key), scroll=True)
    except Exception:  # not loaded yet (or the row is gone): try again
        return False
    return True


def _move_plan_row(app, key: str) -> bool:
    from ntm_tui.screens.indicator_detail import PlanTable

    try:
        table = app.screen.query_one(PlanTable)
        table.move_cursor(row=table.get_row_index(key), scroll=True)
    except Exception:  # the detail has not loaded yet
        return False
    return True


def _when_ready(app, attempt, tries: int = 60) -> None:
    """Run `attempt()` until it returns True: the screen loads its rows in a worker."""
    if tries <= 0 or attempt():
        return
    app.set_timer(0.05, lambda: _when_ready(app, attempt, tries - 1))

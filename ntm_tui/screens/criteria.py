"""Section 2, Tiêu chí: every criterion and its indicators, filters, search and quick keys."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static

from ntm_tui.i18n import t
from ntm_tui.screens.base import SectionScreen
from ntm_tui.widgets.indicator_actions import INDICATOR_BINDINGS, IndicatorActions
from ntm_tui.widgets.indicator_table import FILTERS, IndicatorTable, find_row, visible_rows
from ntm_tui.widgets.key_bar import KeyBar
from ntm_tui.widgets.title_bar import TitleBar


MESSAGE_SECONDS = 4  # as long as a toast stays


class CriteriaScreen(IndicatorActions, SectionScreen):
    SECTION = "criteria"
    BINDINGS = [
        *INDICATOR_BINDINGS,
        Binding("slash", "search", t("key_search"), id="search"),
        Binding("escape", "close_search", t("key_close_search"), show=False, id="close_search"),
        Binding("f", "next_filter", t("key_filter"), id="next_filter"),
        Binding("u", "walk_unverified", t("key_walk_unverified"), show=False, id="walk_unverified"),
        *[Binding(key, f"set_filter('{name}')", t(f"filter_{name}"), show=False, id=f"filter_{name}")
          for name, key in FILTERS.items()],
    ]

    status = None  # db.services.status.YearStatus, once loaded
    filter = "all"
    _loads = 0  # loads asked for
    _shown_load = 0  # the one on the screen
    _status_line = None
    _shown_count = 0  # indicators the filter shows
    _message = ""  # the last change's confirmation, in the status line for MESSAGE_SECONDS
    _message_timer = None
    _before_search: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="criteria-status", markup=False)
        yield IndicatorTable(id="indicators")
        yield Input(placeholder=t("search_placeholder"), id="search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.title_text()
        self.query_one("#search", Input).display = False
        self.query_one(IndicatorTable).focus()
        self.refresh_data()

    # --- the unverified indicators, one after another ----------------------------------------------
    def action_walk_unverified(self) -> None:
        """`u`: the definition form of each unverified indicator in turn (wording recalled,
        threshold unknown): ctrl+s saves and goes on, ctrl+n goes on, Esc stops."""
        from ntm_tui.widgets.indicator_table import unverified

        if self.status is None:
            return
        walk = [i for i in self.status.indicators() if unverified(i)]
        if not walk:
            self.app.notify(t("walk_none"), timeout=4)
            return
        self._walk_step(walk, 0)

    def _walk_step(self, walk: list, index: int) -> None:
        from ntm_tui.forms.indicator_definition import IndicatorDefinitionForm
        from ntm_tui.workers import read

        if index >= len(walk):
            self.app.notify(t("walk_done", count=len(walk)), timeout=6)
            return
        item = walk[index]
        table = self.query_one(IndicatorTable)
        if f"i:{item.code}" in table.rows_by_key:  # the list follows the walk
            table.move_to(f"i:{item.code}")

        def load():
            from db.services.catalogue_edit import indicator_definition

            return indicator_definition(item.id)

        def answered(result) -> None:
            if result is None:  # Esc: the walk stops where the officer is
                self.app.notify(t("walk_stopped", n=index + 1, of=len(walk)), timeout=4)
                return
            self._walk_step(walk, index + 1)

        read(self, load, lambda d: self.app.push_screen(
            IndicatorDefinitionForm(d, step=(index + 1, len(walk))), answered), group="open_form")

    # --- data ---------------------------------------------------------------------------------
    def refresh_data(self) -> None:
        app = self.app
        if app.commune_id is None:
            self._status_line = None
            self.query_one("#criteria-status", Static).update(t("tui_no_commune"))
            return
        commune_id, year = app.commune_id, app.year

        def load():
            from db.services.status import year_status

            return year_status(commune_id, year)

        self._loads += 1
        number = self._loads
        self.run_db(load, lambda status: self._show(status, number), exclusive=True)

    def _show(self, status, number: int) -> None:
        if number < self._loads:
            return  # an earlier load finishing late: a later one, with newer data, is on its way
        self._shown_load = number
        self.status = status
        self._render_rows()

    def show_result(self, result) -> bool:
        """The space key's result goes into the year already shown: its row and its criterion's
        are repainted, nothing else is read (unless a load is on its way, which it would undo).
        False when the year must still be read again, behind the row already shown."""
        from db.services.status import with_result

        if self.status is None or self._shown_load != self._loads:
            return False
        carried = self.status.carried()
        status = with_result(self.status, result)
        if status is None:
            return False
        self.status = status
        crit = next(c for c in status.criteria if any(i.code == result.code for i in c.indicators))
        self._render_rows(only={f"c:{crit.code}", f"i:{result.code}"})
        # The year's first edit wrote every indicator's row: the same results (nothing else to
        # draw), but versions the next edits are checked against are read again.
        return not carried

    def _render_rows(self, cursor_key: str | None = None, only: set[str] | None = None) -> None:
        if self.status is None:
            return
        table = self.query_one(IndicatorTable)
        self._shown_count = table.show(self.status, self.filter, self.app.ctx.config.member_name,
                                       self.size.width, self.app.lang, cursor_key, only)
        self._update_status_line()

    def _update_status_line(self) -> None:
        if self.status is None:
            return
        total = len(self.status.indicators())
        line = Text(f"{t('year')} {self.status.year} · {t('filter')}: {t('filter_' + self.filter)}"
                    f" · {self._shown_count}/{total} {t('indicators')} · ")
        if self._message:
            line.append(self._message, style="bold")
        else:
            line.append("* " + t("mark_unverified") + "  ? " + t("mark_unknown_target"), style="dim")
        if line != self._status_line:  # an unchanged line is not drawn again after each press
            self._status_line = line
            # One line high whatever it says (app.tcss): repainted, the screen is not laid out.
            self.query_one("#criteria-status", Static).update(line, layout=False)

    def confirm(self, message: str) -> bool:
        """The space key's confirmation ("12.1 / 2023: Đạt") goes in the status line for a few
        seconds instead of a toast: a toast is a widget mounted and laid out with the screen
        (40-120 ms at the 95th percentile per press at 80×24, over the 50 ms budget), and a
        run of presses stacks them over the result column."""
        self._message = message
        self._update_status_line()
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(MESSAGE_SECONDS, self._clear_message)
        return True

    def _clear_message(self) -> None:
        self._message, self._message_timer = "", None
        self._update_status_line()

    def on_resize(self) -> None:
        self._render_rows()

    # --- selection -------------------------------------------------------------------------------
    def after_toggle(self) -> None:
        """Space records and goes one indicator down, so a run of results is one key each
        (Cài đặt turns it off). The next press applies to the row it lands on."""
        if not self.app.ctx.config.space_moves_next:
            return
        table = self.query_one(IndicatorTable)
        for row in range(table.cursor_row + 1, table.row_count):
            key = table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
            found = table.rows_by_key.get(key)
            if found and found[1] is not None:
                table.move_cursor(row=row, scroll=True)
                return

    def selected_indicator(self):
        return self.query_one(IndicatorTable).selected_indicator()

    def selected_criterion_id(self) -> int | None:
        return self.query_one(IndicatorTable).selected_criterion_id()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        item = self._need_indicator()
        if item is None:
            return
        from ntm_tui.screens.indicator_detail import open_detail

        open_detail(self, item.id, item.code)

    # --- filters ---------------------------------------------------------------------------------
    def action_set_filter(self, name: str) -> None:
        if name == "mine" and not self.app.ctx.config.member_name:
            self.app.notify(t("mine_needs_name"), severity="warning")
            return
        self.filter = name
        self._render_rows(self.query_one(IndicatorTable).cursor_key())

    def action_next_filter(self) -> None:
        names = list(FILTERS)
        following = names[(names.index(self.filter) + 1) % len(names)]
        if following == "mine" and not self.app.ctx.config.member_name:
            following = names[(names.index(following) + 1) % len(names)]
        self.action_set_filter(following)

    def palette_commands(self):
        for name in FILTERS:
            yield SystemCommand(f"{t('filter')}: {t('filter_' + name)}", t("section_criteria"),
                                lambda name=name: self.action_set_filter(name))

    # --- search ----------------------------------------------------------------------------------
    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        self._before_search = self.query_one(IndicatorTable).cursor_key()
        box.display = True
        box.value = ""
        box.focus()

    def action_close_search(self, restore: bool = True) -> None:
        """Escape puts the cursor back where it was; Enter on a match leaves it there."""
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            table = self.query_one(IndicatorTable)
            if restore and self._before_search in table.rows_by_key:
                table.move_to(self._before_search)
            table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and event.value.strip():
            self._jump(event.value, quiet=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        if self._jump(event.value):
            self.action_close_search(restore=False)
        elif not event.value.strip():
            self.action_close_search()

    def _jump(self, query: str, quiet: bool = False) -> bool:
        """Put the cursor on the first row matching; widen the filter if the match is hidden."""
        if self.status is None:
            return False
        key = find_row(visible_rows(self.status, self.filter, self.app.ctx.config.member_name), query)
        if key is None and self.filter != "all":
            key = find_row(visible_rows(self.status, "all", ""), query)
            if key is not None:
                self.filter = "all"
                self._render_rows()
        if key is None:
            if not quiet:
                self.app.notify(t("search_none", query=query), severity="warning")
            return False
        self.query_one(IndicatorTable).move_to(key)
        return True

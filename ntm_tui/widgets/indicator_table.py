"""The criteria/indicator table: one row per criterion followed by its indicators.

Row keys are "c:<code>" (criterion) and "i:<code>" (indicator), so the cursor survives a reload.
"""
from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from db.text import fold, matches
from ntm_tui.i18n import t

# filter name → its key
FILTERS = {"all": "t", "not_met": "c", "targets": "k", "mine": "m", "unverified": "x"}

# column label key → width (the content column takes what is left)
COLUMNS = [("tcol_code", 6), ("tcol_content", 0), ("tcol_target", 9), ("tcol_value", 7),
           ("tcol_result", 5), ("tcol_lead", 10), ("tcol_evidence", 5)]
FIXED = sum(w for _, w in COLUMNS) + 2 * len(COLUMNS) + 3  # cell padding, scrollbar


def unverified(item) -> bool:
    """Wording recalled rather than read, or a threshold nobody knows yet."""
    return (not item.verified and item.confidence != "high") or not item.threshold_known


def _shown(item, criterion, name: str, member: str) -> bool:
    if name == "not_met":
        return item.status not in ("met", "na")
    if name == "targets":
        return item.targeted or criterion.targeted
    if name == "mine":
        # "Tran Thi Binh" in the settings finds "Trần Thị Bình (minh họa)" in the data.
        return bool(member) and bool(item.lead) and matches(member, item.lead)
    if name == "unverified":
        return unverified(item)
    return True


def visible_rows(status, name: str, member: str) -> list[tuple[str, object, object]]:
    """(key, criterion, indicator or None) in table order under the filter."""
    rows: list[tuple[str, object, object]] = []
    for crit in status.criteria:
        items = [i for i in crit.indicators if _shown(i, crit, name, member)]
        if not items and name != "all":
            continue
        rows.append((f"c:{crit.code}", crit, None))
        rows += [(f"i:{i.code}", crit, i) for i in items]
    return rows


def find_row(rows, query: str) -> str | None:
    """A code typed ("12.1", "11", "11.1" for the one-indicator 11) wins; else the first row
    whose code, content or name holds every word, diacritics and case ignored."""
    query = query.lstrip("/")  # a "/" typed twice (tmux sends keys fast) is not part of it
    wanted = fold(query).strip()
    if not wanted:
        return None
    codes = [wanted] + ([wanted[:-2]] if wanted.endswith(".1") else [])
    if re.fullmatch(r"[0-9.]+", wanted):
        # An indicator first: "11" means the one indicator of criterion 11, ready for space.
        for code in codes:
            for key, crit, item in sorted(rows, key=lambda row: row[2] is None):
                if (item.code if item else crit.code) == code:
                    return key
    for key, crit, item in rows:
        if item is None and matches(query, crit.code, crit.name):
            return key
        if item is not None and matches(query, item.code, item.content):
            return key
    return None


def _same_cell(a, b) -> bool:
    if isinstance(a, Text) and isinstance(b, Text):
        return a.plain == b.plain and a.style == b.style and a.spans == b.spans
    return type(a) is type(b) and a == b


def short_name(name: str, width: int) -> str:
    """Vietnamese names end with the given name: keep the end ("Nguyễn Văn An" → "Văn An")."""
    name = re.sub(r"\s*\(.*?\)", "", name or "").strip()
    words = name.split()
    while len(" ".join(words)) > width and len(words) > 1:
        words = words[1:]
    return " ".join(words)[:width]


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(1, width - 1)] + "…"


class IndicatorTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", t("key_detail"), id="detail")]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.rows_by_key: dict[str, tuple[object, object]] = {}
        self._shown_cells: dict[str, list] = {}  # what each row shows now
        self._shown_layout: tuple = ()  # (row keys, content width, language) of the table now

    def show(self, status, name: str, member: str, width: int, lang: str,
             cursor_key: str | None = None, only: set[str] | None = None) -> int:
        """Fill the table; returns how many indicators are shown. `only`: the keys of the rows
        that may have changed (the others are known to be as shown), when the rows stay the same."""
        cursor_key = cursor_key or self.cursor_key()
        content_width = max(10, width - FIXED)
        rows = visible_rows(status, name, member)
        self.rows_by_key = {key: (crit, item) for key, crit, item in rows}
        layout = (tuple(self.rows_by_key), content_width, lang)
        rebuilt = not (layout == self._shown_layout and self.row_count == len(rows))
        if not rebuilt:
            # Same rows and columns (a space press, a reload after a change): rewrite only the
            # cells that differ, so the table is not cleared and laid out again.
            for key, crit, item in rows:
                if only is not None and key not in only:
                    continue
                cells = self._cells(crit, item, content_width, lang)
                changed = {label: new for (label, _), new, old in zip(COLUMNS, cells, self._shown_cells[key])
                           if not _same_cell(new, old)}
                if changed:
                    self.rewrite_row(key, changed)
                    self._shown_cells[key] = cells
        else:
            self._shown_cells = {key: self._cells(crit, item, content_width, lang) for key, crit, item in rows}
            self.clear(columns=True)
            for label, w in COLUMNS:
                self.add_column(t(label), width=w or content_width, key=label)
            for key, cells in self._shown_cells.items():
                self.add_row(*cells, key=key)
            self._shown_layout = layout
        if cursor_key in self.rows_by_key and (rebuilt or cursor_key != self.cursor_key()):
            self.move_to(cursor_key)  # (moving it where it is still scrolls: a millisecond a press)
        return sum(1 for _, _, item in rows if item is not None)

    def _cells(self, crit, item, width: int, lang: str) -> list:
        return self._criterion_cells(crit, width) if item is None else self._indicator_cells(item, width, lang)

    def rewrite_row(self, key: str, cells: dict[str, object]) -> None:
        """Put new values in some cells of one row and repaint that row only.

        `DataTable.update_cell` counts as a change of the whole table: every cached cell is
        dropped and the next frame renders every visible row again (about 130 cells at 80×24,
        30–90 ms on the benchmark machine, most of a space press). Here only the row's own
        cached renders are dropped and only its line is refreshed, as DataTable does itself when
        the cursor moves. This leans on DataTable's caches (Textual 8); should they change,
        `update_cell` is used as before (tests/tui/test_criteria.py checks the painted row)."""
        try:
            row_index = self.get_row_index(key)
            data = self._data[RowKey(key)]
            caches = (self._cell_render_cache, self._row_render_cache, self._row_renderable_cache,
                      self._line_cache)
            if any(not isinstance(c, LRUCache) for c in caches) or any(
                    ColumnKey(label) not in data for label in cells):
                raise AttributeError("DataTable internals changed")
        except (AttributeError, KeyError, TypeError):
            self._rewrite_slowly(key, cells)
            return
        cell_cache, row_cache, renderable_cache, line_cache = caches
        for label, value in cells.items():
            data[ColumnKey(label)] = value
        region = self._get_row_region(row_index)
        lines = range(region.y, region.bottom)
        # Cache keys (Textual 8): cells are (RowKey, ColumnKey, …), rows start with the RowKey,
        # renderables are (update count, row index), lines start with the line's y in the table.
        # The row's other cells keep their cached renders.
        columns = set(cells)
        try:
            stale_keys = ((cell_cache, [k for k in cell_cache.keys()
                                        if k[0].value == key and k[1].value in columns]),
                          (row_cache, [k for k in row_cache.keys() if k[0].value == key]),
                          (renderable_cache, [k for k in renderable_cache.keys() if k[1] == row_index]),
                          (line_cache, [k for k in line_cache.keys() if k[0] in lines]))
        except (AttributeError, IndexError, TypeError):  # keys shaped otherwise: the safe way
            self._rewrite_slowly(key, cells)
            return
        for cache, stale in stale_keys:
            for cache_key in stale:
                cache.discard(cache_key)
        self.refresh_row(row_index)
        self.fast_rewrites += 1

    fast_rewrites = 0  # rows repainted alone (a test checks the space key takes this path)
    slow_rewrites = 0  # rows rewritten with update_cell: Textual's caches were not as expected

    def _rewrite_slowly(self, key: str, cells: dict[str, object]) -> None:
        for label, value in cells.items():
            self.update_cell(key, label, value)
        self.slow_rewrites += 1

    def _criterion_cells(self, crit, width: int) -> list:
        bold = "bold"
        done = crit.indicators_met
        total_ev = sum(i.evidence_total for i in crit.indicators)
        done_ev = sum(i.evidence_done for i in crit.indicators)
        return [Text(crit.code, style=bold), Text(clip(crit.name, width), style=bold), "", "",
                Text(f"{done}/{len(crit.indicators)}", style="bold green" if crit.met else bold),
                short_name(crit.lead, 10), f"{done_ev}/{total_ev}" if total_ev else ""]

    def _indicator_cells(self, item, width: int, lang: str) -> list:
        code = Text(" " + item.code)
        if unverified(item):
            code.append("*", style="bold yellow")
        content = Text(clip(item.content, width), style="bold" if item.targeted else "")
        target = Text(item.target.describe(lang), style="" if item.threshold_known else "bold yellow")
        styles = {"met": "green", "not_met": "red", "na": "dim", "unassessed": "dim"}
        result = Text(t(f"res_{item.status}"), style=styles.get(item.status, ""))
        if getattr(item, "by_hand", False):  # set by hand against its value: "!" (no colour needed)
            result.append("!", style="bold yellow")
        evidence = f"{item.evidence_done}/{item.evidence_total}" if item.evidence_total else ""
        value = "" if item.kind == "yesno" else clip(item.value or "", 7)  # the result says it
        return [code, content, target, value, result,
                short_name(item.lead, 10), evidence]

    # --- cursor ----------------------------------------------------------------------------------
    def cursor_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        except Exception:  # the cursor is outside a just-cleared table
            return None

    def move_to(self, key: str) -> None:
        self.move_cursor(row=self.get_row_index(key), scroll=True)

    def selected_indicator(self):
        found = self.rows_by_key.get(self.cursor_key() or "")
        return found[1] if found else None

    def selected_criterion_id(self) -> int | None:
        found = self.rows_by_key.get(self.cursor_key() or "")
        return found[0].id if found else None

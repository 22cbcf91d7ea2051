"""Spreadsheets (openpyxl): a year's indicator table for the sectors and the town, and a
criteria set in the form `db.catalogue.read_xlsx` reads back. Nothing here knows Textual."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

MIN_WIDTH, MAX_WIDTH, WRAP_WIDTH = 6, 40, 60  # column widths in characters


def _fill_sheet(sheet, rows: Sequence[Sequence[Any]], wrap: Sequence[int] = (),
                date_format: str = "DD/MM/YYYY") -> None:
    """Rows in, bold frozen header, widths that fit the text, wrapped long columns."""
    from openpyxl.styles import Alignment, Font

    for row in rows:
        sheet.append(list(row))
    for line in sheet.iter_rows():
        for cell in line:
            if looks_like_formula(cell.value):
                as_text(cell)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(sheet.iter_cols(min_row=1, max_row=sheet.max_row), start=1):
        letter = column[0].column_letter
        longest = max((len(_shown(c.value)) for c in column), default=0)
        if index in wrap:
            sheet.column_dimensions[letter].width = WRAP_WIDTH
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
        for cell in column[1:]:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = date_format


FORMULA_STARTS = ("=", "+", "-", "@")


def looks_like_formula(value: Any) -> bool:
    """Text a spreadsheet would take for a formula: starting with = + - @, also after
    blanks, tabs or line breaks (which some programs drop when they read a cell)."""
    return isinstance(value, str) and value.lstrip(" \t\r\n").startswith(FORMULA_STARTS)


def as_text(cell) -> None:
    """Keep `cell` a text cell: openpyxl makes "=…" a live formula, and Excel would make any
    such text one when the cell is edited. The quote prefix is what Excel itself sets when a
    person types '=…; the value read back is the text as written."""
    cell.data_type = "s"
    cell.quotePrefix = True


def _shown(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return "00/00/0000"
    return "" if value is None else str(value)


def _save(book, path: Path, overwrite: bool) -> Path:
    """Through the exports' safe write: temporary name, synced, renamed; never via a link.
    Built in memory first: a zip archive cut short by a full disk is never left half open."""
    import io

    from exports.files import write_bytes

    buffer = io.BytesIO()
    book.save(buffer)
    return write_bytes(Path(path), buffer.getvalue(), overwrite)


def write_results_xlsx(status, path: Path, lang: str = "vi", exported_on: date | None = None,
                       overwrite: bool = False) -> Path:
    """A year's indicator table (`db.services.status.YearStatus`) with Vietnamese headers."""
    from openpyxl import Workbook

    from db.services.results_exchange import INFO_SHEET, RESULT_COLUMNS, RESULT_SHEET, result_rows

    book = Workbook()
    sheet = book.active
    sheet.title = RESULT_SHEET
    header = [en if lang == "en" else vi for _, vi, en in RESULT_COLUMNS]
    keys = [key for key, _, _ in RESULT_COLUMNS]
    rows = [[row[k] for k in keys] for row in result_rows(status, lang)]
    _fill_sheet(sheet, [header] + rows, wrap=[keys.index("content") + 1])
    for row in sheet.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "@"  # codes stay text: 17.10 must not become 17.1
    info = book.create_sheet(INFO_SHEET)
    en = lang == "en"
    _fill_sheet(info, [
        ["Mục" if not en else "Item", "Giá trị" if not en else "Value"],
        ["Xã" if not en else "Commune", status.commune_name],
        ["Năm" if not en else "Year", status.year],
        ["Bộ tiêu chí" if not en else "Criteria set", status.set_code],
        ["Kết quả" if not en else "Counts", status.counts.text(lang)],
        ["Ngày xuất" if not en else "Exported on", exported_on or date.today()],
    ])
    return _save(book, path, overwrite)


def write_catalogue_xlsx(document: dict, path: Path, overwrite: bool = False) -> Path:
    """A criteria set (`db.catalogue.catalogue_document`) as three sheets."""
    from openpyxl import Workbook

    from db.catalogue import (
        INDICATOR_COLUMNS, SHEET_GROUPS, SHEET_HEADER, SHEET_INDICATORS, SHEET_PARTS, SHEET_VERSIONS,
        catalogue_extra_rows, catalogue_rows,
    )

    header, groups, indicators = catalogue_rows(document)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_HEADER
    _fill_sheet(sheet, header, wrap=[2])
    _fill_sheet(book.create_sheet(SHEET_GROUPS), groups)
    keys = [key for key, _ in INDICATOR_COLUMNS]
    _fill_sheet(book.create_sheet(SHEET_INDICATORS), indicators,
                wrap=[keys.index("content") + 1, keys.index("source") + 1])
    for row in book[SHEET_INDICATORS].iter_rows(min_row=2):
        for key in ("criterion_code", "code", "group"):
            row[keys.index(key)].number_format = "@"
    parts, versions = catalogue_extra_rows(document)
    for title, rows in ((SHEET_PARTS, parts), (SHEET_VERSIONS, versions)):
        _fill_sheet(book.create_sheet(title), rows, wrap=[3] if title == SHEET_VERSIONS else [4])
        for row in book[title].iter_rows(min_row=2, max_col=1):
            row[0].number_format = "@"  # codes stay text
    return _save(book, path, overwrite)

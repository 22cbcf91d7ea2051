"""A year's results to and from a spreadsheet the sectors fill in.

The sheet `exports.xlsx.write_results_xlsx` writes is read back here, matched by indicator
code. Every row is checked first (missing column, unknown code, text in a number cell, bad
date); then the changes are worked out by running `set_result` for real inside a
transaction that a dry run rolls back, so the preview lists exactly what applying writes.
"""
from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from db import rules
from db.changelog import new_batch
from db.dataclass_lite import dataclass
from db.errors import NtmError, ValidationError
from db.messages import translate
from db.models import ChangeLog, Commune, Criterion, Indicator, database
from db.services.communes import commune_of, criteria_set_for_year
from db.services.results import effective_results, kind_changed, set_result, target_for
from db.text import clean, fold

RESULT_SHEET, INFO_SHEET = "Kết quả", "Thông tin"
RESULT_COLUMNS = [  # key, Vietnamese header, English header
    ("code", "Mã chỉ tiêu", "Indicator code"),
    ("content", "Nội dung", "Content"),
    ("target", "Chỉ tiêu yêu cầu", "Target"),
    ("value", "Giá trị", "Value"),
    ("numerator", "Tử số", "Numerator"),
    ("denominator", "Mẫu số", "Denominator"),
    ("data_date", "Ngày số liệu", "Data date"),
    ("result", "Kết quả", "Result"),
    ("lead", "Phụ trách", "Lead"),
    ("evidence", "Minh chứng (đủ/tổng)", "Evidence (done/total)"),
]
REQUIRED = ("code", "value")
STATUS_LABELS = {  # status → (vi, en)
    rules.MET: ("Đạt", "Met"), rules.NOT_MET: ("Chưa đạt", "Not met"),
    rules.NA: ("Không áp dụng", "Not applicable"), rules.UNASSESSED: ("Chưa đánh giá", "Not assessed"),
}
_STATUS_READ = {fold(label): status for status, labels in STATUS_LABELS.items() for label in labels}
_STATUS_READ.update({"khong dat": rules.NOT_MET, **{s: s for s in STATUS_LABELS}})
_MET_KEY = {rules.MET: "yes", rules.NOT_MET: "no", rules.NA: "na", rules.UNASSESSED: "unassessed"}
SHOWN_FIELDS = ("value", "numerator", "denominator", "data_date", "status", "note")


_FIELD_COLUMN = {"value": "value", "numerator": "numerator", "denominator": "denominator",
                 "data_date": "data_date", "status": "result"}
_EMPTY = ("(trống)", "(empty)")


@dataclass(frozen=True)
class Change:
    code: str
    field: str  # value, numerator, denominator, data_date, status
    old: str | None
    new: str | None

    def cells(self, lang: str = "vi") -> tuple[str, str, str, str]:
        """(code, field, old, new) as the officer reads them: the sheet's column name,
        dates dd/mm/yyyy, decimal commas, result labels."""
        en = lang == "en"
        label = column_header(_FIELD_COLUMN.get(self.field, self.field), lang)

        def shown(value: str | None) -> str:
            if value is None or value == "":
                return _EMPTY[en]
            if self.field == "status":
                return status_label(value, lang)
            if self.field == "data_date":
                return rules.format_date(date.fromisoformat(value))
            if self.field in ("numerator", "denominator"):
                return value.replace(".", ",")
            return value

        return self.code, label, shown(self.old), shown(self.new)


@dataclass(frozen=True)
class ImportOutcome:
    changes: list[Change]
    batch: str | None  # None for a dry run
    rows: int  # indicator rows read
    notes: list["RowNote"] = field(default_factory=list)  # what a row's cells did not do, and why


@dataclass(frozen=True)
class RowNote:
    """Why a cell of a row was not applied as written (a stale result, an earlier date)."""
    row: int
    code: str
    key: str  # db.messages
    params: tuple = ()

    def text(self, lang: str = "vi") -> str:
        from db.messages import translate

        return translate(self.key, lang, row=self.row, code=self.code, **dict(self.params))


class RowProblems(ValidationError):
    """Several problems, one line each, every one naming its row (and column)."""

    def __init__(self, problems: list[tuple[str, dict, NtmError | None]]) -> None:
        self.problems = problems
        super().__init__("xlsx_row_problem", row="", problem="")

    def lines(self, lang: str = "vi") -> list[str]:
        out = []
        for key, params, inner in self.problems:
            extra = {"problem": inner.message(lang)} if inner is not None else {}
            if "column" in params:
                extra["column"] = column_header(params["column"], lang)
            out.append(translate(key, lang, **{**params, **extra}))
        return out

    def message(self, lang: str = "vi") -> str:
        return "\n".join(self.lines(lang)) if hasattr(self, "problems") else ""


def column_header(key: str, lang: str = "vi") -> str:
    return next((en if lang == "en" else vi for k, vi, en in RESULT_COLUMNS if k == key), key)


def status_label(status: str, lang: str = "vi") -> str:
    return STATUS_LABELS.get(status, (status, status))[1 if lang == "en" else 0]


def result_rows(status, lang: str = "vi") -> list[dict[str, Any]]:
    """One mapping per indicator of a `YearStatus`, cells typed for a spreadsheet."""
    rows = []
    for ind in status.indicators():
        value: Any = ind.value
        if value and ind.kind in (rules.PERCENT, rules.AMOUNT):
            try:
                value = rules.parse_number(value)
            except ValidationError:
                pass  # kept as text: the officer sees what was stored
        rows.append({
            "code": ind.code, "content": ind.content, "target": ind.target.describe(lang),
            "value": value, "numerator": ind.numerator, "denominator": ind.denominator,
            "data_date": ind.data_date, "result": status_label(ind.status, lang), "lead": ind.lead,
            "evidence": f"{ind.evidence_done}/{ind.evidence_total}",
        })
    return rows


# --- reading -----------------------------------------------------------------------------------

@dataclass
class _RowEdit:
    row: int
    code: str
    fields: dict[str, Any]
    notes: list[RowNote] = field(default_factory=list)


def _text_of(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean("" if value is None else str(value))


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return rules.parse_number(value)


def _date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return rules.parse_date(str(value))


def _open_sheets(path: Path):
    from openpyxl import load_workbook  # deferred: only spreadsheet work needs it

    try:
        book = load_workbook(Path(path), read_only=True, data_only=True)
    except Exception:  # a missing, damaged or non-xlsx file: openpyxl raises many kinds
        raise ValidationError("xlsx_unreadable", path=path) from None
    names = {fold(n): n for n in book.sheetnames}
    sheet = book[names[fold(RESULT_SHEET)]] if fold(RESULT_SHEET) in names else book.worksheets[0]
    info = book[names[fold(INFO_SHEET)]] if fold(INFO_SHEET) in names else None
    return book, sheet, info


def _file_year(info) -> int | None:
    if info is None:
        return None
    for row in info.iter_rows(values_only=True):
        if row and row[0] is not None and fold(str(row[0])) in ("nam", "year") and len(row) > 1:
            try:
                return rules.parse_year(_text_of(row[1]))
            except ValidationError:
                return None
    return None


def read_changes(commune: Commune, year: int, path: Path) -> tuple[list[_RowEdit], int]:
    """Every row checked against the year's set; raises RowProblems listing each bad row."""
    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year)
    indicators = {i.code: i for i in Indicator.select().join(Criterion)
                  .where(Criterion.criteria_set == cset)}
    current = effective_results(commune, year, [i.id for i in indicators.values()])
    # A result recorded under another kind (amended since) is shown, and so read, as not assessed.
    stale = kind_changed({i: r.year for i, r in current.items()}, year)
    current = {i: r for i, r in current.items() if i not in stale}
    headers = {fold(vi): key for key, vi, _ in RESULT_COLUMNS}
    headers.update({fold(en): key for key, _, en in RESULT_COLUMNS})
    labels = {key: key for key, _, _ in RESULT_COLUMNS}  # named in the user's language by lines()
    book, sheet, info = _open_sheets(path)
    problems: list[tuple[str, dict, NtmError | None]] = []
    edits: list[_RowEdit] = []
    count = 0
    try:
        found = _file_year(info)
        if found is not None and found != year:
            raise ValidationError("xlsx_year_differs", found=found, year=year)
        rows = sheet.iter_rows(values_only=True)
        head = next(rows, None) or ()
        columns = {headers[fold(str(h))]: i for i, h in enumerate(head)
                   if h is not None and fold(str(h)) in headers}
        missing = [labels[k] for k in REQUIRED if k not in columns]
        if missing:
            raise RowProblems([("xlsx_column_missing", {"row": 1, "column": m}, None) for m in missing])
        seen: dict[str, int] = {}
        for number, raw in enumerate(rows, start=2):
            cell = {k: (raw[i] if i < len(raw) else None) for k, i in columns.items()}
            code = _text_of(cell.get("code"))
            if not code:
                continue  # a blank line or a note under the table
            count += 1
            if code not in indicators:
                problems.append(("xlsx_row_problem", {"row": number}, ValidationError(
                    "xlsx_code_unknown", code=code, set=cset.code)))
                continue
            if code in seen:
                problems.append(("xlsx_row_problem", {"row": number}, ValidationError(
                    "xlsx_code_repeated", code=code, first=seen[code])))
                continue
            seen[code] = number
            notes: list[RowNote] = []
            fields = _row_fields(indicators[code], current.get(indicators[code].id), cell, year,
                                 commune, number, labels, problems, notes)
            if fields or notes:
                edits.append(_RowEdit(number, code, fields, notes))
    except NtmError:
        raise
    except Exception:  # damaged XML in the archive: openpyxl parses a sheet only as it is read
        raise ValidationError("xlsx_unreadable", path=path) from None
    finally:
        book.close()
    if problems:
        raise RowProblems(problems)
    return edits, count


def _row_fields(indicator: Indicator, result, cell: dict, year: int, commune: Commune, number: int,
                labels: dict, problems: list, notes: list | None = None) -> dict[str, Any]:
    """What this row changes, compared with the result in force; problems are collected, and
    cells not applied as written are said in `notes`: a result column that contradicts a value
    changed in the same row (it is the export's, left stale), a data date earlier than the one
    recorded (a date never moves back)."""
    notes = [] if notes is None else notes
    code = indicator.code
    fields: dict[str, Any] = {}

    def check(key: str, parse):
        try:
            return parse(cell.get(key))
        except NtmError as exc:
            problems.append(("xlsx_cell_problem", {"row": number, "column": labels[key]}, exc))
            return None

    target = target_for(indicator, year, commune.commune_group)
    before = len(problems)
    numerator = check("numerator", _number)
    denominator = check("denominator", _number)
    old = (getattr(result, "numerator", None), getattr(result, "denominator", None))
    given = (numerator, denominator)
    if len(problems) == before and given != (None, None) and given != old:
        if None in given:
            missing = "numerator" if numerator is None else "denominator"
            problems.append(("xlsx_cell_problem", {"row": number, "column": labels[missing]},
                             ValidationError("text_required", field=column_header(missing))))
        elif denominator <= 0:
            problems.append(("xlsx_cell_problem", {"row": number, "column": labels["denominator"]},
                             ValidationError("denominator_zero")))
        else:
            fields.update(numerator=rules.format_number(numerator, 6),
                          denominator=rules.format_number(denominator, 6))
    raw_value = cell.get("value")
    text = rules.format_number(raw_value, 6) if isinstance(raw_value, (int, float)) \
        and not isinstance(raw_value, bool) else _text_of(raw_value)
    if text and "numerator" not in fields and text != getattr(result, "value", None):
        # (a cell left as exported is no change, even a value the definition no longer reads)
        stored = check("value", lambda _: rules.normalise_value(target, text))
        if stored is not None and stored != getattr(result, "value", None):
            fields["value"] = text
    if "data_date" in cell:
        when = check("data_date", _date)
        recorded = getattr(result, "data_date", None)
        if when is not None and recorded is not None and when < recorded:
            notes.append(RowNote(number, code, "xlsx_note_date_back",
                                 (("given", rules.format_date(when)), ("kept", rules.format_date(recorded)))))
        elif when is not None and when != recorded:
            fields["data_date"] = when
    label = _text_of(cell.get("result"))
    if label:
        status = _STATUS_READ.get(fold(label))
        if status is None:
            problems.append(("xlsx_cell_problem", {"row": number, "column": labels["result"]},
                             ValidationError("status_invalid", value=label)))
        elif "value" in fields or "numerator" in fields:
            new_value = fields.get("value") or _ratio_text(fields)
            verdict = rules.evaluate(target, new_value) if new_value else None
            if verdict is not None and verdict != status:
                notes.append(RowNote(number, code, "xlsx_note_result_from_value",
                                     (("given", label), ("verdict", status_label(verdict)))))
            elif verdict is None and status != getattr(result, "status", rules.UNASSESSED):
                fields["met"] = _MET_KEY[status]
        elif status != getattr(result, "status", rules.UNASSESSED):
            fields["met"] = _MET_KEY[status]
    return fields


def _ratio_text(fields: dict) -> str | None:
    """The percentage a numerator and denominator give, as text to evaluate."""
    if "numerator" not in fields:
        return None
    num, den = rules.parse_number(fields["numerator"]), rules.parse_number(fields["denominator"])
    return rules.format_number(rules.ratio(num, den), 6)


# --- applying --------------------------------------------------------------------------------

class _DryRun(Exception):
    pass


def import_results(commune: Commune, year: int, path: Path, dry_run: bool = False,
                   batch: str | None = None) -> ImportOutcome:
    """Read, check, and apply (or only preview) a results sheet. One batch in the change
    log; nothing is written when any row is wrong or when `dry_run`."""
    commune = commune_of(commune)
    edits, count = read_changes(commune, year, path)
    batch = batch or new_batch()
    changes: list[Change] = []
    notes = [note for edit in edits for note in edit.notes]
    try:
        with database.atomic():
            problems = []
            for edit in edits:
                if not edit.fields:
                    continue
                try:
                    set_result(commune, year, edit.code, batch=batch, **edit.fields)
                except NtmError as exc:
                    problems.append(("xlsx_row_problem", {"row": edit.row}, exc))
            if problems:
                raise RowProblems(problems)
            changes = [Change(entry.label.split(" / ")[0], entry.field, entry.old, entry.new)
                       for entry in ChangeLog.select().where(ChangeLog.batch == batch)
                       .order_by(ChangeLog.id) if entry.field in SHOWN_FIELDS]
            if dry_run:
                raise _DryRun
    except _DryRun:
        return ImportOutcome(changes, None, count, notes)
    return ImportOutcome(changes, batch if changes else None, count, notes)

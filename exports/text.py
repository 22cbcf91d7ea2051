"""Text tables for the command line through tabulate; CSV and JSON for machines."""
from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence

from db import rules
from db.services.status import YearStatus

TABLE_FORMATS = {"plain": "plain", "simple": "simple", "github": "github", "grid": "grid"}

_STATUS = {
    "vi": {rules.MET: "Đạt", rules.NOT_MET: "Chưa đạt", rules.NA: "Không áp dụng",
           rules.UNASSESSED: "Chưa đánh giá"},
    "en": {rules.MET: "Met", rules.NOT_MET: "Not met", rules.NA: "Not applicable",
           rules.UNASSESSED: "Not assessed"},
}
_HEAD = {
    "vi": ("Mã", "Tiêu chí", "Chỉ tiêu đạt", "Kết quả", "Chỉ tiêu", "Nội dung", "Yêu cầu", "Giá trị",
           "Phụ trách"),
    "en": ("Code", "Criterion", "Indicators met", "Result", "Indicator", "Content", "Target", "Value",
           "Lead"),
}


def status_label(status: str, lang: str = "vi") -> str:
    return _STATUS["en" if lang == "en" else "vi"].get(status, status)


def render_table(rows: Sequence[Sequence[object]], headers: Sequence[str], fmt: str,
                 maxcolwidths: Sequence[int | None] | None = None) -> str:
    """Render rows as a tabulate table or CSV. Wide Vietnamese characters measured by wcwidth.

    `maxcolwidths` wraps long text in plain/simple/grid; GitHub Markdown cells cannot hold
    line breaks, so it is ignored there."""
    if fmt == "csv":
        import csv  # deferred, as tabulate is: most output is a table or JSON

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    from tabulate import tabulate  # deferred: only reports need it

    wrap = {"maxcolwidths": list(maxcolwidths)} if maxcolwidths and fmt != "github" else {}
    return tabulate(rows, headers=list(headers), tablefmt=TABLE_FORMATS.get(fmt, "simple"),
                    disable_numparse=True, **wrap)


def status_document(status: YearStatus) -> dict:
    """The JSON shape of `status --format json`."""
    target = status.target_counts
    return {
        "commune": status.commune_name,
        "year": status.year,
        "criteria_set": status.set_code,
        "as_of": status.as_of.isoformat() if status.as_of else None,
        "predecessors": list(status.predecessors),
        "successor": status.successor or None,
        "criteria_met": status.counts.criteria_met,
        "criteria_total": status.counts.criteria_total,
        "indicators_met": status.counts.indicators_met,
        "indicators_total": status.counts.indicators_total,
        "start_criteria_met": status.start_counts.criteria_met,
        "start_indicators_met": status.start_counts.indicators_met,
        "target_criteria_met": target.criteria_met if target else None,
        "target_indicators_met": target.indicators_met if target else None,
        "criteria": [{
            "code": c.code, "name": c.name, "group": c.group_code, "met": c.met,
            "status": c.status, "lead": c.lead, "targeted": c.targeted,
            "indicators_met": c.indicators_met, "indicators_total": len(c.indicators),
            "indicators": [{
                "code": i.code, "content": i.content, "met": i.met, "status": i.status,
                "value": i.value, "target": i.target.describe(), "threshold_known": i.threshold_known,
                "verified": i.verified, "targeted": i.targeted, "lead": i.lead, "note": i.note,
                # the amendment read this year (None: the indicator's own wording); a result to enter again
                "amended_from": i.valid_from.isoformat() if i.valid_from else None, "reenter": i.reenter,
            } for i in c.indicators],
        } for c in status.criteria],
    }


def _summary(status: YearStatus, lang: str) -> list[str]:
    en = lang == "en"
    when = ""
    if status.as_of:
        day = status.as_of.strftime("%d/%m/%Y")
        when = f" (as of {day})" if en else f" (tính đến ngày {day})"
    lines = [(f"Year {status.year}{when}: " if en else f"Năm {status.year}{when}: ")
             + status.counts.text(lang),
             (f"Start of year (end of {status.year - 1}): " if en
              else f"Đầu năm (cuối năm {status.year - 1}): ") + status.start_counts.text(lang)]
    from db.services.status import merger_words

    if merger_words(status, lang):
        lines.insert(0, merger_words(status, lang))
    if status.target_counts:
        lines.append((f"Target for {status.year}: " if en else f"Mục tiêu năm {status.year}: ")
                     + status.target_counts.text(lang))
    else:
        lines.append(f"No plan for {status.year}" if en else f"Chưa có kế hoạch năm {status.year}")
    return lines


def _write_json(document, out) -> None:
    # One write: json.dump writes each token apart (4,000 writes for a year's status), and
    # every write to a command's stdout is scanned for control characters.
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def print_status(status: YearStatus, fmt: str, lang: str = "vi", with_indicators: bool = False,
                 out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        _write_json(status_document(status), out)
        return
    head = _HEAD["en" if lang == "en" else "vi"]
    if with_indicators:
        shown = (lambda v: v or "") if fmt == "csv" else rules.group_thousands  # 1.234.567,5
        rows = [(i.code, i.content, i.target.describe(lang), shown(i.value), status_label(i.status, lang),
                 i.lead) for i in status.indicators()]
        headers = (head[4], head[5], head[6], head[7], head[3], head[8])
    else:
        rows = [(c.code, c.name, f"{c.indicators_met}/{len(c.indicators)}", status_label(c.status, lang))
                for c in status.criteria]
        headers = head[:4]
    out.write(render_table(rows, headers, fmt) + "\n")
    if fmt != "csv":
        out.write("\n" + "\n".join(_summary(status, lang)) + "\n")


def _emit(rows: list[tuple], headers: Sequence[str], keys: Sequence[str], fmt: str, out,
          widths: Sequence[int | None] | None = None) -> None:
    """A table in any --format; JSON uses the stable `keys`, not the translated headers."""
    if fmt == "json":
        _write_json([dict(zip(keys, row)) for row in rows], out)
    else:
        out.write(render_table(rows, headers, fmt, widths) + "\n")


def print_assignments(commune, status: YearStatus, fmt: str, lang: str = "vi",
                      with_indicators: bool = True, out=None) -> None:
    """`ntm-tui assignments`: criterion (and indicator) → lead, position → supporting units."""
    from exports.data import lead_rows
    from exports.pdf.labels import label

    out = out or sys.stdout
    rows = [(r.indicator_code or r.criterion_code, r.content, r.lead, r.position,
             ", ".join(r.supports)) for r in lead_rows(commune, status, with_indicators)]
    headers = [label(k, lang) for k in ("col_code", "col_content", "col_lead", "col_position",
                                        "col_supports")]
    _emit(rows, headers, ("code", "content", "lead", "position", "supports"), fmt, out,
          (None, 40, 24, 22, 30))


def print_evidence(commune, status: YearStatus, fmt: str, lang: str = "vi",
                   missing_only: bool = False, out=None) -> None:
    """`ntm-tui evidence`: one row per item; an indicator without any item gets a row too."""
    from exports.data import evidence_groups
    from exports.pdf.labels import label

    out = out or sys.stdout
    rows = []
    for g in evidence_groups(commune, status):
        if not g.items:
            rows.append((g.indicator_code, g.indicator_content, "", "", label("evidence_none", lang)))
        for e in g.items:
            if missing_only and e.status != "missing":
                continue
            doc = ", ".join(p for p in (e.doc_number, rules.format_date(e.doc_date), e.issuer) if p)
            rows.append((g.indicator_code, e.title, doc, e.responsible,
                         label(f"evidence_{e.status}", lang)))
    headers = [label(k, lang) for k in ("col_code", "col_evidence", "col_document",
                                        "col_responsible", "col_state")]
    _emit(rows, headers, ("code", "title", "document", "responsible", "state"), fmt, out,
          (None, 44, 26, 22, None))

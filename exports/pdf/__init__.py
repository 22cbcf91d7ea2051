"""Official PDF reports (Nghị định 30/2020/NĐ-CP format) built from the database.

The TUI's Báo cáo screen and `ntm-tui export` both call `export_report`. Nothing heavy is
imported here: reportlab loads when a report is built.
"""
from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from db.dataclass_lite import dataclass
from db.errors import ValidationError

KINDS = ("plan", "report", "evidence", "assignments")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int


def default_filename(kind: str, year: int, period: str | None = None) -> str:
    """"ke-hoach-2023.pdf", "bao-cao-2023-Q1.pdf", …"""
    stem = {"plan": "ke-hoach", "report": "bao-cao", "evidence": "ho-so-minh-chung",
            "assignments": "phan-cong"}[check_kind(kind)]
    return f"{stem}-{(period if kind == 'report' else None) or year}.pdf"


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("export_kind_invalid", kind=kind, kinds=", ".join(KINDS))
    return kind


def export_report(kind: str, commune_id: int, year: int, output: Path, period: str | None = None,
                  font_path: str | None = None, lang: str = "vi", overwrite: bool = False,
                  today: date | None = None, annex: bool = False) -> ExportResult:
    """Build one report of `kind` for a commune and year into `output` (a .pdf path).

    `period` (report only): "2023-03", "2023-Q1", "2023-H1" or "2023"; `annex`: a report
    carries the table of every indicator after its signature. `today` dates a report (the
    export date); a plan carries its own date. Raises NtmError for bad input."""
    from db.errors import NotFoundError
    from db.models import Commune
    from db.services.communes import criteria_set_for_year
    from exports.pdf import template
    from exports.pdf.common import Job
    from exports.pdf.fonts import register_family
    from exports.pdf.output import safe_target
    from exports.pdf.period import parse_period
    from exports.pdf.styles import make_styles

    check_kind(kind)
    commune = Commune.get_or_none(Commune.id == commune_id)
    if commune is None:
        raise NotFoundError("record_not_found", table="commune", id=commune_id)
    criteria_set_for_year(commune, year)  # a year outside the set's period is refused
    parsed = parse_period(period, year) if kind == "report" or period else None
    family = register_family(font_path or None)
    job = Job(commune, year, today or date.today(), "en" if lang == "en" else "vi",
              make_styles(family), parsed, with_annex=annex)
    builder = importlib.import_module(f"exports.pdf.{kind}")
    info, story = builder.build(job)
    output = Path(output).expanduser()
    if output.suffix.lower() == ".docx":  # the same document as a Word file, to edit before signing
        from exports.docx import write_docx

        with safe_target(output, overwrite) as tmp:
            write_docx(tmp, info, story, family, job.lang, annex=job.annex)
        return ExportResult(output, 0)
    with safe_target(output, overwrite) as tmp:
        pages = template.build(tmp, info, story, family, job.styles, job.lang, annex=job.annex)
    return ExportResult(output, pages)

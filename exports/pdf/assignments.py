"""Bảng phân công: each criterion and indicator, who leads it, which units support it."""
from __future__ import annotations

from db.services.status import year_status
from exports.data import decisions, lead_rows
from exports.pdf.common import Job
from exports.pdf.docinfo import DocInfo, report_info
from exports.pdf.markup import esc
from exports.pdf.tables import data_table


def build(job: Job) -> tuple[DocInfo, list]:
    info = report_info(job.commune, job.year, job.today, job.t("assignments_subject", year=job.year))
    status = year_status(job.commune, job.year, with_evidence=False)
    rows = lead_rows(job.commune, status)
    cited = decisions(rows)
    intro = job.t("assignments_intro_decision" if cited else "assignments_intro",
                  decisions="; ".join(cited), commune=job.commune.name)
    story = [job.para(esc(intro))]
    table, bold = [], []
    for r in rows:
        lead = r.lead or job.t("unassigned")
        if r.indicator_code is None:
            bold.append(len(table))
            table.append((r.criterion_code, f"{job.t('criterion')} {r.criterion_code}: {r.content}",
                          lead, r.position, ", ".join(r.supports)))
        else:
            table.append((r.indicator_code, r.content, lead, r.position, ", ".join(r.supports)))
    story += job.table_heading(job.t("assignments_table"))
    story += data_table([job.t("col_code"), job.t("col_content"), job.t("col_lead"),
                         job.t("col_position"), job.t("col_supports")], table,
                        (12, 62, 30, 28, 33), job.styles, centred=(0,), bold_rows=bold,
                        lang=job.lang)
    story.append(job.para(esc(job.t("assignments_closing"))))
    return info, story

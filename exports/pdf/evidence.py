"""Bảng kê hồ sơ minh chứng: every indicator's evidence for the year, gaps marked."""
from __future__ import annotations

from db.rules import format_date
from db.services.status import year_status
from exports.data import evidence_groups
from exports.pdf.common import Job
from exports.pdf.docinfo import DocInfo, report_info
from exports.pdf.markup import esc
from exports.pdf.tables import data_table


def _document(item) -> str:
    parts = [item.doc_number, format_date(item.doc_date), item.issuer]
    return ", ".join(p for p in parts if p)


def _summary(job: Job, group) -> object:
    """The indicator's line: no evidence (bold), items missing (bold), or complete."""
    if not group.items:
        return ("b", job.t("evidence_none"))
    if group.missing:
        text = job.t("evidence_missing_count", missing=group.missing, total=len(group.items))
        return ("b", text)
    return job.t("evidence_complete")


def build(job: Job) -> tuple[DocInfo, list]:
    info = report_info(job.commune, job.year, job.today, job.t("evidence_subject", year=job.year))
    status = year_status(job.commune, job.year, with_evidence=False)  # the items are listed below
    groups = evidence_groups(job.commune, status)
    items = [e for g in groups for e in g.items]
    missing = sum(1 for e in items if e.status == "missing")
    empty = [g.indicator_code for g in groups if not g.items]
    story = [job.para(esc(job.t("evidence_summary", total=len(items), ready=len(items) - missing,
                                missing=missing, empty=len(empty), indicators=len(groups))))]
    if empty:
        story.append(job.para(esc(job.t("evidence_empty_list", codes="; ".join(empty)))))
    rows, spans, heads, current = [], [], [], None
    for g in groups:
        if g.criterion_code != current:
            current = g.criterion_code
            spans.append(len(rows))
            rows.append((f"{job.t('criterion')} {g.criterion_code}: {g.criterion_name}",))
        if g.items:  # keep the indicator with its first item (a chain of heads would not split)
            heads.append(len(rows))
        rows.append((g.indicator_code, ("i", g.indicator_content), "", "", "",
                     _summary(job, g)))
        for e in g.items:
            state = job.t(f"evidence_{e.status}")
            if e.status == "missing":
                state = ("b", state)
            rows.append(("", "- " + e.title, _document(e), e.location, e.responsible, state))
    story += job.table_heading(job.t("evidence_table"))
    story += data_table([job.t("col_code"), job.t("col_evidence"), job.t("col_document"),
                         job.t("col_location"), job.t("col_responsible"), job.t("col_state")],
                        rows, (12, 55, 30, 22, 26, 20), job.styles, centred=(0,), spans=spans,
                        keep_next=heads, lang=job.lang)
    story.append(job.para(esc(job.t("evidence_closing", year=job.year))))
    return info, story

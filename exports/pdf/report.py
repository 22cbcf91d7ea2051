"""Báo cáo: progress over a month, a quarter or a year."""
from __future__ import annotations

from datetime import datetime, time

from db import rules
from db.changelog import ChangeEntry, history
from db.services import deadlines, plans
from db.services.status import YearStatus, year_status
from exports.data import evidence_groups
from exports.pdf.common import Job
from exports.pdf.docinfo import DocInfo, plan_reference, report_info
from exports.pdf.markup import esc
from exports.pdf.tables import data_table

_TABLES = ("result", "plan_item", "work_item", "evidence_item", "assignment", "deadline",
           "plan_target", "indicator")


def target_text(target: rules.Target, lang: str) -> str:
    """The target as printed: "≥ 70%" rather than the ASCII ">= 70%"."""
    return target.describe(lang).replace(">=", "≥").replace("<=", "≤")


def _status_word(job: Job, status: str) -> str:
    return job.t(f"status_{status}")


def _overview(job: Job, status: YearStatus) -> list:
    rows = [(job.t("at_start", prev=job.year - 1), status.start_counts),
            (job.t("at_now"), status.counts)]
    if status.target_counts:
        rows.append((job.t("at_target", year=job.year), status.target_counts))
    out = [job.subheading(f"1. {job.t('report_overview')}"),
           job.para(esc(job.t("report_counts", counts=job.t(
               "counts_and", cm=status.counts.criteria_met, ct=status.counts.criteria_total,
               im=status.counts.indicators_met, it=status.counts.indicators_total))))]
    out += data_table([job.t("col_milestone"), job.t("col_criteria_met"),
                       job.t("col_indicators_met")],
                      [(name, f"{c.criteria_met}/{c.criteria_total}",
                        f"{c.indicators_met}/{c.indicators_total}") for name, c in rows],
                      (90, 37, 38), job.styles, centred=(1, 2), lang=job.lang)
    return out


def _indicator_table(job: Job, status: YearStatus) -> list:
    rows, spans = [], []
    for crit in status.criteria:
        spans.append(len(rows))
        rows.append((f"{job.t('criterion')} {crit.code}: {crit.name} "
                     f"({crit.indicators_met}/{len(crit.indicators)}; {_status_word(job, crit.status)})",))
        for ind in crit.indicators:
            rows.append((ind.code, ind.content, target_text(ind.target, job.lang),
                         rules.group_thousands(ind.value),
                         _status_word(job, ind.status), ind.lead))
    return [*job.table_heading(f"2. {job.t('report_indicators')}"),
            *data_table([job.t("col_code"), job.t("col_content"), job.t("col_target"),
                         job.t("col_value"), job.t("col_result"), job.t("col_lead_short")],
                        rows, (12, 55, 28, 18, 20, 32), job.styles, centred=(0, 2, 3, 4),
                        spans=spans, lang=job.lang)]


def _changes(job: Job) -> list[ChangeEntry]:
    period = job.period
    since = datetime.combine(period.start, time.min)
    until = datetime.combine(period.end, time.max)
    return [c for c in reversed(history(job.commune.id, since=since))
            if c.at <= until and c.table in _TABLES]


def _change_text(job: Job, c: ChangeEntry) -> str:
    if c.action != "update":
        return job.t(f"action_{c.action}")
    old, new = c.old or "", c.new or ""
    if c.field == "status":
        old, new = _status_word(job, old) if old else "", _status_word(job, new)
    return f"{job.t('field_' + c.field, c.field) if c.field else ''}: {old} → {new}".strip(": ")


def _changes_part(job: Job) -> list:
    out = job.table_heading(f"3. {job.t('report_changes')}")
    changes = _changes(job)
    if not changes:
        return out + [job.para(esc(job.t("report_no_changes")))]
    rows = [(c.at.strftime("%d/%m/%Y"), f"{job.t('table_' + c.table, c.table)}: {c.label}",
             _change_text(job, c), c.user) for c in changes]
    return out + data_table([job.t("col_date"), job.t("col_record"), job.t("col_change"),
                             job.t("col_user")], rows, (20, 60, 60, 25), job.styles,
                            centred=(0,), lang=job.lang)


def _works_part(job: Job) -> list:
    out = job.table_heading(f"4. {job.t('report_works')}")
    works = plans.works_for(job.plan) if job.plan else []
    if not works:
        return out + [job.para(esc(job.t("report_no_works")))]
    rows = []
    for w in works:
        state = job.t(f"work_{w.status}")
        if w.due_date and w.due_date < job.today and w.status not in ("done", "cancelled"):
            state += f" ({job.t('overdue')})"
        rows.append((w.indicator_code, w.title, w.hamlet, w.funding_note,
                     rules.format_date(w.due_date), state))
    return out + data_table([job.t("col_indicator"), job.t("col_work"), job.t("col_hamlet"),
                             job.t("col_funding"), job.t("col_due"), job.t("col_state")],
                            rows, (15, 50, 28, 27, 20, 25), job.styles, centred=(0, 4),
                            lang=job.lang)


def _evidence_part(job: Job, status: YearStatus) -> list:
    groups = evidence_groups(job.commune, status)
    rows = []
    for crit in status.criteria:
        mine = [g for g in groups if g.criterion_code == crit.code]
        items = [e for g in mine for e in g.items]
        done = sum(1 for e in items if e.status != "missing")
        empty = [g.indicator_code for g in mine if not g.items]
        rows.append((crit.code, crit.name, f"{sum(1 for g in mine if g.items)}/{len(mine)}",
                     f"{done}/{len(items)}", "; ".join(empty)))
    return [*job.table_heading(f"5. {job.t('report_evidence')}"),
            *data_table([job.t("col_criterion_no"), job.t("col_criterion"),
                         job.t("col_ind_with_evidence"), job.t("col_items_ready"),
                         job.t("col_ind_without")], rows, (9, 52, 28, 28, 48), job.styles,
                        centred=(0, 2, 3), lang=job.lang)]


def _deadline_state(job: Job, d: deadlines.DeadlineView) -> str:
    if d.state == deadlines.SUBMITTED:
        late = d.submitted_on and d.submitted_on > (d.latest_date or d.due_date)
        return job.t("dl_submitted_late" if late else "dl_submitted",
                     date=rules.format_date(d.submitted_on))
    return job.t(f"dl_{d.state}")


def _deadlines_part(job: Job) -> list:
    out = job.table_heading(f"6. {job.t('report_deadlines')}")
    items = deadlines.list_deadlines(job.commune, job.today, job.period.start, job.period.end,
                                     lang=job.lang)
    if not items:
        return out + [job.para(esc(job.t("report_no_deadlines")))]
    on_time = sum(1 for d in items if d.state == deadlines.SUBMITTED
                  and not (d.submitted_on and d.submitted_on > (d.latest_date or d.due_date)))
    late = sum(1 for d in items if d.state == deadlines.LATE or (
        d.state == deadlines.SUBMITTED and d.submitted_on
        and d.submitted_on > (d.latest_date or d.due_date)))
    out.append(job.para(esc(job.t("report_deadline_summary", total=len(items), on_time=on_time,
                                  late=late, open=len(items) - on_time - late))))
    rows = [(d.title, rules.format_date(d.due_date), rules.format_date(d.latest_date),
             _deadline_state(job, d)) for d in items]
    return out + data_table([job.t("col_content"), job.t("col_due"), job.t("col_latest"),
                             job.t("col_state")], rows, (70, 22, 22, 51), job.styles,
                            centred=(1, 2), lang=job.lang)


def _next_steps(job: Job, status: YearStatus) -> list:
    out = [job.heading(job.t("report_part_II"))]
    pending = [i for i in status.indicators() if i.targeted and i.status not in (rules.MET, rules.NA)]
    if not pending:
        return out + [job.para(esc(job.t("report_all_targets_met")))]
    open_tasks: dict[int, list[str]] = {}  # indicator id → its open tasks, in plan order
    for item in (plans.items_for(job.plan) if job.plan else []):  # one query, not one per indicator
        if item.kind == "task" and not item.done:
            open_tasks.setdefault(item.indicator_id, []).append(item.text)
    for ind in pending:
        out.append(job.para(f"- <b>{esc(job.t('indicator'))} {esc(ind.code)}:</b> {esc(ind.content)}"
                            + (f" ({esc(job.t('col_lead_short'))}: {esc(ind.lead)})" if ind.lead else "")))
        out += [job.para("+ " + esc(text)) for text in open_tasks.get(ind.id, [])]
    return out


def build(job: Job) -> tuple[DocInfo, list]:
    period_text = job.period.text(job.lang)
    subject = job.t("report_subject", period=period_text)
    info = report_info(job.commune, job.year, job.today, subject, plan=job.plan)
    status = year_status(job.commune, job.year, with_evidence=False)  # part 5 lists the items
    reference = plan_reference(info)
    intro = job.t("report_intro_plan" if reference else "report_intro", plan=reference,
                  commune=job.commune.name, period=period_text)
    story = [job.para(esc(intro)), job.heading(job.t("report_part_I"))]
    story += _overview(job, status) + _indicator_table(job, status) + _changes_part(job)
    story += _works_part(job) + _evidence_part(job, status) + _deadlines_part(job)
    story += _next_steps(job, status)
    story.append(job.para(esc(job.t("report_closing", period=period_text))))
    return info, story

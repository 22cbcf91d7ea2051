"""Kế hoạch: the year's plan, laid out as Kế hoạch 249/KH-BQL of Tân Thạnh (2023)."""
from __future__ import annotations

from db.models import DeadlineRule, Plan
from db.rules import format_date
from db.services import plans
from db.services.status import YearStatus, year_status
from exports.data import decisions, lead_rows
from exports.pdf.common import Job, two_digits
from exports.pdf.docinfo import DocInfo, plan_info
from exports.pdf.markup import esc, lines
from exports.pdf.tables import data_table

# Where each free-text part of the plan goes (db.services.plan_template.SLOTS): the bases before
# part I, then parts I–IV and the closing line. A key of an older plan goes by its prefix.
_PART = {"bases": "bases", "I.1": "purpose", "I.2": "requirements", "II.3": "intro", "IV": "IV",
         "closing": "closing"}


def _part(section) -> str:
    if section.place:
        return _PART.get(section.place) or section.place.split(".")[0]
    return "III" if section.key.startswith("to_chuc") else "II"


def _requirements(job: Job, status: YearStatus, sections: list) -> list:
    y = job.year
    out = [job.para("- " + esc(line)) for s in sections for line in lines(s.body)[:1]]
    out.append(job.para(esc(job.t("plan_baseline", prev=y - 1, commune=job.commune.name,
                                  counts=_counts(job, status.start_counts)))))
    out.append(job.para(esc(_target_sentence(job, status))))
    out += [job.para("- " + esc(line)) for s in sections for line in lines(s.body)[1:]]
    return out


def _target_sentence(job: Job, status: YearStatus) -> str:
    """"Phấn đấu … hoàn thành thêm 02 tiêu chí: 5; 9 và 05 chỉ tiêu: …": the criteria and
    indicators the targets make met, computed; said plainly when nothing is targeted."""
    criteria, indicators = status.newly_reached()
    counts = _counts(job, status.target_counts or status.start_counts)
    if not indicators:
        return job.t("plan_target_none", year=job.year, counts=counts)
    if not criteria:
        return job.t("plan_target_indicators", year=job.year, n_ind=two_digits(len(indicators)),
                     ind="; ".join(indicators), counts=counts)
    return job.t("plan_target", year=job.year, n_crit=two_digits(len(criteria)), crit="; ".join(criteria),
                 n_ind=two_digits(len(indicators)), ind="; ".join(indicators), counts=counts)


def _counts(job: Job, counts) -> str:
    return job.t("counts_and", cm=counts.criteria_met, ct=counts.criteria_total,
                 im=counts.indicators_met, it=counts.indicators_total)


def _indicator_block(job: Job, number: str, ind, items: list, works: list) -> list:
    out = [job.para(f"<b>{number}. {esc(job.t('indicator'))} {esc(ind.code)}:</b> "
                    f"<i>{esc(ind.content)}</i>")]
    for kind, key in (("task", "task"), ("solution", "solution")):
        for item in (i for i in items if i.kind == kind):
            out.append(job.para(f"- <i>{esc(job.t(key))}:</i> {esc(item.text)}"))
    if works:
        out.append(job.para(f"- <i>{esc(job.t('works'))}:</i>"))
        for w in works:
            out.append(job.para("+ " + esc(_work_text(job, w))))
    if not items and not works:
        out.append(job.para("- " + esc(job.t("no_tasks"))))
    return out


def _work_text(job: Job, w) -> str:
    details = [job.t("hamlet_of", hamlet=w.hamlet) if w.hamlet else "",
               job.t("funding", note=w.funding_note) if w.funding_note else "",
               job.t("due_on", date=format_date(w.due_date)) if w.due_date else ""]
    details = [d for d in details if d]
    return w.title + (f" ({'; '.join(details)})" if details else "")


def _criteria_tasks(job: Job, plan: Plan, status: YearStatus, number: int, intro: list) -> list:
    title = intro[0].title if intro and intro[0].title else job.t("plan_criteria_tasks")
    out = [job.subheading(f"{number}. {title}")]
    out += [job.para(esc(line)) for s in intro for line in lines(s.body)] if intro \
        else [job.para(esc(job.t("plan_criteria_intro")))]
    # The plan's items and works in one query each, not two per indicator.
    items: dict[int, list] = {}
    works: dict[int, list] = {}
    for item in plans.items_for(plan):
        items.setdefault(item.indicator_id, []).append(item)
    for work in plans.works_for(plan):
        works.setdefault(work.indicator_id, []).append(work)
    n = 0
    for crit in status.criteria:
        targeted = [i for i in crit.indicators if i.targeted]
        if not targeted and not crit.targeted:
            continue
        out.append(job.para(f"* {esc(job.t('criterion'))} {esc(crit.code)}: {esc(crit.name)}", "minor"))
        for ind in targeted:
            n += 1
            out += _indicator_block(job, f"{number}.{n}", ind, items.get(ind.id, []),
                                    works.get(ind.id, []))
    return out


def _assignment_table(job: Job, status: YearStatus, number: int) -> list:
    rows = lead_rows(job.commune, status, indicators=False)
    cited = decisions(rows)
    out = [job.subheading(f"{number}. {job.t('plan_assignments')}")]
    if cited:
        out.append(job.para(esc(job.t("plan_assignments_basis", decisions="; ".join(cited)))))
    table = [(r.criterion_code, r.content,
              ", ".join(x for x in (r.lead, r.position) if x) or job.t("unassigned"),
              ", ".join(r.supports)) for r in rows]
    out += data_table([job.t("col_criterion_no"), job.t("col_criterion"), job.t("col_lead"),
                       job.t("col_supports")], table, (9, 46, 55, 55), job.styles,
                      centred=(0,), lang=job.lang)
    return out


def _schedule(job: Job) -> list:
    rules = list(DeadlineRule.select().where((DeadlineRule.commune == job.commune)
                                             & (DeadlineRule.active == True)))  # noqa: E712
    out = []
    for rule in rules:
        if rule.kind == "board_meeting":  # "ít nhất 01 lần/quý", not a day that June lacks
            out.append(job.para("+ " + esc(job.t(f"meeting_{rule.frequency}", title=rule.title))))
            continue
        out.append(job.para("+ " + esc(job.t(f"rule_{rule.frequency}", title=rule.title,
                                               day=rule.due_day, month=rule.due_month or "",
                                               latest=rule.latest_day or rule.due_day))))
    if out:
        out.insert(0, job.para(esc(job.t("plan_schedule", year=job.year))))
    return out


def _numbered(job: Job, sections: list) -> list:
    """Sections as "1. Title" followed by their lines as "- …" paragraphs."""
    out = []
    for n, section in enumerate((s for s in sections if s.body.strip()), start=1):
        out.append(job.subheading(f"{n}. {section.title}"))
        out += job.dashes(section.body)
    return out


def build(job: Job) -> tuple[DocInfo, list]:
    plan = job.plan
    info = plan_info(job.commune, job.year, job.today, plan)
    status = year_status(job.commune, job.year, with_evidence=False)
    by_part: dict[str, list] = {}
    for s in plans.plan_sections(job.commune, job.year):
        if s.body.strip() or _part(s) == "intro":
            by_part.setdefault(_part(s), []).append(s)
    filled = {part: [s for s in found if s.body.strip()] for part, found in by_part.items()}

    story = [job.para(esc(line)) for s in by_part.get("bases", []) for line in lines(s.body)]
    story.append(job.heading(job.t("plan_part_I")))
    story.append(job.subheading(f"1. {job.t('purpose')}"))
    story += [job.para(esc(line)) for s in by_part.get("purpose", []) for line in lines(s.body)]
    story.append(job.subheading(f"2. {job.t('requirements')}"))
    story += _requirements(job, status, by_part.get("requirements", []))

    story.append(job.heading(job.t("plan_part_II")))
    story += _numbered(job, by_part.get("II", []))
    if plan:
        story += _criteria_tasks(job, plan, status, len(filled.get("II", [])) + 1, filled.get("intro", []))

    story.append(job.heading(job.t("plan_part_III")))
    story += _numbered(job, by_part.get("III", []))
    story += _assignment_table(job, status, len(filled.get("III", [])) + 1)

    story.append(job.heading(job.t("plan_part_IV")))
    for s in by_part.get("IV", []):
        story += job.dashes(s.body)
    story += _schedule(job)
    closing = [line for s in by_part.get("closing", []) for line in lines(s.body)]
    if closing:
        story += [job.para(esc(line)) for line in closing]
    else:
        subject = info.subject[:1].lower() + info.subject[1:]
        story.append(job.para(esc(job.t("plan_closing", subject=subject))))
    return info, story

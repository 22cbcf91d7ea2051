"""Báo cáo: the periodic report a commune sends upward (month, quarter, six months, year).

It reads the results as they stood at the period's end (their history, schema 8), so a report
exported again later says what it said when it was sent; a value the officer entered later but
dated inside the period is printed and said to be entered later. Its parts follow the usual NTM
report: I. Kết quả thực hiện (direction, communication, the criteria set, resources), II.
Tồn tại, hạn chế, III. Phương hướng, IV. Kiến nghị; each generated part is followed by the
officer's own text for the period, and the commune's template says which parts a kind of report
has. Working lists (the change log, evidence gaps, the commune's own deadlines) stay out.
"""
from __future__ import annotations

from datetime import timedelta

from db import rules
from db.services import plans, report_texts
from db.services.result_history import IndicatorChange, compare
from db.services.status import YearStatus, year_status
from exports.pdf.common import Job, two_digits
from exports.pdf.docinfo import DocInfo, plan_reference, report_info
from exports.pdf.markup import esc, lines
from exports.pdf.tables import data_table

_ROMAN = ("I", "II", "III", "IV", "V")


def target_text(target: rules.Target, lang: str) -> str:
    """The target as printed: "≥ 70%" rather than the ASCII ">= 70%"."""
    return target.describe(lang).replace(">=", "≥").replace("<=", "≤")


def _status_word(job: Job, status: str) -> str:
    return job.t(f"status_{status}")


def _counts(job: Job, c: rules.Counts) -> str:
    return job.t("counts_comma", cm=c.criteria_met, ct=c.criteria_total, im=c.indicators_met,
                 it=c.indicators_total)


def _delta_phrase(job: Job, now: rules.Counts, start: rules.Counts) -> str:
    """"tăng 01 tiêu chí, 03 chỉ tiêu" — only the numbers that moved, in the direction they moved."""
    phrases = []
    for moved, noun in ((now.criteria_met - start.criteria_met, job.t("noun_criteria")),
                        (now.indicators_met - start.indicators_met, job.t("noun_indicators"))):
        if moved:
            phrases.append(job.t("delta_up" if moved > 0 else "delta_down",
                                 n=two_digits(abs(moved)), noun=noun))
    return ", ".join(phrases)


def data_day(job: Job):
    """The day the report's numbers stand on: its period's end, or the export day when the
    period has not ended yet (a report written ahead says nothing about days to come)."""
    return min(job.period.end, job.today)


def summary(job: Job, status: YearStatus) -> list[str]:
    """The sentences of I.3's opening, each one true to the numbers it states."""
    day = rules.format_date(data_day(job))
    out = [job.t("rep_sum_now", day=day, counts=_counts(job, status.counts),
                 year=job.year, start=_counts(job, status.start_counts))]
    moved = _delta_phrase(job, status.counts, status.start_counts)
    out.append(job.t("rep_sum_moved", moved=moved) if moved else job.t("rep_sum_same"))
    targeted = [i for i in status.indicators() if i.targeted]
    if not targeted:
        out.append(job.t("rep_sum_no_targets", year=job.year))
        return out
    if status.target_counts:
        out.append(job.t("rep_sum_target", year=job.year, counts=_counts(job, status.target_counts)))
    met = sum(1 for i in targeted if i.status in (rules.MET, rules.NA))
    if met == len(targeted):
        out.append(job.t("rep_sum_targets_all", n=two_digits(len(targeted))))
    else:
        out.append(job.t("rep_sum_targets_some", n=two_digits(len(targeted)), met=two_digits(met),
                         left=two_digits(len(targeted) - met)))
    return out


def _criteria_table(job: Job, status: YearStatus) -> list:
    start = {c.code: c for c in status.criteria}
    rows = [(c.code, c.name, f"{c.indicators_met}/{len(c.indicators)}", _status_word(job, c.status))
            for c in start.values()]
    return data_table([job.t("col_criterion_no"), job.t("col_criterion"), job.t("col_indicators_met"),
                       job.t("col_result")], rows, (12, 95, 30, 28), job.styles, centred=(0, 2, 3),
                      lang=job.lang)


def change_line(job: Job, c: IndicatorChange) -> str:
    """"Chỉ tiêu 12.2 (…): Chưa đạt → Đạt (20 % → 30 %)" with the later entry said."""
    verdict = f"{_status_word(job, c.before_status)} → {_status_word(job, c.after_status)}"
    values = f"{c.before or job.t('rep_none_before')} → {c.after}" if c.before != c.after else c.after
    text = f"{job.t('indicator')} {c.code} ({c.content}): "
    text += values if c.before_status == c.after_status else \
        (f"{verdict} ({values})" if values != verdict else verdict)
    if c.entered_later:
        text += " " + job.t("rep_entered_later", day=rules.format_date(c.data_date)
                            if c.data_date else "", entered=rules.format_date(c.entered_later))
    return text


def _changes(job: Job, status: YearStatus) -> list:
    eve = year_status(job.commune, job.year, with_evidence=False,
                      as_of=job.period.start - timedelta(days=1))
    changes = compare(eve, status, job.lang)
    if not changes:
        return [job.para(esc(job.t("rep_no_changes", period=job.period.text(job.lang))))]
    out = [job.para(esc(job.t("rep_changes_intro", period=job.period.text(job.lang))))]
    return out + [job.para("- " + esc(change_line(job, c))) for c in changes]


def _works_said_later(job: Job) -> bool:
    """Works keep no dated history (results do): their state is the one on the export day,
    which a report exported after its period has ended must say it is."""
    return job.today > job.period.end


def _work_state(job: Job, w) -> str:
    """The state on the export day: overdue only once its due day has passed by then."""
    state = job.t(f"work_{w.status}")
    if w.due_date and w.due_date < job.today and w.status not in ("done", "cancelled"):
        state += f", {job.t('overdue')}"
    return state


def _targets(job: Job, status: YearStatus) -> list:
    targeted = [i for i in status.indicators() if i.targeted]
    if not targeted:
        return []
    works: dict[int, list] = {}
    for w in (plans.works_for(job.plan) if job.plan else []):
        works.setdefault(w.indicator_id, []).append(w)
    intro = job.t("rep_targets_intro", year=job.year)
    if _works_said_later(job):
        intro = job.t("rep_targets_intro_later", year=job.year, day=rules.format_date(job.today))
    out = [job.para(esc(intro))]
    for ind in targeted:
        out.append(job.para(f"- {esc(job.t('indicator'))} {esc(ind.code)}: {esc(ind.content)} — "
                            f"<i>{esc(_status_word(job, ind.status))}</i>"))
        for w in works.get(ind.id, []):
            where = f" ({w.hamlet})" if w.hamlet else ""
            due = f", {job.t('due_by')} {rules.format_date(w.due_date)}" if w.due_date else ""
            out.append(job.para(f"+ {esc(w.title + where)}: {esc(_work_state(job, w) + due)}"))
    return out


def _resources(job: Job) -> list:
    costed = [w for w in (plans.works_for(job.plan) if job.plan else []) if w.cost]
    if not costed:
        return []
    by_source: dict[str, float] = {}
    for w in costed:
        by_source[w.funding_source] = by_source.get(w.funding_source, 0) + w.cost
    total = sum(by_source.values())
    amount = rules.format_number(total, 0, thousands=True)
    said = (job.t("rep_resources_total_later", n=len(costed), amount=amount, day=rules.format_date(job.today))
            if _works_said_later(job) else job.t("rep_resources_total", n=len(costed), amount=amount))
    out = [job.para(esc(said))]
    for source, amount in sorted(by_source.items(), key=lambda kv: -kv[1]):
        name = plans.funding_label(source, job.lang) or job.t("rep_source_unknown")
        out.append(job.para(esc(f"- {name}: {rules.format_number(amount, 0, thousands=True)} "
                                f"{job.t('dong')}")))
    return out


def _next_steps(job: Job, status: YearStatus) -> list:
    """Offered when the officer wrote nothing for III: the targets still unmet."""
    pending = [i for i in status.indicators() if i.targeted and i.status not in (rules.MET, rules.NA)]
    return [job.para("- " + esc(job.t("rep_continue", code=i.code, content=i.content)))
            for i in pending]


def annex(job: Job, status: YearStatus) -> list:
    """Phụ lục: every indicator with value, target, result and data date."""
    rows, spans, by_hand = [], [], False
    for crit in status.criteria:
        spans.append(len(rows))
        rows.append((f"{job.t('criterion')} {crit.code}: {crit.name}",))
        for ind in crit.indicators:
            word = _status_word(job, ind.status)
            if ind.by_hand:  # the officer confirmed a result its value contradicts: say so
                word, by_hand = f"{word} (*)", True
            rows.append((ind.code, ind.content, target_text(ind.target, job.lang),
                         rules.group_thousands(ind.value), word, rules.format_date(ind.data_date)))
    note = [job.para(esc(job.t("annex_by_hand")), "body")] if by_hand else []
    return [job.para(esc(job.t("annex_title")), "heading"),
            job.para(esc(job.t("annex_subject", period=job.period.text(job.lang),
                                day=rules.format_date(data_day(job)))), "body"),
            *data_table([job.t("col_code"), job.t("col_content"), job.t("col_target"),
                         job.t("col_value"), job.t("col_result"), job.t("col_data_date")],
                        rows, (12, 62, 28, 20, 20, 23), job.styles, centred=(0, 2, 3, 4, 5),
                        spans=spans, lang=job.lang), *note]


def reporter(job: Job, info: DocInfo) -> str:
    """Who reports, as the document's header says: the board when a unit issues it under the
    committee ("BQL …"), else the committee itself."""
    from db.text import fold

    unit = fold(info.issuing_unit or "")
    board = unit.startswith(("bql", "ban quan ly", "ban chi dao")) or not unit and \
        fold(info.issuing_body or "").startswith(("bql", "ban quan ly"))
    key = "reporter_board" if board else "reporter_ubnd"
    text = job.t(key, commune=job.commune.name)
    return text[0].upper() + text[1:]


def _officer(job: Job, texts: dict, key: str) -> list:
    return [job.para(esc(line)) for line in lines(texts[key].body)]


def build(job: Job) -> tuple[DocInfo, list]:
    period_text = job.period.text(job.lang)
    subject = job.t("report_subject", period=period_text)
    info = report_info(job.commune, job.year, job.today, subject, plan=job.plan)
    status = year_status(job.commune, job.year, with_evidence=False, as_of=data_day(job))
    titles = report_texts.template(job.commune, job.period.kind)
    texts = report_texts.period_texts(job.commune, job.period.code)
    reference = plan_reference(info)
    intro = job.t("report_intro_plan" if reference else "report_intro", plan=reference,
                  reporter=reporter(job, info), period=period_text)
    generated = {
        "bo_tieu_chi": lambda: ([job.para(esc(" ".join(summary(job, status))))]
                                + _criteria_table(job, status) + _changes(job, status)
                                + _targets(job, status)),
        "nguon_luc": lambda: _resources(job),
    }
    story = [job.para(esc(intro))]
    first = [key for key in ("chi_dao", "tuyen_truyen", "bo_tieu_chi", "nguon_luc") if key in titles]
    numbered, sub = 0, 0
    part_one = []
    for key in first:
        body = (generated[key]() if key in generated else []) + _officer(job, texts, key)
        if body:
            sub += 1
            part_one += [job.subheading(f"{sub}. {titles[key]}"), *body]
    if part_one:
        story += [job.heading(f"{_ROMAN[numbered]}. {job.t('rep_part_results').upper()}"), *part_one]
        numbered += 1
    for key in ("ton_tai", "phuong_huong", "kien_nghi"):
        if key not in titles:
            continue
        body = _officer(job, texts, key)
        if not body and key == "phuong_huong":
            body = _next_steps(job, status)
        if body:
            story += [job.heading(f"{_ROMAN[numbered]}. {titles[key].upper()}"), *body]
            numbered += 1
    story.append(job.para(esc(job.t("report_closing", period=period_text))))
    job.annex = annex(job, status) if job.with_annex else []
    return info, story

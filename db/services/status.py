"""A year's picture: every criterion and indicator with its result, counts and targets."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import field, replace
from datetime import date

from peewee import JOIN, Case, fn

from db import rules
from db.dataclass_lite import dataclass
from db.models import (
    Assignment, Commune, Criterion, CriterionGroup, EvidenceItem, Indicator, IndicatorPart,
    IndicatorThreshold, IndicatorVersion, Member, Plan, PlanTarget, Result, ResultEntry,
)
from db.services.communes import commune_of, criteria_set_for_year
from db.services.results import definition_for, kind_changed, target_for


@dataclass
class IndicatorStatus:
    id: int
    code: str
    content: str
    criterion_code: str
    kind: str
    target: rules.Target
    status: str
    value: str | None
    numerator: float | None
    denominator: float | None
    data_date: date | None
    note: str
    result_year: int | None  # the year the result was recorded (earlier = carried forward)
    result_version: int | None
    targeted: bool
    verified: bool
    confidence: str
    lead: str
    lead_id: int | None
    evidence_total: int = 0
    evidence_done: int = 0
    # The amendment in force this year (None: the indicator's own wording), and whether the result
    # carried from an earlier year was recorded under another kind and must be entered again.
    valid_from: date | None = None
    reenter: bool = False

    @property
    def by_hand(self) -> bool:
        """The result was set by hand against what its value says (the officer confirmed it)."""
        return rules.contradicts(self.target, self.value, self.status)
    start_status: str = rules.UNASSESSED  # at the end of the previous year
    # Read as of a day (a report's period end): the day the result shown was entered, when that
    # was after the day read (the officer dated it back on purpose; the report says so).
    entered_later: date | None = None

    @property
    def met(self) -> bool | None:
        return {rules.MET: True, rules.NOT_MET: False}.get(self.status)

    @property
    def threshold_known(self) -> bool:
        if self.kind == rules.COMPOUND:
            return all(p.threshold is not None for p in self.target.parts
                       if p.kind in (rules.PERCENT, rules.AMOUNT))
        return self.kind in (rules.YESNO, rules.ABSENCE) or self.target.threshold is not None


@dataclass
class CriterionStatus:
    id: int
    code: str
    name: str
    group_code: str
    group_name: str
    status: str
    lead: str
    lead_id: int | None
    targeted: bool
    indicators: list[IndicatorStatus] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.status in (rules.MET, rules.NA)

    @property
    def indicators_met(self) -> int:
        return sum(1 for i in self.indicators if i.status in (rules.MET, rules.NA))


@dataclass
class YearStatus:
    commune_id: int
    commune_name: str
    year: int
    set_code: str
    set_name: str
    criteria: list[CriterionStatus]
    counts: rules.Counts
    start_counts: rules.Counts  # end of the previous year
    target_counts: rules.Counts | None  # the plan's aim for this year
    plan_id: int | None
    as_of: date | None = None  # None: as the data stands now
    # A merger (01/7/2025): the old communes this one was made from, or the one it became part of
    predecessors: tuple[str, ...] = ()
    successor: str = ""
    merged_on: date | None = None

    def indicators(self) -> list[IndicatorStatus]:
        return [i for c in self.criteria for i in c.indicators]

    def newly_reached(self) -> tuple[list[str], list[str]]:
        """The criteria and indicators the year's targets add to the start ("hoàn thành thêm")."""
        return rules.newly_reached(_statuses(self.criteria, lambda i: i.start_status),
                                   [i.code for i in self.indicators() if i.targeted])

    def carried(self) -> bool:
        """Some result comes from an earlier year: the year's first edit writes them all as
        its own rows (the same results, with versions of their own)."""
        return any(i.result_year != self.year for c in self.criteria for i in c.indicators)


def _statuses(criteria: list[CriterionStatus], pick) -> dict[str, dict[str, str]]:
    return {c.code: {i.code: pick(i) for i in c.indicators} for c in criteria}


def _results_now_and_before(commune: Commune, year: int, cset) -> tuple[dict, dict]:
    """`effective_results` for `year` and `year - 1` in one query: per indicator of the set, only
    the latest row up to each year is read (a district database holds many years). Rows come as
    named tuples with the Result field names: this runs on every space press."""
    in_set = Indicator.select(Indicator.id).join(Criterion).where(Criterion.criteria_set == cset)
    earlier = Result.alias()

    def latest(upto: int):
        return (earlier.select(fn.MAX(earlier.year))
                .where((earlier.commune == Result.commune) & (earlier.indicator == Result.indicator)
                       & (earlier.year <= upto)))

    now: dict = {}
    before: dict = {}
    for row in (Result.select(Result.id, Result.indicator.alias("indicator_id"), Result.year, Result.status,
                              Result.value, Result.numerator, Result.denominator, Result.data_date,
                              Result.note, Result.version)
                .where((Result.commune == commune) & Result.indicator.in_(in_set)
                       & ((Result.year == latest(year)) | (Result.year == latest(year - 1))))
                .order_by(Result.year).namedtuples()):
        if row.year < year:
            before[row.indicator_id] = row
        now[row.indicator_id] = row  # ascending years: the last one is the latest up to `year`
    return now, before


def _results_as_of(commune: Commune, year: int, cset, as_of: date) -> tuple[dict, dict]:
    """`_results_now_and_before` as the data stood on `as_of`: per indicator, the latest state
    (by year, then the day it holds from, then entry order) holding by that day. A state
    entered after `as_of` but dated back before it counts: the report marks it."""
    in_set = Indicator.select(Indicator.id).join(Criterion).where(Criterion.criteria_set == cset)
    now: dict = {}
    before: dict = {}
    for row in (ResultEntry.select(ResultEntry.result.alias("id"),
                                   ResultEntry.indicator.alias("indicator_id"), ResultEntry.year,
                                   ResultEntry.status, ResultEntry.value, ResultEntry.numerator,
                                   ResultEntry.denominator, ResultEntry.data_date,
                                   ResultEntry.note, ResultEntry.version, ResultEntry.entered_at)
                .where((ResultEntry.commune == commune) & ResultEntry.indicator.in_(in_set)
                       & (ResultEntry.year <= year) & (ResultEntry.holds_from <= as_of))
                .order_by(ResultEntry.year, ResultEntry.holds_from, ResultEntry.id).namedtuples()):
        if row.year < year:
            before[row.indicator_id] = row
        now[row.indicator_id] = row  # ascending: the last one holds on `as_of`
    return now, before


def _entered_on(row) -> date | None:
    at = getattr(row, "entered_at", None)
    if at is None:
        return None
    return at.date() if hasattr(at, "date") else date.fromisoformat(str(at)[:10])


def year_status(commune: Commune, year: int, with_evidence: bool = True,
                as_of: date | None = None) -> YearStatus:
    """`as_of`: the results as they stood on that day (a report's period end), not as now."""
    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year)
    # Only the columns shown, as named tuples, not model rows: this runs on every space press.
    criteria = list(Criterion.select(Criterion.id, Criterion.code, Criterion.name,
                                     CriterionGroup.code.alias("group_code"),
                                     CriterionGroup.name.alias("group_name"))
                    .join(CriterionGroup, join_type=JOIN.LEFT_OUTER)
                    .where(Criterion.criteria_set == cset).namedtuples())
    criteria.sort(key=lambda c: rules.code_key(c.code))
    indicators = list(Indicator.select(Indicator.id, Indicator.criterion.alias("criterion_id"), Indicator.code,
                                       Indicator.content, Indicator.kind, Indicator.op, Indicator.threshold,
                                       Indicator.unit, Indicator.verified, Indicator.confidence)
                      .join(Criterion).where(Criterion.criteria_set == cset).namedtuples())
    indicators.sort(key=lambda i: rules.code_key(i.code))
    thresholds: dict[int, list[IndicatorThreshold]] = defaultdict(list)
    for row in (IndicatorThreshold.select().join(Indicator).join(Criterion)
                .where(Criterion.criteria_set == cset)):
        thresholds[row.indicator_id].append(row)
    versions: dict[int, list[IndicatorVersion]] = defaultdict(list)
    for row in (IndicatorVersion.select().join(Indicator).join(Criterion)
                .where(Criterion.criteria_set == cset)):
        versions[row.indicator_id].append(row)
    parts: dict[int, list[IndicatorPart]] = defaultdict(list)
    for row in (IndicatorPart.select().join(Indicator).join(Criterion)
                .where(Criterion.criteria_set == cset)):
        parts[row.indicator_id].append(row)
    results, previous = (_results_as_of(commune, year, cset, as_of) if as_of
                         else _results_now_and_before(commune, year, cset))
    stale = kind_changed({i: r.year for i, r in results.items() if i in versions}, year, versions) \
        if versions else set()

    leads: dict[tuple[int, int | None], tuple[str, int | None]] = {}
    for criterion_id, indicator_id, lead_id, lead_name in (
            Assignment.select(Assignment.criterion, Assignment.indicator, Assignment.lead, Member.name)
            .join(Member, join_type=JOIN.LEFT_OUTER).where(Assignment.commune == commune).tuples()):
        leads[(criterion_id, indicator_id)] = (lead_name if lead_id else "", lead_id)

    plan = Plan.get_or_none((Plan.commune == commune) & (Plan.year == year))
    targeted_ind: set[int] = set()
    targeted_crit: set[int] = set()
    if plan:
        for criterion_id, indicator_id in (PlanTarget.select(PlanTarget.criterion, PlanTarget.indicator)
                                           .where(PlanTarget.plan == plan).tuples()):
            if indicator_id:
                targeted_ind.add(indicator_id)
            elif criterion_id:
                targeted_crit.add(criterion_id)

    evidence: dict[int, list[int]] = {}
    if with_evidence:
        # Counted by SQLite, one row per indicator: a full dossier is hundreds of items.
        done = fn.SUM(Case(None, [(EvidenceItem.status != "missing", 1)], 0))
        for indicator_id, total, collected in (
                EvidenceItem.select(EvidenceItem.indicator, fn.COUNT(EvidenceItem.id), done)
                .where((EvidenceItem.commune == commune) & (EvidenceItem.year == year))
                .group_by(EvidenceItem.indicator).tuples()):
            evidence[indicator_id] = [total, collected or 0]

    by_criterion: dict[int, list[IndicatorStatus]] = defaultdict(list)
    for ind in indicators:
        res = results.get(ind.id)
        crit_lead = leads.get((ind.criterion_id, None), ("", None))
        lead = leads.get((ind.criterion_id, ind.id), crit_lead)
        ev = evidence.get(ind.id, [0, 0])
        definition = definition_for(ind, year, versions.get(ind.id, []))
        reenter = ind.id in stale
        if reenter:
            res = None
        by_criterion[ind.criterion_id].append(IndicatorStatus(
            id=ind.id, code=ind.code, content=definition.content, criterion_code="",
            kind=definition.kind,
            target=target_for(ind, year, commune.commune_group, thresholds[ind.id],
                              versions.get(ind.id, []), parts.get(ind.id, [])),
            status=res.status if res else rules.UNASSESSED,
            value=res.value if res else None,
            numerator=res.numerator if res else None, denominator=res.denominator if res else None,
            data_date=res.data_date if res else None, note=res.note if res else "",
            result_year=res.year if res else None, result_version=res.version if res else None,
            targeted=ind.id in targeted_ind, verified=ind.verified, confidence=ind.confidence,
            lead=lead[0], lead_id=lead[1], evidence_total=ev[0], evidence_done=ev[1],
            valid_from=definition.valid_from, reenter=reenter,
            entered_later=later if as_of and res and (later := _entered_on(res)) and later > as_of
            else None,
        ))
    out: list[CriterionStatus] = []
    for crit in criteria:
        items = by_criterion.get(crit.id, [])
        for item in items:
            item.criterion_code = crit.code
        lead = leads.get((crit.id, None), ("", None))
        out.append(CriterionStatus(
            id=crit.id, code=crit.code, name=crit.name,
            group_code=crit.group_code or "", group_name=crit.group_name or "",
            status=rules.criterion_status(i.status for i in items), lead=lead[0], lead_id=lead[1],
            targeted=crit.id in targeted_crit, indicators=items,
        ))
    counts = rules.count(_statuses(out, lambda i: i.status))
    prev_status = {i.id: (previous[i.id].status if i.id in previous else rules.UNASSESSED)
                   for i in indicators}
    for crit in out:
        for item in crit.indicators:
            item.start_status = prev_status[item.id]
    start = _statuses(out, lambda i: prev_status[i.id])
    start_counts = rules.count(start)
    target = None
    if plan:
        target = rules.target_counts(start, [i.code for i in indicators if i.id in targeted_ind])
    olds = list(Commune.select(Commune.name, Commune.merged_on)
                .where(Commune.successor == commune.id).order_by(Commune.name))
    successor = commune.successor.name if commune.successor_id else ""
    merged_on = commune.merged_on or next((c.merged_on for c in olds), None)
    predecessors = tuple(c.name for c in olds)
    return YearStatus(commune.id, commune.name, year, cset.code, cset.name, out, counts,
                      start_counts, target, plan.id if plan else None, as_of,
                      predecessors, successor, merged_on)


def merger_words(status: YearStatus, lang: str = "vi") -> str:
    """"Xã mới sáp nhập ngày 01/07/2025 từ: Long An, Tân Thạnh", or the old commune's line."""
    from db.messages import translate

    day = rules.format_date(status.merged_on) if status.merged_on else ""
    if status.predecessors:
        return translate("merged_from", lang, day=day, olds=", ".join(status.predecessors))
    if status.successor:
        return translate("merged_into", lang, day=day, name=status.successor)
    return ""


def with_result(status: YearStatus, result) -> YearStatus | None:
    """A year's picture already loaded, with a result just written (a
    `db.services.results.ResultView`) in it: the indicator, its criterion and the counts, without
    reading the year again (the space key). The picture given is left as it was: new objects
    replace the changed ones. None for another year or an unknown code. (After the year's first
    edit the other indicators' results carried from earlier years are rows of their own, whose
    versions only a new reading has: see `YearStatus.carried`.)"""
    if result.year != status.year:
        return None
    for n, crit in enumerate(status.criteria):
        for k, item in enumerate(crit.indicators):
            if item.code != result.code:
                continue
            indicators = list(crit.indicators)
            indicators[k] = replace(item, status=result.status, value=result.value, note=result.note,
                                    numerator=result.numerator, denominator=result.denominator,
                                    data_date=result.data_date, result_year=result.year,
                                    result_version=result.version, reenter=False)
            criteria = list(status.criteria)
            criteria[n] = replace(crit, indicators=indicators,
                                  status=rules.criterion_status(i.status for i in indicators))
            return replace(status, criteria=criteria,
                           counts=rules.count(_statuses(criteria, lambda i: i.status)))
    return None

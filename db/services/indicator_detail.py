"""Everything the indicator detail screen shows, gathered in one call (read only)."""
from __future__ import annotations

from dataclasses import field
from datetime import date, datetime

from db import rules
from db.change_words import in_words, record_words, who
from db.changelog import ChangeEntry, history
from db.dataclass_lite import dataclass
from db.models import Commune, Criterion, Indicator, IndicatorPart, IndicatorVersion, ResultEntry
from db.services.catalogue_edit import verified_by
from db.services.evidence import EvidenceView, list_evidence
from db.services.plans import PlanItemView, WorkItemView, get_plan, items_for, works_for
from db.services.results import ResultView, result_history, target_for
from db.services.status import IndicatorStatus, year_status
from db.services.people import hamlets
from db.services.communes import commune_of


@dataclass(frozen=True)
class Provenance:
    criterion_code: str
    criterion_name: str
    basis: str
    confidence: str
    target_confidence: str
    source: str
    verified: bool
    verified_source: str
    note: str
    unit: str | None
    verified_by: str = ""  # who marked it verified, and when ("Nguyễn Văn A, 12/03/2027")


@dataclass(frozen=True)
class DefinitionVersion:
    """One dated definition of the indicator: its own (valid_from None: from the start of the
    set's period) or an amendment, with the years it governs."""
    valid_from: date | None
    first_year: int
    last_year: int  # the last assessment year it governs (at most the set's last)
    content: str
    kind: str
    target: rules.Target
    source: str
    in_force: bool  # the one the year shown is read under


@dataclass(frozen=True)
class ChangeLine:
    """One change of the indicator, in words ("Giá trị: 65 % → 72,5 %")."""
    at: datetime
    who: str
    record: str  # "Kết quả chỉ tiêu", "Công trình", …
    what: str


@dataclass(frozen=True)
class ValueState:
    """One state the result held, from the day it holds from (its history, schema 8)."""
    year: int
    holds_from: date
    status: str
    value: str
    entered_on: date


@dataclass
class IndicatorDetail:
    status: IndicatorStatus
    criterion_id: int
    provenance: Provenance
    results: list[ResultView]
    plan_id: int | None
    items: list[PlanItemView]
    works: list[WorkItemView]
    evidence: list[EvidenceView]
    changes: list[ChangeLine]
    versions: list[DefinitionVersion] = field(default_factory=list)  # empty: never amended
    states: list[ValueState] = field(default_factory=list)  # newest first
    hamlets: list[str] = field(default_factory=list)  # what a work's hamlet is chosen from


def change_lines(entries: list[ChangeEntry], lang: str = "vi") -> list[ChangeLine]:
    return [ChangeLine(e.at, who(e), record_words(e, lang), what)
            for e, what in in_words(entries, lang)]


def value_states(commune: Commune, indicator_id: int, limit: int = 12) -> list[ValueState]:
    rows = (ResultEntry.select().where((ResultEntry.commune == commune)
                                       & (ResultEntry.indicator == indicator_id))
            .order_by(ResultEntry.year.desc(), ResultEntry.holds_from.desc(), ResultEntry.id.desc())
            .limit(limit))
    return [ValueState(r.year, r.holds_from, r.status, r.value or "",
                       r.entered_at.date() if isinstance(r.entered_at, datetime) else r.holds_from)
            for r in rows]


def indicator_detail(commune: Commune, year: int, indicator_id: int,
                     changes_limit: int = 30, lang: str = "vi") -> IndicatorDetail:
    commune = commune_of(commune)
    indicator = Indicator.get_by_id(indicator_id)
    criterion = Criterion.get_by_id(indicator.criterion_id)
    status = next(i for i in year_status(commune, year).indicators() if i.id == indicator_id)
    plan = get_plan(commune, year)
    who = verified_by(indicator.id) if indicator.verified else None
    return IndicatorDetail(
        status=status, criterion_id=criterion.id,
        provenance=Provenance(criterion.code, criterion.name, indicator.basis, indicator.confidence,
                              indicator.target_confidence, indicator.source, indicator.verified,
                              indicator.verified_source, indicator.note, indicator.unit,
                              ", ".join(who) if who else ""),
        results=result_history(commune, indicator_id), plan_id=plan.id if plan else None,
        items=items_for(plan, indicator_id) if plan else [],
        works=works_for(plan, indicator_id) if plan else [],
        evidence=list_evidence(commune, year, indicator_id),
        changes=change_lines(history(commune.id, label_prefix=f"{indicator.code} /",
                                     limit=changes_limit), lang),
        versions=definition_versions(indicator, year, commune.commune_group),
        states=value_states(commune, indicator_id),
        hamlets=hamlets(commune),
    )


def definition_versions(indicator: Indicator, year: int, commune_group: str | None = None
                        ) -> list[DefinitionVersion]:
    """The indicator's definitions with the years each governs (empty when never amended)."""
    versions = sorted(IndicatorVersion.select().where(IndicatorVersion.indicator == indicator),
                      key=lambda v: v.valid_from)
    if not versions:
        return []
    parts = list(IndicatorPart.select().where(IndicatorPart.indicator == indicator))
    cset = indicator.criterion.criteria_set
    starts = [cset.period_start] + [v.valid_from.year for v in versions]
    out = []
    for n, first in enumerate(starts):
        last = starts[n + 1] - 1 if n + 1 < len(starts) else cset.period_end
        version = versions[n - 1] if n else None
        out.append(DefinitionVersion(
            version.valid_from if version else None, first, last,
            version.content if version else indicator.content,
            version.kind if version else indicator.kind,
            target_for(indicator, first, commune_group, versions=versions, parts=parts),
            version.source if version else indicator.source,
            first <= year <= last))
    return out

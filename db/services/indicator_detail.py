"""Everything the indicator detail screen shows, gathered in one call (read only)."""
from __future__ import annotations

from dataclasses import dataclass

from db.changelog import ChangeEntry, history
from db.models import Commune, Criterion, Indicator
from db.services.evidence import EvidenceView, list_evidence
from db.services.plans import PlanItemView, WorkItemView, get_plan, items_for, works_for
from db.services.results import ResultView, result_history
from db.services.status import IndicatorStatus, year_status
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
    changes: list[ChangeEntry]


def indicator_detail(commune: Commune, year: int, indicator_id: int,
                     changes_limit: int = 30) -> IndicatorDetail:
    commune = commune_of(commune)
    indicator = Indicator.get_by_id(indicator_id)
    criterion = Criterion.get_by_id(indicator.criterion_id)
    status = next(i for i in year_status(commune, year).indicators() if i.id == indicator_id)
    plan = get_plan(commune, year)
    return IndicatorDetail(
        status=status, criterion_id=criterion.id,
        provenance=Provenance(criterion.code, criterion.name, indicator.basis, indicator.confidence,
                              indicator.target_confidence, indicator.source, indicator.verified,
                              indicator.verified_source, indicator.note, indicator.unit),
        results=result_history(commune, indicator_id), plan_id=plan.id if plan else None,
        items=items_for(plan, indicator_id) if plan else [],
        works=works_for(plan, indicator_id) if plan else [],
        evidence=list_evidence(commune, year, indicator_id),
        changes=history(commune.id, label_prefix=f"{indicator.code} /", limit=changes_limit),
    )

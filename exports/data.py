"""Rows shared by the text tables and the PDF reports: who leads what, and the evidence dossier."""
from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from peewee import JOIN

from db.dataclass_lite import dataclass
from db.models import Assignment, AssignmentSupport, Commune, Member, Unit
from db.services.status import YearStatus

if TYPE_CHECKING:
    from db.services.evidence import EvidenceView


@dataclass(frozen=True)
class LeadRow:
    criterion_code: str
    indicator_code: str | None  # None: the criterion as a whole
    content: str
    lead: str
    position: str
    supports: tuple[str, ...]
    decision: str


def _assignments(commune: Commune) -> dict[tuple[int, int | None], Assignment]:
    rows = (Assignment.select(Assignment, Member).join(Member, join_type=JOIN.LEFT_OUTER)
            .where(Assignment.commune == commune))
    return {(a.criterion_id, a.indicator_id): a for a in rows}


def _supports(commune: Commune) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    query = (AssignmentSupport.select(AssignmentSupport, Unit).join(Unit)
             .join_from(AssignmentSupport, Assignment).where(Assignment.commune == commune)
             .order_by(AssignmentSupport.id))
    for s in query:
        out.setdefault(s.assignment_id, []).append(s.unit.name)
    return {k: tuple(v) for k, v in out.items()}


def lead_rows(commune: Commune, status: YearStatus, indicators: bool = True) -> list[LeadRow]:
    """Each criterion, then (optionally) each of its indicators with its effective lead:
    its own assignment, else the criterion's."""
    held = _assignments(commune)
    supports = _supports(commune)

    def row(crit_code: str, ind_code: str | None, content: str, a: Assignment | None) -> LeadRow:
        if a is None:
            return LeadRow(crit_code, ind_code, content, "", "", (), "")
        lead = a.lead if a.lead_id else None
        return LeadRow(crit_code, ind_code, content, lead.name if lead else "",
                       lead.position if lead else "", supports.get(a.id, ()), a.decision)

    out = []
    for crit in status.criteria:
        crit_row = held.get((crit.id, None))
        out.append(row(crit.code, None, crit.name, crit_row))
        if indicators:
            for ind in crit.indicators:
                out.append(row(crit.code, ind.code, ind.content, held.get((crit.id, ind.id), crit_row)))
    return out


def decisions(rows: list[LeadRow]) -> list[str]:
    """The assignment decisions cited, in order of first use."""
    return list(dict.fromkeys(r.decision for r in rows if r.decision))


@dataclass
class EvidenceGroup:
    """One indicator's evidence items for a year (empty: nothing recorded yet)."""
    criterion_code: str
    criterion_name: str
    indicator_code: str
    indicator_content: str
    items: list[EvidenceView] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return sum(1 for e in self.items if e.status == "missing")

    @property
    def complete(self) -> bool:
        return bool(self.items) and self.missing == 0


def evidence_groups(commune: Commune, status: YearStatus) -> list[EvidenceGroup]:
    from db.services.evidence import list_evidence  # deferred: the lead tables do without it

    by_indicator: dict[int, list[EvidenceView]] = {}
    for item in list_evidence(commune, status.year):
        by_indicator.setdefault(item.indicator_id, []).append(item)
    groups = []
    for crit in status.criteria:
        for ind in crit.indicators:
            items = sorted(by_indicator.get(ind.id, []), key=lambda e: e.id)
            groups.append(EvidenceGroup(crit.code, crit.name, ind.code, ind.content, items))
    return groups

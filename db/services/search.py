"""Find anything (issue 16): one search over what the commune's officer keeps for a year.

Criteria and indicators of the year's set, the plan's text, tasks, solutions and works
(hamlet included), members (name, position, board role, unit), units, evidence (title,
number, issuer, location) and the year's deadlines. Accents and case are ignored
(`db.text.fold`), the words may come in any order, and a word that is not in the text may
stand for the initials of its words, as communes abbreviate ("Hội LHPN" finds «Hội Liên hiệp
Phụ nữ xã», "BHYT" «bảo hiểm y tế»). The app (`/`, ctrl+f) and `ntm-tui search` share it.
"""
from __future__ import annotations

from datetime import date

from db.dataclass_lite import dataclass
from db.text import fold

KINDS = ("criterion", "indicator", "plan_text", "task", "solution", "work", "member", "unit",
         "evidence", "deadline")
MIN_INITIALS = 3  # shorter words are too often initials of something by chance


@dataclass(frozen=True)
class Hit:
    kind: str  # one of KINDS
    key: str  # the record's id ("12"), a deadline's key ("R1-2023-03")
    code: str  # the criterion or indicator code it belongs to ("" if none)
    title: str  # what the officer recognises it by
    context: str  # where it belongs: position and unit, hamlet, issuer, due date…
    indicator_id: int | None = None
    criterion_id: int | None = None
    score: int = 1  # 3: the words as typed, in order; 2: each a whole word; 1: parts of words


class Query:
    """The folded words of a search; `matches(*texts)` when each word is in the texts, as
    written or as the initials of their words."""

    def __init__(self, text: str) -> None:
        self.words = fold(text).split()

    def __bool__(self) -> bool:
        return bool(self.words)

    def score(self, *texts: str | None) -> int:
        """How well the texts match (0: they do not): see `Hit.score`."""
        import re

        if not self.matches(*texts):
            return 0
        haystack = " ".join(fold(t) for t in texts if t)
        if re.search(r"(?<!\w)" + re.escape(" ".join(self.words)) + r"(?!\w)", haystack):
            return 3
        found = set(re.findall(r"\w+", haystack))
        return 2 if all(w in found for w in self.words) else 1

    def matches(self, *texts: str | None) -> bool:
        folded = [fold(t) for t in texts if t]
        haystack = " ".join(folded)
        initials = None
        for word in self.words:
            if word in haystack:
                continue
            if len(word) < MIN_INITIALS:
                return False
            if initials is None:
                initials = " ".join("".join(w[0] for w in f.split() if w[0].isalnum())
                                    for f in folded)
            if word not in initials:
                return False
        return True


def search(commune_id: int, year: int, text: str, today: date | None = None,
           limit: int = 200) -> list[Hit]:
    """Everything of the commune's `year` that `text` finds, grouped by kind (KINDS order)."""
    from peewee import JOIN

    from db import rules
    from db.models import (
        Criterion, EvidenceItem, Indicator, Member, Plan, PlanItem, PlanSection, Unit, WorkItem,
    )
    from db.services.communes import commune_of, criteria_set_for_year

    query = Query(text)
    if not query:
        return []
    commune = commune_of(commune_id)
    hits: list[Hit] = []
    cset = criteria_set_for_year(commune, year, check=False)
    criteria = sorted(Criterion.select().where(Criterion.criteria_set == cset),
                      key=lambda c: rules.code_key(c.code))
    for c in criteria:
        if score := query.score(c.code, c.name, c.responsible_sector):
            hits.append(Hit("criterion", str(c.id), c.code, c.name, "", None, c.id, score=score))
    indicators = sorted(Indicator.select(Indicator, Criterion).join(Criterion)
                        .where(Criterion.criteria_set == cset), key=lambda i: rules.code_key(i.code))
    for i in indicators:
        if score := query.score(i.code, i.content, i.responsible_sector):
            hits.append(Hit("indicator", str(i.id), i.code, i.content, i.criterion.name, i.id,
                            i.criterion_id, score=score))
    plan = Plan.get_or_none((Plan.commune == commune) & (Plan.year == year))
    if plan is not None:
        if score := query.score(plan.number, plan.subject):
            hits.append(Hit("plan_text", str(plan.id), "", plan.subject or plan.number, plan.number, score=score))
        for s in PlanSection.select().where(PlanSection.plan == plan).order_by(PlanSection.position):
            if score := query.score(s.title, s.body):
                hits.append(Hit("plan_text", str(plan.id), "", s.title or plan.number or plan.subject,
                                _snippet(s.body, query), score=min(score, 2)))  # prose: after names
        items = (PlanItem.select(PlanItem, Indicator).join(Indicator)
                 .where(PlanItem.plan == plan).order_by(PlanItem.position, PlanItem.id))
        for kind in ("task", "solution"):
            for p in items:
                if p.kind == kind and query.matches(p.text):
                    hits.append(Hit(kind, str(p.id), p.indicator.code, p.text, "", p.indicator_id,
                                    p.indicator.criterion_id, score=score))
        works = (WorkItem.select(WorkItem, Indicator).join(Indicator)
                 .where(WorkItem.plan == plan).order_by(WorkItem.position, WorkItem.id))
        for w in works:
            if score := query.score(w.title, w.hamlet, w.funding_note, w.note):
                where = ", ".join(x for x in (w.hamlet, rules.format_date(w.due_date) if w.due_date
                                              else "") if x)
                hits.append(Hit("work", str(w.id), w.indicator.code, w.title, where, w.indicator_id,
                                w.indicator.criterion_id, score=score))
    members = (Member.select(Member, Unit).join(Unit, join_type=JOIN.LEFT_OUTER)
               .where(Member.commune == commune).order_by(Member.id))
    for m in members:
        unit = m.unit.name if m.unit_id else ""
        if score := query.score(m.name, m.position, m.board_role, unit):
            hits.append(Hit("member", str(m.id), "", m.name,
                            " · ".join(x for x in (m.position, unit) if x), score=score))
    for u in Unit.select().where(Unit.commune == commune).order_by(Unit.id):
        if score := query.score(u.name):
            hits.append(Hit("unit", str(u.id), "", u.name, "", score=score))
    evidence = (EvidenceItem.select(EvidenceItem, Indicator).join(Indicator)
                .where((EvidenceItem.commune == commune) & (EvidenceItem.year == year))
                .order_by(EvidenceItem.id))
    for e in evidence:
        if score := query.score(e.title, e.doc_number, e.issuer, e.location):
            hits.append(Hit("evidence", str(e.id), e.indicator.code, e.title,
                            " · ".join(x for x in (e.doc_number, e.issuer) if x), e.indicator_id,
                            e.indicator.criterion_id, score=score))
    from db.services.deadlines import list_deadlines

    for d in list_deadlines(commune, today or date.today(), start=date(year, 1, 1),
                            end=date(year, 12, 31)):
        if score := query.score(d.title, d.note, d.id):
            hits.append(Hit("deadline", d.id, "", d.title, rules.format_date(d.due_date), score=score))
    hits.sort(key=lambda h: -h.score)  # stable: within a score, KINDS order
    return hits[:limit]


def _snippet(text: str, query: Query, width: int = 80) -> str:
    """The part of a long text around the first word found."""
    folded = fold(text)
    at = min((folded.find(w) for w in query.words if w in folded), default=0)
    flat = " ".join(text.split())
    start = max(0, at - 20)
    if start:
        start = flat.find(" ", start) + 1 or start  # from a word's start
    part = flat[start:start + width]
    return ("…" if start else "") + part + ("…" if start + width < len(flat) else "")

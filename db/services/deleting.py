"""Deleting what the officer created (issue 16, "fix anything").

Each use case takes an id and a change-log batch, refuses (naming what still depends on
the record) before anything is written, and deletes through `db.changelog.delete_logged`,
so ctrl+z (`undo_batch`) brings the record back exactly as it was. Nothing is deleted by a
cascade the change log does not see: a record others point to is refused, never orphaned.
Each returns the name of what went, for the confirmation the screen says.
"""
from __future__ import annotations

from db.changelog import delete_logged
from db.errors import ValidationError
from db.models import (
    Assignment, AssignmentSupport, Commune, CommuneCriteriaSet, Criterion, Deadline, DeadlineRule,
    EvidenceItem, Indicator, Member, Plan, PlanItem, PlanSection, Result, Setting, Unit, WorkItem,
    database,
)
from db.services.records import get_record


def _codes(assignments) -> str:
    from db import rules

    codes = sorted({a.indicator.code if a.indicator_id else a.criterion.code for a in assignments},
                   key=rules.code_key)
    return ", ".join(codes) if codes else "—"


def _assignments(where) -> list[Assignment]:
    from peewee import JOIN

    return list(Assignment.select(Assignment, Criterion, Indicator).join(Criterion)
                .join_from(Assignment, Indicator, join_type=JOIN.LEFT_OUTER).where(where))


def delete_member(member_id: int, batch: str | None = None) -> str:
    with database.atomic():
        member = get_record(Member, member_id)
        leads = _assignments(Assignment.lead == member)
        evidence = EvidenceItem.select().where(EvidenceItem.responsible == member).count()
        if leads or evidence:
            raise ValidationError("member_in_use", name=member.name, codes=_codes(leads),
                                  evidence=evidence)
        delete_logged(member, label=member.name, batch=batch)
    return member.name


def delete_unit(unit_id: int, batch: str | None = None) -> str:
    with database.atomic():
        unit = get_record(Unit, unit_id)
        members = Member.select().where(Member.unit == unit).count()
        supported = _assignments(Assignment.id.in_(
            AssignmentSupport.select(AssignmentSupport.assignment).where(AssignmentSupport.unit == unit)))
        if members or supported:
            raise ValidationError("unit_in_use", name=unit.name, members=members,
                                  codes=_codes(supported))
        delete_logged(unit, label=unit.name, batch=batch)
    return unit.name


def _recorded_deadline(source: str) -> Deadline | None:
    return Deadline.get_or_none(Deadline.source == source)


def delete_evidence(item_id: int, batch: str | None = None) -> str:
    with database.atomic():
        item = get_record(EvidenceItem, item_id)
        recorded = _recorded_deadline(f"evidence:{item.id}")
        if recorded is not None:
            raise ValidationError("evidence_in_use", name=item.title, title=recorded.title)
        label = f"{item.indicator.code} / {item.year}"
        delete_logged(item, label=label, batch=batch)
    return item.title


def delete_plan_row(kind: str, record_id: int, batch: str | None = None) -> str:
    """`kind`: "item" (a task or a solution) or "work"."""
    with database.atomic():
        if kind == "work":
            work = get_record(WorkItem, record_id)
            recorded = _recorded_deadline(f"work_item:{work.id}")
            if recorded is not None:
                raise ValidationError("work_in_use", name=work.title, title=recorded.title)
            delete_logged(work, label=f"{work.indicator.code} / {work.plan.year}", batch=batch)
            return work.title
        item = get_record(PlanItem, record_id)
        delete_logged(item, label=f"{item.indicator.code} / {item.plan.year}", batch=batch)
        return item.text


def delete_rule(rule_id: int, batch: str | None = None) -> str:
    with database.atomic():
        rule = get_record(DeadlineRule, rule_id)
        recorded = Deadline.select().where(Deadline.rule == rule).count()
        name = rule.title or rule.kind
        if recorded:
            raise ValidationError("rule_in_use", name=name, count=recorded)
        delete_logged(rule, label=name, batch=batch)
    return name


def clear_assignment(commune_id: int, criterion_id: int, indicator_id: int | None = None,
                     batch: str | None = None) -> str:
    """Nobody holds the criterion (or indicator) any more: its lead and supporting units go."""
    with database.atomic():
        criterion = get_record(Criterion, criterion_id)
        indicator = get_record(Indicator, indicator_id) if indicator_id else None
        code = indicator.code if indicator else criterion.code
        row = Assignment.get_or_none(
            (Assignment.commune == commune_id) & (Assignment.criterion == criterion)
            & (Assignment.indicator == indicator if indicator else Assignment.indicator.is_null()))
        if row is None:
            raise ValidationError("nothing_assigned", code=code)
        for support in AssignmentSupport.select().where(AssignmentSupport.assignment == row):
            delete_logged(support, label=code, batch=batch)
        delete_logged(row, label=code, batch=batch)
    return code


def commune_data(commune: Commune) -> dict[str, int]:
    """What a commune holds that the officer entered (its default rules and settings aside)."""
    plans = Plan.select(Plan.id).where(Plan.commune == commune)
    return {
        "results": Result.select().where(Result.commune == commune).count(),
        "members": Member.select().where(Member.commune == commune).count(),
        "units": Unit.select().where(Unit.commune == commune).count(),
        "plan": (PlanItem.select().where(PlanItem.plan.in_(plans)).count()
                 + WorkItem.select().where(WorkItem.plan.in_(plans)).count()
                 + PlanSection.select().where(PlanSection.plan.in_(plans)).count()
                 + Assignment.select().where(Assignment.commune == commune).count()),
        "evidence": EvidenceItem.select().where(EvidenceItem.commune == commune).count(),
        "deadlines": Deadline.select().where(Deadline.commune == commune).count(),
    }


def delete_commune(commune_id: int, batch: str | None = None) -> str:
    """A commune with no data (entered by mistake): it goes with its deadline rules, its
    criteria-set periods, its settings and its empty plans, all in the change log."""
    from db.changelog import new_batch

    batch = batch or new_batch()
    with database.atomic():
        commune = get_record(Commune, commune_id)
        held = commune_data(commune)
        if any(held.values()):
            raise ValidationError("commune_in_use", name=commune.name, **held)
        for model in (DeadlineRule, CommuneCriteriaSet, Setting, Plan):
            for row in model.select().where(model.commune == commune):
                delete_logged(row, label=commune.name, batch=batch)
        delete_logged(commune, label=commune.name, batch=batch)  # the first one is used then
    return commune.name

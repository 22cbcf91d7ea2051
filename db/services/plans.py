"""The year's plan (Kế hoạch): document data, targets, tasks, solutions and works."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db import rules
from db.changelog import create_logged
from db.models import Commune, Criterion, Indicator, Plan, PlanItem, PlanSection, PlanTarget, WorkItem, database
from db.services.records import checked_choice, checked_text

ITEM_KINDS = ("task", "solution")
WORK_STATUSES = ("planned", "in_progress", "done", "cancelled")


@dataclass(frozen=True)
class PlanItemView:
    id: int
    indicator_code: str
    kind: str
    text: str
    done: bool
    version: int
    indicator_id: int | None = None


@dataclass(frozen=True)
class WorkItemView:
    id: int
    indicator_code: str
    title: str
    hamlet: str
    funding_note: str
    due_date: date | None
    status: str
    note: str
    version: int
    indicator_id: int | None = None


def get_plan(commune: Commune, year: int) -> Plan | None:
    return Plan.get_or_none((Plan.commune == commune) & (Plan.year == year))


def ensure_plan(commune: Commune, year: int, **fields) -> Plan:
    plan = get_plan(commune, year)
    if plan is None:
        plan = create_logged(Plan, label=f"KH {year}", commune=commune, year=year, **fields)
    return plan


def set_targets(plan: Plan, indicators: list[Indicator], criteria: list[Criterion]) -> None:
    with database.atomic():
        PlanTarget.delete().where(PlanTarget.plan == plan).execute()
        for ind in indicators:
            PlanTarget.create(plan=plan, indicator=ind)
        for crit in criteria:
            PlanTarget.create(plan=plan, criterion=crit)


def add_section(plan: Plan, key: str, title: str, body: str, position: int) -> PlanSection:
    return create_logged(PlanSection, label=f"KH {plan.year}: {key}", plan=plan, key=key,
                         title=checked_text(title, "title"), body=checked_text(body, "body", long=True),
                         position=position)


def add_item(plan: Plan, indicator: Indicator, kind: str, text: str) -> PlanItem:
    position = PlanItem.select().where(PlanItem.plan == plan).count()
    return create_logged(PlanItem, label=f"{indicator.code} / {plan.year}", plan=plan,
                         indicator=indicator, kind=checked_choice(kind, "kind", ITEM_KINDS),
                         text=checked_text(text, "text", required=True, long=True), position=position)


def add_work(plan: Plan, indicator: Indicator, title: str, hamlet: str = "", funding_note: str = "",
             due_date: date | str | None = None, status: str = "planned", note: str = "") -> WorkItem:
    position = WorkItem.select().where(WorkItem.plan == plan).count()
    return create_logged(
        WorkItem, label=f"{indicator.code} / {plan.year}", plan=plan, indicator=indicator,
        title=checked_text(title, "title", required=True, long=True), hamlet=checked_text(hamlet, "hamlet"),
        funding_note=checked_text(funding_note, "funding_note", long=True),
        due_date=rules.parse_date(due_date) if due_date else None,
        status=checked_choice(status, "status", WORK_STATUSES), note=checked_text(note, "note", long=True),
        position=position)


def items_for(plan: Plan, indicator_id: int | None = None) -> list[PlanItemView]:
    query = PlanItem.select(PlanItem, Indicator).join(Indicator).where(PlanItem.plan == plan)
    if indicator_id is not None:
        query = query.where(PlanItem.indicator == indicator_id)
    return [PlanItemView(i.id, i.indicator.code, i.kind, i.text, i.done, i.version, i.indicator_id)
            for i in query.order_by(PlanItem.position, PlanItem.id)]


def works_for(plan: Plan, indicator_id: int | None = None) -> list[WorkItemView]:
    query = WorkItem.select(WorkItem, Indicator).join(Indicator).where(WorkItem.plan == plan)
    if indicator_id is not None:
        query = query.where(WorkItem.indicator == indicator_id)
    return [WorkItemView(w.id, w.indicator.code, w.title, w.hamlet, w.funding_note, w.due_date,
                         w.status, w.note, w.version, w.indicator_id)
            for w in query.order_by(WorkItem.position, WorkItem.id)]


def sections_for(plan: Plan) -> list[PlanSection]:
    return list(PlanSection.select().where(PlanSection.plan == plan)
                .order_by(PlanSection.position, PlanSection.id))

"""Deadlines: reports and meetings generated from rules, plus one-off dates; their states."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from db.changelog import apply_changes, create_logged, new_batch
from db.context import current_user
from db.errors import NotFoundError
from db.models import Commune, Deadline, DeadlineRule, database

UPCOMING, DUE, LATE, SUBMITTED = "upcoming", "due", "late", "submitted"

# The seed plan's regime (Kế hoạch 249/KH-BQL, part IV).
DEFAULT_RULES = [
    dict(kind="monthly_report", title="Báo cáo tháng", frequency="monthly",
         due_day=10, latest_day=15),
    dict(kind="quarterly_report", title="Báo cáo quý", frequency="quarterly",
         due_month=3, due_day=10, latest_month=3, latest_day=20),
    dict(kind="annual_report", title="Báo cáo năm", frequency="yearly",
         due_month=11, due_day=10, latest_month=11, latest_day=20),
    dict(kind="board_meeting", title="Họp BQL và UBND xã", frequency="quarterly",
         due_month=3, due_day=25, latest_month=3, latest_day=31),
]


@dataclass(frozen=True)
class DeadlineView:
    id: int
    kind: str
    period: str
    title: str
    due_date: date
    latest_date: date | None
    state: str
    submitted_on: date | None
    submitted_by: str
    file_path: str
    version: int


def state_of(deadline: Deadline, today: date) -> str:
    if deadline.status == "submitted":
        return SUBMITTED
    latest = deadline.latest_date or deadline.due_date
    if today > latest:
        return LATE
    if today > deadline.due_date:
        return DUE
    return UPCOMING


def _day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def expand_rule(rule: DeadlineRule, year: int) -> list[dict]:
    """The deadlines a rule gives in a year: period, title, due and latest dates."""
    out = []
    if rule.frequency == "monthly":
        for month in range(1, 13):
            out.append(dict(period=f"{year}-{month:02d}", title=f"{rule.title} tháng {month:02d}/{year}",
                            due=_day(year, month, rule.due_day),
                            latest=_day(year, month, rule.latest_day) if rule.latest_day else None))
    elif rule.frequency == "quarterly":
        for quarter in range(1, 5):
            month = (quarter - 1) * 3 + (rule.due_month or 3)
            lmonth = (quarter - 1) * 3 + (rule.latest_month or rule.due_month or 3)
            out.append(dict(period=f"{year}-Q{quarter}", title=f"{rule.title} quý {quarter}/{year}",
                            due=_day(year, month, rule.due_day),
                            latest=_day(year, lmonth, rule.latest_day) if rule.latest_day else None))
    elif rule.frequency == "yearly":
        out.append(dict(period=str(year), title=f"{rule.title} {year}",
                        due=_day(year, rule.due_month or 12, rule.due_day),
                        latest=_day(year, rule.latest_month or rule.due_month or 12, rule.latest_day)
                        if rule.latest_day else None))
    return out


def ensure_default_rules(commune: Commune) -> list[DeadlineRule]:
    rules = list(DeadlineRule.select().where(DeadlineRule.commune == commune))
    if not rules:
        with database.atomic():
            rules = [create_logged(DeadlineRule, label=spec["title"], commune=commune, **spec)
                     for spec in DEFAULT_RULES]
    return rules


def generate_year(commune: Commune, year: int) -> int:
    """Create the year's deadlines from the rules; running it twice adds nothing."""
    created = 0
    with database.atomic():
        for rule in ensure_default_rules(commune):
            if not rule.active:
                continue
            existing = {d.period for d in Deadline.select(Deadline.period)
                        .where((Deadline.rule == rule))}
            for spec in expand_rule(rule, year):
                if spec["period"] in existing:
                    continue
                Deadline.create(commune=commune, rule=rule, kind=rule.kind, period=spec["period"],
                                title=spec["title"], due_date=spec["due"], latest_date=spec["latest"],
                                updated_by=current_user())
                created += 1
    return created


def list_deadlines(commune: Commune, today: date, start: date | None = None,
                   end: date | None = None) -> list[DeadlineView]:
    query = Deadline.select().where(Deadline.commune == commune)
    if start:
        query = query.where(Deadline.due_date >= start)
    if end:
        query = query.where(Deadline.due_date <= end)
    return [DeadlineView(d.id, d.kind, d.period, d.title, d.due_date, d.latest_date,
                         state_of(d, today), d.submitted_on, d.submitted_by, d.file_path, d.version)
            for d in query.order_by(Deadline.due_date, Deadline.id)]


def submit(deadline_id: int, on: date, file_path: str = "", expected_version: int | None = None) -> None:
    deadline = Deadline.get_or_none(Deadline.id == deadline_id)
    if deadline is None:
        raise NotFoundError("record_not_found", table="deadline", id=deadline_id)
    apply_changes(deadline, {"status": "submitted", "submitted_on": on,
                             "submitted_by": current_user(), "file_path": file_path},
                  label=deadline.title, expected_version=expected_version, batch=new_batch())


def add_one_off(commune: Commune, kind: str, title: str, due: date, latest: date | None = None,
                source: str = "") -> Deadline:
    return create_logged(Deadline, label=title, commune=commune, kind=kind, title=title,
                         due_date=due, latest_date=latest, source=source, period=str(due.year))

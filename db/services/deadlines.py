"""Deadlines: reports and meetings generated from rules, plus one-off dates; their states."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db import rules
from db.changelog import apply_changes, create_logged, new_batch
from db.context import current_user
from db.errors import NotFoundError, ValidationError
from db.models import Commune, Deadline, EvidenceItem, Plan, WorkItem, database, now
from db.services.deadline_rules import (  # noqa: F401  (re-exported: the first version's names)
    DEFAULT_RULES,
    YEARS_KEY,
    ensure_default_rules,
    expand_rule,
    generated_years,
    sync_rule,
)
from db.services.records import checked_text
from db.workdays import day_off, working_day_before
from db.services.communes import commune_of

UPCOMING, DUE, LATE, SUBMITTED = "upcoming", "due", "late", "submitted"
STATES = (UPCOMING, DUE, LATE, SUBMITTED)
WORK_ITEM, EVIDENCE_EXPIRY = "work_item", "evidence_expiry"
ONE_OFF_SOURCES = ("work_item:", "evidence:")
GENERATE_SPAN = 5  # years either side of today generated on demand: a typo like 1900 stays cheap


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
    rule_id: int | None = None
    source: str = ""  # "work_item:12", "evidence:40" for one-off deadlines
    lang: str = "vi"  # of the holiday names in `flag`

    # The holiday flag is worked out when first read: the holiday tables are a large import
    # (hundreds of modules) that the dashboard, the start notice and the PDF report never need.
    @property
    def flag(self) -> str:
        """Why the due date is not a working day: "Chủ nhật", "Tết Nguyên Đán", … ("" if it is)."""
        return day_off(self.due_date, self.lang)

    @property
    def suggested_date(self) -> date | None:
        """When the due date is not a working day: the working day before."""
        return working_day_before(self.due_date) if self.flag else None

    @property
    def flags(self) -> list[str]:
        return [self.flag] if self.flag else []


def state_of(deadline: Deadline, today: date) -> str:
    """On the due date itself still upcoming; the day after, due; the day after the latest, late."""
    if deadline.status == "submitted":
        return SUBMITTED
    latest = deadline.latest_date or deadline.due_date
    if today > latest:
        return LATE
    if today > deadline.due_date:
        return DUE
    return UPCOMING


def generate_year(commune: Commune, year: int) -> int:
    """Create the year's deadlines from the rules; running it twice adds nothing."""
    from db.services.communes import put_setting

    done = generated_years(commune)
    if year in done:
        return 0
    created = 0
    with database.atomic():
        for rule in ensure_default_rules(commune):
            created += sync_rule(rule, year, today=None)
        put_setting(YEARS_KEY, ",".join(str(y) for y in sorted(done | {year})), commune)
    return created


def _set(deadline: Deadline, **fields) -> bool:
    """Unlogged change of a derived deadline (it follows a logged change elsewhere)."""
    changed = {k: v for k, v in fields.items() if getattr(deadline, k) != v}
    if not changed:
        return False
    Deadline.update(version=deadline.version + 1, updated_at=now(), **changed) \
        .where(Deadline.id == deadline.id).execute()
    return True


def sync_one_offs(commune: Commune) -> int:
    """Deadlines from work items' due dates and evidence expiry dates; returns the rows touched.

    Idempotent. A moved date moves the open deadline; a finished work item's deadline shows
    as submitted; a cancelled item, a removed date or a deleted row removes the open deadline.
    """
    wanted: dict[str, dict] = {}
    works = (WorkItem.select(WorkItem).join(Plan)
             .where((Plan.commune == commune) & WorkItem.due_date.is_null(False)))
    for work in works:
        if work.status != "cancelled":
            wanted[f"work_item:{work.id}"] = dict(kind=WORK_ITEM, title=f"Hoàn thành: {work.title}",
                                                  due_date=work.due_date, done=work.status == "done",
                                                  by=work.updated_by, on=work.updated_at.date())
    items = EvidenceItem.select().where((EvidenceItem.commune == commune)
                                        & EvidenceItem.expiry_date.is_null(False))
    for item in items:
        wanted[f"evidence:{item.id}"] = dict(kind=EVIDENCE_EXPIRY, title=f"Minh chứng hết hạn: {item.title}",
                                             due_date=item.expiry_date, done=False)
    touched = 0
    with database.atomic():
        existing = {d.source: d for d in Deadline.select().where(
            (Deadline.commune == commune) & (Deadline.rule.is_null()) & (Deadline.source != ""))}
        for source, spec in wanted.items():
            current = existing.pop(source, None)
            if current is None:
                if spec["done"]:
                    continue
                Deadline.create(commune=commune, kind=spec["kind"], title=spec["title"],
                                due_date=spec["due_date"], period=str(spec["due_date"].year),
                                source=source, updated_by=current_user())
            elif current.status != "open":
                continue  # submitted stays submitted
            elif spec["done"]:
                _set(current, status="submitted", submitted_on=spec["on"], submitted_by=spec["by"])
            elif not _set(current, title=spec["title"], due_date=spec["due_date"],
                          period=str(spec["due_date"].year)):
                continue
            touched += 1
        for gone in existing.values():
            if gone.status == "open" and gone.source.startswith(ONE_OFF_SOURCES):
                gone.delete_instance()
                touched += 1
    return touched


def prepare(commune: Commune, years: list[int] | range) -> None:
    """What listing needs first: the years' deadlines generated and the one-offs in sync."""
    commune = commune_of(commune)
    for year in years:
        generate_year(commune, year)
    sync_one_offs(commune)


def view_of(d: Deadline, today: date, lang: str = "vi") -> DeadlineView:
    return DeadlineView(d.id, d.kind, d.period, d.title, d.due_date, d.latest_date,
                        state_of(d, today), d.submitted_on, d.submitted_by, d.file_path, d.version,
                        rule_id=d.rule_id, source=d.source, lang=lang)


def list_deadlines(commune: Commune, today: date, start: date | None = None,
                   end: date | None = None, states: tuple[str, ...] | None = None,
                   lang: str = "vi", generate: bool = True) -> list[DeadlineView]:
    """Deadlines due between start and end (inclusive), by due date.

    The years in range are generated from the rules first (idempotent; generate=False skips it);
    one-offs (work items, evidence expiry) are always brought in sync.
    """
    commune = commune_of(commune)
    if not generate:
        sync_one_offs(commune)
    else:
        first = max(min((start or today).year, today.year), today.year - GENERATE_SPAN)
        last = min(max((end or today).year, today.year), today.year + GENERATE_SPAN)
        prepare(commune, range(first, last + 1))
    query = Deadline.select().where(Deadline.commune == commune)
    if start:
        query = query.where(Deadline.due_date >= start)
    if end:
        query = query.where(Deadline.due_date <= end)
    views = [view_of(d, today, lang) for d in query.order_by(Deadline.due_date, Deadline.id)]
    return [v for v in views if states is None or v.state in states]


def submit(deadline_id: int, on: date | str, file_path: str = "", expected_version: int | None = None,
           today: date | None = None, batch: str | None = None) -> DeadlineView:
    """Mark a report sent (or a meeting held) on a date, optionally with the exported file."""
    deadline = Deadline.get_or_none(Deadline.id == deadline_id)
    if deadline is None:
        raise NotFoundError("deadline_not_found", id=deadline_id)
    on = rules.parse_date(on)
    if today is not None and on > today:
        raise ValidationError("submit_in_future", on=on.strftime("%d/%m/%Y"),
                              today=today.strftime("%d/%m/%Y"))
    if file_path:  # the exported report that was sent: a typo is caught here, not months later
        path = Path(checked_text(file_path, "file_path", long=True)).expanduser()
        if not path.is_file():
            raise NotFoundError("file_not_found", path=file_path)
        file_path = str(path.resolve())
    apply_changes(deadline, {"status": "submitted", "submitted_on": on,
                             "submitted_by": current_user(), "file_path": file_path},
                  label=deadline.title, expected_version=expected_version, batch=batch or new_batch())
    return view_of(Deadline.get_by_id(deadline_id), today or on)


def unsubmit(deadline_id: int, expected_version: int | None = None, today: date | None = None,
             batch: str | None = None) -> DeadlineView:
    """Undo a submission recorded by mistake: the deadline is open again."""
    deadline = Deadline.get_or_none(Deadline.id == deadline_id)
    if deadline is None:
        raise NotFoundError("deadline_not_found", id=deadline_id)
    apply_changes(deadline, {"status": "open", "submitted_on": None, "submitted_by": "", "file_path": ""},
                  label=deadline.title, expected_version=expected_version, batch=batch or new_batch())
    return view_of(Deadline.get_by_id(deadline_id), today or date.today())


def add_one_off(commune: Commune, kind: str, title: str, due: date, latest: date | None = None,
                source: str = "") -> Deadline:
    return create_logged(Deadline, label=title, commune=commune, kind=kind, title=title,
                         due_date=due, latest_date=latest, source=source, period=str(due.year))

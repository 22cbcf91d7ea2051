"""The year's plan (Kế hoạch): document data, targets, tasks, solutions and works."""
from __future__ import annotations

from datetime import date

from db import rules
from db.changelog import create_logged
from db.dataclass_lite import dataclass
from db.errors import NotFoundError, ValidationError
from db.models import Commune, Criterion, Indicator, Plan, PlanItem, PlanSection, PlanTarget, WorkItem, database
from db.services.records import checked_choice, checked_text
from db.services.communes import commune_of

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
    cost: float | None = None  # đồng
    funding_source: str = ""  # FUNDING_SOURCES


# Where a work's money comes from (m0009): the report sums "nguồn lực huy động" by these.
FUNDING_SOURCES = {
    "ngan_sach_tw": ("Ngân sách trung ương", "Central budget"),
    "ngan_sach_tinh": ("Ngân sách tỉnh", "Provincial budget"),
    "ngan_sach_xa": ("Ngân sách xã", "Commune budget"),
    "tin_dung": ("Vốn tín dụng", "Credit"),
    "doanh_nghiep": ("Doanh nghiệp", "Businesses"),
    "nhan_dan": ("Nhân dân đóng góp", "People's contributions"),
    "khac": ("Nguồn khác", "Other sources"),
}


def funding_label(source: str, lang: str = "vi") -> str:
    pair = FUNDING_SOURCES.get(source, ("", ""))
    return pair[1] if lang == "en" else pair[0]


def parse_cost(value) -> float | None:
    if value is None or value == "":
        return None
    number = rules.parse_number(value)
    if number < 0:
        raise ValidationError("value_negative", value=value)
    return number


def get_plan(commune: Commune, year: int) -> Plan | None:
    commune = commune_of(commune)
    return Plan.get_or_none((Plan.commune == commune) & (Plan.year == year))


def ensure_plan(commune: Commune, year: int, batch: str | None = None, **fields) -> Plan:
    """The year's plan, made when missing. Made without fields of its own (the app, the targets
    command), it starts as a copy of the latest earlier plan's document fields and text, else
    from the neutral template; made with fields (the demo loader), it starts empty."""
    commune = commune_of(commune)
    plan = get_plan(commune, year)
    if plan is None:
        start = {} if fields else _starting_fields(commune, year)
        plan = create_logged(Plan, label=f"KH {year}", batch=batch, commune=commune, year=year,
                             **start, **fields)
        if not fields:
            for key, (title, body) in _starting_sections(commune, year).items():
                if body.strip():
                    create_logged(PlanSection, label=f"KH {year}: {key}", batch=batch, plan=plan, key=key,
                                  title=title, body=body, position=_position(key))
    return plan


COPIED_FIELDS = ("issuing_body", "issuing_unit", "place", "signing_authority", "signer_title",
                 "signer_position", "signer_name", "recipients")


def _previous_plan(commune: Commune, year: int) -> Plan | None:
    return (Plan.select().where((Plan.commune == commune) & (Plan.year < year))
            .order_by(Plan.year.desc()).first())


def _starting_fields(commune: Commune, year: int) -> dict:
    previous = _previous_plan(commune, year)
    return {name: getattr(previous, name) for name in COPIED_FIELDS} if previous else {}


def _starting_sections(commune: Commune, year: int) -> dict[str, tuple[str, str]]:
    """key → (title, body): the latest earlier plan's text, else the neutral template."""
    from db.services.plan_template import NEUTRAL, SLOTS

    previous = _previous_plan(commune, year)
    if previous is not None:
        rows = sections_for(previous)
        if rows:
            return {s.key: (s.title, s.body) for s in rows}
    from db.services.communes import criteria_set_for_year
    from db.services.plan_template import criteria_basis

    try:
        cset = criteria_set_for_year(commune, year, check=False)
        basis = criteria_basis(cset.name, cset.national_decision, cset.provincial_decision)
    except NotFoundError:  # a commune with no set yet: blanks to fill
        basis = criteria_basis("", "", "")
    return {key: (SLOTS[key][1], NEUTRAL.get(key, "").format(year=year, criteria_basis=basis))
            for key in SLOTS}


def _position(key: str) -> int:
    from db.services.plan_template import SLOTS

    keys = list(SLOTS)
    return keys.index(key) if key in keys else len(keys)


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


def add_item(plan: Plan, indicator: Indicator, kind: str, text: str, batch: str | None = None) -> PlanItem:
    position = PlanItem.select().where(PlanItem.plan == plan).count()
    return create_logged(PlanItem, label=f"{indicator.code} / {plan.year}", batch=batch, plan=plan,
                         indicator=indicator, kind=checked_choice(kind, "kind", ITEM_KINDS),
                         text=checked_text(text, "text", required=True, long=True), position=position)


def add_work(plan: Plan, indicator: Indicator, title: str, hamlet: str = "", funding_note: str = "",
             due_date: date | str | None = None, status: str = "planned", note: str = "",
             batch: str | None = None, cost=None, funding_source: str = "") -> WorkItem:
    position = WorkItem.select().where(WorkItem.plan == plan).count()
    return create_logged(
        WorkItem, label=f"{indicator.code} / {plan.year}", batch=batch, plan=plan, indicator=indicator,
        title=checked_text(title, "title", required=True, long=True), hamlet=checked_text(hamlet, "hamlet"),
        funding_note=checked_text(funding_note, "funding_note", long=True),
        due_date=rules.parse_date(due_date) if due_date else None,
        status=checked_choice(status, "status", WORK_STATUSES), note=checked_text(note, "note", long=True),
        position=position, cost=parse_cost(cost),
        funding_source=checked_choice(funding_source, "funding_source", ("", *FUNDING_SOURCES)))


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
                         w.status, w.note, w.version, w.indicator_id, w.cost, w.funding_source)
            for w in query.order_by(WorkItem.position, WorkItem.id)]


def sections_for(plan: Plan) -> list[PlanSection]:
    return list(PlanSection.select().where(PlanSection.plan == plan)
                .order_by(PlanSection.position, PlanSection.id))


# --- the app's use cases: ids in, one transaction each -------------------------------------------
def _plan_and_indicator(commune: Commune | int, year: int, indicator_id: int) -> tuple[Plan, Indicator]:
    from db.services.records import get_record

    return ensure_plan(commune, year), get_record(Indicator, indicator_id)


def add_plan_item(commune: Commune | int, year: int, indicator_id: int, kind: str, text: str,
                  batch: str | None = None) -> PlanItemView:
    """A task or solution for an indicator in the year's plan (made when missing)."""
    with database.atomic():
        plan, indicator = _plan_and_indicator(commune, year, indicator_id)
        item = add_item(plan, indicator, kind, text, batch=batch)
    return PlanItemView(item.id, indicator.code, item.kind, item.text, item.done, item.version, indicator.id)


def edit_plan_item(item_id: int, text: str | None = None, done: bool | None = None,
                   expected_version: int | None = None, batch: str | None = None) -> None:
    from db.services.records import get_record, update_record

    item = get_record(PlanItem, item_id)
    changes: dict[str, object] = {}
    if text is not None:
        changes["text"] = checked_text(text, "text", required=True, long=True)
    if done is not None:
        changes["done"] = bool(done)
    update_record(PlanItem, item_id, changes, label=f"{item.indicator.code} / {item.plan.year}",
                  expected_version=expected_version, batch=batch)


def add_plan_work(commune: Commune | int, year: int, indicator_id: int, title: str, hamlet: str = "",
                  funding_note: str = "", due_date: date | None = None, status: str = "planned",
                  batch: str | None = None, cost=None, funding_source: str = "") -> int:
    """A work (công trình) for an indicator in the year's plan (made when missing)."""
    with database.atomic():
        plan, indicator = _plan_and_indicator(commune, year, indicator_id)
        return add_work(plan, indicator, title, hamlet=hamlet, funding_note=funding_note,
                        due_date=due_date, status=status, batch=batch, cost=cost,
                        funding_source=funding_source).id


def edit_plan_work(work_id: int, changes: dict, expected_version: int | None = None,
                   batch: str | None = None) -> None:
    """`changes`: any of title, hamlet, funding_note, due_date (a date or None), status, cost,
    funding_source."""
    from db.services.records import get_record, update_record

    work = get_record(WorkItem, work_id)
    checks = {"title": lambda v: checked_text(v, "title", required=True, long=True),
              "hamlet": lambda v: checked_text(v, "hamlet"),
              "funding_note": lambda v: checked_text(v, "funding_note", long=True),
              "due_date": lambda v: rules.parse_date(v) if v else None,
              "status": lambda v: checked_choice(v, "status", WORK_STATUSES),
              "cost": parse_cost,
              "funding_source": lambda v: checked_choice(v or "", "funding_source", ("", *FUNDING_SOURCES))}
    checked = {name: checks[name](value) for name, value in changes.items() if name in checks}
    update_record(WorkItem, work_id, checked, label=f"{work.indicator.code} / {work.plan.year}",
                  expected_version=expected_version, batch=batch)


def toggle_plan_row(kind: str, record_id: int, expected_version: int | None = None,
                    batch: str | None = None) -> None:
    """`d` in the detail screen: a task or solution done / not done, a work done / planned."""
    from db.services.records import get_record

    if kind == "item":
        item = get_record(PlanItem, record_id)
        edit_plan_item(record_id, done=not item.done, expected_version=expected_version, batch=batch)
    else:
        work = get_record(WorkItem, record_id)
        edit_plan_work(record_id, {"status": "planned" if work.status == "done" else "done"},
                       expected_version=expected_version, batch=batch)


# --- the year's targets: indicators marked in the app or with `ntm-tui targets` -----------------
@dataclass(frozen=True)
class TargetsView:
    """The year's targets with what they add ("hoàn thành thêm") and the counts they lead to."""
    year: int
    targets: list[tuple[str, str]]  # (indicator code, content), in code order
    new_criteria: list[str]
    new_indicators: list[str]
    start: rules.Counts
    target: rules.Counts


def targets_view(commune: Commune | int, year: int) -> TargetsView:
    from db.services.status import year_status

    status = year_status(commune, year, with_evidence=False)
    criteria, indicators = status.newly_reached()
    return TargetsView(year, [(i.code, i.content) for i in status.indicators() if i.targeted],
                       criteria, indicators, status.start_counts,
                       status.target_counts or status.start_counts)


def _add_target(plan: Plan, indicator: Indicator, batch: str) -> None:
    from db.changelog import log

    row = PlanTarget.create(plan=plan, indicator=indicator)
    label = f"{indicator.code} / {plan.year}"
    log(row, "create", label=label, new=label, batch=batch,
        commune_id=plan.commune_id)


def _remove_target(row: PlanTarget, indicator: Indicator, year: int, batch: str) -> None:
    from db.changelog import delete_logged

    delete_logged(row, label=f"{indicator.code} / {year}", batch=batch)


def change_targets(commune: Commune | int, year: int, add: list[str] = (), remove: list[str] = (),
                   batch: str | None = None) -> TargetsView:
    """Mark indicators (by code) as this year's targets, or unmark them; every code is checked
    before anything is written, and the whole change is one batch (ctrl+z)."""
    from db.changelog import new_batch
    from db.services.communes import criteria_set_for_year
    from db.services.results import find_indicator

    commune = commune_of(commune)
    batch = batch or new_batch()
    with database.atomic():
        cset = criteria_set_for_year(commune, year)
        adding = [find_indicator(cset, code) for code in add]
        removing = [find_indicator(cset, code) for code in remove]
        plan = ensure_plan(commune, year, batch=batch) if adding else get_plan(commune, year)
        if plan is not None:
            held = {t.indicator_id: t for t in PlanTarget.select().where(
                (PlanTarget.plan == plan) & PlanTarget.indicator.is_null(False))}
            for indicator in removing:
                if indicator.id in held:
                    _remove_target(held.pop(indicator.id), indicator, year, batch)
            for indicator in adding:
                if indicator.id not in held:
                    _add_target(plan, indicator, batch)
                    held[indicator.id] = True
    return targets_view(commune, year)


def toggle_target(commune: Commune | int, year: int, indicator_id: int, batch: str | None = None) -> bool:
    """The target key on an indicator: targeted this year ↔ not. Returns whether it now is."""
    from db.changelog import new_batch
    from db.services.records import get_record

    commune = commune_of(commune)
    batch = batch or new_batch()
    with database.atomic():
        indicator = get_record(Indicator, indicator_id)
        plan = ensure_plan(commune, year, batch=batch)
        row = PlanTarget.get_or_none((PlanTarget.plan == plan) & (PlanTarget.indicator == indicator))
        if row is None:
            _add_target(plan, indicator, batch)
            return True
        _remove_target(row, indicator, year, batch)
        return False


# --- the plan's text, part by part ---------------------------------------------------------------
@dataclass(frozen=True)
class SectionView:
    key: str
    place: str  # where it goes: bases, I.1, … (plan_template.SLOTS), "" for a key of an older plan
    title: str
    body: str
    version: int | None  # None: not stored yet (the text a new plan would start from)


def plan_sections(commune: Commune | int, year: int) -> list[SectionView]:
    """Every part of the year's plan the officer writes, in the document's order: the stored
    text, else (no plan yet) the text the plan will start from."""
    from db.services.plan_template import SLOTS

    commune = commune_of(commune)
    plan = get_plan(commune, year)
    if plan is None:
        start = _starting_sections(commune, year)
        return [SectionView(key, SLOTS.get(key, ("", ""))[0], *start.get(key, (SLOTS[key][1], "")), None)
                for key in dict.fromkeys([*SLOTS, *start])]
    rows = {s.key: s for s in sections_for(plan)}
    out = []
    for key in dict.fromkeys([*SLOTS, *rows]):
        row = rows.get(key)
        place, title = SLOTS.get(key, ("", ""))
        out.append(SectionView(key, place, row.title if row else title, row.body if row else "",
                               row.version if row else None))
    return out


def save_plan_section(commune: Commune | int, year: int, key: str, body: str, title: str | None = None,
                      expected_version: int | None = None, batch: str | None = None) -> SectionView:
    """One part's text (and title), written in one transaction; the plan is made when missing."""
    from db.errors import ValidationError
    from db.services.plan_template import SLOTS
    from db.services.records import update_record

    commune = commune_of(commune)
    with database.atomic():
        plan = ensure_plan(commune, year, batch=batch)
        row = PlanSection.get_or_none((PlanSection.plan == plan) & (PlanSection.key == key))
        if row is None and key not in SLOTS:
            raise ValidationError("plan_section_unknown", key=key)
        body = checked_text(body, "body", long=True)
        title = checked_text(title if title is not None else (row.title if row else SLOTS[key][1]), "title")
        if row is None:
            row = create_logged(PlanSection, label=f"KH {year}: {key}", batch=batch, plan=plan, key=key,
                                title=title, body=body, position=_position(key))
        else:
            update_record(PlanSection, row.id, {"title": title, "body": body}, label=f"KH {year}: {key}",
                          expected_version=expected_version, batch=batch)
            row = PlanSection.get_by_id(row.id)
    return SectionView(key, SLOTS.get(key, ("", ""))[0], row.title, row.body, row.version)


# --- the document's own fields -------------------------------------------------------------------
@dataclass(frozen=True)
class PlanDocument:
    """The header and signature of the year's plan, as the officer writes them. Empty: the
    commune's default (UBND XÃ …, TM. BQL NTM XÃ, …) is printed."""
    parent_body: str  # cơ quan chủ quản, line 1 (regular)
    issuer: str  # cơ quan ban hành, line 2 (bold); empty under a parent body: the parent alone
    number: str  # 31/KH-UBND
    place: str
    date: date | None
    title: str  # trích yếu
    recipients: list[str]
    authority: str  # TM. / KT. / Q. / TL. / TUQ. …
    position: str  # PHÓ CHỦ TỊCH
    note: str  # a further line over the name, e.g. CHỦ TỊCH UBND XÃ
    name: str
    version: int | None


DOCUMENT_FIELDS = {"parent_body": "issuing_body", "issuer": "issuing_unit", "number": "number",
                   "place": "place", "date": "doc_date", "title": "subject", "authority": "signing_authority",
                   "position": "signer_title", "note": "signer_position", "name": "signer_name"}


def _recipients(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def plan_document(commune: Commune | int, year: int) -> PlanDocument:
    commune = commune_of(commune)
    plan = get_plan(commune, year)
    if plan is None:
        start = _starting_fields(commune, year)
        values = {key: start.get(column, "") for key, column in DOCUMENT_FIELDS.items()}
        values["date"] = None
        return PlanDocument(**values, recipients=_recipients(start.get("recipients", "")), version=None)
    values = {key: getattr(plan, column) for key, column in DOCUMENT_FIELDS.items()}
    return PlanDocument(**values, recipients=_recipients(plan.recipients), version=plan.version)


def checked_document(values: dict) -> dict:
    """The Plan columns for the document fields given (`values` keyed as PlanDocument); raises
    on the first bad one."""
    out: dict[str, object] = {}
    for key, value in values.items():
        if key == "recipients":
            items = value if isinstance(value, (list, tuple)) else _recipients(str(value or ""))
            out["recipients"] = "\n".join(checked_text(item, "recipients") for item in items)
        elif key == "date":
            out["doc_date"] = rules.parse_date(value) if value and not isinstance(value, date) else (value or None)
        elif key in DOCUMENT_FIELDS:
            out[DOCUMENT_FIELDS[key]] = checked_text(value, key, long=key == "title")
    return out


def save_plan_document(commune: Commune | int, year: int, values: dict, expected_version: int | None = None,
                       batch: str | None = None) -> PlanDocument:
    from db.services.records import update_record

    commune = commune_of(commune)
    changes = checked_document(values)
    with database.atomic():
        plan = get_plan(commune, year)
        if plan is None:
            plan = ensure_plan(commune, year, batch=batch)
            expected_version = plan.version
        update_record(Plan, plan.id, changes, label=f"KH {year}", expected_version=expected_version,
                      batch=batch)
    return plan_document(commune, year)

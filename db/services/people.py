"""Board members, units and who holds which criterion or indicator."""
from __future__ import annotations

import re

from peewee import JOIN

from db.changelog import apply_changes, create_logged, new_batch
from db.dataclass_lite import dataclass
from db.models import (
    Assignment, AssignmentSupport, Commune, Criterion, Indicator, Member, Unit, database,
)
from db.services.records import checked_choice, checked_text, get_record
from db.services.communes import commune_of

UNIT_KINDS = ("board", "department", "mass_org", "hamlet_board", "other")


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    position: str
    board_role: str
    unit: str
    login: str
    version: int
    unit_id: int | None = None
    phone: str = ""


@dataclass(frozen=True)
class UnitView:
    id: int
    name: str
    kind: str
    version: int


@dataclass(frozen=True)
class AssignmentView:
    id: int
    criterion_code: str
    criterion_name: str
    indicator_code: str | None
    indicator_content: str | None
    lead_id: int | None
    lead: str
    lead_position: str
    supports: tuple[str, ...]
    version: int
    criterion_id: int = 0
    indicator_id: int | None = None


@dataclass(frozen=True)
class CriterionRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class AssignmentsOverview:
    """What the Phân công screen shows: members, units, assignments, the year's criteria."""
    members: list[MemberView]
    units: list[UnitView]
    assignments: list[AssignmentView]
    criteria: list[CriterionRef]


@dataclass(frozen=True)
class AssignmentFormData:
    """What the assignment form shows and the version it saves against."""
    commune_id: int
    criterion_id: int
    indicator_id: int | None
    criterion_code: str
    criterion_name: str
    indicator_code: str | None
    indicator_content: str | None
    lead_id: int | None
    held_unit_ids: frozenset[int]
    version: int | None  # None: nobody is assigned yet
    members: list[MemberView]
    units: list[UnitView]


def add_unit(commune: Commune, name: str, kind: str = "department",
             batch: str | None = None) -> Unit:
    commune = commune_of(commune)
    return create_logged(Unit, label=name, batch=batch, commune=commune,
                         name=checked_text(name, "name", required=True),
                         kind=checked_choice(kind, "kind", UNIT_KINDS))


def add_member(commune: Commune, name: str, position: str = "", unit: Unit | int | None = None,
               board_role: str = "", login: str = "", phone: str = "",
               batch: str | None = None) -> Member:
    commune = commune_of(commune)
    if unit is not None and not isinstance(unit, Unit):
        unit = get_record(Unit, unit)
    return create_logged(Member, label=name, batch=batch, commune=commune,
                         name=checked_text(name, "name", required=True),
                         position=checked_text(position, "position"), unit=unit,
                         board_role=checked_text(board_role, "board_role"),
                         login=checked_text(login, "login"), phone=checked_text(phone, "phone"))


_HAMLET_PREFIX = re.compile(r"^(ban\s+(phát\s+triển|nhân\s+dân|quản\s+lý|điều\s+hành)\s+)?"
                            r"(ấp|khóm|thôn|bản|buôn|làng|tổ\s+dân\s+phố)\s+", re.IGNORECASE)


def hamlets(commune: Commune | int) -> list[str]:
    """The commune's hamlets, named by their boards ("Ban phát triển ấp Hòa Tân" → "Hòa Tân"):
    what a work's hamlet is chosen from."""
    from db.text import vi_key

    names = {_HAMLET_PREFIX.sub("", unit.name).strip() or unit.name
             for unit in Unit.select().where((Unit.commune == commune_of(commune))
                                             & (Unit.kind == "hamlet_board"))}
    return sorted(names, key=vi_key)


def list_members(commune: Commune) -> list[MemberView]:
    commune = commune_of(commune)
    query = (Member.select(Member, Unit).join(Unit, join_type=JOIN.LEFT_OUTER)
             .where(Member.commune == commune).order_by(Member.name.collate("vi"), Member.id))
    return [MemberView(m.id, m.name, m.position, m.board_role, m.unit.name if m.unit_id else "",
                       m.login, m.version, m.unit_id, m.phone) for m in query]


def list_units(commune: Commune) -> list[UnitView]:
    commune = commune_of(commune)
    return [UnitView(u.id, u.name, u.kind, u.version)
            for u in Unit.select().where(Unit.commune == commune).order_by(Unit.id)]


def assign(commune: Commune | int, criterion: Criterion | int, indicator: Indicator | int | None = None,
           lead: Member | int | None = None, supports: list[Unit] | list[int] | None = None,
           decision: str = "", expected_version: int | None = None,
           batch: str | None = None) -> Assignment:
    """Set the lead (and supporting units, when given) of a criterion or an indicator.
    Rows or their ids (the app hands ids)."""
    commune = commune_of(commune)
    batch = batch or new_batch()
    with database.atomic():
        if not isinstance(criterion, Criterion):
            criterion = get_record(Criterion, criterion)
        if indicator is not None and not isinstance(indicator, Indicator):
            indicator = get_record(Indicator, indicator)
        if lead is not None and not isinstance(lead, Member):
            lead = get_record(Member, lead)
        if supports is not None and not all(isinstance(u, Unit) for u in supports):
            ids = [u.id if isinstance(u, Unit) else u for u in supports]
            supports = list(Unit.select().where(Unit.id.in_(ids)).order_by(Unit.id))
        label = indicator.code if indicator else f"TC {criterion.code}"
        row = Assignment.get_or_none((Assignment.commune == commune) & (Assignment.criterion == criterion)
                                     & (Assignment.indicator == indicator if indicator
                                        else Assignment.indicator.is_null()))
        if row is None:
            row = create_logged(Assignment, label=label, batch=batch, commune=commune,
                                criterion=criterion, indicator=indicator, lead=lead,
                                decision=checked_text(decision, "decision"))
        else:
            apply_changes(row, {"lead": lead}, label=label, expected_version=expected_version,
                          batch=batch)
        if supports is not None:
            current = {s.unit_id for s in row.supports}
            wanted = {u.id for u in supports}
            if current != wanted:
                AssignmentSupport.delete().where(AssignmentSupport.assignment == row).execute()
                for unit_id in sorted(wanted):
                    AssignmentSupport.create(assignment=row, unit=unit_id)
                from db.changelog import log

                names = ", ".join(u.name for u in supports)
                log(row, "update", "supports", ",".join(map(str, sorted(current))),
                    ",".join(map(str, sorted(wanted))), label=f"{label}: {names}", batch=batch,
                    commune_id=commune.id)
    return row


def list_assignments(commune: Commune) -> list[AssignmentView]:
    commune = commune_of(commune)
    from db import rules

    supports: dict[int, list[str]] = {}
    for s in (AssignmentSupport.select(AssignmentSupport, Unit).join(Unit)
              .join_from(AssignmentSupport, Assignment).where(Assignment.commune == commune)):
        supports.setdefault(s.assignment_id, []).append(s.unit.name)
    rows = (Assignment.select(Assignment, Criterion, Indicator, Member)
            .join(Criterion).join_from(Assignment, Indicator, join_type=JOIN.LEFT_OUTER)
            .join_from(Assignment, Member, join_type=JOIN.LEFT_OUTER)
            .where(Assignment.commune == commune))
    out = [AssignmentView(
        a.id, a.criterion.code, a.criterion.name,
        a.indicator.code if a.indicator_id else None,
        a.indicator.content if a.indicator_id else None,
        a.lead_id, a.lead.name if a.lead_id else "", a.lead.position if a.lead_id else "",
        tuple(supports.get(a.id, [])), a.version, a.criterion_id, a.indicator_id) for a in rows]
    out.sort(key=lambda a: (rules.code_key(a.criterion_code),
                            rules.code_key(a.indicator_code) if a.indicator_code else ()))
    return out


_MEMBER_TEXT = {"name": True, "position": False, "board_role": False, "login": False, "phone": False}


def update_member(member_id: int, expected_version: int | None = None, batch: str | None = None,
                  **fields) -> Member:
    """Edit a member (name, position, board role, login, phone, unit), validated like add_member."""
    from db.errors import ValidationError
    from db.services.records import update_record

    changes: dict[str, object] = {}
    for name, value in fields.items():
        if name in _MEMBER_TEXT:
            changes[name] = checked_text(value, name, required=_MEMBER_TEXT[name])
        elif name == "unit":
            changes[name] = value.id if isinstance(value, Unit) else value
        else:
            raise ValidationError("choice_invalid", field="field", value=name)
    old = Member.get_or_none(Member.id == member_id)
    label = str(changes.get("name") or (old.name if old else ""))
    return update_record(Member, member_id, changes, label=label,
                         expected_version=expected_version, batch=batch)


def update_unit(unit_id: int, expected_version: int | None = None, batch: str | None = None,
                name: str | None = None, kind: str | None = None) -> Unit:
    from db.services.records import update_record

    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = checked_text(name, "name", required=True)
    if kind is not None:
        changes["kind"] = checked_choice(kind, "kind", UNIT_KINDS)
    old = Unit.get_or_none(Unit.id == unit_id)
    label = str(changes.get("name") or (old.name if old else ""))
    return update_record(Unit, unit_id, changes, label=label,
                         expected_version=expected_version, batch=batch)


def assignments_overview(commune: Commune | int, year: int) -> AssignmentsOverview:
    """The Phân công screen's data: every criterion of the year's set, assigned or not."""
    from db import rules
    from db.services.communes import criteria_set_for_year

    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year, check=False)
    criteria = sorted((CriterionRef(c.id, c.code, c.name) for c in
                       Criterion.select().where(Criterion.criteria_set == cset)),
                      key=lambda c: rules.code_key(c.code))
    return AssignmentsOverview(list_members(commune), list_units(commune),
                               list_assignments(commune), criteria)


def assignment_form_data(commune: Commune | int, criterion_id: int,
                         indicator_id: int | None = None) -> AssignmentFormData:
    """Who leads a criterion (or one of its indicators) now, which units support it, the
    version seen, and the members and units to choose from."""
    commune = commune_of(commune)
    criterion = get_record(Criterion, criterion_id)
    indicator = get_record(Indicator, indicator_id) if indicator_id else None
    current = Assignment.get_or_none(
        (Assignment.commune == commune) & (Assignment.criterion == criterion)
        & (Assignment.indicator == indicator if indicator else Assignment.indicator.is_null()))
    held = frozenset(s.unit_id for s in AssignmentSupport.select()
                     .where(AssignmentSupport.assignment == current)) if current else frozenset()
    return AssignmentFormData(
        commune.id, criterion.id, indicator.id if indicator else None, criterion.code,
        criterion.name, indicator.code if indicator else None,
        indicator.content if indicator else None, current.lead_id if current else None, held,
        current.version if current else None, list_members(commune), list_units(commune))


def find_assignment_target(commune: Commune | int, year: int, code: str) -> tuple[int, int | None]:
    """A criterion code ("12") or an indicator code ("12.1") of the year's set →
    (criterion id, indicator id or None)."""
    from db.errors import NotFoundError
    from db.services.communes import criteria_set_for_year
    from db.services.results import find_indicator
    from db.text import clean

    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year, check=False)
    crit = Criterion.get_or_none((Criterion.criteria_set == cset) & (Criterion.code == clean(code)))
    if crit is not None:
        return crit.id, None
    try:
        indicator = find_indicator(cset, code)
    except NotFoundError:
        raise NotFoundError("criterion_not_found", code=code) from None
    return indicator.criterion_id, indicator.id

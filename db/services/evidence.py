"""The evidence dossier (hồ sơ minh chứng): documents that prove each indicator is met."""
from __future__ import annotations

from datetime import date

from peewee import JOIN

from db import rules
from db.changelog import create_logged
from db.dataclass_lite import dataclass
from db.models import Commune, Criterion, EvidenceItem, Indicator, Member
from db.services.records import checked_choice, checked_text
from db.services.communes import commune_of

EVIDENCE_STATUSES = ("missing", "collected", "checked")


@dataclass(frozen=True)
class EvidenceView:
    id: int
    indicator_id: int
    indicator_code: str
    criterion_code: str
    year: int
    title: str
    doc_number: str
    doc_date: date | None
    issuer: str
    evidence_date: date | None
    location: str
    status: str
    status_date: date | None
    responsible_id: int | None
    responsible: str
    expiry_date: date | None
    note: str
    version: int


def _date(value: date | str | None) -> date | None:
    return rules.parse_date(value) if value else None


def add_evidence(commune: Commune | int, indicator: Indicator | int, year: int, title: str,
                 doc_number: str = "", doc_date: date | str | None = None, issuer: str = "",
                 evidence_date: date | str | None = None, location: str = "",
                 status: str = "missing", responsible: Member | int | None = None,
                 expiry_date: date | str | None = None, note: str = "",
                 status_date: date | str | None = None, batch: str | None = None) -> EvidenceItem:
    """Rows or their ids (the app hands ids)."""
    from db.services.records import get_record

    commune = commune_of(commune)
    if not isinstance(indicator, Indicator):
        indicator = get_record(Indicator, indicator)
    if responsible is not None and not isinstance(responsible, Member):
        responsible = get_record(Member, responsible)
    return create_logged(
        EvidenceItem, label=f"{indicator.code} / {year}", batch=batch, commune=commune,
        indicator=indicator,
        year=year, title=checked_text(title, "title", required=True, long=True),
        doc_number=checked_text(doc_number, "doc_number"), doc_date=_date(doc_date),
        issuer=checked_text(issuer, "issuer"), evidence_date=_date(evidence_date),
        location=checked_text(location, "location", long=True),
        status=checked_choice(status, "status", EVIDENCE_STATUSES), status_date=_date(status_date),
        responsible=responsible, expiry_date=_date(expiry_date), note=checked_text(note, "note", long=True))


def _view(e: EvidenceItem) -> EvidenceView:
    return EvidenceView(
        e.id, e.indicator_id, e.indicator.code, e.indicator.criterion.code, e.year, e.title,
        e.doc_number, e.doc_date, e.issuer, e.evidence_date, e.location, e.status, e.status_date,
        e.responsible_id, e.responsible.name if e.responsible_id else "", e.expiry_date, e.note,
        e.version)


def list_evidence(commune: Commune, year: int, indicator_id: int | None = None) -> list[EvidenceView]:
    commune = commune_of(commune)
    query = (EvidenceItem.select(EvidenceItem, Indicator, Criterion, Member)
             .join(Indicator).join(Criterion)
             .join_from(EvidenceItem, Member, join_type=JOIN.LEFT_OUTER)
             .where((EvidenceItem.commune == commune) & (EvidenceItem.year == year)))
    if indicator_id is not None:
        query = query.where(EvidenceItem.indicator == indicator_id)
    order = {status: n for n, status in enumerate(EVIDENCE_STATUSES)}
    items = [_view(e) for e in query]
    items.sort(key=lambda e: (order.get(e.status, 9), rules.code_key(e.indicator_code), e.id))
    return items


# Fields an edit may change, each with the check add_evidence applies to it.
_TEXT_FIELDS = {"title": dict(required=True, long=True), "doc_number": {}, "issuer": {},
                "location": dict(long=True), "note": dict(long=True)}
_DATE_FIELDS = ("doc_date", "evidence_date", "status_date", "expiry_date")


def update_evidence(item_id: int, expected_version: int | None = None, batch: str | None = None,
                    **fields) -> EvidenceItem:
    """Change some fields of an item, validated like add_evidence; nothing is written unless
    every field is valid and the version is still the one the caller saw."""
    from db.errors import ValidationError
    from db.services.records import update_record

    changes: dict[str, object] = {}
    for name, value in fields.items():
        if name in _TEXT_FIELDS:
            changes[name] = checked_text(value, name, **_TEXT_FIELDS[name])
        elif name in _DATE_FIELDS:
            changes[name] = _date(value)
        elif name == "status":
            changes[name] = checked_choice(value, "status", EVIDENCE_STATUSES)
        elif name == "responsible":
            changes[name] = value.id if isinstance(value, Member) else value
        else:
            raise ValidationError("choice_invalid", field="field", value=name)
    item = EvidenceItem.get_or_none(EvidenceItem.id == item_id)
    label = f"{item.indicator.code} / {item.year}" if item else ""
    return update_record(EvidenceItem, item_id, changes, label=label,
                         expected_version=expected_version, batch=batch)


@dataclass(frozen=True)
class EvidenceFormData:
    """What the evidence form shows: the indicator, the item when editing (with the version
    it saves against), the members who may be responsible."""
    commune_id: int
    indicator_id: int
    indicator_code: str
    year: int
    item: EvidenceView | None
    members: list  # people.MemberView


def evidence_form_data(commune: Commune | int, indicator_id: int, year: int,
                       item_id: int | None = None) -> EvidenceFormData:
    from db.errors import NotFoundError
    from db.services.people import list_members
    from db.services.records import get_record

    commune = commune_of(commune)
    item = None
    if item_id is not None:
        row = EvidenceItem.get_or_none((EvidenceItem.id == item_id) & (EvidenceItem.commune == commune))
        if row is None:
            raise NotFoundError("record_not_found", table="evidence_item", id=item_id)
        item = _view(row)
        indicator_id, year = row.indicator_id, row.year
    indicator = get_record(Indicator, indicator_id)
    return EvidenceFormData(commune.id, indicator.id, indicator.code, year, item,
                            list_members(commune))


def indicator_for_code(commune: Commune | int, year: int, code: str) -> int:
    """The id of the indicator with that code in the set in force that year (refused when
    there is none, or the year is outside the set's period)."""
    from db.services.communes import criteria_set_for_year
    from db.services.results import find_indicator

    return find_indicator(criteria_set_for_year(commune_of(commune), year), code).id

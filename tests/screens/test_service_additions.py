"""Services added for the section screens: edits validated like creation, all or nothing."""
import pytest

from db.errors import ConflictError, ValidationError
from db.models import ChangeLog, EvidenceItem
from db.services.evidence import update_evidence


def test_update_evidence_validates_before_writing(demo_db):
    item = EvidenceItem.select().first()
    count = ChangeLog.select().count()
    for bad in (dict(title="  "), dict(status="lost"), dict(doc_date="32/01/2023"),
                dict(title="ok", colour="red")):
        with pytest.raises(ValidationError):
            update_evidence(item.id, **bad)
    assert ChangeLog.select().count() == count
    assert EvidenceItem.get_by_id(item.id).version == item.version


def test_update_evidence_logs_and_checks_version(demo_db):
    item = EvidenceItem.select().first()
    fresh = update_evidence(item.id, expected_version=item.version, batch="b1",
                            location="Tủ 1", status="checked", status_date="16/03/2023")
    assert (fresh.location, fresh.status, str(fresh.status_date)) == ("Tủ 1", "checked", "2023-03-16")
    assert {e.field for e in ChangeLog.select().where(ChangeLog.batch == "b1")} >= {"location", "status"}
    with pytest.raises(ConflictError):
        update_evidence(item.id, expected_version=item.version, note="stale")


def test_update_member_and_unit_validate_and_log(demo_db):
    from db.models import Member, Unit
    from db.services.people import update_member, update_unit

    member = Member.select().first()
    with pytest.raises(ValidationError):
        update_member(member.id, name=" ")
    with pytest.raises(ValidationError):
        update_member(member.id, colour="red")
    fresh = update_member(member.id, expected_version=member.version, login="canh", batch="m1")
    assert fresh.login == "canh" and fresh.version == member.version + 1
    assert ChangeLog.get(ChangeLog.batch == "m1").label == member.name
    unit = Unit.select().first()
    with pytest.raises(ValidationError):
        update_unit(unit.id, kind="club")
    assert update_unit(unit.id, name="Ban Quản lý NTM").name == "Ban Quản lý NTM"

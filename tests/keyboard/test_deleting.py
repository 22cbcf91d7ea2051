"""Deleting what the officer created: refused while something depends on it, else logged so
that undo brings it back as it was (issue 16)."""
import pytest

from db.changelog import last_batch, undo_batch
from db.errors import ValidationError
from db.models import (
    Assignment, AssignmentSupport, Commune, DeadlineRule, EvidenceItem, Member, PlanItem, Unit,
    WorkItem,
)
from db.services import deleting, people
from db.services.communes import create_commune


def row(model, record_id):
    return model.get_or_none(model.id == record_id)


def snapshot(record):
    return {name: getattr(record, name) for name in record._meta.fields}


def test_member_in_use_is_refused_naming_what_it_leads(demo_db):
    lead = Member.get_by_id(Assignment.select().where(Assignment.lead.is_null(False)).first().lead_id)
    with pytest.raises(ValidationError) as refused:
        deleting.delete_member(lead.id)
    assert lead.name in refused.value.message("vi") and "chủ trì" in refused.value.message("vi")
    assert row(Member, lead.id) is not None


def test_free_member_deleted_and_undone(demo_db):
    commune = Commune.select().first()
    member = people.add_member(commune, "Lê Thị Mới", position="Chi hội trưởng")
    before = snapshot(row(Member, member.id))
    assert deleting.delete_member(member.id, batch="b1") == "Lê Thị Mới"
    assert row(Member, member.id) is None
    undo_batch("b1")
    assert snapshot(row(Member, member.id)) == before


def test_unit_with_members_refused_then_free_unit_deleted(demo_db):
    used = Unit.get_by_id(Member.select().where(Member.unit.is_null(False)).first().unit_id)
    with pytest.raises(ValidationError) as refused:
        deleting.delete_unit(used.id)
    assert "thành viên" in refused.value.message("vi")
    unit = people.add_unit(Commune.select().first(), "Tổ hợp tác rau an toàn")
    deleting.delete_unit(unit.id, batch="b2")
    assert row(Unit, unit.id) is None
    undo_batch("b2")
    assert row(Unit, unit.id).name == "Tổ hợp tác rau an toàn"


def test_evidence_task_and_work_deleted_and_undone(demo_db):
    evidence = EvidenceItem.select().first()
    item = PlanItem.select().first()
    work = WorkItem.select().order_by(WorkItem.id).first()
    saved = [snapshot(evidence), snapshot(item), snapshot(work)]
    deleting.delete_evidence(evidence.id, batch="e")
    deleting.delete_plan_row("item", item.id, batch="i")
    deleting.delete_plan_row("work", work.id, batch="w")
    assert row(EvidenceItem, evidence.id) is row(PlanItem, item.id) is row(WorkItem, work.id) is None
    for batch in ("w", "i", "e"):
        undo_batch(batch)
    assert [snapshot(row(EvidenceItem, evidence.id)), snapshot(row(PlanItem, item.id)),
            snapshot(row(WorkItem, work.id))] == saved


def test_clear_assignment_removes_lead_and_supports_and_undo_restores_both(demo_db):
    assignment = (Assignment.select().join(AssignmentSupport)
                  .where(Assignment.lead.is_null(False)).first())
    supports = sorted(s.unit_id for s in assignment.supports)
    assert supports
    code = deleting.clear_assignment(assignment.commune_id, assignment.criterion_id,
                                     assignment.indicator_id, batch="c")
    assert code == assignment.criterion.code
    assert row(Assignment, assignment.id) is None
    assert AssignmentSupport.select().where(AssignmentSupport.assignment == assignment.id).count() == 0
    with pytest.raises(ValidationError):
        deleting.clear_assignment(assignment.commune_id, assignment.criterion_id,
                                  assignment.indicator_id)
    undo_batch("c")
    again = row(Assignment, assignment.id)
    assert again.lead_id == assignment.lead_id
    assert sorted(s.unit_id for s in again.supports) == supports


def test_rule_deleted_and_undone(demo_db):
    used = {d for (d,) in DeadlineRule.select(DeadlineRule.id).tuples()}
    from db.models import Deadline

    recorded = {r for (r,) in Deadline.select(Deadline.rule).where(Deadline.rule.is_null(False)).tuples()}
    if recorded:
        with pytest.raises(ValidationError) as refused:
            deleting.delete_rule(next(iter(recorded)))
        assert "tắt quy tắc" in refused.value.message("vi")
    free = next(r for r in sorted(used) if r not in recorded)
    deleting.delete_rule(free, batch="r")
    assert row(DeadlineRule, free) is None
    undo_batch("r")
    assert row(DeadlineRule, free) is not None


def test_commune_with_data_refused_empty_commune_deleted_and_undone(demo_db):
    demo = Commune.select().first()
    with pytest.raises(ValidationError) as refused:
        deleting.delete_commune(demo.id)
    assert "kết quả" in refused.value.message("vi")
    extra = create_commune("Nhập Nhầm", district="Tịnh Biên", province="An Giang")
    rules = DeadlineRule.select().where(DeadlineRule.commune == extra).count()
    assert rules  # the default rules go with it
    deleting.delete_commune(extra.id, batch="x")
    assert row(Commune, extra.id) is None
    assert DeadlineRule.select().where(DeadlineRule.commune == extra.id).count() == 0
    undo_batch(last_batch())
    assert row(Commune, extra.id).name == "Nhập Nhầm"
    assert DeadlineRule.select().where(DeadlineRule.commune == extra.id).count() == rules


def test_delete_commune_command(demo_db, capsys):
    from db.connection import close_database
    from ntm_tui.__main__ import main

    close_database()
    assert main(["--db", str(demo_db), "delete-commune", "--commune", "Tân Thạnh"]) == 2
    err = capsys.readouterr().err
    assert "Chưa xoá được xã «Tân Thạnh»" in err and "Traceback" not in err
    close_database()
    assert main(["--db", str(demo_db), "init", "--commune", "Xã Thử"]) == 0
    close_database()
    assert main(["--db", str(demo_db), "delete-commune", "--commune", "xa thu"]) == 0
    assert "Đã xoá xã Thử" in capsys.readouterr().out
    close_database()
    assert main(["--db", str(demo_db), "delete-commune"]) == 2

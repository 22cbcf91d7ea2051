"""Deadlines on the demo database: generation, states on boundary days, rule edits, one-offs."""
from datetime import date

import pytest

from db.changelog import history, undo_batch
from db.errors import NotFoundError, ValidationError
from db.models import Deadline, DeadlineRule, EvidenceItem, WorkItem
from db.services import deadline_rules as dr
from db.services.communes import get_commune
from db.services.deadlines import generate_year, list_deadlines, submit, sync_one_offs

MARCH_16 = date(2023, 3, 16)


@pytest.fixture
def commune(demo_db):
    return get_commune()


def by_period(commune, kind, today=MARCH_16):
    return {v.period: v for v in list_deadlines(commune, today, date(2023, 1, 1), date(2023, 12, 31))
            if v.kind == kind}


def rule_of(commune, kind):
    return DeadlineRule.get((DeadlineRule.commune == commune) & (DeadlineRule.kind == kind))


def test_demo_year_generated_once(commune):
    assert Deadline.select().where(Deadline.rule.is_null(False)).count() == 12 + 4 + 1 + 4
    assert generate_year(commune, 2023) == 0
    assert generate_year(commune, 2024) == 21
    assert generate_year(commune, 2024) == 0
    keys = [(d.rule_id, d.period) for d in Deadline.select().where(Deadline.rule.is_null(False))]
    assert len(keys) == len(set(keys)) == 42


@pytest.mark.parametrize("today, state", [
    (date(2023, 3, 9), "upcoming"), (date(2023, 3, 10), "upcoming"), (date(2023, 3, 11), "due"),
    (date(2023, 3, 15), "due"), (date(2023, 3, 16), "late"), (date(2024, 1, 1), "late")])
def test_monthly_report_states_around_boundary_days(commune, today, state):
    assert by_period(commune, "monthly_report", today)["2023-03"].state == state


def test_deadline_without_latest_date_is_late_the_day_after_due(commune):
    meetings = by_period(commune, "board_meeting", date(2023, 3, 31))
    assert meetings["2023-Q1"].state == "upcoming" and meetings["2023-Q1"].latest_date is None
    assert by_period(commune, "board_meeting", date(2023, 4, 1))["2023-Q1"].state == "late"


def test_submitted_stays_submitted_and_records_who_and_file(commune, tmp_path):
    pdf = tmp_path / "bao-cao-thang-3.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    march = by_period(commune, "monthly_report")["2023-03"]
    view = submit(march.id, "14/03/2023", file_path=str(pdf), expected_version=march.version,
                  today=MARCH_16)
    assert (view.state, view.submitted_on, view.submitted_by) == ("submitted", date(2023, 3, 14), "tester")
    assert view.file_path == str(pdf.resolve())
    assert by_period(commune, "monthly_report", date(2024, 6, 1))["2023-03"].state == "submitted"


@pytest.mark.parametrize("kwargs, key", [
    (dict(deadline_id=9999, on=MARCH_16), "deadline_not_found"),
    (dict(on=date(2023, 3, 17), today=MARCH_16), "submit_in_future"),
    (dict(on=MARCH_16, file_path="x" * 5000), "text_too_long"),
    (dict(on=MARCH_16, file_path="/no/such/report.pdf"), "file_not_found"),
    (dict(on="31/02/2023"), "date_invalid"),
])
def test_submit_refuses_bad_input_and_changes_nothing(commune, kwargs, key):
    march = by_period(commune, "monthly_report")["2023-03"]
    kwargs.setdefault("deadline_id", march.id)
    with pytest.raises((NotFoundError, ValidationError)) as info:
        submit(**kwargs)
    assert info.value.key == key
    assert Deadline.get_by_id(march.id).status == "open"
    assert Deadline.get_by_id(march.id).version == march.version


def test_years_generated_on_demand_unless_told_not_to(commune):
    assert list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31), generate=False) == []
    assert len(list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31))) == 21
    assert len(list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31))) == 21


def test_rule_edit_moves_open_future_deadlines_only(commune):
    feb = by_period(commune, "monthly_report")["2023-02"]
    submit(feb.id, date(2023, 2, 14))
    rule = rule_of(commune, "monthly_report")
    dr.edit_rule(rule.id, MARCH_16, expected_version=rule.version, due_day=5, latest_day=12)
    after = by_period(commune, "monthly_report")
    assert (after["2023-02"].state, after["2023-02"].due_date) == ("submitted", date(2023, 2, 10))
    assert after["2023-03"].due_date == date(2023, 3, 10)  # past: kept as it was
    assert [(after[f"2023-{m:02d}"].due_date, after[f"2023-{m:02d}"].latest_date) for m in (4, 12)] \
        == [(date(2023, 4, 5), date(2023, 4, 12)), (date(2023, 12, 5), date(2023, 12, 12))]
    assert len(after) == 12
    # one batch: undo puts the rule and its deadlines back
    entries = history(table="deadline_rule", record_id=rule.id, limit=1)
    undo_batch(entries[0].batch)
    again = by_period(commune, "monthly_report")
    assert again["2023-04"].due_date == date(2023, 4, 10) and rule_of(commune, "monthly_report").due_day == 10


def test_rule_frequency_change_replaces_future_periods(commune):
    rule = rule_of(commune, "quarterly_report")
    dr.edit_rule(rule.id, MARCH_16, frequency="yearly", due_month=12, due_day=15, latest_month=12,
                 latest_day=20)
    left = sorted(by_period(commune, "quarterly_report"))
    assert left == ["2023", "2023-Q1"]  # Q1 is past and stays; Q2–Q4 went; the yearly one came
    assert by_period(commune, "quarterly_report")["2023"].due_date == date(2023, 12, 15)


def test_deactivate_and_reactivate(commune):
    rule = rule_of(commune, "board_meeting")
    dr.set_rule_active(rule.id, False, date(2023, 7, 1))
    assert sorted(by_period(commune, "board_meeting")) == ["2023-Q1", "2023-Q2"]
    generate_year(commune, 2024)
    assert not [d for d in Deadline.select().where(Deadline.rule == rule) if d.due_date.year == 2024]
    dr.set_rule_active(rule.id, True, date(2023, 7, 1))
    assert sorted(by_period(commune, "board_meeting")) == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert len([d for d in Deadline.select().where(Deadline.rule == rule)
                if d.due_date.year == 2024]) == 4


def test_new_rule_does_not_backfill_late_deadlines(commune):
    view = dr.add_rule(commune, MARCH_16, kind="custom", title="Báo cáo An Giang", frequency="quarterly",
                       due_month=3, due_day=15)
    assert sorted(v.due_date for v in list_deadlines(commune, MARCH_16) if v.rule_id == view.id) \
        == [date(2023, 6, 15), date(2023, 9, 15), date(2023, 12, 15)]
    generate_year(commune, 2024)  # a fresh year gets all four
    assert len([d for d in Deadline.select().where(Deadline.rule == view.id)
                if d.due_date.year == 2024]) == 4
    assert [r.title for r in dr.list_rules(commune)][-1] == "Báo cáo An Giang"


def test_bad_rule_edit_changes_nothing(commune):
    rule = rule_of(commune, "annual_report")
    before = [(d.id, d.due_date, d.version) for d in Deadline.select().order_by(Deadline.id)]
    with pytest.raises(ValidationError):
        dr.edit_rule(rule.id, MARCH_16, latest_month=10)
    assert rule_of(commune, "annual_report").version == rule.version
    assert [(d.id, d.due_date, d.version) for d in Deadline.select().order_by(Deadline.id)] == before


def test_work_items_follow_their_due_dates_and_status(commune):
    works = {v.source: v for v in list_deadlines(commune, MARCH_16) if v.kind == "work_item"}
    assert len(works) == 3 and sync_one_offs(commune) == 0
    road = WorkItem.select().order_by(WorkItem.id).first()
    key = f"work_item:{road.id}"
    assert works[key].due_date == date(2023, 9, 30)
    WorkItem.update(due_date=date(2023, 10, 20)).where(WorkItem.id == road.id).execute()
    moved = {v.source: v for v in list_deadlines(commune, MARCH_16)}[key]
    assert (moved.id, moved.due_date) == (works[key].id, date(2023, 10, 20))
    WorkItem.update(status="done").where(WorkItem.id == road.id).execute()
    assert {v.source: v for v in list_deadlines(commune, MARCH_16)}[key].state == "submitted"
    assert key not in {v.source for v in list_deadlines(commune, MARCH_16, states=("upcoming",))}
    other = WorkItem.select().order_by(WorkItem.id).offset(1).first()
    WorkItem.update(status="cancelled").where(WorkItem.id == other.id).execute()
    assert f"work_item:{other.id}" not in {v.source for v in list_deadlines(commune, MARCH_16)}
    assert sync_one_offs(commune) == 0


def test_evidence_expiry_becomes_a_deadline(commune):
    item = EvidenceItem.select().order_by(EvidenceItem.id).first()
    EvidenceItem.update(expiry_date=date(2023, 5, 1)).where(EvidenceItem.id == item.id).execute()
    view = {v.source: v for v in list_deadlines(commune, MARCH_16)}[f"evidence:{item.id}"]
    assert (view.kind, view.due_date, view.state) == ("evidence_expiry", date(2023, 5, 1), "upcoming")
    assert view.flag == "Ngày Quốc tế Lao động" and view.suggested_date == date(2023, 4, 28)
    EvidenceItem.update(expiry_date=None).where(EvidenceItem.id == item.id).execute()
    assert f"evidence:{item.id}" not in {v.source for v in list_deadlines(commune, MARCH_16)}

"""Deadlines on the demo database: computed for any year, states on boundary days, records,
rule edits, one-offs."""
from datetime import date

import pytest

from db.changelog import history, undo_batch
from db.errors import ConflictError, NotFoundError, ValidationError
from db.models import Deadline, DeadlineRule, EvidenceItem, WorkItem
from db.services import deadline_rules as dr
from db.services.communes import get_commune
from db.services.deadlines import list_deadlines, submit, unsubmit

MARCH_16 = date(2023, 3, 16)


@pytest.fixture
def commune(demo_db):
    return get_commune()


def by_period(commune, kind, today=MARCH_16):
    return {v.period: v for v in list_deadlines(commune, today, date(2023, 1, 1), date(2023, 12, 31))
            if v.kind == kind}


def rule_of(commune, kind):
    return DeadlineRule.get((DeadlineRule.commune == commune) & (DeadlineRule.kind == kind))


def test_any_year_is_computed_and_nothing_is_written(commune):
    assert Deadline.select().count() == 0  # the demo records nothing
    for year in (2023, 2024, 2031):
        views = list_deadlines(commune, MARCH_16, date(year, 1, 1), date(year, 12, 31))
        by_rule = [v for v in views if v.rule_id]
        assert len(by_rule) == 12 + 4 + 1 + 4
        assert len({v.id for v in views}) == len(views)
        assert {v.id for v in by_rule} >= {f"R1-{year}-01", f"R2-{year}-Q4", f"R3-{year}", f"R4-{year}-Q1"}
    assert Deadline.select().count() == 0


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
    assert (march.id, march.version, march.record_id) == ("R1-2023-03", 0, None)
    view = submit(march.id, "14/03/2023", file_path=str(pdf), expected_version=march.version,
                  today=MARCH_16)
    assert (view.state, view.submitted_on, view.submitted_by) == ("submitted", date(2023, 3, 14), "tester")
    assert view.file_path == str(pdf.resolve())
    assert view.id == march.id and view.record_id is not None
    assert by_period(commune, "monthly_report", date(2024, 6, 1))["2023-03"].state == "submitted"
    row = Deadline.get()  # the one row: what was recorded, with the deadline's dates
    assert (row.rule_id, row.period, row.due_date, row.latest_date, row.status) == (
        march.rule_id, "2023-03", date(2023, 3, 10), date(2023, 3, 15), "submitted")
    with pytest.raises(ConflictError):  # seen not recorded, recorded meanwhile
        submit(march.id, MARCH_16, expected_version=0)
    unsubmit(march.id, expected_version=view.version, today=MARCH_16)
    assert Deadline.select().count() == 0  # reopen = the record goes; the computed one is back
    assert by_period(commune, "monthly_report")["2023-03"].state == "late"


@pytest.mark.parametrize("key", ["r1-2023-03", " R1-2023-03 ", "W1", "w1", "E1"])
def test_keys_are_typed_in_any_case(commune, key):
    EvidenceItem.update(expiry_date=date(2023, 5, 1)).where(EvidenceItem.id == 1).execute()
    view = submit(key, MARCH_16)
    assert view.state == "submitted" and view.id == key.strip().upper()
    assert Deadline.select().count() == 1


@pytest.mark.parametrize("kwargs, key", [
    (dict(deadline_id=9999, on=MARCH_16), "deadline_not_found"),
    (dict(deadline_id="R1-2023-13", on=MARCH_16), "deadline_not_found"),
    (dict(deadline_id="R99-2023-03", on=MARCH_16), "deadline_not_found"),
    (dict(deadline_id="R2-2023-03", on=MARCH_16), "deadline_not_found"),  # a quarterly rule
    (dict(deadline_id="E1", on=MARCH_16), "deadline_not_found"),  # no expiry date
    (dict(deadline_id="báo cáo", on=MARCH_16), "deadline_not_found"),
    (dict(deadline_id="R1-0000-01", on=MARCH_16), "deadline_not_found"),
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
    assert Deadline.select().count() == 0


def test_rule_edit_moves_every_deadline_not_recorded_past_years_too(commune):
    feb = by_period(commune, "monthly_report")["2023-02"]
    submit(feb.id, date(2023, 2, 14))
    rule = rule_of(commune, "monthly_report")
    dr.edit_rule(rule.id, MARCH_16, expected_version=rule.version, due_day=5, latest_day=12)
    after = by_period(commune, "monthly_report")
    assert (after["2023-02"].state, after["2023-02"].due_date) == ("submitted", date(2023, 2, 10))
    assert after["2023-03"].due_date == date(2023, 3, 5)  # past but not recorded: it follows
    assert [(after[f"2023-{m:02d}"].due_date, after[f"2023-{m:02d}"].latest_date) for m in (4, 12)] \
        == [(date(2023, 4, 5), date(2023, 4, 12)), (date(2023, 12, 5), date(2023, 12, 12))]
    assert len(after) == 12
    earlier = {v.period: v for v in list_deadlines(commune, MARCH_16, date(2021, 1, 1), date(2021, 12, 31))}
    assert (earlier["2021-06"].due_date, earlier["2021-06"].latest_date) == (date(2021, 6, 5), date(2021, 6, 12))
    assert Deadline.select().count() == 1  # the edit wrote no deadline
    # undo puts the rule back, and with it every deadline computed from it
    entries = history(table="deadline_rule", record_id=rule.id, limit=1)
    undo_batch(entries[0].batch)
    again = by_period(commune, "monthly_report")
    assert again["2023-04"].due_date == date(2023, 4, 10) and rule_of(commune, "monthly_report").due_day == 10
    assert again["2023-02"].state == "submitted"


def test_rule_frequency_change_replaces_future_periods(commune):
    rule = rule_of(commune, "quarterly_report")
    dr.edit_rule(rule.id, MARCH_16, frequency="yearly", due_month=12, due_day=15, latest_month=12,
                 latest_day=20)
    left = sorted(by_period(commune, "quarterly_report"))
    assert left == ["2023"]  # every quarter went (nothing recorded); the yearly one came
    assert by_period(commune, "quarterly_report")["2023"].due_date == date(2023, 12, 15)


def test_deactivate_and_reactivate(commune):
    rule = rule_of(commune, "board_meeting")
    submit(f"R{rule.id}-2023-Q1", date(2023, 3, 30))  # held: recorded
    dr.set_rule_active(rule.id, False, date(2023, 7, 1))
    assert sorted(by_period(commune, "board_meeting")) == ["2023-Q1"]  # the record stays
    assert not [v for v in list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31))
                if v.rule_id == rule.id]
    dr.set_rule_active(rule.id, True, date(2023, 7, 1))
    assert sorted(by_period(commune, "board_meeting")) == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    assert len([v for v in list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31))
                if v.rule_id == rule.id]) == 4


def test_new_rule_does_not_backfill_late_deadlines(commune):
    view = dr.add_rule(commune, MARCH_16, kind="custom", title="Báo cáo An Giang", frequency="quarterly",
                       due_month=3, due_day=15)
    assert sorted(v.due_date for v in list_deadlines(commune, MARCH_16) if v.rule_id == view.id) \
        == [date(2023, 6, 15), date(2023, 9, 15), date(2023, 12, 15)]
    assert view.starts_on == MARCH_16  # it starts the day it is added
    assert len([v for v in list_deadlines(commune, MARCH_16, date(2024, 1, 1), date(2024, 12, 31))
                if v.rule_id == view.id]) == 4
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
    assert len(works) == 3 and Deadline.select().count() == 0
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
    assert Deadline.select().count() == 0


def test_evidence_expiry_becomes_a_deadline(commune):
    item = EvidenceItem.select().order_by(EvidenceItem.id).first()
    EvidenceItem.update(expiry_date=date(2023, 5, 1)).where(EvidenceItem.id == item.id).execute()
    view = {v.source: v for v in list_deadlines(commune, MARCH_16)}[f"evidence:{item.id}"]
    assert (view.kind, view.due_date, view.state) == ("evidence_expiry", date(2023, 5, 1), "upcoming")
    assert view.flag == "Ngày Quốc tế Lao động" and view.suggested_date == date(2023, 4, 28)
    EvidenceItem.update(expiry_date=None).where(EvidenceItem.id == item.id).execute()
    assert f"evidence:{item.id}" not in {v.source for v in list_deadlines(commune, MARCH_16)}


def test_undo_of_a_record_and_of_its_cancelling(commune):
    submit("R1-2023-02", date(2023, 2, 14))
    batch = history(table="deadline", limit=1)[0].batch
    undo_batch(batch)  # ctrl+z after s: the record goes, the deadline is computed again
    assert Deadline.select().count() == 0
    assert by_period(commune, "monthly_report")["2023-02"].state == "late"
    view = submit("R1-2023-02", date(2023, 2, 14))
    unsubmit("R1-2023-02", expected_version=view.version)
    undo_batch(history(table="deadline", limit=1)[0].batch)  # ctrl+z after u: recorded again
    again = by_period(commune, "monthly_report")["2023-02"]
    assert (again.state, again.submitted_on, again.record_id) == ("submitted", date(2023, 2, 14), view.record_id)


def test_a_note_is_a_record_that_follows_the_rule_until_sent(commune):
    from db.services.deadlines import find, set_note

    view = set_note("R1-2023-04", "Chờ số liệu ngành nông nghiệp", expected_version=0, today=MARCH_16)
    assert (view.note, view.record_id is not None, view.state) == (
        "Chờ số liệu ngành nông nghiệp", True, "upcoming")
    assert Deadline.select().count() == 1
    rule = rule_of(commune, "monthly_report")
    dr.edit_rule(rule.id, MARCH_16, due_day=5)
    noted = by_period(commune, "monthly_report")["2023-04"]
    assert (noted.due_date, noted.note) == (date(2023, 4, 5), "Chờ số liệu ngành nông nghiệp")
    sent = submit("R1-2023-04", date(2023, 4, 6), expected_version=noted.version)
    dr.edit_rule(rule.id, MARCH_16, due_day=8)  # sent: the dates it was sent against stay
    assert (find("R1-2023-04", MARCH_16).due_date, find("R1-2023-04", MARCH_16).state) == (
        date(2023, 4, 5), "submitted")
    reopened = unsubmit("R1-2023-04", expected_version=sent.version, today=MARCH_16)
    assert (reopened.state, reopened.due_date, reopened.note) == (
        "upcoming", date(2023, 4, 8), "Chờ số liệu ngành nông nghiệp")  # the note stays
    assert Deadline.select().count() == 1
    with pytest.raises(ConflictError):
        set_note("R1-2023-04", "cũ", expected_version=sent.version)
    gone = set_note("R1-2023-04", "", today=MARCH_16)
    assert (gone.note, gone.record_id) == ("", None) and Deadline.select().count() == 0
    with pytest.raises(ValidationError):
        set_note("R1-2023-04", "x" * 5000)
    with pytest.raises(NotFoundError):
        set_note("R1-2023-13", "x")
    assert Deadline.select().count() == 0

"""The assignment and evidence forms, driven by keys on the demo app at 80×24."""
from datetime import date

from textual.widgets import Static

from db.models import Assignment, AssignmentSupport, ChangeLog, Criterion, EvidenceItem, Indicator, Unit
from ntm_tui.forms.assignment import AssignmentForm
from ntm_tui.forms.evidence import EvidenceForm

from tests.screens.helpers import TODAY, demo_app


def criterion(code: str) -> Criterion:
    return Criterion.get(Criterion.code == code)


def indicator(code: str) -> Indicator:
    return Indicator.get(Indicator.code == code)


async def test_assignment_form_changes_lead_and_supports(demo_db):
    app = demo_app(demo_db)
    crit = criterion("12")
    before = Assignment.get((Assignment.criterion == crit) & Assignment.indicator.is_null())
    held = {s.unit_id for s in AssignmentSupport.select().where(AssignmentSupport.assignment == before)}
    first_unit = Unit.select().where(Unit.commune == before.commune_id).order_by(Unit.id).first().id
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(AssignmentForm(app.commune_id, crit.id), results.append)
        await pilot.pause()
        await pilot.press("enter")  # open the lead list
        await pilot.pause()
        await pilot.press("home", "down", "enter")  # first member (the top row is "none")
        await pilot.press("tab", "space")  # toggle the first unit
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = Assignment.get_by_id(before.id)
    assert results and results[0]
    first_member = app_first_member(before.commune_id)
    assert after.lead_id == first_member
    assert after.version == before.version + (after.lead_id != before.lead_id)
    entries = list(ChangeLog.select().where(ChangeLog.batch == results[0]))
    assert entries, "the change is logged under the batch the form returned"
    units = {s.unit_id for s in AssignmentSupport.select().where(AssignmentSupport.assignment == after)}
    assert units == held ^ {first_unit}


def app_first_member(commune_id: int) -> int:
    from db.models import Commune
    from db.services.people import list_members

    return list_members(Commune.get_by_id(commune_id))[0].id


async def test_assignment_form_escape_saves_nothing(demo_db):
    app = demo_app(demo_db)
    crit = criterion("2")
    count = ChangeLog.select().count()
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(AssignmentForm(app.commune_id, crit.id), results.append)
        await pilot.pause()
        await pilot.press("tab", "space", "escape")
        await pilot.pause()
    assert results == [None]
    assert ChangeLog.select().count() == count


async def test_evidence_form_adds_item(demo_db):
    app = demo_app(demo_db)
    ind = indicator("12.1")
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EvidenceForm(app.commune_id, ind.id, 2023), results.append)
        await pilot.pause()
        await pilot.press(*"Bien ban nghiem thu")
        await pilot.press("enter", *"12/KH-UBND", "enter", *"05/03/2023", "enter", *"UBND xa")
        await pilot.press("enter", *"2023-03-01", "enter", *"Tu 2, ngan 3")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert results and results[0]
    item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).first()
    assert item.title == "Bien ban nghiem thu"
    assert item.indicator_id == ind.id and item.year == 2023
    assert item.doc_number == "12/KH-UBND" and item.doc_date == date(2023, 3, 5)
    assert item.evidence_date == date(2023, 3, 1) and item.location == "Tu 2, ngan 3"
    assert item.status == "missing"
    assert ChangeLog.select().where(ChangeLog.batch == results[0]).count() == 1


async def test_evidence_form_bad_date_shows_error_and_keeps_input(demo_db):
    app = demo_app(demo_db)
    ind = indicator("12.1")
    count = EvidenceItem.select().count()
    async with app.run_test(size=(80, 24)) as pilot:
        form = EvidenceForm(app.commune_id, ind.id, 2023)
        app.push_screen(form)
        await pilot.pause()
        await pilot.press(*"Giay xac nhan", "enter", "enter", *"31/02/2023", "ctrl+s")
        await pilot.pause()
        error = str(form.query_one("#error", Static).render())
        assert "Ngày không hợp lệ" in error and "31/02/2023" in error
        assert app.screen is form  # still open, the typing kept
        assert form.query_one("#title").value == "Giay xac nhan"
    assert EvidenceItem.select().count() == count


async def test_evidence_form_edits_item_and_enter_on_last_field_saves(demo_db):
    app = demo_app(demo_db)
    item = EvidenceItem.select().where(EvidenceItem.status == "missing").first()
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        form = EvidenceForm(app.commune_id, item.indicator_id, item.year, item.id)
        app.push_screen(form, results.append)
        await pilot.pause()
        form.query_one("#status").value = "collected"
        form.query_one("#note").focus()
        await pilot.press("end", *" Đã nộp bản gốc", "enter")
        await pilot.pause()
    assert results and results[0]
    fresh = EvidenceItem.get_by_id(item.id)
    assert fresh.status == "collected" and fresh.status_date == TODAY
    assert fresh.note.endswith("Đã nộp bản gốc")
    assert fresh.version == item.version + 1


async def test_evidence_form_conflict_is_refused(demo_db):
    from db.services.evidence import update_evidence

    app = demo_app(demo_db)
    item = EvidenceItem.select().first()
    async with app.run_test(size=(80, 24)) as pilot:
        form = EvidenceForm(app.commune_id, item.indicator_id, item.year, item.id)
        app.push_screen(form)
        await pilot.pause()
        update_evidence(item.id, location="Tủ khác")  # another session
        form.query_one("#title").value = "Sửa tên"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "người khác sửa" in str(form.query_one("#error", Static).render())
    assert EvidenceItem.get_by_id(item.id).title == item.title

"""The assignment, evidence and member forms, driven by keys on the demo app at 80×24."""
import threading
from datetime import date

from db.models import Assignment, AssignmentSupport, ChangeLog, Criterion, EvidenceItem, Indicator, Unit
from ntm_tui.forms.assignment import AssignmentForm, open_assignment_form
from ntm_tui.forms.evidence import EvidenceForm, open_evidence_form
from ntm_tui.forms.member import MemberForm
from tests.conftest import settle
from tests.screens.helpers import TODAY, demo_app, error_under


def criterion(code: str) -> Criterion:
    return Criterion.get(Criterion.code == code)


def indicator(code: str) -> Indicator:
    return Indicator.get(Indicator.code == code)


async def open_form(pilot, form_class):
    await settle(pilot, lambda: isinstance(pilot.app.screen, form_class))
    return pilot.app.screen


async def test_assignment_form_changes_lead_and_supports(demo_db):
    app = demo_app(demo_db)
    crit = criterion("12")
    before = Assignment.get((Assignment.criterion == crit) & Assignment.indicator.is_null())
    held = {s.unit_id for s in AssignmentSupport.select().where(AssignmentSupport.assignment == before)}
    first_unit = Unit.select().where(Unit.commune == before.commune_id).order_by(Unit.id).first().id
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_assignment_form(app.screen, app.commune_id, crit.id, callback=results.append)
        await open_form(pilot, AssignmentForm)
        await pilot.press("enter")  # open the lead list
        await pilot.pause()
        await pilot.press("home", "down", "enter")  # first member (the top row is "none")
        await pilot.press("tab", "space")  # toggle the first unit
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: results)
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
    from db.services.people import list_members

    return list_members(commune_id)[0].id


async def test_assignment_form_escape_saves_nothing(demo_db):
    app = demo_app(demo_db)
    crit = criterion("2")
    count = ChangeLog.select().count()
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_assignment_form(app.screen, app.commune_id, crit.id, callback=results.append)
        await open_form(pilot, AssignmentForm)
        await pilot.press("tab", "space", "escape")
        await settle(pilot)
        assert not app.undo_stack
    assert results == [None]
    assert ChangeLog.select().count() == count


async def test_evidence_form_adds_item(demo_db):
    app = demo_app(demo_db)
    ind = indicator("12.1")
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_evidence_form(app.screen, app.commune_id, ind.id, 2023, callback=results.append)
        await open_form(pilot, EvidenceForm)
        await pilot.press(*"Bien ban nghiem thu")
        await pilot.press("tab", *"12/KH-UBND", "tab", *"05/03/2023", "tab", *"UBND xa")
        await pilot.press("tab", *"2023-03-01", "tab", *"Tu 2, ngan 3")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: results)
        assert app.undo_stack[-1] == results[0]  # ctrl+z undoes it
    assert results and results[0]
    item = EvidenceItem.select().order_by(EvidenceItem.id.desc()).first()
    assert item.title == "Bien ban nghiem thu"
    assert item.indicator_id == ind.id and item.year == 2023
    assert item.doc_number == "12/KH-UBND" and item.doc_date == date(2023, 3, 5)
    assert item.evidence_date == date(2023, 3, 1) and item.location == "Tu 2, ngan 3"
    assert item.status == "missing"
    assert ChangeLog.select().where(ChangeLog.batch == results[0]).count() == 1


async def test_evidence_form_bad_date_shows_error_under_it_keeps_input_and_goes_when_fixed(demo_db):
    app = demo_app(demo_db)
    ind = indicator("12.1")
    count = EvidenceItem.select().count()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_evidence_form(app.screen, app.commune_id, ind.id, 2023)
        form = await open_form(pilot, EvidenceForm)
        await pilot.press(*"Giay xac nhan", "tab", "tab", *"31/02/2023", "ctrl+s")
        await settle(pilot)
        error = error_under(form, "doc_date")
        assert "Ngày không hợp lệ" in error and "31/02/2023" in error
        assert app.screen is form  # still open, the typing kept
        assert form.query_one("#f-title").value == "Giay xac nhan"
        assert form.query_one("#f-doc_date").value == "31/02/2023"
        # the line under the field, in its column: the fields below move down, not covered
        field, line = form.query_one("#f-doc_date"), form.query_one("#e-doc_date")
        assert (line.region.x, line.region.y) == (field.region.x, field.region.y + 1)
        assert form.query_one("#f-issuer").region.y == line.region.bottom

        await pilot.press("ctrl+u", *"28/02/2023", "shift+tab", "shift+tab", "ctrl+u", "ctrl+s")
        await settle(pilot)
        assert "Tên hồ sơ" in error_under(form, "title")
        assert not line.display  # the date is right now: its line is gone
        assert form.query_one("#f-issuer").region.y == field.region.y + 1
    assert EvidenceItem.select().count() == count


async def test_evidence_form_edits_item_and_enter_on_last_field_saves(demo_db):
    app = demo_app(demo_db)
    item = EvidenceItem.select().where(EvidenceItem.status == "missing").first()
    results = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_evidence_form(app.screen, app.commune_id, item.indicator_id, item.year, item.id,
                           callback=results.append)
        form = await open_form(pilot, EvidenceForm)
        form.query_one("#f-status").value = "collected"
        form.query_one("#f-note").focus()
        await pilot.press("end", *" Đã nộp bản gốc", "enter")
        await settle(pilot, lambda: results)
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
        await settle(pilot)
        open_evidence_form(app.screen, app.commune_id, item.indicator_id, item.year, item.id)
        form = await open_form(pilot, EvidenceForm)
        update_evidence(item.id, location="Tủ khác")  # another session
        form.query_one("#f-title").value = "Sửa tên"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "người khác sửa" in error_under(form)
        assert app.screen is form
    assert EvidenceItem.get_by_id(item.id).title == item.title


async def test_a_save_runs_off_the_ui_thread_and_a_refusal_stays_by_its_field(demo_db, monkeypatch):
    """The service is called in a worker thread; when it refuses, the message shows under
    the field it names and everything typed stays."""
    from db.errors import ValidationError
    from db.services import people

    app = demo_app(demo_db)
    calls = []
    real_add = people.add_member

    def add_member(*args, **kwargs):
        calls.append(threading.current_thread())
        if kwargs.get("phone") == "123":
            raise ValidationError("text_required", field="login")  # refused by the service
        return real_add(*args, **kwargs)

    monkeypatch.setattr(people, "add_member", add_member)
    count = len(people.list_members(app.ctx.start.commune_id))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(MemberForm(app.commune_id, people.list_units(app.commune_id)))
        form = await open_form(pilot, MemberForm)
        await pilot.press(*"Lê Thị Tư", "tab", *"Kế toán")
        form.query_one("#f-phone").value = "123"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert calls and calls[-1] is not threading.main_thread()
        assert app.screen is form
        assert "Không được để trống" in error_under(form, "login")
        assert error_under(form) == ""  # under the field, not under the form
        assert (form.query_one("#f-name").value, form.query_one("#f-position").value) == (
            "Lê Thị Tư", "Kế toán")
        assert form.query_one("#f-login").has_focus  # the field to fix
        form.query_one("#f-phone").value = "0909"
        await pilot.press("ctrl+s")  # the save button is usable again
        await settle(pilot, lambda: app.screen is not form)
        assert len(calls) == 2 and all(c is not threading.main_thread() for c in calls)
    assert len(people.list_members(app.ctx.start.commune_id)) == count + 1

"""Section 3: members and units, what each holds, reassigning a criterion."""
from textual.widgets import DataTable, Static

from db.models import Assignment, ChangeLog, Criterion, Member, Unit
from ntm_tui.forms.assignment import AssignmentForm
from ntm_tui.forms.member import MemberForm
from ntm_tui.forms.unit import UnitForm
from tests.conftest import settle
from tests.screens.helpers import demo_app, error_under, open_section, row_keys


async def test_reassign_criterion_from_criteria_view(demo_db):
    app = demo_app(demo_db)
    crit = Criterion.get(Criterion.code == "12")
    before = Assignment.get((Assignment.criterion == crit) & Assignment.indicator.is_null())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        await pilot.press("v")
        await settle(pilot)
        keys = row_keys(screen)
        assert len([k for k in keys if k.startswith("c:")]) == 19
        screen.query_one(DataTable).move_cursor(row=keys.index(f"c:{crit.id}"))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, AssignmentForm))
        await pilot.press("enter", "home", "down", "enter", "ctrl+s")  # lead: first member
        await settle(pilot, lambda: app.screen is screen)
        assert app.undo_stack  # ctrl+z undoes it
    after = Assignment.get_by_id(before.id)
    first = Member.select().where(Member.commune == before.commune_id).order_by(Member.id).first()
    assert after.lead_id == first.id != before.lead_id
    assert ChangeLog.select().where((ChangeLog.table == "assignment") & (ChangeLog.record_id == before.id)
                                    & (ChangeLog.field == "lead")).count() == 1


async def test_member_holdings_and_add_member_and_reassign_by_code(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        detail = str(screen.query_one("#as-detail", Static).render())
        assert "Dương Văn Cảnh" in detail and "TC 18" in detail
        count = Member.select().count()
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        await pilot.press(*"Huỳnh Văn Em", "tab", *"Trưởng ấp Hòa Tân", "ctrl+s")
        await settle(pilot, lambda: app.screen is screen)
        new = Member.select().order_by(Member.id.desc()).first()
        assert Member.select().count() == count + 1
        assert (new.name, new.position) == ("Huỳnh Văn Em", "Trưởng ấp Hòa Tân")
        await settle(pilot, lambda: f"m:{new.id}" in row_keys(screen))  # the change signal reloads
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, MemberForm))
        await pilot.press("ctrl+s")  # empty name: refused under the field
        await settle(pilot)
        assert "Không được để trống" in error_under(app.screen, "name")
        await pilot.press("escape")
        await settle(pilot)
        assert Member.select().count() == count + 1
        # r on a member: type an indicator code, get an indicator-level assignment
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"12.1", "enter")
        await settle(pilot, lambda: isinstance(app.screen, AssignmentForm))
        await pilot.press("tab", "space", "ctrl+s")  # first unit supports 12.1
        await settle(pilot, lambda: app.screen is screen)
    row = Assignment.select().where(Assignment.indicator.is_null(False)).first()
    assert row is not None and row.indicator.code == "12.1"
    assert [s.unit_id for s in row.supports] == [Unit.select().order_by(Unit.id).first().id]


async def test_reassign_by_unknown_code_is_refused_in_the_prompt(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        await pilot.press("r")
        await settle(pilot)
        prompt = app.screen
        await pilot.press("ctrl+a", "ctrl+k", *"99", "enter")
        await settle(pilot)
        assert app.screen is prompt  # still open, the code kept
        assert "99" in error_under(prompt, "value")
        assert prompt.query_one("#f-value").value == "99"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_edit_a_unit_from_its_row(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        unit = Unit.select().order_by(Unit.id).first()
        screen.query_one(DataTable).move_cursor(row=row_keys(screen).index(f"u:{unit.id}"))
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, UnitForm))
        await pilot.press("end", *" mới", "ctrl+s")
        await settle(pilot, lambda: app.screen is screen)
    fresh = Unit.get_by_id(unit.id)
    assert fresh.name == unit.name + " mới" and fresh.version == unit.version + 1

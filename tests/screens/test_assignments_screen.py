"""Section 3: members and units, what each holds, reassigning a criterion."""
from textual.widgets import DataTable, Static

from db.models import Assignment, ChangeLog, Criterion, Member, Unit
from tests.screens.helpers import demo_app, open_section, row_keys


async def test_reassign_criterion_from_criteria_view(demo_db):
    app = demo_app(demo_db)
    crit = Criterion.get(Criterion.code == "12")
    before = Assignment.get((Assignment.criterion == crit) & Assignment.indicator.is_null())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        await pilot.press("v")
        await pilot.pause()
        keys = row_keys(screen)
        assert len([k for k in keys if k.startswith("c:")]) == 19
        screen.query_one(DataTable).move_cursor(row=keys.index(f"c:{crit.id}"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "home", "down", "enter", "ctrl+s")  # lead: first member
        await pilot.pause()
        assert app.screen is screen
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
        await pilot.press("n", *"Huỳnh Văn Em", "enter", *"Trưởng ấp Hòa Tân", "ctrl+s")
        await pilot.pause()
        new = Member.select().order_by(Member.id.desc()).first()
        assert Member.select().count() == count + 1
        assert (new.name, new.position) == ("Huỳnh Văn Em", "Trưởng ấp Hòa Tân")
        assert f"m:{new.id}" in row_keys(screen)
        await pilot.press("n", "ctrl+s")  # empty name: refused inline
        await pilot.pause()
        assert "Không được để trống" in str(app.screen.query_one("#error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert Member.select().count() == count + 1
        # r on a member: type an indicator code, get an indicator-level assignment
        await pilot.press("r", "ctrl+a", "ctrl+k", *"12.1", "enter")
        await pilot.pause()
        await pilot.press("tab", "space", "ctrl+s")  # first unit supports 12.1
        await pilot.pause()
    row = Assignment.select().where(Assignment.indicator.is_null(False)).first()
    assert row is not None and row.indicator.code == "12.1"
    assert [s.unit_id for s in row.supports] == [Unit.select().order_by(Unit.id).first().id]

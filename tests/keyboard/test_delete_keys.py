"""Deleting from the keyboard (issue 16, "Done when"): a work item, an evidence item and a
member go with Delete + Enter and come back with ctrl+z; a refusal names what depends on it."""
from textual.widgets import DataTable

from db.models import Assignment, EvidenceItem, Member, WorkItem
from ntm_tui.forms.confirm import ConfirmDelete
from ntm_tui.screens.indicator_detail import PlanTable
from tests.conftest import settle
from tests.screens.helpers import demo_app, error_under, open_section, row_keys
from tests.tui.snap_app import make_app


def shown(app, selector="#form-intro") -> str:
    from textual.widgets import Static

    return str(app.screen.query_one(selector, Static).render())


async def test_work_item_deleted_from_detail_and_undone(demo_db):
    work = WorkItem.select().order_by(WorkItem.id).first()
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "slash", *work.indicator.code, "enter", "enter")
        await settle(pilot, lambda: app.screen.query(PlanTable))
        detail = app.screen
        table = detail.query_one(PlanTable)
        table.move_cursor(row=table.get_row_index(f"work:{work.id}"))
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        assert work.title[:30] in shown(app)  # the confirmation names what goes
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is detail)
        assert WorkItem.get_or_none(WorkItem.id == work.id) is None
        await settle(pilot, lambda: f"work:{work.id}" not in [k.value for k in table.rows])
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: f"work:{work.id}" in [k.value for k in table.rows])
    assert WorkItem.get_by_id(work.id).title == work.title


async def test_evidence_deleted_escape_keeps_it_then_undo(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "4")
        key = row_keys(screen)[0]
        count = EvidenceItem.select().count()
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDelete))
        await pilot.press("escape")  # kept
        await settle(pilot, lambda: app.screen is screen)
        assert EvidenceItem.select().count() == count
        await pilot.press("delete", "enter")  # one burst: asked and confirmed
        await settle(pilot, lambda: key not in row_keys(screen))
        assert EvidenceItem.get_or_none(EvidenceItem.id == int(key)) is None
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: key in row_keys(screen))
    assert EvidenceItem.select().count() == count


async def test_member_refused_while_leading_then_free_member_deleted(demo_db):
    app = demo_app(demo_db)
    leader = Member.get_by_id(Assignment.select().where(Assignment.lead.is_null(False)).first().lead_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        table = screen.query_one(DataTable)
        table.move_cursor(row=row_keys(screen).index(f"m:{leader.id}"))
        await pilot.press("delete", "enter")
        await settle(pilot, lambda: "chủ trì" in error_under(app.screen))
        assert leader.name in error_under(app.screen)
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is screen)
        assert Member.get_or_none(Member.id == leader.id) is not None
        # a member just added holds nothing: it goes, and ctrl+z brings it back
        await pilot.press("n", *"Lê Văn Tạm", "ctrl+s")
        await settle(pilot, lambda: Member.get_or_none(Member.name == "Lê Văn Tạm") is not None)
        new = Member.get(Member.name == "Lê Văn Tạm")
        await settle(pilot, lambda: f"m:{new.id}" in row_keys(screen))
        table.move_cursor(row=row_keys(screen).index(f"m:{new.id}"))
        await pilot.press("delete", "enter")
        await settle(pilot, lambda: f"m:{new.id}" not in row_keys(screen))
        assert Member.get_or_none(Member.id == new.id) is None
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: f"m:{new.id}" in row_keys(screen))
    assert Member.get_by_id(new.id).name == "Lê Văn Tạm"


async def test_assignment_cleared_from_criteria_view(demo_db):
    app = demo_app(demo_db)
    held = Assignment.select().where(Assignment.indicator.is_null()
                                     & Assignment.lead.is_null(False)).first()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "3")
        await pilot.press("v")
        await settle(pilot)
        screen.query_one(DataTable).move_cursor(row=row_keys(screen).index(f"c:{held.criterion_id}"))
        await pilot.press("delete", "enter")
        await settle(pilot, lambda: app.screen is screen)
        await settle(pilot, lambda: Assignment.get_or_none(Assignment.id == held.id) is None)
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: Assignment.get_or_none(Assignment.id == held.id) is not None)
    assert Assignment.get_by_id(held.id).lead_id == held.lead_id

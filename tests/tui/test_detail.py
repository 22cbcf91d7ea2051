"""The indicator detail: what it shows, and the plan's tasks and works edited from it."""
from textual.widgets import Static

from db.models import PlanItem, WorkItem
from ntm_tui.screens.indicator_detail import IndicatorDetailScreen, PlanTable
from tests.tui.snap_app import make_app, settle


async def open_detail(pilot, code: str) -> None:
    await pilot.press("2")
    await settle(pilot)
    await pilot.press("slash", *code, "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_detail_shows_target_history_plan_evidence(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "12.1")
        assert isinstance(app.screen, IndicatorDetailScreen)
        head = shown(app, "#detail-head")
        assert "Tỷ lệ lao động qua đào tạo (áp dụng đạt cho cả nam và nữ)" in head
        assert "nam >= 70%; nữ >= 70%" in head
        assert "Trần Thị Bình" in head and "độ tin cậy: nội dung" in head
        assert "2022: Chưa đạt (65)" in shown(app, "#detail-history")
        assert app.screen.query_one(PlanTable).row_count >= 1  # the seed's solution for 12.1 and 12.2
        assert "Báo cáo kết quả đào tạo nghề" in shown(app, "#detail-evidence")
        await pilot.press("space")  # quick keys work here too, and the log shows it
        await settle(pilot)
        assert "Đạt" in shown(app, "#detail-head")
        assert "Kết quả 12.1 / 2023 · Kết quả: Chưa đạt → Đạt" in shown(app, "#detail-changes")
        await pilot.press("escape")
        assert app.current_mode == "criteria" and not isinstance(app.screen, IndicatorDetailScreen)


async def test_add_task_mark_done_and_undo(demo_db):
    before = PlanItem.select().count()
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "12.1")
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"Mo them 2 lop nghe", "ctrl+s")  # a multi-line field: Enter is a new line
        await settle(pilot)
        item = PlanItem.select().order_by(PlanItem.id.desc()).get()
        assert PlanItem.select().count() == before + 1
        assert (item.text, item.kind, item.indicator.code) == ("Mo them 2 lop nghe", "task", "12.1")
        table = app.screen.query_one(PlanTable)
        table.move_cursor(row=table.get_row_index(f"item:{item.id}"))
        await pilot.press("d")
        await settle(pilot)
        assert PlanItem.get_by_id(item.id).done is True
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert PlanItem.get_by_id(item.id).done is False
        await pilot.press("ctrl+z")  # the creation is undone too
        await settle(pilot)
        assert PlanItem.select().count() == before


async def test_work_item_with_bad_date_then_good(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "2.1")
        before = WorkItem.select().count()
        await pilot.press("w")
        await settle(pilot)
        # the hamlet is ticked among the commune's (its hamlet boards): space on the first
        assert [str(o.prompt) for o in app.screen.query_one("#f-hamlet")._options] == [
            "ấp Hòa Tân", "ấp Hòa Thạnh"]
        await pilot.press(*"Nang cap duong ap Ba", "tab", "space", "tab", *"Ngan sach xa",
                          "tab", *"31/13/2023", "enter")
        await settle(pilot)
        assert "Ngày không hợp lệ" in shown(app, "#e-due_date")  # next to its field
        assert WorkItem.select().count() == before
        box = app.screen.query_one("#f-due_date")
        box.value = ""
        await pilot.click("#f-due_date")
        await pilot.press(*"30/06/2023", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IndicatorDetailScreen)
    work = WorkItem.select().order_by(WorkItem.id.desc()).get()
    assert (work.title, work.hamlet, str(work.due_date), work.status) == (
        "Nang cap duong ap Ba", "Hòa Tân", "2023-06-30", "planned")


async def test_edit_work_status_through_the_form(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "2.1")
        table = app.screen.query_one(PlanTable)
        work_keys = [k.value for k in table.rows if k.value.startswith("work:")]
        assert work_keys, "the demo plan has works for 2.1"
        work_id = int(work_keys[0].split(":")[1])
        table.move_cursor(row=table.get_row_index(work_keys[0]))
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#f-status").value = "in_progress"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert WorkItem.get_by_id(work_id).status == "in_progress"


def test_hamlets_are_named_by_their_boards(demo_db):
    from db.services.communes import get_commune
    from db.services.people import add_unit, hamlets

    commune = get_commune()
    assert hamlets(commune) == ["Hòa Tân", "Hòa Thạnh"]
    add_unit(commune, "Ban nhân dân ấp Âu Cơ", "hamlet_board")
    add_unit(commune, "Khóm An Hòa", "hamlet_board")
    add_unit(commune, "Ban phát triển ấp Hòa Tân (cũ)", "department")  # not a hamlet board
    assert hamlets(commune) == ["An Hòa", "Âu Cơ", "Hòa Tân", "Hòa Thạnh"]


async def test_editing_a_work_keeps_its_hamlets_ticked(demo_db):
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, "2.1")
        table = app.screen.query_one(PlanTable)
        work_row = next(i for i in range(table.row_count) if "Hòa Tân" in str(table.get_row_at(i)[1]))
        table.move_cursor(row=work_row)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#f-hamlet").selected == ["Hòa Tân", "Hòa Thạnh"]

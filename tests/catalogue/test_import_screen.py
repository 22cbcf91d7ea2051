"""The results import screen: path, preview table, apply on ctrl+s — driven with Pilot."""
from openpyxl import load_workbook
from textual.widgets import DataTable, Input, Static

from db.models import ChangeLog, Result
from db.services.communes import get_commune
from db.services.status import year_status
from exports.xlsx import write_results_xlsx
from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from ntm_tui.screens.results_import import ResultsImportScreen
from tests.conftest import workers_done


def _sheet_with_edits(tmp_path, edits):
    path = tmp_path / "kq.xlsx"
    write_results_xlsx(year_status(get_commune(), 2023), path)
    book = load_workbook(path)
    sheet = book["Kết quả"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for code, column, value in edits:
        sheet.cell(rows[code], column).value = value
    book.save(path)
    return path, rows


async def test_preview_then_apply(demo_db, tmp_path):
    path, _ = _sheet_with_edits(tmp_path, [("12.2", 4, 21), ("2.1", 4, 95)])
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    done = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ResultsImportScreen(), done.append)
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s")  # no preview yet: refused, nothing written
        await pilot.pause()
        assert "xem trước" in str(screen.query_one("#message", Static).render())
        logged = ChangeLog.select().count()
        screen.query_one("#path", Input).value = str(path)
        await pilot.press("enter")
        await workers_done(app)
        await pilot.pause()
        table = screen.query_one(DataTable)
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert rows == [("2.1", "Giá trị", "92", "95"), ("12.2", "Giá trị", "20", "21")]
        assert "2 thay đổi" in str(screen.query_one("#message", Static).render())
        assert ChangeLog.select().count() == logged  # the preview wrote nothing
        await pilot.press("ctrl+s")
        await workers_done(app)
        await pilot.pause()
        assert not isinstance(app.screen, ResultsImportScreen)
    assert len(done) == 1 and done[0]
    labels = {e.label for e in ChangeLog.select().where(ChangeLog.batch == done[0])}
    assert labels == {"2.1 / 2023", "12.2 / 2023"}
    assert Result.select().where((Result.year == 2023) & (Result.value == "21")).count() == 1


async def test_bad_sheet_shows_rows_and_escape_closes(demo_db, tmp_path):
    path, rows = _sheet_with_edits(tmp_path, [("12.1", 4, "abc")])
    app = NtmApp(Context(db_path=demo_db, db_explicit=True))
    done = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ResultsImportScreen(path=str(path)), done.append)
        await pilot.pause()
        await pilot.press("enter")
        await workers_done(app)
        await pilot.pause()
        message = str(app.screen.query_one("#message", Static).render())
        assert f"Hàng {rows['12.1']}, cột «Giá trị»" in message and "abc" in message
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press("ctrl+s")
        await workers_done(app)
        await pilot.pause()
        assert isinstance(app.screen, ResultsImportScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert done == [None]

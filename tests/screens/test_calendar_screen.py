"""Section 5: the deadlines agenda, late first; marking one submitted."""
from datetime import date

from textual.widgets import DataTable, Static

from db.models import Deadline
from ntm_tui.app import NtmApp
from ntm_tui.context import Context

TODAY = date(2023, 3, 16)


def row_keys(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


async def test_late_first_and_mark_submitted(demo_db, tmp_path):
    app = NtmApp(Context(db_path=demo_db, db_explicit=True, today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        keys = row_keys(screen)
        first = Deadline.get_by_id(int(keys[0]))
        assert (first.latest_date or first.due_date) < TODAY and first.status == "open"
        assert "Trễ hạn 3" in str(screen.query_one("#cal-bar", Static).render())
        report = tmp_path / "bc-thang-01.pdf"
        report.write_bytes(b"%PDF-1.4\n")  # the service checks the file sent exists
        await pilot.press("s", *str(report), "enter")
        await pilot.pause()
        done = Deadline.get_by_id(first.id)
        assert (done.status, done.submitted_on, done.submitted_by) == ("submitted", TODAY, "tester")
        assert done.file_path.endswith("bc-thang-01.pdf")
        assert row_keys(screen)[-1] == str(first.id)  # submitted ones go to the end
        assert "Trễ hạn 2" in str(screen.query_one("#cal-bar", Static).render())
        await pilot.press("end")
        await pilot.pause()
        assert "16/03/2023" in str(screen.query_one("#cal-detail", Static).render())
        await pilot.press("f")  # open only: the submitted one disappears
        await pilot.pause()
        assert str(first.id) not in row_keys(screen)


async def test_generate_next_year(demo_db):
    app = NtmApp(Context(db_path=demo_db, db_explicit=True, today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.year = 2024
        await pilot.press("5")
        await pilot.pause()
        # the service generates a year's deadlines on demand; g regenerates idempotently
        await pilot.press("g")
        await pilot.pause()
        assert len(row_keys(app.screen)) == Deadline.select().where(Deadline.period.startswith("2024")).count() > 0

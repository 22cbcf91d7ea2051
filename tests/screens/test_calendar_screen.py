"""Section 5: the deadlines agenda, late first; marking one submitted."""
from textual.widgets import DataTable, Static

from db.models import Deadline
from tests.screens.helpers import TODAY, demo_app, open_section, row_keys


async def test_late_first_and_mark_submitted(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "5")
        keys = row_keys(screen)
        first = Deadline.get_by_id(int(keys[0]))
        assert (first.latest_date or first.due_date) < TODAY and first.status == "open"
        assert "Trễ hạn 3" in str(screen.query_one("#cal-bar", Static).render())
        report = tmp_path / "bc-thang-01.pdf"
        report.write_bytes(b"%PDF-1.4\n")
        await pilot.press("s", *str(report), "enter")
        await pilot.pause()
        done = Deadline.get_by_id(first.id)
        assert (done.status, done.submitted_on, done.submitted_by) == ("submitted", TODAY, "tester")
        assert done.file_path.endswith("bc-thang-01.pdf")
        assert row_keys(screen)[-1] == str(first.id)  # submitted ones go to the end
        assert "Trễ hạn 2" in str(screen.query_one("#cal-bar", Static).render())
        assert "16/03/2023" in str(screen.query_one("#cal-detail", Static).render())
        await pilot.press("f")  # open only: the submitted one disappears
        await pilot.pause()
        assert str(first.id) not in row_keys(screen)
        await pilot.press("f")  # all again
        await pilot.pause()
        screen.query_one(DataTable).move_cursor(row=row_keys(screen).index(str(first.id)))
        await pilot.press("u")  # reopen the submitted one
        await pilot.pause()
        assert Deadline.get_by_id(first.id).status == "open"


async def test_next_year_made_with_g_and_submitted_without_file(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.year = 2024
        await pilot.press("5")
        await pilot.pause()
        # the year's deadlines may already exist (the service makes them on demand); g is idempotent
        await pilot.press("g")
        await pilot.pause()
        keys = row_keys(app.screen)
        made = Deadline.select().where(Deadline.period.startswith("2024") & Deadline.rule.is_null(False))
        assert len(keys) >= made.count() > 0
        assert all(Deadline.get_by_id(int(k)).due_date.year == 2024 for k in keys)
        first = int(keys[0])
        await pilot.press("g")  # again: nothing more
        await pilot.pause()
        assert len(row_keys(app.screen)) == len(keys)
        await pilot.press("s", "enter")  # submitted without naming a file
        await pilot.pause()
    done = Deadline.get_by_id(first)
    assert (done.status, done.submitted_on, done.file_path) == ("submitted", TODAY, "")

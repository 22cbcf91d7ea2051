"""Section 5: the deadlines agenda, late first; marking one submitted."""
from textual.widgets import DataTable, Static

from db.models import Deadline
from ntm_tui.forms.prompt import TextPrompt
from tests.conftest import settle
from tests.screens.helpers import TODAY, demo_app, error_under, open_section, row_keys


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
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press(*str(report), "enter")
        await settle(pilot, lambda: app.screen is screen and row_keys(screen)[-1] == str(first.id))
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
        await settle(pilot)
        assert Deadline.get_by_id(first.id).status == "open"


async def test_a_file_that_is_not_there_is_refused_in_the_prompt(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "5")
        first = int(row_keys(screen)[0])
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        prompt = app.screen
        missing = str(tmp_path / "khong-co.pdf")
        await pilot.press(*missing, "enter")
        await settle(pilot)
        assert app.screen is prompt and "khong-co.pdf" in error_under(prompt, "value")
        assert prompt.query_one("#f-value").value == missing
        await pilot.press("escape")
        await settle(pilot)
    assert Deadline.get_by_id(first).status == "open"


async def test_next_year_made_with_g_and_submitted_without_file(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.year = 2024
        await pilot.press("5")
        await settle(pilot)
        # the year's deadlines may already exist (the service makes them on demand); g is idempotent
        await pilot.press("g")
        await settle(pilot)
        keys = row_keys(app.screen)
        made = Deadline.select().where(Deadline.period.startswith("2024") & Deadline.rule.is_null(False))
        assert len(keys) >= made.count() > 0
        assert all(Deadline.get_by_id(int(k)).due_date.year == 2024 for k in keys)
        first = int(keys[0])
        await pilot.press("g")  # again: nothing more
        await settle(pilot)
        assert len(row_keys(app.screen)) == len(keys)
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("enter")  # submitted without naming a file
        await settle(pilot)
    done = Deadline.get_by_id(first)
    assert (done.status, done.submitted_on, done.file_path) == ("submitted", TODAY, "")

"""Section 5: the deadlines agenda, late first; marking one submitted; any year, nothing written."""
from datetime import date

from textual.widgets import DataTable, Static

from db.models import Deadline
from ntm_tui.forms.submit import SubmitForm
from tests.conftest import settle
from tests.screens.helpers import TODAY, demo_app, error_under, open_section, row_keys


def recorded(key: str) -> Deadline | None:
    """The row recording a rule's deadline (R<rule>-<period>), if any."""
    rule, _, period = key[1:].partition("-")
    return Deadline.get_or_none((Deadline.rule == int(rule)) & (Deadline.period == period))


async def test_late_first_and_mark_submitted(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "5")
        keys = row_keys(screen)
        first = keys[0]
        assert first == "R1-2023-01" and recorded(first) is None  # late, computed, not recorded
        assert "Trễ hạn 3" in str(screen.query_one("#cal-bar", Static).render())
        report = tmp_path / "bc-thang-01.pdf"
        report.write_bytes(b"%PDF-1.4\n")
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, SubmitForm))
        assert app.screen.query_one("#f-on").value == "16/03/2023"  # today unless said otherwise
        # the day it was really sent, typed over today's, then the file: one burst
        await pilot.press("home", "shift+end", *"14/03/2023", "tab", *str(report), "enter")
        await settle(pilot, lambda: app.screen is screen and row_keys(screen)[-1] == first)
        done = recorded(first)
        assert (done.status, done.submitted_on, done.submitted_by) == ("submitted", date(2023, 3, 14),
                                                                       "tester")
        assert done.file_path.endswith("bc-thang-01.pdf")
        assert (done.due_date, done.latest_date) == (date(2023, 1, 10), date(2023, 1, 15))
        assert row_keys(screen)[-1] == first  # submitted ones go to the end
        assert "Trễ hạn 2" in str(screen.query_one("#cal-bar", Static).render())
        assert "14/03/2023" in str(screen.query_one("#cal-detail", Static).render())
        await pilot.press("f")  # open only: the submitted one disappears
        await pilot.pause()
        assert first not in row_keys(screen)
        await pilot.press("f")  # all again
        await pilot.pause()
        screen.query_one(DataTable).move_cursor(row=row_keys(screen).index(first))
        await pilot.press("u")  # reopen the submitted one: the record goes
        await settle(pilot, lambda: recorded(first) is None)
        assert row_keys(screen)[0] == first


async def test_a_file_that_is_not_there_is_refused_in_the_prompt(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "5")
        first = row_keys(screen)[0]
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, SubmitForm))
        prompt = app.screen
        missing = str(tmp_path / "khong-co.pdf")
        await pilot.press("tab", *missing, "enter")
        await settle(pilot)
        assert app.screen is prompt and "khong-co.pdf" in error_under(prompt, "file_path")
        assert prompt.query_one("#f-file_path").value == missing
        await pilot.press("shift+tab", "home", "shift+end", *"20/03/2023", "ctrl+s")  # not yet
        await settle(pilot)
        assert app.screen is prompt and "20/03/2023" in error_under(prompt, "on")
        await pilot.press("escape")
        await settle(pilot)
    assert recorded(first) is None


async def test_next_year_shown_without_writing_and_submitted_without_file(demo_db):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.year = 2024
        await pilot.press("5")
        await settle(pilot)
        keys = row_keys(app.screen)
        assert len([k for k in keys if k.startswith("R")]) == 21
        assert all(k.startswith("R") and k.split("-")[1] == "2024" for k in keys)
        assert Deadline.select().count() == 0  # looking wrote nothing
        first = keys[0]
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, SubmitForm))
        await pilot.press("enter")  # submitted without naming a file
        await settle(pilot)
    done = recorded(first)
    assert (done.status, done.submitted_on, done.file_path) == ("submitted", TODAY, "")
    assert Deadline.select().count() == 1


async def test_a_commune_made_with_init_is_not_late_for_before_it_existed(tmp_path):
    """Entered in December: Lịch lists the year from that day, and says so; nothing is late."""
    from db.bootstrap import prepare
    from ntm_tui.__main__ import main

    path = tmp_path / "moi.db"
    assert main(["--db", str(path), "init", "--commune", "Phú Mỹ", "--province", "An Giang"]) == 0
    prepare(path, create=False)
    entered = date.today()  # the change log's clock: the day the commune was entered
    app = demo_app(path, today=entered)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "5")
        bar = str(screen.query_one("#cal-bar", Static).render())
        assert "Trễ hạn 0" in bar
        if entered > date(entered.year, 1, 1):
            assert f"từ {entered:%d/%m/%Y}" in bar
        due = [date(*map(int, reversed(str(screen.query_one(DataTable).get_row_at(n)[0]).split("/"))))
               for n in range(screen.query_one(DataTable).row_count)]
        assert due and all(day >= entered for day in due)  # the rest of the year still comes

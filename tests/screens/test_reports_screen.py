"""Section 6: a report exported to a real PDF from the screen, in a thread worker."""
from pathlib import Path

from textual.widgets import Input, Static

from tests.screens.helpers import demo_app, open_section
from tests.conftest import workers_done


async def export_and_wait(pilot) -> str:
    await pilot.press("ctrl+e")
    await workers_done(pilot.app)
    await pilot.pause()
    return str(pilot.app.screen.query_one("#rep-result", Static).render())


async def test_export_quarter_report_to_pdf_then_refuse_overwrite(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        output = screen.query_one("#output", Input)
        assert output.value.endswith("bao-cao-2023-03.pdf")  # suggested from kind and period
        screen.query_one("#period", Input).value = "2023-Q1"
        await pilot.pause()
        assert output.value.endswith("bao-cao-2023-Q1.pdf")
        target = tmp_path / "out" / "bc quý 1.pdf"
        output.value = str(target)
        text = await export_and_wait(pilot)
        assert "Đã xuất" in text and "trang" in text
        assert target.read_bytes().startswith(b"%PDF")
        assert app.last_export == str(target)
        size = target.stat().st_size
        text = await export_and_wait(pilot)  # the same file again, overwrite not ticked
        assert "đã tồn tại" in text
        assert target.stat().st_size == size


async def test_bad_period_and_plan_export(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        screen.query_one("#period", Input).value = "2023-13"
        screen.query_one("#output", Input).value = str(tmp_path / "x.pdf")
        assert "Kỳ báo cáo không hợp lệ" in await export_and_wait(pilot)
        assert not (tmp_path / "x.pdf").exists()
        screen.query_one("#kind").value = "plan"
        await pilot.pause()
        assert screen.query_one("#period", Input).disabled
        screen.query_one("#output", Input).value = str(tmp_path / "ke-hoach")
        assert "Đã xuất" in await export_and_wait(pilot)
        assert Path(tmp_path / "ke-hoach.pdf").read_bytes().startswith(b"%PDF")


async def test_without_the_exporter_the_screen_says_so(demo_db, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "exports.pdf", None)  # as before the exporter landed
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "6")
        app.screen.query_one("#output", Input).value = str(tmp_path / "a.pdf")
        assert "chưa có" in await export_and_wait(pilot)
    assert not (tmp_path / "a.pdf").exists()

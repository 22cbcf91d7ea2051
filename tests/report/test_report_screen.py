"""Issue 14 in the Báo cáo screen: the six-month period, the officer's text for the period
written in the app, the annex ticked, a PDF and a Word file read back."""
from __future__ import annotations

import re

import docx
from textual.widgets import Input, Static, TextArea

from ntm_tui.forms.report_text import ReportTextForm
from tests.conftest import settle
from tests.exports.pdfread import text_of
from tests.screens.helpers import demo_app, open_section
from tests.screens.test_reports_screen import export_and_wait as export


async def test_six_month_report_with_the_officers_text_from_the_screen(demo_db, tmp_path):
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        screen.query_one("#period", Input).value = "2023-H1"
        await pilot.pause()
        assert screen.query_one("#output", Input).value.endswith("bao-cao-2023-H1.pdf")
        await pilot.press("ctrl+t")
        await settle(pilot, lambda: isinstance(app.screen, ReportTextForm))
        form = app.screen
        assert "6 tháng đầu năm 2023" in str(form.query_one("#form-title", Static).render())
        assert form.focused is form.query_one("#f-chi_dao", TextArea)
        await pilot.press(*"Ban hành 02 văn bản chỉ đạo.")
        # Part III starts from the targets still unmet
        assert "Tiếp tục thực hiện chỉ tiêu 1.1" in form.query_one("#f-phuong_huong", TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not isinstance(app.screen, ReportTextForm))
        screen.query_one("#annex").value = True
        pdf = tmp_path / "h1.pdf"
        screen.query_one("#output", Input).value = str(pdf)
        assert "Đã xuất" in await export(pilot)
        text = re.sub(r"\s+", " ", text_of(pdf))
        assert "6 tháng đầu năm 2023" in text
        assert "1. Công tác chỉ đạo, điều hành Ban hành 02 văn bản chỉ đạo." in text
        assert "PHỤ LỤC: KẾT QUẢ TỪNG CHỈ TIÊU" in text
        screen.query_one("#format").value = ".docx"
        word = tmp_path / "h1.docx"
        screen.query_one("#output", Input).value = str(word)
        assert "Đã xuất" in await export(pilot)
        paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
        assert "Ban hành 02 văn bản chỉ đạo." in paragraphs


async def test_ctrl_e_exports_from_the_period_field_as_the_key_bar_says(demo_db, tmp_path):
    """In a field, Input keeps ctrl+e (end of line) for itself: the export shown in the key bar
    did not happen when the officer had just typed the period."""
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        screen.query_one("#output", Input).value = str(tmp_path / "bc.pdf")
        screen.query_one("#period", Input).focus()
        await pilot.press("ctrl+a", "shift+end", *"2023-H1")
        await settle(pilot)
        screen.query_one("#output", Input).value = str(tmp_path / "bc-h1.pdf")
        await pilot.press("ctrl+e")
        await settle(pilot, lambda: (tmp_path / "bc-h1.pdf").exists())
    assert "6 tháng đầu năm 2023" in re.sub(r"\s+", " ", text_of(tmp_path / "bc-h1.pdf"))

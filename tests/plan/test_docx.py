"""Word files: the same words as the PDF, the decree's page and header, read back with python-docx."""
from __future__ import annotations

import re
import shutil

import docx

from db.connection import close_database
from ntm_tui.__main__ import main
from tests.exports.pdfread import text_of


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def words(text: str) -> list[str]:
    return re.findall(r"\w[\w./-]*", text)


def test_every_document_as_docx_carries_the_pdf_words(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    for kind in ("plan", "report", "evidence", "assignments"):
        pdf, word = tmp_path / f"{kind}.pdf", tmp_path / f"{kind}.docx"
        args = ["--db", str(db), "--today", "05/04/2023", "export", kind, "--year", "2023"]
        assert run(capsys, *args, "-o", str(pdf))[0] == 0
        code, out, _ = run(capsys, *args, "-o", str(word))
        assert code == 0 and str(word) in out
        document = docx.Document(str(word))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert (round(section.top_margin.mm), round(section.left_margin.mm),
                round(section.right_margin.mm)) == (20, 30, 15)
        # Page numbers from page 2, centred at the top: a PAGE field, none on the first page
        assert section.different_first_page_header_footer
        numbered = section.header.paragraphs[0]
        assert "PAGE" in numbered._p.xml and numbered.alignment == 1  # centred
        assert "PAGE" not in section.first_page_header._element.xml
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                texts += [cell.text for cell in row.cells]
        in_word = words(" ".join(texts))
        in_pdf = set(words(text_of(pdf)))
        missing = [w for w in words(text_of(pdf)) if w not in set(in_word) and not w.isdigit()]
        assert len(missing) <= 0.02 * len(in_pdf), (kind, missing[:20])
        header = document.tables[0].rows[0].cells[0].paragraphs
        assert header[0].text == "UBND XÃ TÂN THẠNH" and not header[0].runs[0].bold  # chủ quản: regular
        assert header[1].text == "BQL XÂY DỰNG NTM" and header[1].runs[0].bold
        sign = document.tables[-1].rows[0].cells[1].text
        assert "TM. BQL NTM XÃ" in sign and "Dương Văn Cảnh" in sign
    plan = docx.Document(str(tmp_path / "plan.docx"))
    body = "\n".join(p.text for p in plan.paragraphs)
    assert ("hoàn thành thêm 06 tiêu chí: 1; 2; 11; 12; 13; 18 và 09 chỉ tiêu: 1.1; 1.2; 2.1; 2.4; 11; "
            "12.1; 12.2; 13.3; 18.1 để nâng lên 15/19 tiêu chí và 49/57 chỉ tiêu") in body


async def test_reports_screen_offers_word(demo_db, tmp_path):
    from textual.widgets import Input, Static

    from tests.screens.helpers import demo_app, open_section

    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "6")
        screen.query_one("#kind").value = "plan"
        screen.query_one("#format").value = ".docx"
        await pilot.pause()
        output = screen.query_one("#output", Input)
        assert output.value.endswith("ke-hoach-2023.docx")
        output.value = str(tmp_path / "ke-hoach-2023.docx")
        await pilot.press("ctrl+e")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Word" in str(screen.query_one("#rep-result", Static).render())
    assert "Dương Văn Cảnh" in docx.Document(str(tmp_path / "ke-hoach-2023.docx")).tables[-1].rows[0].cells[1].text

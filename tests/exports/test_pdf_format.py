"""Every report follows Nghị định 30/2020: A4, margins, embedded fonts, header, page numbers."""
from __future__ import annotations

import pdfplumber
import pytest

from exports.pdf import KINDS
from tests.exports.pdfread import MM, flat, font_names, pages_of

A4 = (210 * MM, 297 * MM)
EPS = 0.05  # points: rounding in the PDF's coordinates


@pytest.mark.parametrize("kind", KINDS)
def test_a4_margins_and_page_numbers_on_every_page(demo_pdfs, kind):
    pages = pages_of(demo_pdfs[kind])
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.width == pytest.approx(A4[0], abs=0.5)
        assert page.height == pytest.approx(A4[1], abs=0.5)
        chars = page.chars
        assert chars, f"page {number} is empty"
        assert min(c["x0"] for c in chars) >= 30 * MM - EPS
        assert max(c["x1"] for c in chars) <= page.width - 15 * MM + EPS
        body = [c for c in chars if c["top"] >= 20 * MM - EPS]
        assert max(c["bottom"] for c in body) <= page.height - 20 * MM + EPS
        # Only the page number lives in the top margin, from page 2, centred, 13-14 pt.
        digits = [c for c in chars if c["top"] < 20 * MM - EPS]
        assert "".join(c["text"] for c in digits) == ("" if number == 1 else str(number))
        if digits:
            centre = (min(c["x0"] for c in digits) + max(c["x1"] for c in digits)) / 2
            assert centre == pytest.approx((30 * MM + page.width - 15 * MM) / 2, abs=1)
            assert all(12.9 <= c["size"] <= 14.1 for c in digits)


@pytest.mark.parametrize("kind", KINDS)
def test_only_embedded_truetype_fonts(demo_pdfs, kind):
    from pypdf import PdfReader

    for page in PdfReader(demo_pdfs[kind]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert any("LiberationSerif-Bold" in n for n in font_names(demo_pdfs[kind]))


def _line(page, text: str) -> list[dict]:
    """The characters of the first line whose text contains `text`."""
    for line in page.extract_text_lines():
        start = flat(line["text"]).find(text)
        if start >= 0:
            chars = [c for c in line["chars"] if not c["text"].isspace()]
            offset = len(flat(line["text"])[:start].replace(" ", ""))
            return chars[offset:offset + len(text.replace(" ", ""))]
    raise AssertionError(f"not found: {text}")


def test_plan_header_fonts_and_sizes(demo_pdfs):
    with pdfplumber.open(demo_pdfs["plan"]) as pdf:
        page = pdf.pages[0]
        expected = [  # text, face, size range: Nghị định 30, Phụ lục I
            ("UBND XÃ TÂN THẠNH", "LiberationSerif", (13, 13)),  # cơ quan chủ quản: regular
            ("BQL XÂY DỰNG NTM", "Bold", (13, 13)),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bold", (12, 13)),
            ("Độc lập - Tự do - Hạnh phúc", "Bold", (13, 14)),
            ("Số: 249/KH-BQL", "LiberationSerif", (13, 13)),
            ("Tân Thạnh, ngày 24 tháng 02 năm 2023", "Italic", (13, 14)),
            ("KẾ HOẠCH", "Bold", (13, 14)),
        ]
        for text, face, (low, high) in expected:
            chars = _line(page, text)
            assert all(face in c["fontname"] for c in chars), text
            assert all(low - 0.1 <= c["size"] <= high + 0.1 for c in chars), text
        assert not any("Bold" in c["fontname"] for c in _line(page, "UBND XÃ TÂN THẠNH"))
        # The issuing body on the left, the national title on the right.
        assert _line(page, "UBND XÃ")[0]["x0"] < _line(page, "CỘNG HÒA")[0]["x0"]
        # Rules under "BQL XÂY DỰNG NTM" and under the motto: two short horizontal lines.
        rules = [r for r in page.lines + page.rects if r["top"] < 45 * MM]
        assert len(rules) >= 2
        body = _line(page, "Căn cứ Quyết định")
        assert 12.9 <= body[0]["size"] <= 14.1
        # First-line indent about 1 cm from the left margin.
        assert body[0]["x0"] - 30 * MM == pytest.approx(10 * MM, abs=0.5)


def test_recipients_and_signature_block(demo_pdfs):
    with pdfplumber.open(demo_pdfs["plan"]) as pdf:
        page = pdf.pages[-1]
        head = _line(page, "Nơi nhận:")
        assert all("BoldItalic" in c["fontname"] and abs(c["size"] - 12) < 0.1 for c in head)
        for text in ("- TT Đảng ủy, HĐND xã;", "- Thành viên BQL xã;", "- Lưu: VT."):
            assert all(abs(c["size"] - 11) < 0.1 for c in _line(page, text))
        for text in ("TM. BQL NTM XÃ", "TRƯỞNG BAN", "Dương Văn Cảnh"):
            chars = _line(page, text)
            assert all("Bold" in c["fontname"] for c in chars)
            assert chars[0]["x0"] > page.width / 2  # the signature sits on the right
        assert head[0]["x0"] < 31 * MM  # recipients on the left
        # Space to sign between the title and the name.
        gap = _line(page, "Dương Văn Cảnh")[0]["top"] - _line(page, "CHỦ TỊCH UBND XÃ")[0]["bottom"]
        assert gap > 18 * MM


def test_report_number_and_date_are_its_own(demo_pdfs):
    first = flat(pdfplumber.open(demo_pdfs["report"]).pages[0].extract_text())
    assert "/BC-BQL" in first and "249/BC" not in first
    assert "Tân Thạnh, ngày 05 tháng 4 năm 2023" in first
    assert "BÁO CÁO" in first


def test_same_data_gives_the_same_file(demo_template, tmp_path):
    import shutil

    from tests.exports.conftest import export_all

    db = tmp_path / "d.db"
    shutil.copy(demo_template, db)
    one = export_all(db, tmp_path / "a", kinds=("plan", "evidence"))
    two = export_all(db, tmp_path / "b", kinds=("plan", "evidence"))
    for kind in one:
        assert one[kind].read_bytes() == two[kind].read_bytes(), kind

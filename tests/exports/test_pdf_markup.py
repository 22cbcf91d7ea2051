"""Paragraphs of plain text skip reportlab's markup parser; they must be the parser's own."""
from __future__ import annotations

import pytest

from exports.pdf.fonts import register_family
from exports.pdf.markup import esc, paragraph
from exports.pdf.styles import make_styles

TEXTS = [
    "Đạt", "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn từ các nguồn",
    "  spaces   inside\tand\n  a second   line \n\n", "Số:\u00a0\u00a0\u00a0/BC-BQL", "≥ 70%", "9/19",
    "- Nguyễn Văn An (minh họa)", "x",
]


@pytest.mark.parametrize("style_name", ["body", "cell", "cell_center", "cell_head", "hdr_date"])
def test_plain_paragraph_is_what_the_parser_builds(style_name):
    from reportlab.platypus import Paragraph

    style = make_styles(register_family())[style_name]
    for text in TEXTS:
        fast, parsed = paragraph(esc(text), style), Paragraph(esc(text), style)
        assert fast.text == parsed.text
        assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
        assert fast.wrap(200, 1000) == parsed.wrap(200, 1000)
        assert [getattr(line, "words", line) for line in fast.blPara.lines] == \
               [getattr(line, "words", line) for line in parsed.blPara.lines]


def test_markup_and_entities_still_parsed():
    style = make_styles(register_family())["cell"]
    bold = paragraph("<b>Thiếu</b> 1/2", style)
    assert [f.text for f in bold.frags] == ["Thiếu", " 1/2"]
    assert bold.frags[0].fontName != bold.frags[1].fontName
    assert paragraph(esc("A & B <5%"), style).getPlainText() == "A & B <5%"
    assert paragraph("", style).frags == []
